"""Which problem a drill of a weak step or a missed criterion runs on."""

from __future__ import annotations

from datetime import timedelta

from coach.review.progress import MissedCriterion, Progress, ScorePoint
from coach.review.suggest import problem_for_criterion, problem_for_step
from tests.helpers import FIXED_NOW

CATALOG = ["newsfeed", "chat", "leaderboard"]


def point(n: int, problem: str, step3: float | None) -> ScorePoint:
    scores = (50.0, 50.0, step3, 50.0, 50.0, 50.0, 50.0)
    return ScorePoint(attempt_id=n, problem_id=problem, mode="mock", drill_step=None,
                      started_at=FIXED_NOW + timedelta(days=n), total=50.0,
                      step_scores=scores, step_seconds=(0.0,) * 7, budget_seconds=(300,) * 7)


PROGRESS = Progress(attempts=5, scored=5, recent=[
    point(1, "newsfeed", 60.0), point(2, "chat", 20.0), point(3, "gone", 5.0),
    point(4, "leaderboard", None), point(5, "leaderboard", 20.0)])


def test_weak_step_drills_the_lowest_scoring_problem_still_in_the_catalog():
    # "gone" scored lowest but left the catalog; chat and leaderboard tie, the latest wins
    assert problem_for_step(PROGRESS, 3, CATALOG) == "leaderboard"
    assert problem_for_step(PROGRESS, 1, CATALOG) == "leaderboard"  # all tie at 50


def test_weak_step_falls_back_to_the_first_catalog_problem():
    assert problem_for_step(Progress(), 3, CATALOG) == "newsfeed"
    assert problem_for_step(PROGRESS, 3, ["other"]) == "other"
    assert problem_for_step(PROGRESS, 3, []) is None


def test_missed_criterion_drills_its_first_problem_still_in_the_catalog():
    missed = MissedCriterion(id="x", step=3, missed=3, seen=4, problems=("gone", "chat"))
    assert problem_for_criterion(PROGRESS, missed, CATALOG) == "chat"


def test_missed_criterion_with_no_problem_left_falls_back_to_its_step():
    missed = MissedCriterion(id="x", step=3, missed=1, seen=1, problems=("gone",))
    assert problem_for_criterion(PROGRESS, missed, CATALOG) == "leaderboard"
