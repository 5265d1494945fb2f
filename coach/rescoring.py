"""Re-score stored attempts after a rubric change, or for another target level."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from coach.domain.level import Level
from coach.packs.catalog import Catalog
from coach.scoring.scorer import Scorer
from coach.store.repository import Repository


@dataclass(frozen=True)
class RescoreOutcome:
    attempt_id: int
    problem_id: str
    old_total: float | None = None
    new_total: float | None = None
    old_verdict: str = ""
    new_verdict: str = ""
    skipped: str = ""  # why nothing changed, when nothing did


def rescore_attempts(repository: Repository, catalog: Catalog, scorer: Scorer,
                     attempt_ids: Iterable[int] | None, *, level: Level | None, force: bool,
                     now: datetime, progress: Callable[[int, int], None] | None = None,
                     ) -> list[RescoreOutcome]:
    """Re-score the given attempts (default: every scored one). An attempt already scored
    with the current rubric at the asked level is left alone unless `force`."""
    ids = list(attempt_ids) if attempt_ids is not None else repository.scored_attempt_ids()
    outcomes: list[RescoreOutcome] = []
    for done, attempt_id in enumerate(ids, start=1):
        outcomes.append(_rescore_one(repository, catalog, scorer, attempt_id, level, force, now))
        if progress is not None:
            progress(done, len(ids))
    return outcomes


def _rescore_one(repository: Repository, catalog: Catalog, scorer: Scorer, attempt_id: int,
                 level: Level | None, force: bool, now: datetime) -> RescoreOutcome:
    attempt = repository.get(attempt_id)
    if attempt is None:
        return RescoreOutcome(attempt_id, "", skipped="no such attempt")
    old = attempt.report
    if old is None:
        return RescoreOutcome(attempt_id, attempt.problem_id, skipped="not scored yet")
    entry = catalog.get(attempt.problem_id)
    if entry is None:
        return RescoreOutcome(attempt_id, attempt.problem_id,
                              old_total=old.total, old_verdict=old.verdict,
                              skipped="its problem is no longer in the catalog")
    target = level or Level(old.level)
    if not force and old.rubric_version == scorer.rubric_version and old.level == target:
        return RescoreOutcome(attempt_id, attempt.problem_id, old.total, old.total,
                              old.verdict, old.verdict, skipped="already current")
    report = scorer.score_attempt(entry.problem, attempt, target)
    repository.rescore(attempt_id, report, now)
    return RescoreOutcome(attempt_id, attempt.problem_id, old.total, report.total,
                          old.verdict, report.verdict)
