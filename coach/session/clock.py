"""Per-step timekeeping with an injected monotonic clock, so tests advance time by hand."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum

WARNING_SHARE = 0.2  # the last fifth of a step's budget shows as a warning


class Pace(StrEnum):
    ON_TIME = "on_time"
    WARNING = "warning"
    OVERTIME = "overtime"


def pace(elapsed: float, budget: float) -> Pace:
    if budget <= 0:  # untimed: no budget to be late against
        return Pace.ON_TIME
    if elapsed > budget:
        return Pace.OVERTIME
    if budget - elapsed <= budget * WARNING_SHARE:
        return Pace.WARNING
    return Pace.ON_TIME


class StepClock:
    """Counts time on the current step only; switching steps keeps each step's own total."""

    def __init__(
        self,
        budgets: Sequence[float],
        now: Callable[[], float],
        elapsed: Sequence[float] | None = None,
        current: int = 0,
    ) -> None:
        self.budgets = list(budgets)
        self._now = now
        self._banked = list(elapsed) if elapsed is not None else [0.0] * len(self.budgets)
        if len(self._banked) != len(self.budgets):
            raise ValueError("elapsed and budgets must have the same length")
        self._current = current
        self._running_since: float | None = None

    @property
    def current(self) -> int:
        """Index (0-based) of the step the clock is counting."""
        return self._current

    @property
    def running(self) -> bool:
        return self._running_since is not None

    def start(self) -> None:
        if self._running_since is None:
            self._running_since = self._now()

    def pause(self) -> None:
        if self._running_since is not None:
            self._banked[self._current] += max(0.0, self._now() - self._running_since)
            self._running_since = None

    def switch_to(self, index: int) -> None:
        if not 0 <= index < len(self.budgets):
            raise IndexError(index)
        was_running = self.running
        self.pause()
        self._current = index
        if was_running:
            self.start()

    def elapsed(self, index: int | None = None) -> float:
        index = self._current if index is None else index
        live = 0.0
        if index == self._current and self._running_since is not None:
            live = max(0.0, self._now() - self._running_since)
        return self._banked[index] + live

    def all_elapsed(self) -> list[float]:
        return [self.elapsed(i) for i in range(len(self.budgets))]

    def remaining(self, index: int | None = None) -> float:
        """Seconds left on the step's budget; negative once it is over."""
        index = self._current if index is None else index
        return self.budgets[index] - self.elapsed(index)

    def pace(self, index: int | None = None) -> Pace:
        index = self._current if index is None else index
        return pace(self.elapsed(index), self.budgets[index])

    @property
    def total_elapsed(self) -> float:
        return sum(self.all_elapsed())

    @property
    def total_budget(self) -> float:
        return sum(self.budgets)

    def total_pace(self) -> Pace:
        return pace(self.total_elapsed, self.total_budget)


def format_seconds(seconds: float) -> str:
    """`4:05` or `1:02:03` for a duration (its sign is the caller's to show)."""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
