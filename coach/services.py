"""Build the long-lived pieces both front ends use: catalog, scorer, repository."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach.packs.catalog import Catalog
from coach.scoring.scorer import Scorer
from coach.store.repository import Repository


@dataclass
class Services:
    catalog: Catalog
    scorer: Scorer
    repository: Repository


def load_catalog_and_scorer() -> tuple[Catalog, Scorer]:
    from coach.packs.loader import load_catalog

    catalog = load_catalog()
    return catalog, Scorer(catalog.rubric, catalog.lexicon)


def open_repository(db: str | Path | None = None) -> Repository:
    """The SQLite repository at --db, COACH_DB or the data home. Imports SQLModel lazily."""
    from coach.paths import database_path
    from coach.store.sql import SqlRepository

    return SqlRepository(database_path(db))


def load_services(db: str | Path | None = None) -> Services:
    catalog, scorer = load_catalog_and_scorer()
    return Services(catalog, scorer, open_repository(db))
