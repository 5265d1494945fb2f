from __future__ import annotations

import pytest

from coach.packs.loader import load_catalog
from coach.scoring.scorer import Scorer


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own data folder; nothing touches the user's real one."""
    home = tmp_path_factory.mktemp("coach-home")
    monkeypatch.setenv("COACH_HOME", str(home))
    monkeypatch.delenv("COACH_DB", raising=False)
    monkeypatch.delenv("COACH_PACKS", raising=False)
    return home


@pytest.fixture(scope="session")
def catalog(tmp_path_factory):
    """The built-in catalog only (an empty data home, no COACH_PACKS)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COACH_HOME", str(tmp_path_factory.mktemp("catalog-home")))
        return load_catalog(extra_roots=[])


@pytest.fixture(scope="session")
def scorer(catalog):
    return Scorer(catalog.rubric, catalog.lexicon)
