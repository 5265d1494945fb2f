import pytest

from coach.domain.level import Level
from coach.domain.report import StepScore
from coach.scoring.verdict import BANDS, verdict_for


def steps(*scores: float) -> list[StepScore]:
    return [StepScore(step=i + 1, title=f"step {i + 1}", score=score, weight=1, earned=0,
                      possible=1, budget_seconds=60, elapsed_seconds=0, words=0, criteria=[])
            for i, score in enumerate(scores)]


@pytest.mark.parametrize(("total", "label"), [
    (10, "no hire"), (49.9, "no hire"), (50, "lean hire"), (64.9, "lean hire"),
    (65, "hire"), (79.9, "hire"), (80, "strong hire"), (100, "strong hire"),
])
def test_senior_bands(total, label):
    verdict = verdict_for(total, steps(*[total] * 7), Level.SENIOR)
    assert verdict.label == label
    assert "senior" in verdict.reason


def test_higher_levels_need_a_higher_total():
    scores = steps(*[68] * 7)
    labels = [verdict_for(68, scores, level).label for level in Level]
    assert labels == ["hire", "hire", "lean hire"]
    assert all(a < b for a, b in zip(BANDS[Level.MID], BANDS[Level.STAFF], strict=True))


def test_a_skipped_step_caps_the_verdict_and_says_why():
    verdict = verdict_for(85, steps(95, 95, 95, 95, 10, 95, 95), Level.SENIOR)
    assert verdict.label == "lean hire"
    assert "step 5" in verdict.reason
