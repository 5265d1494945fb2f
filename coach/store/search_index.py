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
# Contentless (the text stays in attempt_step), and each entry's rowid is attempt id * 8 +
# step, so a match gives its attempt without a lookup in the large attempt_step table.
_CREATE = (f"CREATE VIRTUAL TABLE {TABLE} USING fts5(text, content='', "
           "tokenize='unicode61 remove_diacritics 2')")
_KEY = "{row}.attempt_id * 8 + {row}.step"
_TRIGGERS = {
    f"{TABLE}_insert": f"""AFTER INSERT ON attempt_step BEGIN
        INSERT INTO {TABLE}(rowid, text) VALUES ({_KEY.format(row="new")}, new.text); END""",
    f"{TABLE}_delete": f"""AFTER DELETE ON attempt_step BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, text)
        VALUES ('delete', {_KEY.format(row="old")}, old.text); END""",
    f"{TABLE}_update": f"""AFTER UPDATE ON attempt_step BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, text)
        VALUES ('delete', {_KEY.format(row="old")}, old.text);
        INSERT INTO {TABLE}(rowid, text) VALUES ({_KEY.format(row="new")}, new.text); END""",
}


def has_index(connection: Connection) -> bool:
    return _definition(connection) is not None


def _definition(connection: Connection) -> str | None:
    return connection.execute(text("SELECT sql FROM sqlite_master WHERE name = :name"),
                              {"name": TABLE}).scalar()


def ensure_index(connection: Connection) -> bool:
    """Create the index and its triggers if missing (or built another way), indexing the
    answers already stored. False when this SQLite has no FTS5."""
    if _definition(connection) not in (None, _CREATE):
        connection.execute(text(f"DROP TABLE {TABLE}"))
        for name in _TRIGGERS:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    if _definition(connection) is None:
        try:
            connection.execute(text(_CREATE))
        except OperationalError:  # "no such module: fts5"
            return False
        connection.execute(text(f"INSERT INTO {TABLE}(rowid, text) "
                                f"SELECT {_KEY.format(row='attempt_step')}, text "
                                "FROM attempt_step"))
    for name, body in _TRIGGERS.items():
        connection.execute(text(f"CREATE TRIGGER IF NOT EXISTS {name} {body}"))
    return True


def phrase_clause(connection: Connection, phrase: str, number: int) -> TextClause:
    """Attempts with `phrase` (whole words, in order, any case) in some step's answer."""
    name = f"phrase{number}"
    if has_index(connection):
        match = '"' + phrase.replace('"', '""') + '"'  # one FTS phrase: no query syntax
        return text(f"attempt.id IN (SELECT rowid >> 3 FROM {TABLE} WHERE {TABLE} "
                    f"MATCH :{name})").bindparams(bindparam(name, value=match))
    like = "%" + phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return text(f"attempt.id IN (SELECT attempt_id FROM attempt_step "
                f"WHERE lower(text) LIKE :{name} ESCAPE '\\')").bindparams(
                    bindparam(name, value=like))
