"""Open the SQLite database: create it, set its pragmas, bring its schema up to date."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import SQLModel, create_engine, text

from coach.errors import StoreError
from coach.store import rows  # noqa: F401  (registers the tables on SQLModel.metadata)

SCHEMA_VERSION = 3


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
    """Each step takes the schema from version N-1 to N; PRAGMA user_version records N."""
    with engine.begin() as connection:
        version = connection.execute(text("PRAGMA user_version")).scalar_one()
        if version > SCHEMA_VERSION:
            raise StoreError(f"the database was written by a newer coach (schema {version})",
                             "upgrade coach, or use --db to pick another database")
        if version < 2:  # 1: attempts and their steps; 2: past scores kept by rescore
            SQLModel.metadata.create_all(connection)  # creates only the missing tables
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(attempt)"))}
        # 3: the interview log (questions asked, hints taken) and the step of a drill
        for column, kind in (("log_json", "TEXT"), ("drill_step", "INTEGER")):
            if version < 3 and column not in columns:
                connection.execute(text(f"ALTER TABLE attempt ADD COLUMN {column} {kind}"))
        connection.execute(text(f"PRAGMA user_version={SCHEMA_VERSION}"))
