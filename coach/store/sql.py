"""The SQLite repository (SQLModel). Every method is one short transaction."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from sqlalchemy import func
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, delete, select, text

from coach.domain.attempt import (
    Attempt,
    AttemptSummary,
    InterviewLog,
    ProblemStats,
    Status,
    StepAnswer,
)
from coach.domain.report import ScoreReport
from coach.errors import StoreError
from coach.review.progress import Progress, StepReview
from coach.review.query import HistoryQuery
from coach.store import queries
from coach.store.converters import (
    attempt_to_row,
    criterion_outcomes,
    detail_row,
    row_to_attempt,
    set_step_columns,
    set_step_scores,
    steps_to_rows,
    to_db_time,
)
from coach.store.engine import open_engine
from coach.store.rows import AttemptDetailRow, AttemptRow, PastScoreRow, StepRow


class SqlRepository:
    def __init__(self, path: Path | str) -> None:
        self.path = path
        self._engine = open_engine(path)

    def _session(self) -> Session:
        return Session(self._engine, expire_on_commit=False)

    def add(self, attempt: Attempt) -> Attempt:
        with self._guard(), self._session() as session:
            row = attempt_to_row(attempt.model_copy(update={"id": None}))
            session.add(row)
            session.flush()
            session.add_all(steps_to_rows(row.id, attempt.answers, attempt.report))
            session.add(detail_row(row.id, attempt.report, attempt.log))
            session.commit()
            return attempt.model_copy(update={"id": row.id})

    def save_progress(self, attempt_id: int, answers: Sequence[StepAnswer], current_step: int,
                      at: datetime, log: InterviewLog | None = None) -> None:
        with self._guard(), self._session() as session:
            row = self._row(session, attempt_id)
            row.current_step = current_step
            row.updated_at = to_db_time(at)
            row.elapsed_seconds = sum(a.elapsed_seconds for a in answers)
            set_step_columns(row, answers, None)
            if log is not None:
                detail = self._detail(session, attempt_id)
                detail.log_json = log.model_dump_json()
                session.add(detail)
            session.add(row)
            self._replace_steps(session, attempt_id, list(answers), None)
            session.commit()

    def submit(self, attempt_id: int, answers: Sequence[StepAnswer], report: ScoreReport,
               at: datetime, log: InterviewLog | None = None) -> Attempt:
        with self._guard(), self._session() as session:
            row = self._row(session, attempt_id)
            row.status = Status.SUBMITTED.value
            row.updated_at = row.submitted_at = to_db_time(at)
            row.elapsed_seconds = sum(a.elapsed_seconds for a in answers)
            set_step_columns(row, answers, report)
            detail = self._detail(session, attempt_id)
            self._keep_report(row, detail, report)
            if log is not None:
                detail.log_json = log.model_dump_json()
            session.add_all([row, detail])
            self._replace_steps(session, attempt_id, list(answers), report)
            session.commit()
        return self.get(attempt_id)

    def abandon(self, attempt_id: int, at: datetime) -> None:
        with self._guard(), self._session() as session:
            row = self._row(session, attempt_id)
            row.status = Status.ABANDONED.value
            row.updated_at = to_db_time(at)
            session.add(row)
            session.commit()

    def get(self, attempt_id: int) -> Attempt | None:
        with self._guard(), self._session() as session:
            row = session.get(AttemptRow, attempt_id)
            if row is None:
                return None
            steps = session.exec(select(StepRow).where(StepRow.attempt_id == attempt_id)).all()
            return row_to_attempt(row, list(steps), session.get(AttemptDetailRow, attempt_id))

    def latest_unfinished(self) -> Attempt | None:
        with self._guard(), self._session() as session:
            statement = (select(AttemptRow.id)
                         .where(AttemptRow.status == Status.IN_PROGRESS.value, queries.live())
                         .order_by(col(AttemptRow.updated_at).desc(), col(AttemptRow.id).desc())
                         .limit(1))
            attempt_id = session.exec(statement).first()
        return self.get(attempt_id) if attempt_id is not None else None

    def list_attempts(self, limit: int = 200, offset: int = 0,
                      query: HistoryQuery | None = None) -> list[AttemptSummary]:
        query = query or HistoryQuery()
        with self._guard(), self._session() as session:
            statement = queries.history_page(session, query, limit, offset)
            return [queries.summary(row) for row in session.exec(statement)]

    def count_attempts(self, query: HistoryQuery | None = None) -> int:
        with self._guard(), self._session() as session:
            return queries.count(session, query or HistoryQuery())

    def delete(self, attempt_id: int, at: datetime) -> None:
        self._set_deleted(attempt_id, to_db_time(at))

    def restore(self, attempt_id: int) -> None:
        self._set_deleted(attempt_id, None)

    def _set_deleted(self, attempt_id: int, at: datetime | None) -> None:
        with self._guard(), self._session() as session:
            row = self._row(session, attempt_id)
            row.deleted_at = at
            session.add(row)
            session.commit()

    def purge_deleted(self) -> int:
        with self._guard(), self._session() as session:
            ids = list(session.exec(select(AttemptRow.id).where(
                col(AttemptRow.deleted_at).is_not(None))))
            for table in (StepRow, PastScoreRow, AttemptDetailRow):  # older files may lack
                session.exec(delete(table).where(col(table.attempt_id).in_(ids)))  # CASCADE
            session.exec(delete(AttemptRow).where(col(AttemptRow.id).in_(ids)))
            session.commit()
            return len(ids)

    def progress(self, recent: int = 200) -> Progress:
        with self._guard(), self._session() as session:
            return queries.progress(session, recent)

    def step_reviews(self, per_problem: int = 30) -> list[StepReview]:
        with self._guard(), self._session() as session:
            return queries.step_reviews(session, per_problem)

    def rescore(self, attempt_id: int, report: ScoreReport, at: datetime) -> None:
        with self._guard(), self._session() as session:
            row = self._row(session, attempt_id)
            detail = self._detail(session, attempt_id)
            if row.status != Status.SUBMITTED.value or detail.report_json is None:
                raise StoreError(f"attempt {attempt_id} has no score to replace")
            session.add(PastScoreRow(
                attempt_id=attempt_id, replaced_at=to_db_time(at),
                rubric_version=row.rubric_version or "", level=row.level,
                total=row.total or 0.0, report_json=detail.report_json))
            self._keep_report(row, detail, report)
            session.add_all([row, detail])
            scores = {step.step: step.score for step in report.steps}
            for step_row in session.exec(select(StepRow).where(StepRow.attempt_id == attempt_id)):
                step_row.score = scores.get(step_row.step)
                session.add(step_row)
            session.commit()

    def past_reports(self, attempt_id: int) -> list[ScoreReport]:
        with self._guard(), self._session() as session:
            self._row(session, attempt_id)
            statement = (select(PastScoreRow.report_json)
                         .where(PastScoreRow.attempt_id == attempt_id)
                         .order_by(col(PastScoreRow.id)))
            return [ScoreReport.model_validate_json(text) for text in session.exec(statement)]

    def scored_attempt_ids(self) -> list[int]:
        with self._guard(), self._session() as session:
            statement = (select(AttemptRow.id)
                         .where(AttemptRow.status == Status.SUBMITTED.value, queries.live())
                         .order_by(col(AttemptRow.id)))
            return list(session.exec(statement))

    def problem_stats(self) -> dict[str, ProblemStats]:
        with self._guard(), self._session() as session:
            statement = select(AttemptRow.problem_id, func.count(), func.max(AttemptRow.total)
                               ).where(queries.live()).group_by(AttemptRow.problem_id)
            return {pid: ProblemStats(attempts=n, best=best)
                    for pid, n, best in session.exec(statement)}

    def close(self) -> None:
        # Keeps the planner's statistics fresh, so history queries keep using the date
        # index rather than the status one as the table grows (SQLite's advice at close).
        with suppress(SQLAlchemyError), self._engine.connect() as connection:
            connection.execute(text("PRAGMA optimize"))
        self._engine.dispose()

    @staticmethod
    def _row(session: Session, attempt_id: int) -> AttemptRow:
        row = session.get(AttemptRow, attempt_id)
        if row is None:
            raise StoreError(f"no attempt with id {attempt_id}")
        return row

    @staticmethod
    def _keep_report(row: AttemptRow, detail: AttemptDetailRow, report: ScoreReport) -> None:
        """The report and what the lists and figures read from it, on the row and detail."""
        row.level, row.total = report.level, report.total
        row.rubric_version = report.rubric_version
        set_step_scores(row, report)
        detail.report_json = report.model_dump_json()
        detail.met, detail.missed = criterion_outcomes(report)

    @staticmethod
    def _detail(session: Session, attempt_id: int) -> AttemptDetailRow:
        detail = session.get(AttemptDetailRow, attempt_id)
        return detail if detail is not None else AttemptDetailRow(attempt_id=attempt_id)

    @staticmethod
    def _replace_steps(session: Session, attempt_id: int, answers: list[StepAnswer],
                       report: ScoreReport | None) -> None:
        session.exec(delete(StepRow).where(col(StepRow.attempt_id) == attempt_id))
        session.add_all(steps_to_rows(attempt_id, answers, report))

    def _guard(self) -> _StoreErrors:
        return _StoreErrors(self.path)


class _StoreErrors:
    """Turns database failures (disk full, locked, corrupt) into a StoreError with the path."""

    def __init__(self, path: Path | str) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, _tb) -> bool:
        if isinstance(error, SQLAlchemyError):
            raise StoreError(f"database error in {self.path}: {getattr(error, 'orig', error)}",
                             "check free disk space and that no other program locks the file"
                             ) from error
        return False
