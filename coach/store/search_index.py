"""Full-text search of the answers: an FTS5 index over attempt_step, kept in step by triggers.

The history filter's quoted phrases ("consistent hashing") are looked up here, so finding
them stays fast with 100,000 attempts. An SQLite built without FTS5 gets no index, and the
search falls back to a slower substring scan.
"""

from __future__ import annotations

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql.elements import TextClause

TABLE = "attempt_step_fts"
_CREATE = (f"CREATE VIRTUAL TABLE {TABLE} USING fts5(text, content='attempt_step', "
           "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')")
_TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_insert AFTER INSERT ON attempt_step BEGIN
        INSERT INTO {TABLE}(rowid, text) VALUES (new.rowid, new.text); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_delete AFTER DELETE ON attempt_step BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.rowid, old.text); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_update AFTER UPDATE ON attempt_step BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO {TABLE}(rowid, text) VALUES (new.rowid, new.text); END""",
)


def has_index(connection: Connection) -> bool:
    return connection.execute(text("SELECT 1 FROM sqlite_master WHERE name = :name"),
                              {"name": TABLE}).first() is not None


def ensure_index(connection: Connection) -> bool:
    """Create the index and its triggers if missing, indexing the answers already stored.
    False when this SQLite has no FTS5."""
    if not has_index(connection):
        try:
            connection.execute(text(_CREATE))
        except OperationalError:  # "no such module: fts5"
            return False
        connection.execute(text(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')"))
    for trigger in _TRIGGERS:
        connection.execute(text(trigger))
    return True


def phrase_clause(connection: Connection, phrase: str, number: int) -> TextClause:
    """Attempts with `phrase` (whole words, in order, any case) in some step's answer."""
    name = f"phrase{number}"
    if has_index(connection):
        match = '"' + phrase.replace('"', '""') + '"'  # one FTS phrase: no query syntax
        return text(f"attempt.id IN (SELECT s.attempt_id FROM attempt_step AS s WHERE s.rowid "
                    f"IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH :{name}))"
                    ).bindparams(bindparam(name, value=match))
    like = "%" + phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return text(f"attempt.id IN (SELECT attempt_id FROM attempt_step "
                f"WHERE lower(text) LIKE :{name} ESCAPE '\\')").bindparams(
                    bindparam(name, value=like))
