"""Databases from earlier releases open, upgrade in place and keep every attempt."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from coach.domain.attempt import HintUsed, InterviewLog, Mode, QuestionAsked
from coach.store.engine import SCHEMA_VERSION
from coach.store.sql import SqlRepository
from tests.attempts import scored_attempt
from tests.unit.old_schemas import write_v3_database

LOG = InterviewLog(questions=[QuestionAsked(question="How many users?", answer="50 M a day")],
                   hints=[HintUsed(step=2, index=0)])


@pytest.fixture
def old_attempts(catalog, scorer):
    strong = scored_attempt(catalog, scorer, "newsfeed", "strong")
    drill = scored_attempt(catalog, scorer, "chat", "weak", mode=Mode.DRILL, drill_step=2)
    return [strong.model_copy(update={"log": LOG}), drill]


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_old_database_keeps_reports_texts_and_logs(tmp_path, old_attempts, version):
    path = tmp_path / "coach.db"
    write_v3_database(path, old_attempts, version)
    repo = SqlRepository(path)
    strong, drill = repo.get(1), repo.get(2)
    assert strong.report == old_attempts[0].report
    assert [a.text for a in strong.answers] == [a.text for a in old_attempts[0].answers]
    assert strong.log == (LOG if version == 3 else InterviewLog())
    assert drill.report == old_attempts[1].report
    assert (drill.drill_step == 2) is (version == 3)
    repo.close()


def test_the_upgrade_fills_the_step_figures_and_narrows_the_attempt_table(
        tmp_path, old_attempts):
    path = tmp_path / "coach.db"
    write_v3_database(path, old_attempts)
    repo = SqlRepository(path)
    progress = repo.progress()
    assert progress.scored == 2
    newest = progress.recent[-1]
    expected = {s.step: s.score for s in old_attempts[1].report.steps}
    assert newest.step_scores[1] == expected[2]
    assert progress.missed, "the met and missed criteria are read from the old reports"
    day = old_attempts[0].started_at.date()
    monday = day - timedelta(days=day.weekday())
    assert [(w.week, w.attempts) for w in progress.weeks] == [(monday, 2)]
    repo.rescore(1, old_attempts[0].report.model_copy(update={"total": 12.0}),
                 old_attempts[0].started_at)
    assert [r.total for r in repo.past_reports(1)] == [old_attempts[0].report.total]
    repo.close()
    with sqlite3.connect(path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(attempt)")}
        version = db.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION
    if sqlite3.sqlite_version_info >= (3, 35):
        assert not {"report_json", "log_json"} & columns
    assert {"deleted_at", "step1_score", "step7_seconds"} <= columns


def test_reopening_an_upgraded_database_changes_nothing(tmp_path, old_attempts):
    path = tmp_path / "coach.db"
    write_v3_database(path, old_attempts)
    SqlRepository(path).close()
    again = SqlRepository(path)
    assert again.get(1).report == old_attempts[0].report
    assert again.count_attempts() == 2
    again.close()


def test_a_report_that_no_longer_fits_the_model_does_not_stop_the_upgrade(
        tmp_path, old_attempts):
    path = tmp_path / "coach.db"
    write_v3_database(path, old_attempts)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE attempt SET report_json = '{\"steps\": 5}' WHERE id = 2")
    repo = SqlRepository(path)
    assert repo.get(1).report == old_attempts[0].report
    assert repo.count_attempts() == 2
    repo.close()


def test_outcomes_from_raw_json_match_the_model_reading(old_attempts):
    from coach.store.converters import criterion_outcomes
    from coach.store.engine import _outcomes

    report = old_attempts[0].report
    assert _outcomes(report.model_dump_json()) == criterion_outcomes(report)


def test_the_upgrade_indexes_the_answers_already_stored(tmp_path, old_attempts):
    from coach.review.query import parse_filter

    path = tmp_path / "coach.db"
    write_v3_database(path, old_attempts)
    repo = SqlRepository(path)
    assert [s.id for s in repo.list_attempts(query=parse_filter('"read your writes"'))] == [1]
    repo.close()
