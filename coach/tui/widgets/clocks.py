"""The interview's clocks: this step's countdown, the overall clock, and the step list."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from coach.domain.steps import STEPS
from coach.session.clock import Pace, StepClock, format_seconds

PACE_STYLE = {Pace.ON_TIME: "$success", Pace.WARNING: "bold $warning",
              Pace.OVERTIME: "bold reverse $error"}


def countdown(remaining: float, budget: float = 1.0) -> str:
    """`3:12 left`, or `1:05 over` once the budget is spent; `2:40 spent` when untimed."""
    if budget <= 0:
        return f"{format_seconds(-remaining)} spent"
    if remaining < 0:
        return f"{format_seconds(-remaining)} over"
    return f"{format_seconds(remaining)} left"


class ClockBar(Static):
    """`Step 2 of 7 · 3:12 left · Total 38:40 left` in the colour of the pace."""

    def show(self, clock: StepClock, paused: bool) -> None:
        step = clock.current + 1
        parts: list[str | tuple[str, str]] = [
            (f" Step {step} of {len(STEPS)} ", "bold"),
            (f" {countdown(clock.remaining(), clock.budgets[clock.current])} ",
             PACE_STYLE[clock.pace()]),
            "   Total ",
            (f" {countdown(clock.total_budget - clock.total_elapsed, clock.total_budget)} ",
             PACE_STYLE[clock.total_pace()]),
        ]
        if paused:
            parts.append(("   PAUSED ", "bold $accent"))
        self.update(Content.assemble(*parts))


class StepList(Static):
    """Every step with its time against budget; the current one marked."""

    def show(self, clock: StepClock, has_text: list[bool]) -> None:
        lines: list[Content] = []
        for index, info in enumerate(STEPS):
            current = index == clock.current
            marker = "▶" if current else ("✓" if has_text[index] else " ")
            elapsed = clock.elapsed(index)
            label = Content.styled(f"{marker} {info.number}. {info.short}",
                                   "bold" if current else "")
            budget = clock.budgets[index]
            used = (f"{format_seconds(elapsed)}/{format_seconds(budget)}" if budget > 0
                    else f"{format_seconds(elapsed)} spent")
            style = PACE_STYLE[clock.pace(index)] if (current or elapsed) else "dim"
            lines.append(Content.assemble(label, "\n   ", (used, style)))
        self.update(Content("\n").join(lines))
