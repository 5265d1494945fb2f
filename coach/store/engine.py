"""Open the SQLite database: create it, set its pragmas, bring its schema up to date."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import SQLModel, create_engine, text

from coach.errors import StoreError
from coach.store import (
    rows,  # noqa: F401  (registers the tables on SQLModel.metadata)
    search_index,
)

SCHEMA_VERSION = 4


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL keeps readers and the autosave writer out of each other's way; NORMAL is
    # durable across application crashes, which is what losing no typing needs.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def open_engine(path: Path | str) -> Engine:
    """An engine on `path` (":memory:" for a throwaway database), schema ready."""
    in_memory = str(path) == ":memory:"
    if not in_memory:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the data folder {path.parent}: {error.strerror}",
                             "set COACH_HOME or --db to a writable place") from None
    url = "sqlite://" if in_memory else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    try:
        migrate(engine)
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"cannot open the database {path}: {error.orig or error}",
                         "is it a coach database? --db picks another file") from None
    return engine


def migrate(engine: Engine) -> None:
    """Bring any older schema to SCHEMA_VERSION in one transaction; PRAGMA user_version
    records it. 1: attempts and steps; 2: past scores kept by rescore; 3: the interview log
    and the step of a drill; 4: a narrow attempt table (report and log moved to
    attempt_detail, per-step scores copied onto the attempt), soft deletion and a full-text
    index of the answers."""
    with engine.begin() as connection:
        version = connection.execute(text("PRAGMA user_version")).scalar_one()
        if version > SCHEMA_VERSION:
            raise StoreError(f"the database was written by a newer coach (schema {version})",
                             "upgrade coach, or use --db to pick another database")
        SQLModel.metadata.create_all(connection)  # creates only the missing tables
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(attempt)"))}
        for column, kind in ADDED_COLUMNS:
            if column not in columns:
                connection.execute(text(f"ALTER TABLE attempt ADD COLUMN {column} {kind}"))
        # A status index sends SQLite the wrong way on "scored attempts, newest first" (nearly
        # every attempt is scored); the partial index below covers the rare unfinished ones.
        connection.execute(text("DROP INDEX IF EXISTS ix_attempt_status"))
        for name, definition in INDEXES.items():  # create_all skips tables that existed
            connection.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}"))
        if version < 4 and "report_json" in columns:
            move_details(connection, has_log="log_json" in columns)
        if "week" not in columns:
            connection.execute(text(f"UPDATE attempt SET week = {WEEK_OF_STARTED_AT}"))
        search_index.ensure_index(connection)
        connection.execute(text(f"PRAGMA user_version={SCHEMA_VERSION}"))


ADDED_COLUMNS = (
    ("drill_step", "INTEGER"), ("deleted_at", "DATETIME"), ("week", "VARCHAR"),
    *((f"step{n}_score", "FLOAT") for n in range(1, 8)),
    *((f"step{n}_seconds", "FLOAT NOT NULL DEFAULT 0") for n in range(1, 8)),
)
# Indexes beyond the columns' own: the live rows by date (the history's first page and its
# count), each problem's attempts by date (the what-next queue), each problem's live totals
# (the home screen's counts and bests), the week (the trends), and the unfinished attempts.
INDEXES = {
    "ix_attempt_pack_id": "attempt (pack_id)",
    "ix_attempt_mode": "attempt (mode)",
    "ix_attempt_elapsed_seconds": "attempt (elapsed_seconds)",
    "ix_attempt_live_started": "attempt (started_at) WHERE deleted_at IS NULL",
    "ix_attempt_problem_started": "attempt (problem_id, started_at)",
    "ix_attempt_live_problem": "attempt (problem_id, total) WHERE deleted_at IS NULL",
    "ix_attempt_week": "attempt (week)",
    "ix_attempt_unfinished": "attempt (updated_at) WHERE status = 'in_progress'",
}
WEEK_OF_STARTED_AT = "date(started_at, 'weekday 0', '-6 days')"  # as converters.week_of


def move_details(connection: Connection, *, has_log: bool) -> None:
    """Schema 3 to 4: the report and log go to attempt_detail, the step figures are copied
    onto the attempt, and the wide columns are dropped so scans of attempt stay cheap."""
    log = "log_json" if has_log else "NULL"
    connection.execute(text(
        "INSERT OR IGNORE INTO attempt_detail (attempt_id, met, missed, report_json, log_json) "
        f"SELECT id, '', '', report_json, {log} FROM attempt"))
    scored = connection.execute(text(
        "SELECT attempt_id, report_json FROM attempt_detail WHERE report_json IS NOT NULL"))
    for attempt_id, report_json in list(scored):
        met, missed = _outcomes(report_json)
        connection.execute(text("UPDATE attempt_detail SET met = :met, missed = :missed "
                                "WHERE attempt_id = :id"),
                           {"met": met, "missed": missed, "id": attempt_id})
    for n in range(1, 8):  # correlated subqueries: UPDATE ... FROM needs SQLite 3.33
        step = f"FROM attempt_step WHERE attempt_id = attempt.id AND step = {n}"
        connection.execute(text(
            f"UPDATE attempt SET step{n}_score = (SELECT score {step}), "
            f"step{n}_seconds = coalesce((SELECT elapsed_seconds {step}), 0)"))
    for column in ("report_json", "log_json") if has_log else ("report_json",):
        if sqlite3.sqlite_version_info >= (3, 35):
            connection.execute(text(f"ALTER TABLE attempt DROP COLUMN {column}"))
        else:  # older SQLite cannot drop a column; emptying it frees the space all the same
            connection.execute(text(f"UPDATE attempt SET {column} = NULL"))


def _outcomes(report_json: str) -> tuple[str, str]:
    """converters.criterion_outcomes read from the raw JSON: an old report that no longer
    fits today's model must not stop the database from opening."""
    met: list[str] = []
    missed: list[str] = []
    try:
        for step in json.loads(report_json).get("steps", []):
            for criterion in step.get("criteria", []):
                token = f"{step.get('step')}:{criterion.get('id')}"
                (met if criterion.get("met") else missed).append(token)
    except (ValueError, TypeError, AttributeError):  # not the shape expected: count nothing
        return "", ""
    return " ".join(met), " ".join(missed)
