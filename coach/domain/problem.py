"""A design problem as a pack file describes it."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from coach.domain.estimate import ReferenceEstimate
from coach.domain.facts import InterviewerFact
from coach.domain.rubric import Concept, ConceptId, Criterion, Identifier, Line, Strict
from coach.domain.steps import STEPS


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class StepContent(Strict):
    """What one step of this problem asks for, and how a strong answer reads."""

    guidance: Line
    hints: list[Line] = Field(default_factory=list)
    reference: Line
    criteria: list[Criterion] = Field(default_factory=list)


StepKey = Literal["clarify", "scale", "architecture", "data", "components", "scaling",
                  "tradeoffs"]


class PackRubricStep(Strict):
    weight: float | None = Field(default=None, gt=0, le=10)  # replaces the generic weight
    criteria: list[Criterion] = Field(default_factory=list)  # added to the step's criteria


class PackRubric(Strict):
    """`rubric.yaml` in a pack: criteria added to every problem of the pack, step by step,
    and step weights of its own."""

    steps: dict[StepKey, PackRubricStep]


class ProblemSteps(Strict):
    clarify: StepContent
    scale: StepContent
    architecture: StepContent
    data: StepContent
    components: StepContent
    scaling: StepContent
    tradeoffs: StepContent

    def by_number(self, number: int) -> StepContent:
        return getattr(self, STEPS[number - 1].key)


Minutes = Annotated[int, Field(ge=1, le=60)]


class Problem(Strict):
    id: Identifier
    title: Line
    difficulty: Difficulty
    tags: list[Identifier] = Field(default_factory=list)
    summary: Line
    prompt: Line
    budget_minutes: list[Minutes] | None = None
    steps: ProblemSteps
    concepts: dict[ConceptId, Concept] = Field(default_factory=dict)
    # Plausible ranges for the step-2 figures, so a far-off estimate is pointed out.
    estimates: list[ReferenceEstimate] = Field(default_factory=list)
    # What the interviewer answers when asked about scale, scope, targets, ...
    facts: list[InterviewerFact] = Field(default_factory=list)
    # The language answers are written in (ISO code such as "fr"); by default the pack's.
    language: Identifier | None = None
    # Step weights that replace the generic rubric's, by step key ("architecture": 3).
    step_weights: dict[StepKey, float] = Field(default_factory=dict)

    @field_validator("budget_minutes")
    @classmethod
    def _seven_budgets(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and len(value) != len(STEPS):
            raise ValueError(f"needs {len(STEPS)} step budgets, got {len(value)}")
        return value


class PackManifest(Strict):
    """`pack.yaml`: who wrote the pack and which version it is."""

    id: Identifier
    name: Line
    version: Line
    description: Line
    author: Line | None = None
    licence: Line | None = None
    language: Identifier = "en"  # ISO code; matching stems words in this language


class CatalogEntry(BaseModel):
    """A loaded problem with the pack it came from."""

    model_config = ConfigDict(frozen=True)

    problem: Problem
    pack_id: str
    pack_version: str
    source: str

    @property
    def id(self) -> str:
        return self.problem.id
