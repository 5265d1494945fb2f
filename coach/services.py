"""Build the long-lived pieces both front ends use: catalog, scorer, repository."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.packs.catalog import Catalog
    from coach.scoring.scorer import Scorer
    from coach.store.repository import Repository


class Services:
    """The catalog and repository; the scorer is compiled on first use (it takes a while)."""

    def __init__(self, catalog: Catalog, repository: Repository,
                 scorer: Scorer | None = None) -> None:
        self.catalog = catalog
        self.repository = repository
        self._scorer = scorer
        self._lock = threading.Lock()

    @property
    def scorer(self) -> Scorer:
        with self._lock:
            if self._scorer is None:
                from coach.scoring.scorer import Scorer

                self._scorer = Scorer(self.catalog.rubric, self.catalog.lexicon)
            return self._scorer


def load_catalog_and_scorer() -> tuple[Catalog, Scorer]:
    from coach.packs.loader import load_catalog
    from coach.scoring.scorer import Scorer

    catalog = load_catalog()
    return catalog, Scorer(catalog.rubric, catalog.lexicon)


def open_repository(db: str | Path | None = None) -> Repository:
    """The SQLite repository at --db, COACH_DB or the data home. Imports SQLModel lazily."""
    from coach.paths import database_path
    from coach.store.sql import SqlRepository

    return SqlRepository(database_path(db))
