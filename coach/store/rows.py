"""SQLModel table rows. Kept apart from the domain models; converters map between them."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class AttemptRow(SQLModel, table=True):
    __tablename__ = "attempt"

    id: int | None = Field(default=None, primary_key=True)
    problem_id: str = Field(index=True)
    problem_title: str
    pack_id: str
    pack_version: str
    mode: str
    status: str = Field(index=True)
    level: str
    budget_seconds: str  # JSON list of seven integers
    current_step: int = 1
    started_at: datetime = Field(index=True)
    updated_at: datetime
    submitted_at: datetime | None = None
    elapsed_seconds: float = 0.0
    total: float | None = Field(default=None, index=True)
    rubric_version: str | None = None
    report_json: str | None = None
    log_json: str | None = None  # questions asked and hints taken (schema version 3)
    drill_step: int | None = None  # the one step of a drill (schema version 3)


class StepRow(SQLModel, table=True):
    __tablename__ = "attempt_step"

    attempt_id: int = Field(foreign_key="attempt.id", primary_key=True, ondelete="CASCADE")
    step: int = Field(primary_key=True)
    text: str = ""
    elapsed_seconds: float = 0.0
    score: float | None = None


class PastScoreRow(SQLModel, table=True):
    """A score an attempt had before `coach rescore` replaced it; kept so old results stay
    reproducible after a rubric change."""

    __tablename__ = "attempt_past_score"

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="attempt.id", index=True, ondelete="CASCADE")
    replaced_at: datetime
    rubric_version: str
    level: str
    total: float
    report_json: str
