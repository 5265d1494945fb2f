"""Map table rows to domain models and back. Times are stored in UTC."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from coach.domain.attempt import (
    Attempt,
    AttemptSummary,
    InterviewLog,
    Mode,
    Status,
    StepAnswer,
)
from coach.domain.report import ScoreReport
from coach.store.rows import AttemptRow, StepRow


def to_db_time(moment: datetime | None) -> datetime | None:
    """The database keeps aware times; a naive one is taken to be UTC already."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def attempt_to_row(attempt: Attempt) -> AttemptRow:
    return AttemptRow(
        id=attempt.id, problem_id=attempt.problem_id, problem_title=attempt.problem_title,
        pack_id=attempt.pack_id, pack_version=attempt.pack_version, mode=attempt.mode.value,
        status=attempt.status.value, level=attempt.level,
        budget_seconds=json.dumps(attempt.budget_seconds), current_step=attempt.current_step,
        started_at=to_db_time(attempt.started_at), updated_at=to_db_time(attempt.updated_at),
        submitted_at=to_db_time(attempt.submitted_at), elapsed_seconds=attempt.elapsed_seconds,
        total=attempt.report.total if attempt.report else None,
        rubric_version=attempt.report.rubric_version if attempt.report else None,
        report_json=attempt.report.model_dump_json() if attempt.report else None,
        log_json=attempt.log.model_dump_json(), drill_step=attempt.drill_step,
    )


def steps_to_rows(attempt_id: int, answers: list[StepAnswer],
                  report: ScoreReport | None = None) -> list[StepRow]:
    scores = {s.step: s.score for s in report.steps} if report else {}
    return [
        StepRow(attempt_id=attempt_id, step=a.step, text=a.text,
                elapsed_seconds=a.elapsed_seconds, score=scores.get(a.step))
        for a in answers
    ]


def row_to_attempt(row: AttemptRow, steps: list[StepRow]) -> Attempt:
    by_step = {s.step: s for s in steps}
    answers = [
        StepAnswer(step=n, text=by_step[n].text, elapsed_seconds=by_step[n].elapsed_seconds)
        if n in by_step else StepAnswer(step=n)
        for n in range(1, 8)
    ]
    return Attempt(
        id=row.id, problem_id=row.problem_id, problem_title=row.problem_title,
        pack_id=row.pack_id, pack_version=row.pack_version, mode=Mode(row.mode),
        status=Status(row.status), level=row.level,
        budget_seconds=json.loads(row.budget_seconds), current_step=row.current_step,
        drill_step=row.drill_step,
        started_at=row.started_at, updated_at=row.updated_at,
        submitted_at=row.submitted_at, answers=answers,
        log=InterviewLog.model_validate_json(row.log_json) if row.log_json else InterviewLog(),
        report=ScoreReport.model_validate_json(row.report_json) if row.report_json else None,
    )


def row_to_summary(row: AttemptRow) -> AttemptSummary:
    return AttemptSummary(
        id=row.id, problem_id=row.problem_id, problem_title=row.problem_title,
        mode=Mode(row.mode), status=Status(row.status), level=row.level,
        started_at=row.started_at, elapsed_seconds=row.elapsed_seconds,
        total=row.total,
    )
