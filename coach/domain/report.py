"""The result of scoring an attempt. Its JSON form is the `coach score --json` contract."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Evidence(BaseModel):
    """A sentence of the answer that earned (part of) a criterion, and the words that did."""

    sentence: str
    matched: list[str] = Field(default_factory=list)


class CriterionResult(BaseModel):
    id: str
    title: str
    source: str  # "generic" or the problem id
    weight: float
    level: str
    met: bool
    evidence: list[Evidence] = Field(default_factory=list)
    found: list[str] = Field(default_factory=list)  # concept labels found
    missing: list[str] = Field(default_factory=list)  # concept labels still needed
    listed: list[str] = Field(default_factory=list)  # named only in a bare list: no credit
    feedback: str = ""  # what to add; empty when met


class FlowNodeOut(BaseModel):
    key: str
    label: str  # as the candidate first wrote it


class FlowEdgeOut(BaseModel):
    source: str
    target: str
    line: int  # line of the step's answer that drew it


class FlowDiagram(BaseModel):
    """The component graph read from a step's arrow lines, kept for drawing and export."""

    nodes: list[FlowNodeOut]
    edges: list[FlowEdgeOut]


class StepScore(BaseModel):
    step: int
    title: str
    score: float = Field(ge=0, le=100)
    weight: float
    earned: float
    possible: float
    budget_seconds: int
    elapsed_seconds: float
    words: int
    criteria: list[CriterionResult]
    flow: FlowDiagram | None = None


class Mistake(BaseModel):
    id: str
    title: str
    message: str
    step: int | None = None


class ScoreReport(BaseModel):
    problem: str
    problem_title: str
    rubric_version: str
    level: str
    total: float = Field(ge=0, le=100)
    verdict: str = ""  # no hire / lean hire / hire / strong hire, for `level`
    verdict_reason: str = ""
    steps: list[StepScore]
    mistakes: list[Mistake] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # how this report was made, when unusual

    def contract_json(self) -> dict:
        """The JSON shape DESIGN.md promises (more keys are allowed, so all are kept)."""
        data = self.model_dump(mode="json")
        for step in data["steps"]:
            for criterion in step["criteria"]:
                criterion["evidence"] = [item["sentence"] for item in criterion["evidence"]]
        return data
