"""From a total to the decision an interviewer would write down, for a target level."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.domain.level import Level
from coach.domain.report import StepScore

NO_HIRE, LEAN_HIRE, HIRE, STRONG_HIRE = "no hire", "lean hire", "hire", "strong hire"
# Lowest total for lean hire, hire and strong hire. Higher levels are held to a higher
# bar on top of the extra criteria that only they are scored against.
BANDS: dict[Level, tuple[float, float, float]] = {
    Level.MID: (45.0, 60.0, 78.0),
    Level.SENIOR: (50.0, 65.0, 80.0),
    Level.STAFF: (55.0, 70.0, 85.0),
}
# A step this weak is a red flag on its own: the verdict is capped at lean hire.
WEAK_STEP = 25.0


@dataclass(frozen=True)
class Verdict:
    label: str
    reason: str


def verdict_for(total: float, steps: Sequence[StepScore], level: Level, *,
                off_topic: bool = False) -> Verdict:
    lean, hire, strong = BANDS[level]
    if total >= strong:
        label, band = STRONG_HIRE, f"{total:g} is at least {strong:g}"
    elif total >= hire:
        label, band = HIRE, f"{total:g} is between {hire:g} and {strong:g}"
    elif total >= lean:
        label, band = LEAN_HIRE, f"{total:g} is between {lean:g} and {hire:g}"
    else:
        label, band = NO_HIRE, f"{total:g} is below {lean:g}"
    reason = f"{band}, the {label} band for {level.value} level"
    weak = [step.step for step in steps if step.score < WEAK_STEP]
    if weak and label in (HIRE, STRONG_HIRE):
        names = ", ".join(str(number) for number in weak)
        label = LEAN_HIRE
        reason += (f"; capped at {LEAN_HIRE} because step{'s' if len(weak) > 1 else ''} "
                   f"{names} scored below {WEAK_STEP:g}")
    if off_topic and label != NO_HIRE:
        label = NO_HIRE
        reason += f"; {NO_HIRE} because the answer does not address this problem"
    return Verdict(label, reason + ".")
