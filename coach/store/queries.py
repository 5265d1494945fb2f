"""The read-side queries of the SQL repository: the history list and the progress figures.

All of them read only the narrow `attempt` table (plus `attempt_detail` for a bounded
number of recent attempts), on indexed columns, so they stay fast at 100,000 attempts.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, text
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from coach.domain.attempt import AttemptSummary, Mode, Status
from coach.review.assemble import assemble_progress, week_points
from coach.review.progress import Progress, ScorePoint, StepReview
from coach.review.query import HistoryQuery, SortKey
from coach.store import search_index
from coach.store.converters import from_db_time, to_db_time
from coach.store.rows import STEP_SCORE_COLUMNS, AttemptDetailRow, AttemptRow

SUBMITTED = Status.SUBMITTED.value


def live() -> ColumnElement[bool]:
    return col(AttemptRow.deleted_at).is_(None)


# One row per problem, with the title of its latest attempt (a pack update may retitle it),
# found through the problem index rather than a scan of the table.
_PROBLEM_TITLES = text("SELECT problem_id, problem_title FROM attempt "
                       "WHERE id IN (SELECT max(id) FROM attempt GROUP BY problem_id)")


def history_where(session: Session, query: HistoryQuery) -> list[ColumnElement[bool]]:
    q = query
    clauses = [live()]
    if q.words:  # matched against the few distinct problems, then looked up by index
        problems = session.connection().execute(_PROBLEM_TITLES).all()
        clauses.append(col(AttemptRow.problem_id).in_(
            {pid for pid, title in problems
             if all(word in f"{pid} {title}".lower() for word in q.words)}))
    equal = ((AttemptRow.problem_id, q.problem), (AttemptRow.pack_id, q.pack),
             (AttemptRow.mode, q.mode.value if q.mode else None),
             (AttemptRow.status, q.status.value if q.status else None),
             (AttemptRow.level, q.level))
    clauses += [column == value for column, value in equal if value is not None]
    clauses += [search_index.phrase_clause(session.connection(), phrase, n)
                for n, phrase in enumerate(q.phrases)]
    if q.since is not None:
        clauses.append(col(AttemptRow.started_at) >= _utc(q.since))
    if q.until is not None:
        clauses.append(col(AttemptRow.started_at) < _utc(q.until + timedelta(days=1)))
    # "+ 0" keeps SQLite off the total index for a score range: scores bunch up, so a range
    # matches a large share of rows, and a lookup per row is slower than reading them all.
    if q.min_total is not None:
        clauses.append(col(AttemptRow.total) + 0 >= q.min_total)
    if q.max_total is not None:
        clauses.append(col(AttemptRow.total) + 0 <= q.max_total)
    return clauses


def _utc(day: date) -> datetime:
    return to_db_time(datetime.combine(day, time()))


_SORT_COLUMNS = {
    SortKey.STARTED: AttemptRow.started_at, SortKey.PROBLEM: AttemptRow.problem_title,
    SortKey.MODE: AttemptRow.mode, SortKey.LEVEL: AttemptRow.level,
    SortKey.STATUS: AttemptRow.status, SortKey.TOTAL: AttemptRow.total,
    SortKey.DURATION: AttemptRow.elapsed_seconds, SortKey.ID: AttemptRow.id,
}


def history_order(query: HistoryQuery) -> list:
    column = col(_SORT_COLUMNS[query.sort])
    direction = column.desc() if query.descending else column.asc()
    # Unscored attempts go last. SQLite puts NULLs last when descending; only an ascending
    # total needs the extra term, which costs the index (every other column is NOT NULL).
    nulls_last = [column.is_(None)] if query.sort is SortKey.TOTAL and not query.descending \
        else []
    return [*nulls_last, direction, col(AttemptRow.id).desc()]


# Only what a history row shows: reading columns, not table objects, is 3x faster.
SUMMARY_COLUMNS = (AttemptRow.id, AttemptRow.problem_id, AttemptRow.problem_title,
                   AttemptRow.mode, AttemptRow.status, AttemptRow.level, AttemptRow.started_at,
                   AttemptRow.elapsed_seconds, AttemptRow.total, AttemptRow.pack_id,
                   AttemptRow.drill_step)


def history_page(session: Session, query: HistoryQuery, limit: int, offset: int = 0):
    return (select(*SUMMARY_COLUMNS).where(*history_where(session, query))
            .order_by(*history_order(query)).offset(offset).limit(limit))


def summary(row) -> AttemptSummary:
    (attempt_id, problem_id, title, mode, status, level, started_at, elapsed, total, pack,
     drill_step) = row
    return AttemptSummary(id=attempt_id, problem_id=problem_id, problem_title=title,
                          mode=Mode(mode), status=Status(status), level=level,
                          started_at=started_at, elapsed_seconds=elapsed, total=total,
                          pack_id=pack, drill_step=drill_step)


def count(session: Session, query: HistoryQuery) -> int:
    return session.exec(select(func.count()).select_from(AttemptRow)
                        .where(and_(*history_where(session, query)))).one()


_POINT_COLUMNS = (AttemptRow.id, AttemptRow.problem_id, AttemptRow.mode, AttemptRow.drill_step,
                  AttemptRow.started_at, AttemptRow.total, AttemptRow.budget_seconds,
                  *(getattr(AttemptRow, f"step{n}_score") for n in range(1, 8)),
                  *(getattr(AttemptRow, f"step{n}_seconds") for n in range(1, 8)))


def progress(session: Session, recent: int) -> Progress:
    scored = and_(live(), AttemptRow.status == SUBMITTED)
    attempts, submitted, best = session.exec(
        select(func.count(), func.count(AttemptRow.total).filter(scored),
               func.max(AttemptRow.total).filter(scored, AttemptRow.drill_step.is_(None)))
        .where(live())).one()
    rows = session.exec(select(*_POINT_COLUMNS).where(scored)
                        .order_by(col(AttemptRow.started_at).desc(), col(AttemptRow.id).desc())
                        .limit(recent)).all()
    points = [_point(row) for row in reversed(rows)]
    ids = [p.attempt_id for p in points]
    outcomes = session.exec(select(AttemptDetailRow.attempt_id, AttemptDetailRow.met,
                                   AttemptDetailRow.missed)
                            .where(col(AttemptDetailRow.attempt_id).in_(ids))).all()
    return assemble_progress(attempts=attempts, scored=submitted, best_total=best,
                             weeks=_weeks(session), recent=points, outcomes=outcomes)


def _point(row) -> ScorePoint:
    attempt_id, problem_id, mode, drill_step, started_at, total, budget = row[:7]
    return ScorePoint(attempt_id=attempt_id, problem_id=problem_id, mode=mode,
                      drill_step=drill_step, started_at=from_db_time(started_at),
                      total=None if drill_step is not None else total,
                      step_scores=tuple(row[7:14]), step_seconds=tuple(row[14:21]),
                      budget_seconds=tuple(json.loads(budget)))


_WEEKS = text(f"""
    SELECT week, count(*), count(DISTINCT problem_id), sum(status = '{SUBMITTED}'),
           avg(CASE WHEN drill_step IS NULL THEN total END),
           {", ".join(f"avg({c})" for c in STEP_SCORE_COLUMNS)}
    FROM attempt WHERE deleted_at IS NULL GROUP BY week ORDER BY week""")
# Only scored attempts have a total or step scores, so plain averages skip the others.


def _weeks(session: Session) -> list:
    rows = session.connection().execute(_WEEKS).all()
    return week_points((date.fromisoformat(row[0]), *row[1:]) for row in rows)


_PROBLEMS = text("SELECT DISTINCT problem_id FROM attempt")
_REVIEWS = text(f"""
    SELECT coalesce(submitted_at, started_at), {", ".join(STEP_SCORE_COLUMNS)}
    FROM attempt WHERE problem_id = :problem AND status = '{SUBMITTED}'
                       AND deleted_at IS NULL
    ORDER BY started_at DESC, id DESC LIMIT :per_problem""")


def step_reviews(session: Session, per_problem: int) -> list[StepReview]:
    """One indexed query per problem (a window over all attempts would sort them all)."""
    connection = session.connection()
    reviews = []
    for (problem_id,) in connection.execute(_PROBLEMS).all():
        rows = connection.execute(_REVIEWS, {"problem": problem_id,
                                             "per_problem": per_problem}).all()
        for at, *scores in rows:
            moment = from_db_time(datetime.fromisoformat(at) if isinstance(at, str) else at)
            reviews += [StepReview(problem_id=problem_id, step=n, at=moment, score=score)
                        for n, score in enumerate(scores, start=1) if score is not None]
    reviews.sort(key=lambda r: r.at)
    return reviews
