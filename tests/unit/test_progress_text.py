"""The plain-text progress: the figures the plots show, for narrow terminals and `coach stats`."""

from __future__ import annotations

from datetime import date, timedelta

from coach.review.progress import MissedCriterion, Progress, ScorePoint, StepStanding, WeekPoint
from coach.review.progress_text import (
    progress_lines,
    render_progress_text,
    time_against_budget,
    trend_line,
)
from tests.helpers import FIXED_NOW

STEP_MEANS = (72.0, 55.0, 61.0, 40.0, 80.0, 35.0, 66.0)


def point(n: int, total: float | None, problem: str = "newsfeed") -> ScorePoint:
    return ScorePoint(attempt_id=n, problem_id=problem, mode="mock", drill_step=None,
                      started_at=FIXED_NOW - timedelta(days=30 - n), total=total,
                      step_scores=STEP_MEANS, step_seconds=(250.0,) * 7,
                      budget_seconds=(300,) * 7)


def sample() -> Progress:
    totals = [40, 45, 50, 55, 60, 62, 65, 70, 75, 80]
    return Progress(
        attempts=12, scored=10, best_total=80.0, window=10,
        weeks=[WeekPoint(week=date(2026, 3, 2), attempts=4, problems=2, scored=3, mean_total=48.0,
                         step_means=(50.0, None, 40.0, 30.0, 60.0, 20.0, 55.0)),
               WeekPoint(week=date(2026, 3, 9), attempts=8, problems=5, scored=7, mean_total=71.0,
                         step_means=STEP_MEANS)],
        recent=[point(n, t) for n, t in enumerate(totals, start=1)],
        steps=[StepStanding(step=n, title=f"Title {n}", mean=m, scored=10,
                            mean_seconds=250.0, mean_budget=300.0 if n != 7 else None)
               for n, m in enumerate(STEP_MEANS, start=1)],
        missed=[MissedCriterion(id="scaling.cache", step=6, missed=14, seen=20,
                                problems=("newsfeed", "chat", "leaderboard", "url-shortener")),
                MissedCriterion(id="data.partitioning", step=4, missed=3, seen=10,
                                problems=("chat",))],
    )


def test_empty_progress_is_one_friendly_line():
    assert progress_lines(Progress()) == [
        "No scored attempts yet. Finish an attempt and your progress shows here."]
    assert render_progress_text(Progress(attempts=2)).startswith(
        "No scored attempts yet (2 attempts started).")
    assert "\n" not in render_progress_text(Progress(attempts=2))


def test_the_figures_appear():
    text = render_progress_text(sample())
    assert text.startswith("12 attempts, 10 scored, best total 80.")
    assert "latest 10 scored attempts" in text
    assert "First 5: mean 50. Last 5: mean 70 (+20)." in text
    assert "2026-03-02         4         2     48        50   —  40  30  60  20  55" in text
    assert "2026-03-09         8         5     71" in text
    assert "6 Scaling                 35      10  4:10 of 5:00" in text
    assert "7 Trade-offs              66      10  4:10, untimed" in text
    assert ("  scaling.cache (step 6): missed 14 of 20\n"
            "    in newsfeed, chat, leaderboard and 1 more\n") in text
    assert text.endswith("data.partitioning (step 4): missed 3 of 10\n    in chat")


def test_weakest_steps_lowest_first():
    lines = progress_lines(sample())
    start = lines.index("Weakest steps")
    assert lines[start + 1:start + 4] == [
        "  1. Step 6 Scaling: mean 35 over 10 attempts",
        "  2. Step 4 Data model: mean 40 over 10 attempts",
        "  3. Step 2 Scale: mean 55 over 10 attempts",
    ]


def test_text_is_deterministic_plain_and_narrow():
    text = render_progress_text(sample())
    assert text == render_progress_text(sample())
    assert "\x1b" not in text and "[" not in text
    assert max(len(line) for line in text.splitlines()) < 80


def test_trend_with_few_totals():
    assert trend_line([]).startswith("No totals yet")
    assert trend_line([52.4]) == "1 scored total so far: 52."
    assert trend_line([40, 60, 70]) == "First 1: mean 40. Last 1: mean 70 (+30)."
    assert trend_line([70, 60]) == "First 1: mean 70. Last 1: mean 60 (-10)."


def test_time_against_budget():
    assert time_against_budget(250, 300) == "4:10 of 5:00"
    assert time_against_budget(3725, 600) == "1:02:05 of 10:00"
    assert time_against_budget(90, 0) == "1:30, untimed"
    assert time_against_budget(None, 300) == "—"
