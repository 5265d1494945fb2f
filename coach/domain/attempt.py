"""An attempt: what the candidate wrote per step, how long each step took, and its result."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from coach.domain.report import ScoreReport
from coach.domain.steps import STEPS


class Mode(StrEnum):
    MOCK = "mock"
    PRACTICE = "practice"
    DRILL = "drill"  # one step of a problem against its own clock
    FILE = "file"  # scored from an answer file, not written in the app


class Status(StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    ABANDONED = "abandoned"

    @property
    def label(self) -> str:
        """How lists show it: a submitted attempt is 'scored', an abandoned one 'discarded'."""
        return {"in_progress": "unfinished", "submitted": "scored",
                "abandoned": "discarded"}[self.value]


class StepAnswer(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: int = Field(ge=1, le=len(STEPS))
    text: str = ""
    elapsed_seconds: float = Field(default=0.0, ge=0)


class QuestionAsked(BaseModel):
    """A question put to the interviewer, and what came back."""

    model_config = ConfigDict(frozen=True)

    step: int = Field(default=1, ge=1, le=len(STEPS))
    question: str
    answer: str
    fact_id: str | None = None  # None: the interviewer left it to the candidate
    topic: str = ""


class HintUsed(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: int = Field(ge=1, le=len(STEPS))
    index: int = Field(ge=0)  # which of the step's hints, in order


class InterviewLog(BaseModel):
    """What happened besides the typing: questions asked and hints taken."""

    questions: list[QuestionAsked] = Field(default_factory=list)
    hints: list[HintUsed] = Field(default_factory=list)


def empty_answers() -> list[StepAnswer]:
    return [StepAnswer(step=info.number) for info in STEPS]


class Attempt(BaseModel):
    """One sitting of one problem. `id` is None until the repository stores it."""

    id: int | None = None
    problem_id: str
    problem_title: str
    pack_id: str
    pack_version: str
    mode: Mode
    status: Status = Status.IN_PROGRESS
    level: str = "senior"
    budget_seconds: list[int]
    current_step: int = 1
    drill_step: int | None = Field(default=None, ge=1, le=len(STEPS))  # set in drill mode
    started_at: datetime
    updated_at: datetime
    submitted_at: datetime | None = None
    answers: list[StepAnswer] = Field(default_factory=empty_answers)
    log: InterviewLog = Field(default_factory=InterviewLog)
    report: ScoreReport | None = None

    @property
    def elapsed_seconds(self) -> float:
        return sum(answer.elapsed_seconds for answer in self.answers)

    def answer(self, step: int) -> StepAnswer:
        return self.answers[step - 1]


class AttemptSummary(BaseModel):
    """A history row: enough to list an attempt without loading its text."""

    model_config = ConfigDict(frozen=True)

    id: int
    problem_id: str
    problem_title: str
    mode: Mode
    status: Status
    level: str
    started_at: datetime
    elapsed_seconds: float
    total: float | None
    pack_id: str = ""
    drill_step: int | None = None


class ProblemStats(BaseModel):
    model_config = ConfigDict(frozen=True)

    attempts: int = 0
    best: float | None = None
