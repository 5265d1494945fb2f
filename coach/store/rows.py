"""SQLModel table rows. Kept apart from the domain models; converters map between them."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class AttemptRow(SQLModel, table=True):
    """One attempt, narrow on purpose: the history list, its filters and the progress
    figures read only this table, so its rows stay small (the report and the log live in
    `attempt_detail`, the text in `attempt_step`)."""

    __tablename__ = "attempt"

    id: int | None = Field(default=None, primary_key=True)
    problem_id: str = Field(index=True)
    problem_title: str
    pack_id: str = Field(index=True)
    pack_version: str
    mode: str = Field(index=True)
    status: str  # indexed only where it is rare: see INDEXES in engine.py
    level: str
    budget_seconds: str  # JSON list of seven integers
    current_step: int = 1
    started_at: datetime = Field(index=True)
    updated_at: datetime
    submitted_at: datetime | None = None
    elapsed_seconds: float = Field(default=0.0, index=True)
    total: float | None = Field(default=None, index=True)
    rubric_version: str | None = None
    drill_step: int | None = None  # the one step of a drill (schema version 3)
    deleted_at: datetime | None = None  # hidden until purged, so a delete can be undone (4)
    week: str | None = None  # the Monday of started_at's UTC week, ISO: groups the trends (4)
    # Per-step scores and seconds, copied here so the progress figures need no join (4).
    step1_score: float | None = None
    step2_score: float | None = None
    step3_score: float | None = None
    step4_score: float | None = None
    step5_score: float | None = None
    step6_score: float | None = None
    step7_score: float | None = None
    step1_seconds: float = 0.0
    step2_seconds: float = 0.0
    step3_seconds: float = 0.0
    step4_seconds: float = 0.0
    step5_seconds: float = 0.0
    step6_seconds: float = 0.0
    step7_seconds: float = 0.0


class AttemptDetailRow(SQLModel, table=True):
    """The bulky parts of an attempt, read only when one attempt is opened (schema 4)."""

    __tablename__ = "attempt_detail"

    attempt_id: int = Field(foreign_key="attempt.id", primary_key=True, ondelete="CASCADE")
    met: str = ""  # "step:criterion-id" tokens, space-separated, for the most-missed counts
    missed: str = ""
    report_json: str | None = None
    log_json: str | None = None  # questions asked and hints taken


STEP_SCORE_COLUMNS = tuple(f"step{n}_score" for n in range(1, 8))
STEP_SECONDS_COLUMNS = tuple(f"step{n}_seconds" for n in range(1, 8))


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
