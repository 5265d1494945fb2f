"""Map table rows to domain models and back. Times are stored in UTC."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from coach.domain.attempt import (
    Attempt,
    InterviewLog,
    Mode,
    Status,
    StepAnswer,
)
from coach.domain.report import ScoreReport
from coach.store.rows import (
    STEP_SCORE_COLUMNS,
    STEP_SECONDS_COLUMNS,
    AttemptDetailRow,
    AttemptRow,
    StepRow,
)


def to_db_time(moment: datetime | None) -> datetime | None:
    """The database keeps aware times; a naive one is taken to be UTC already."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def from_db_time(moment: datetime | None) -> datetime | None:
    """SQLite hands times back naive; they were stored in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def week_of(moment: datetime) -> str:
    """The Monday of the moment's UTC week, as the trends group attempts."""
    day = to_db_time(moment).astimezone(UTC).date()
    return (day - timedelta(days=day.weekday())).isoformat()


def attempt_to_row(attempt: Attempt) -> AttemptRow:
    row = AttemptRow(
        id=attempt.id, problem_id=attempt.problem_id, problem_title=attempt.problem_title,
        pack_id=attempt.pack_id, pack_version=attempt.pack_version, mode=attempt.mode.value,
        status=attempt.status.value, level=attempt.level,
        budget_seconds=json.dumps(attempt.budget_seconds), current_step=attempt.current_step,
        started_at=to_db_time(attempt.started_at), updated_at=to_db_time(attempt.updated_at),
        submitted_at=to_db_time(attempt.submitted_at), elapsed_seconds=attempt.elapsed_seconds,
        drill_step=attempt.drill_step, week=week_of(attempt.started_at),
    )
    set_step_columns(row, attempt.answers, attempt.report)
    if attempt.report:
        row.total, row.rubric_version = attempt.report.total, attempt.report.rubric_version
    return row


def set_step_columns(row: AttemptRow, answers: Sequence[StepAnswer],
                     report: ScoreReport | None) -> None:
    """Copy the per-step seconds and scores onto the attempt row."""
    seconds = {a.step: a.elapsed_seconds for a in answers}
    for n, column in enumerate(STEP_SECONDS_COLUMNS, start=1):
        setattr(row, column, seconds.get(n, 0.0))
    set_step_scores(row, report)


def set_step_scores(row: AttemptRow, report: ScoreReport | None) -> None:
    scores = {s.step: s.score for s in report.steps} if report else {}
    for n, column in enumerate(STEP_SCORE_COLUMNS, start=1):
        setattr(row, column, scores.get(n))


def criterion_outcomes(report: ScoreReport | None) -> tuple[str, str]:
    """The met and missed criteria as "step:id" tokens, for counting without the report."""
    met: list[str] = []
    missed: list[str] = []
    for step in report.steps if report else ():
        for criterion in step.criteria:
            (met if criterion.met else missed).append(f"{step.step}:{criterion.id}")
    return " ".join(met), " ".join(missed)


def detail_row(attempt_id: int, report: ScoreReport | None,
               log: InterviewLog | None) -> AttemptDetailRow:
    met, missed = criterion_outcomes(report)
    return AttemptDetailRow(
        attempt_id=attempt_id, met=met, missed=missed,
        report_json=report.model_dump_json() if report else None,
        log_json=log.model_dump_json() if log is not None else None)


def steps_to_rows(attempt_id: int, answers: list[StepAnswer],
                  report: ScoreReport | None = None) -> list[StepRow]:
    scores = {s.step: s.score for s in report.steps} if report else {}
    return [
        StepRow(attempt_id=attempt_id, step=a.step, text=a.text,
                elapsed_seconds=a.elapsed_seconds, score=scores.get(a.step))
        for a in answers
    ]


def row_to_attempt(row: AttemptRow, steps: list[StepRow],
                   detail: AttemptDetailRow | None) -> Attempt:
    by_step = {s.step: s for s in steps}
    answers = [
        StepAnswer(step=n, text=by_step[n].text, elapsed_seconds=by_step[n].elapsed_seconds)
        if n in by_step else StepAnswer(step=n)
        for n in range(1, 8)
    ]
    log_json = detail.log_json if detail else None
    report_json = detail.report_json if detail else None
    return Attempt(
        id=row.id, problem_id=row.problem_id, problem_title=row.problem_title,
        pack_id=row.pack_id, pack_version=row.pack_version, mode=Mode(row.mode),
        status=Status(row.status), level=row.level,
        budget_seconds=json.loads(row.budget_seconds), current_step=row.current_step,
        drill_step=row.drill_step,
        started_at=row.started_at, updated_at=row.updated_at,
        submitted_at=row.submitted_at, answers=answers,
        log=InterviewLog.model_validate_json(log_json) if log_json else InterviewLog(),
        report=ScoreReport.model_validate_json(report_json) if report_json else None,
    )
