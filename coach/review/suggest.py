"""Which problem to drill a weak step or a missed criterion on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.review.progress import MissedCriterion, Progress


def problem_for_step(progress: Progress, step: int, catalog_ids: Sequence[str]) -> str | None:
    """The catalog problem with the lowest score on `step` among the recent attempts (the
    latest of equal lows); else the first catalog problem; None for an empty catalog."""
    known = set(catalog_ids)
    lowest: tuple[float, int, str] | None = None
    for order, point in enumerate(progress.recent):
        if point.problem_id not in known or not 1 <= step <= len(point.step_scores):
            continue
        value = point.step_scores[step - 1]
        if value is None:
            continue
        candidate = (value, -order, point.problem_id)
        if lowest is None or candidate < lowest:
            lowest = candidate
    if lowest is not None:
        return lowest[2]
    return catalog_ids[0] if catalog_ids else None


def problem_for_criterion(progress: Progress, criterion: MissedCriterion,
                          catalog_ids: Sequence[str]) -> str | None:
    """The first problem the criterion was missed on that is still in the catalog; else the
    problem `problem_for_step` picks for the criterion's step."""
    known = set(catalog_ids)
    found = next((pid for pid in criterion.problems if pid in known), None)
    return found if found is not None else problem_for_step(progress, criterion.step,
                                                            catalog_ids)
