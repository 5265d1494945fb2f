"""Rubric criteria and the concept lexicon they are written against."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from coach.domain.level import Level

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
ConceptId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=60)]
# In criteria a concept id may also name a structural signal, written with a leading "@".
ConceptRef = Annotated[str, StringConstraints(pattern=r"^@?[a-z0-9][a-z0-9_]*$", max_length=60)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base for file-backed models: unknown keys are errors, so typos are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Criterion(Strict):
    """One thing an interviewer gives credit for, and what to say when it is missing.

    Met when at least `min_of` concepts of `any_of` appear (affirmed, not negated),
    every concept of `all_of` does too, and, when `path` is given, the answer's
    arrow flow leads through those concepts in that order.
    """

    id: Identifier
    title: Line
    looks_for: Line
    any_of: list[ConceptRef] = Field(default_factory=list)
    all_of: list[ConceptRef] = Field(default_factory=list)
    path: list[ConceptId] = Field(default_factory=list)
    # Only a sentence that also gives a figure counts ("p99 under 200 ms", "99.9%"):
    # for targets and estimates, naming the quality without a number is not enough.
    with_number: bool = False
    min_of: int = Field(default=1, ge=1)
    weight: float = Field(default=1.0, gt=0, le=10)
    level: Level = Level.MID
    miss: Line

    @model_validator(mode="after")
    def _has_concepts(self) -> Criterion:
        if not self.any_of and not self.all_of and not self.path:
            raise ValueError("a criterion needs concepts in any_of, all_of or path")
        if len(self.path) == 1:
            raise ValueError("a path needs at least two concepts, in flow order")
        if self.any_of and self.min_of > len(self.any_of):
            raise ValueError(f"min_of is {self.min_of} but any_of lists only {len(self.any_of)}")
        return self

    @property
    def concept_ids(self) -> list[str]:
        return [*self.any_of, *self.all_of, *self.path]


class Concept(Strict):
    """A design idea and the words people use for it.

    `terms` are generic names and abbreviations; `products` are named tools
    (they count as the concept too, and tell the coach a tool was named).
    """

    label: Line
    terms: list[Line] = Field(min_length=1)
    products: list[Line] = Field(default_factory=list)


class Lexicon(Strict):
    version: int = Field(ge=1)
    concepts: dict[ConceptId, Concept]


class RubricStep(Strict):
    weight: float = Field(default=1.0, gt=0, le=10)
    criteria: list[Criterion] = Field(min_length=1)


class RubricSteps(Strict):
    clarify: RubricStep
    scale: RubricStep
    architecture: RubricStep
    data: RubricStep
    components: RubricStep
    scaling: RubricStep
    tradeoffs: RubricStep


class Rubric(Strict):
    """The generic seven-step rubric every problem is scored against."""

    id: Identifier
    version: int = Field(ge=1)
    title: Line
    steps: RubricSteps
