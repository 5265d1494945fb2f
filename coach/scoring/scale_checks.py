"""Step 2 checked as numbers: the arithmetic redone, figures against the problem's ranges."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from coach.domain.estimate import ReferenceEstimate
from coach.domain.report import Evidence, Mistake
from coach.scoring.estimates import EstimateCheck, check_arithmetic
from coach.scoring.numbers import find_quantities
from coach.scoring.ranges import RangeCheck, compare_to_references
from coach.scoring.units import humanise

# Figures from which spreading the load is a design concern, not an option.
LARGE_RATE_PER_SECOND = 10_000
LARGE_STORAGE_BYTES = 10e12
LARGE_DAILY_BYTES = 1e12
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86_400}


@dataclass(frozen=True)
class ScaleChecks:
    arithmetic: list[EstimateCheck] = field(default_factory=list)
    ranges: list[RangeCheck] = field(default_factory=list)
    large_scale: str | None = None  # the first figure that makes scale a concern

    def good_lines(self) -> list[Evidence]:
        return [Evidence(sentence=check.line) for check in self.arithmetic if check.ok][:3]

    def wrong_lines(self) -> list[tuple[str, str]]:
        """Each line whose figure is off, with the message that says so."""
        return [(check.line, check.message) for check in [*self.arithmetic, *self.ranges]
                if not check.ok]

    def mistakes(self) -> list[Mistake]:
        wrong = [check.message for check in self.arithmetic if not check.ok]
        wrong += [check.message for check in self.ranges if not check.ok]
        return [Mistake(id="estimate-off", title="An estimate does not add up", step=2,
                        message=f"Step 2, {message[:1].lower()}{message[1:]}")
                for message in wrong]


def check_scale(text: str, references: Sequence[ReferenceEstimate]) -> ScaleChecks:
    if not any(ch.isdigit() for ch in text):
        return ScaleChecks()
    return ScaleChecks(check_arithmetic(text), compare_to_references(text, references),
                       _large_scale(text))


def _large_scale(text: str) -> str | None:
    for line in text.splitlines():
        if not any(ch.isdigit() for ch in line):
            continue
        for quantity in find_quantities(line):
            per = quantity.per
            if per in _SECONDS and not quantity.bytes:
                rate = quantity.value / _SECONDS[per]
                if rate >= LARGE_RATE_PER_SECOND:
                    return f"about {humanise(rate, 'requests/second')}"
            elif quantity.bytes and per is None and quantity.value >= LARGE_STORAGE_BYTES:
                return f"about {humanise(quantity.value, 'bytes')} of data"
            elif quantity.bytes and per == "day" and quantity.value >= LARGE_DAILY_BYTES:
                return f"about {humanise(quantity.value, 'bytes/day')}"
    return None
