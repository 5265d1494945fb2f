"""The attempt in progress: answers, clock and the bookkeeping of what is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from coach.domain.attempt import (
    Attempt,
    HintUsed,
    Mode,
    QuestionAsked,
    StepAnswer,
    empty_answers,
)
from coach.domain.problem import CatalogEntry
from coach.domain.steps import DEFAULT_BUDGET_MINUTES, STEPS
from coach.session.clock import StepClock

SAVE_EVERY_SECONDS = 5.0  # the clock alone is saved this often; typing is saved sooner


def new_attempt(entry: CatalogEntry, mode: Mode, started_at: datetime, level: str,
                budget_minutes: list[int] | None = None, drill_step: int | None = None
                ) -> Attempt:
    minutes = budget_minutes or entry.problem.budget_minutes or list(DEFAULT_BUDGET_MINUTES)
    if drill_step is not None:  # the clocks and the total are the drilled step's alone
        minutes = [m if n == drill_step else 0 for n, m in enumerate(minutes, start=1)]
    return Attempt(
        problem_id=entry.id, problem_title=entry.problem.title, pack_id=entry.pack_id,
        pack_version=entry.pack_version, mode=mode, level=level,
        budget_seconds=[m * 60 for m in minutes], started_at=started_at,
        updated_at=started_at, answers=empty_answers(), drill_step=drill_step,
        current_step=drill_step or 1,
    )


class InterviewSession:
    """Owns an Attempt while it is being written. Knows when it has unsaved changes."""

    def __init__(self, attempt: Attempt, now: Callable[[], float]) -> None:
        if attempt.id is None:
            raise ValueError("store the attempt before starting a session on it")
        self.attempt = attempt
        self._texts = [answer.text for answer in attempt.answers]
        self.clock = StepClock(
            attempt.budget_seconds, now,
            elapsed=[answer.elapsed_seconds for answer in attempt.answers],
            current=attempt.current_step - 1,
        )
        self._now = now
        self._dirty = False
        self._saved_at = now()
        self.log = attempt.log.model_copy(deep=True)

    def record_question(self, asked: QuestionAsked) -> None:
        self.log.questions.append(asked)
        self._dirty = True

    def take_hint(self, hints: list[str]) -> str | None:
        """The next hint of the current step, recorded as used; None when all are shown."""
        taken = sum(1 for hint in self.log.hints if hint.step == self.step)
        if taken >= len(hints):
            return None
        self.log.hints.append(HintUsed(step=self.step, index=taken))
        self._dirty = True
        return hints[taken]

    def hints_taken(self, step: int) -> int:
        return sum(1 for hint in self.log.hints if hint.step == step)

    @property
    def mode(self) -> Mode:
        return self.attempt.mode

    @property
    def step(self) -> int:
        """The current step, 1-7."""
        return self.clock.current + 1

    def text(self, step: int) -> str:
        return self._texts[step - 1]

    def set_text(self, step: int, text: str) -> None:
        if self._texts[step - 1] != text:
            self._texts[step - 1] = text
            self._dirty = True

    def go_to(self, step: int) -> bool:
        """Move to a step (1-7). Returns False when already there or out of range."""
        if not 1 <= step <= len(STEPS) or step == self.step:
            return False
        if self.attempt.drill_step is not None:
            return False  # a drill stays on its one step
        self.clock.switch_to(step - 1)
        self._dirty = True
        return True

    def next(self) -> bool:
        return self.go_to(self.step + 1)

    def previous(self) -> bool:
        return self.go_to(self.step - 1)

    @property
    def paused(self) -> bool:
        return not self.clock.running

    def pause(self) -> None:
        self.clock.pause()
        self._dirty = True

    def resume(self) -> None:
        self.clock.start()

    def needs_save(self) -> bool:
        """Unsaved typing, or the clock has moved on since the last save."""
        moved = self.clock.running and self._now() - self._saved_at >= SAVE_EVERY_SECONDS
        return self._dirty or moved

    def snapshot(self) -> list[StepAnswer]:
        return [
            StepAnswer(step=info.number, text=self._texts[info.number - 1],
                       elapsed_seconds=round(self.clock.elapsed(info.number - 1), 2))
            for info in STEPS
        ]

    def mark_saved(self) -> None:
        self._dirty = False
        self._saved_at = self._now()

    def texts(self) -> list[str]:
        return list(self._texts)
