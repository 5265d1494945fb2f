from datetime import timedelta

import pytest

from coach.domain.attempt import Attempt, Mode, Status, StepAnswer
from coach.domain.report import ScoreReport
from coach.errors import StoreError
from coach.store.memory import MemoryRepository
from coach.store.sql import SqlRepository
from tests.helpers import FIXED_NOW


@pytest.fixture(params=["memory", "sql"])
def repo(request, tmp_path):
    repository = MemoryRepository() if request.param == "memory" else SqlRepository(
        tmp_path / "coach.db")
    yield repository
    repository.close()


def attempt(problem="newsfeed", started=FIXED_NOW, mode=Mode.MOCK) -> Attempt:
    return Attempt(problem_id=problem, problem_title=problem.title(), pack_id="core",
                   pack_version="1.0.0", mode=mode, budget_seconds=[300] * 7,
                   started_at=started, updated_at=started)


def answers(prefix="text", seconds=10.0):
    return [StepAnswer(step=n, text=f"{prefix} {n}", elapsed_seconds=seconds * n)
            for n in range(1, 8)]


def report(total: float, version: str = "generic@1", level: str = "senior") -> ScoreReport:
    return ScoreReport(problem="newsfeed", problem_title="News feed", rubric_version=version,
                       level=level, total=total, steps=[])


def test_add_assigns_ids_and_round_trips(repo):
    first = repo.add(attempt())
    second = repo.add(attempt())
    assert first.id != second.id
    loaded = repo.get(first.id)
    assert loaded.problem_id == "newsfeed" and loaded.status is Status.IN_PROGRESS
    assert loaded.started_at == FIXED_NOW
    assert [a.text for a in loaded.answers] == [""] * 7


def test_progress_is_saved_and_offered_for_resume(repo):
    stored = repo.add(attempt())
    repo.save_progress(stored.id, answers("draft"), 4, FIXED_NOW + timedelta(minutes=3))
    unfinished = repo.latest_unfinished()
    assert unfinished.id == stored.id
    assert unfinished.current_step == 4
    assert [a.text for a in unfinished.answers] == [f"draft {n}" for n in range(1, 8)]
    assert unfinished.answers[2].elapsed_seconds == 30
    assert unfinished.elapsed_seconds == sum(10.0 * n for n in range(1, 8))


def test_submitted_and_abandoned_attempts_are_not_resumable(repo):
    a = repo.add(attempt())
    b = repo.add(attempt())
    repo.submit(a.id, answers(), report(72.5), FIXED_NOW)
    repo.abandon(b.id, FIXED_NOW)
    assert repo.latest_unfinished() is None
    assert repo.get(b.id).status is Status.ABANDONED
    assert repo.get(b.id).answers[0].text == ""  # text kept, nothing deleted
    submitted = repo.get(a.id)
    assert submitted.status is Status.SUBMITTED and submitted.report.total == 72.5
    assert submitted.submitted_at == FIXED_NOW


def test_latest_unfinished_is_the_most_recently_touched(repo):
    old = repo.add(attempt())
    new = repo.add(attempt())
    repo.save_progress(old.id, answers(), 1, FIXED_NOW + timedelta(hours=1))
    assert repo.latest_unfinished().id == old.id
    repo.save_progress(new.id, answers(), 1, FIXED_NOW + timedelta(hours=2))
    assert repo.latest_unfinished().id == new.id


def test_history_is_newest_first_and_pages(repo):
    ids = [repo.add(attempt(started=FIXED_NOW + timedelta(days=d))).id for d in range(5)]
    listed = repo.list_attempts()
    assert [s.id for s in listed] == list(reversed(ids))
    assert [s.id for s in repo.list_attempts(limit=2, offset=1)] == list(reversed(ids))[1:3]


def test_problem_stats_count_attempts_and_best_total(repo):
    for total in (40.0, 81.5):
        a = repo.add(attempt())
        repo.submit(a.id, answers(), report(total), FIXED_NOW)
    repo.add(attempt())
    repo.add(attempt(problem="chat"))
    stats = repo.problem_stats()
    assert stats["newsfeed"].attempts == 3 and stats["newsfeed"].best == 81.5
    assert stats["chat"].attempts == 1 and stats["chat"].best is None


def test_unknown_attempt_is_a_store_error(repo):
    assert repo.get(999) is None
    with pytest.raises(StoreError):
        repo.save_progress(999, answers(), 1, FIXED_NOW)


def test_rescore_replaces_the_score_and_keeps_the_old_one(repo):
    stored = repo.add(attempt())
    repo.submit(stored.id, answers(), report(40.0), FIXED_NOW)
    unfinished = repo.add(attempt())
    assert repo.scored_attempt_ids() == [stored.id]
    repo.rescore(stored.id, report(55.0, "generic@2", "staff"), FIXED_NOW)
    again = repo.get(stored.id)
    assert (again.report.total, again.report.rubric_version, again.level) == (
        55.0, "generic@2", "staff")
    assert [(r.total, r.rubric_version) for r in repo.past_reports(stored.id)] == [
        (40.0, "generic@1")]
    assert repo.problem_stats()["newsfeed"].best == 55.0
    with pytest.raises(StoreError, match="no score"):
        repo.rescore(unfinished.id, report(1.0), FIXED_NOW)


def test_questions_and_hints_are_kept_with_the_attempt(repo):
    from coach.domain.attempt import HintUsed, InterviewLog, QuestionAsked

    stored = repo.add(attempt())
    log = InterviewLog(questions=[QuestionAsked(question="How many users?", answer="200 M a day",
                                                fact_id="users", topic="users and scale")],
                       hints=[HintUsed(step=2, index=0)])
    repo.save_progress(stored.id, answers(), 2, FIXED_NOW, log)
    assert repo.get(stored.id).log == log
    repo.save_progress(stored.id, answers(), 3, FIXED_NOW)  # no log given: kept as it was
    assert repo.get(stored.id).log == log
    repo.submit(stored.id, answers(), report(50.0), FIXED_NOW, InterviewLog())
    assert repo.get(stored.id).log == InterviewLog()


def test_a_drill_keeps_its_step(repo):
    stored = repo.add(attempt(mode=Mode.DRILL).model_copy(update={"drill_step": 4,
                                                                  "current_step": 4}))
    again = repo.get(stored.id)
    assert again.mode is Mode.DRILL and again.drill_step == 4 and again.current_step == 4


def test_sql_data_survives_reopening(tmp_path):
    path = tmp_path / "db" / "coach.db"
    first = SqlRepository(path)
    stored = first.add(attempt())
    first.save_progress(stored.id, answers("kept"), 2, FIXED_NOW)
    first.close()
    again = SqlRepository(path)
    assert again.get(stored.id).answers[6].text == "kept 7"
    again.close()


def test_database_from_a_newer_coach_is_refused(tmp_path):
    import sqlite3

    path = tmp_path / "coach.db"
    SqlRepository(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version=99")
    with pytest.raises(StoreError, match="newer coach"):
        SqlRepository(path)


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "coach.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="cannot open the database"):
        SqlRepository(path)
