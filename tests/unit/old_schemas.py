"""Databases as earlier releases left them, to test that upgrades lose nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from coach.domain.attempt import Attempt

V3_SCHEMA = """
CREATE TABLE attempt (
    id INTEGER NOT NULL, problem_id VARCHAR NOT NULL, problem_title VARCHAR NOT NULL,
    pack_id VARCHAR NOT NULL, pack_version VARCHAR NOT NULL, mode VARCHAR NOT NULL,
    status VARCHAR NOT NULL, level VARCHAR NOT NULL, budget_seconds VARCHAR NOT NULL,
    current_step INTEGER NOT NULL, started_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
    submitted_at DATETIME, elapsed_seconds FLOAT NOT NULL, total FLOAT,
    rubric_version VARCHAR, report_json VARCHAR, log_json VARCHAR, drill_step INTEGER,
    PRIMARY KEY (id));
CREATE INDEX ix_attempt_started_at ON attempt (started_at);
CREATE INDEX ix_attempt_status ON attempt (status);
CREATE INDEX ix_attempt_total ON attempt (total);
CREATE INDEX ix_attempt_problem_id ON attempt (problem_id);
CREATE TABLE attempt_step (
    attempt_id INTEGER NOT NULL, step INTEGER NOT NULL, text VARCHAR NOT NULL,
    elapsed_seconds FLOAT NOT NULL, score FLOAT, PRIMARY KEY (attempt_id, step),
    FOREIGN KEY(attempt_id) REFERENCES attempt (id) ON DELETE CASCADE);
CREATE TABLE attempt_past_score (
    id INTEGER NOT NULL, attempt_id INTEGER NOT NULL, replaced_at DATETIME NOT NULL,
    rubric_version VARCHAR NOT NULL, level VARCHAR NOT NULL, total FLOAT NOT NULL,
    report_json VARCHAR NOT NULL, PRIMARY KEY (id),
    FOREIGN KEY(attempt_id) REFERENCES attempt (id) ON DELETE CASCADE);
CREATE INDEX ix_attempt_past_score_attempt_id ON attempt_past_score (attempt_id);
"""


def _time(moment) -> str | None:
    return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def write_v3_database(path: Path, attempts: list[Attempt], version: int = 3) -> None:
    """A schema-3 file holding `attempts`; version 2 lacks the log and drill columns, and
    version 1 also the past-score table."""
    with sqlite3.connect(path) as db:
        db.executescript(V3_SCHEMA)
        for n, a in enumerate(attempts, start=1):
            report = a.report
            db.execute(
                "INSERT INTO attempt VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (n, a.problem_id, a.problem_title, a.pack_id, a.pack_version, a.mode.value,
                 a.status.value, a.level, json.dumps(a.budget_seconds), a.current_step,
                 _time(a.started_at), _time(a.updated_at), _time(a.submitted_at),
                 a.elapsed_seconds, report.total if report else None,
                 report.rubric_version if report else None,
                 report.model_dump_json() if report else None, a.log.model_dump_json(),
                 a.drill_step))
            scores = {s.step: s.score for s in report.steps} if report else {}
            db.executemany("INSERT INTO attempt_step VALUES (?,?,?,?,?)", [
                (n, s.step, s.text, s.elapsed_seconds, scores.get(s.step)) for s in a.answers])
        if version < 3:
            db.execute("ALTER TABLE attempt DROP COLUMN log_json")
            db.execute("ALTER TABLE attempt DROP COLUMN drill_step")
        if version < 2:
            db.execute("DROP TABLE attempt_past_score")
        db.execute(f"PRAGMA user_version={version}")
