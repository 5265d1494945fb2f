"""Progress figures across attempts: the trends, the weakest steps, the most-missed criteria.

The repository computes these (in SQL where it can); the screens, `coach stats` and the
what-next queue only read them.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

STEP_COUNT = 7


class ScorePoint(BaseModel):
    """One scored attempt, for plotting: total and per-step scores and times."""

    model_config = ConfigDict(frozen=True)

    attempt_id: int
    problem_id: str
    mode: str
    drill_step: int | None
    started_at: datetime
    total: float | None  # None for a drill, which has no total
    step_scores: tuple[float | None, ...]  # seven; None where the step was not scored
    step_seconds: tuple[float, ...]  # seven
    budget_seconds: tuple[int, ...]  # seven; 0 for an untimed step


class WeekPoint(BaseModel):
    """One calendar week (Monday to Sunday, UTC) with at least one attempt."""

    model_config = ConfigDict(frozen=True)

    week: date  # the Monday
    attempts: int  # all attempts started that week, scored or not
    problems: int  # different problems among them
    scored: int
    mean_total: float | None
    step_means: tuple[float | None, ...]  # seven


class StepStanding(BaseModel):
    """How one step has gone across the recent scored attempts."""

    model_config = ConfigDict(frozen=True)

    step: int
    title: str
    mean: float | None  # None: never scored
    scored: int  # attempts that scored this step
    mean_seconds: float | None
    mean_budget: float | None  # of the timed attempts


class MissedCriterion(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    step: int
    missed: int  # recent scored attempts that missed it
    seen: int  # recent scored attempts that were scored on it
    problems: tuple[str, ...]  # problem ids where it was missed, most misses first

    @property
    def rate(self) -> float:
        return self.missed / self.seen if self.seen else 0.0


class Progress(BaseModel):
    """Everything the progress screen and `coach stats` show."""

    attempts: int = 0  # all stored attempts (not deleted)
    scored: int = 0
    best_total: float | None = None
    window: int = 0  # how many recent scored attempts `steps` and `missed` are drawn from
    weeks: list[WeekPoint] = Field(default_factory=list)  # oldest first
    recent: list[ScorePoint] = Field(default_factory=list)  # oldest first
    steps: list[StepStanding] = Field(default_factory=list)  # step order
    missed: list[MissedCriterion] = Field(default_factory=list)  # most missed first

    def weakest_steps(self, count: int = 3) -> list[StepStanding]:
        """The scored steps with the lowest mean, lowest first."""
        scored = [s for s in self.steps if s.mean is not None]
        return sorted(scored, key=lambda s: (s.mean, s.step))[:count]


class StepReview(BaseModel):
    """One step of one scored attempt, as the spaced-repetition queue sees it."""

    model_config = ConfigDict(frozen=True)

    problem_id: str
    step: int
    at: datetime
    score: float
