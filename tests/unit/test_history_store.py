"""History queries, deletion and progress figures: the SQL repository and its in-memory twin
must give the same answers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coach.domain.attempt import Mode, Status
from coach.review.query import HistoryQuery, SortKey, parse_filter
from coach.store.memory import MemoryRepository
from coach.store.sql import SqlRepository
from tests.attempts import scored_attempt
from tests.helpers import FIXED_NOW


@pytest.fixture(scope="module")
def made(catalog, scorer):
    """Eight attempts over three weeks: kinds and modes mixed, one left unfinished."""
    plan = [("newsfeed", "weak", 0, Mode.MOCK, None), ("newsfeed", "strong", 2, Mode.MOCK, None),
            ("chat", "weak", 5, Mode.PRACTICE, None), ("chat", "strong", 9, Mode.MOCK, None),
            ("url-shortener", "strong", 10, Mode.DRILL, 2),
            ("url-shortener", "weak", 12, Mode.DRILL, 2),
            ("ride-sharing", "buzzword", 15, Mode.MOCK, None)]
    attempts = [scored_attempt(catalog, scorer, pid, kind, mode=mode, drill_step=drill,
                               started_at=FIXED_NOW + timedelta(days=day))
                for pid, kind, day, mode, drill in plan]
    unfinished = attempts[0].model_copy(update={
        "status": Status.IN_PROGRESS, "report": None, "submitted_at": None,
        "started_at": FIXED_NOW + timedelta(days=16)})
    return [*attempts, unfinished]


@pytest.fixture(params=["memory", "sql"])
def repo(request, tmp_path, made):
    repository = MemoryRepository() if request.param == "memory" else SqlRepository(
        tmp_path / "coach.db")
    for attempt in made:
        repository.add(attempt)
    yield repository
    repository.close()


def ids(repo, text="", **kwargs):
    query = parse_filter(text, HistoryQuery(**kwargs))
    return [s.id for s in repo.list_attempts(query=query)]


def test_default_order_is_newest_first(repo):
    assert ids(repo) == [8, 7, 6, 5, 4, 3, 2, 1]
    assert repo.count_attempts() == 8


@pytest.mark.parametrize(("text", "expected"), [
    ("chat", [4, 3]),
    ("URL", [6, 5]),  # words match the title too, in any case
    ("problem:newsfeed", [8, 2, 1]),
    ("mode:drill", [6, 5]),
    ("status:unfinished", [8]),
    ("score:>=60", [5, 4, 2]),  # a drill's total is its one step's score
    ("score:20-30", [6, 3, 1]),
    ("score:<10", [7]),
    ("since:2026-03-20 until:2026-03-24", [5, 4]),
    ("news mode:mock score:<50", [1]),
    ("pack:core level:senior mode:practice", [3]),
    ("zzz", []),
])
def test_filters(repo, text, expected):
    assert ids(repo, text) == expected
    assert repo.count_attempts(parse_filter(text)) == len(expected)


def test_sorting_by_each_column_and_reversing(repo):
    by_total = ids(repo, sort=SortKey.TOTAL)
    totals = [repo.get(i).report.total for i in by_total if repo.get(i).report]
    assert totals == sorted(totals, reverse=True)
    assert by_total[-1] == 8  # the unfinished attempt has no total: last either way
    ascending = ids(repo, sort=SortKey.TOTAL, descending=False)
    assert ascending[:-1] == list(reversed(by_total[:-1])) and ascending[-1] == 8
    problems = [repo.get(i).problem_title for i in ids(repo, sort=SortKey.PROBLEM,
                                                          descending=False)]
    assert problems == sorted(problems)
    durations = [repo.get(i).elapsed_seconds for i in ids(repo, sort=SortKey.DURATION)]
    assert durations == sorted(durations, reverse=True)


def test_pages_do_not_overlap(repo):
    query = HistoryQuery(sort=SortKey.TOTAL)
    pages = [repo.list_attempts(limit=3, offset=o, query=query) for o in (0, 3, 6)]
    assert [s.id for page in pages for s in page] == ids(repo, sort=SortKey.TOTAL)


def test_delete_hides_restore_brings_back_purge_removes(repo):
    repo.delete(2, FIXED_NOW)
    assert 2 not in ids(repo) and repo.count_attempts() == 7
    assert repo.problem_stats()["newsfeed"].attempts == 2
    assert 2 not in repo.scored_attempt_ids()
    assert repo.progress().scored == 6
    repo.restore(2)
    assert 2 in ids(repo) and repo.progress().scored == 7
    repo.delete(8, FIXED_NOW)
    assert repo.latest_unfinished() is None  # a deleted draft is not offered for resume
    assert repo.purge_deleted() == 1
    assert repo.get(8) is None and repo.purge_deleted() == 0


def test_progress_figures(repo, made):
    progress = repo.progress()
    assert (progress.attempts, progress.scored) == (8, 7)
    mocks = [a.report.total for a in made[:7] if a.drill_step is None]
    assert progress.best_total == pytest.approx(max(mocks))
    assert [p.attempt_id for p in progress.recent] == [1, 2, 3, 4, 5, 6, 7]
    assert progress.recent[4].total is None  # a drill has no total
    # Mondays of the weeks of March 14 (a Saturday), 16 and 19, 23 to 29, and 30
    assert [w.week for w in progress.weeks] == [date(2026, 3, 9), date(2026, 3, 16),
                                                date(2026, 3, 23), date(2026, 3, 30)]
    assert [(w.attempts, w.scored) for w in progress.weeks] == [(1, 1), (2, 2), (4, 4), (1, 0)]
    assert [w.problems for w in progress.weeks] == [1, 2, 3, 1]  # chat, url-shortener x2, ride
    assert progress.weeks[1].mean_total == pytest.approx(
        (made[1].report.total + made[2].report.total) / 2)
    assert progress.weeks[2].mean_total == pytest.approx(  # the drills have no total
        (made[3].report.total + made[6].report.total) / 2)
    assert progress.weeks[3].mean_total is None
    step2 = progress.steps[1]
    scores = [s.score for a in made[:7] for s in a.report.steps if s.step == 2]
    assert step2.scored == 7 and step2.mean == pytest.approx(sum(scores) / 7)
    assert progress.steps[0].scored == 5  # the drills only scored step 2
    weakest = progress.weakest_steps(3)
    assert [s.mean for s in weakest] == sorted(s.mean for s in weakest)
    top = progress.missed[0]
    assert top.missed >= progress.missed[-1].missed and top.seen >= top.missed
    assert top.problems and set(top.problems) <= {a.problem_id for a in made}


def test_progress_window_counts_only_the_latest(repo):
    progress = repo.progress(recent=2)
    assert progress.window == 2 and [p.attempt_id for p in progress.recent] == [6, 7]
    assert all(m.seen <= 2 for m in progress.missed)


def test_step_reviews_keep_the_latest_per_problem(repo):
    reviews = repo.step_reviews(per_problem=1)
    assert {(r.problem_id, r.step) for r in reviews if r.problem_id == "url-shortener"} == {
        ("url-shortener", 2)}
    assert {r.problem_id for r in reviews} == {"newsfeed", "chat", "url-shortener",
                                               "ride-sharing"}
    assert [r.at for r in reviews] == sorted(r.at for r in reviews)
    assert all(r.at.tzinfo is not None for r in reviews)
    newsfeed = [r for r in reviews if r.problem_id == "newsfeed"]
    assert len(newsfeed) == 7  # only the strong one, the latest scored


@pytest.mark.parametrize("text", ["", "newsfeed", "sort:total", "since:2026-03-16"])
def test_history_pages_read_an_index_in_order(tmp_path, made, text):
    """No full sort of the table for a page: the order comes from an index (what keeps the
    first page fast at 100,000 attempts; bench/history.py has the figures)."""
    from sqlalchemy.dialects import sqlite

    from coach.store import queries

    repo = SqlRepository(tmp_path / "coach.db")
    for attempt in made:
        repo.add(attempt)
    with repo._session() as session:
        statement = queries.history_page(session, parse_filter(text), 100)
        sql = str(statement.compile(dialect=sqlite.dialect(),
                                    compile_kwargs={"literal_binds": True}))
        plan = " ".join(row[-1] for row in session.connection().exec_driver_sql(
            f"EXPLAIN QUERY PLAN {sql}"))
    repo.close()
    assert "USING INDEX" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan


@pytest.mark.parametrize(("text", "expected"), [
    ('"fan-out on write"', [4, 2]),  # the two strong answers
    ('"FAN OUT ON WRITE" newsfeed', [2]),  # any case; with a problem word
    ('"read your writes"', [2]),  # written "read-your-writes": punctuation splits words
    ("text:websocket", [7, 4, 3]),
    ('text:websocket "delivery receipts"', [4]),  # every phrase must be there
    ('"no such phrase anywhere"', []),
])
def test_quoted_text_is_found_in_the_answers(repo, text, expected):
    assert ids(repo, text) == expected
    assert repo.count_attempts(parse_filter(text)) == len(expected)


def test_the_search_follows_edits_and_deletions(repo, made):
    from coach.domain.attempt import StepAnswer

    query = parse_filter('"quokka ledger"')
    assert ids(repo, '"quokka ledger"') == []
    answers = [StepAnswer(step=n, text="We keep a quokka ledger." if n == 3 else "")
               for n in range(1, 8)]
    repo.save_progress(8, answers, 3, FIXED_NOW)
    assert [s.id for s in repo.list_attempts(query=query)] == [8]
    repo.save_progress(8, [StepAnswer(step=n) for n in range(1, 8)], 3, FIXED_NOW)
    assert repo.count_attempts(query) == 0
    repo.save_progress(8, answers, 3, FIXED_NOW)
    repo.delete(8, FIXED_NOW)
    repo.purge_deleted()
    assert repo.count_attempts(query) == 0


def test_without_fts5_the_search_still_finds_the_text(tmp_path, made, monkeypatch):
    from coach.store import search_index

    repository = SqlRepository(tmp_path / "coach.db")
    for attempt in made:
        repository.add(attempt)
    monkeypatch.setattr(search_index, "has_index", lambda _connection: False)
    assert ids(repository, '"delivery receipts"') == [4]  # a substring scan instead
    repository.close()


def test_a_search_index_built_another_way_is_rebuilt(tmp_path, made):
    import sqlite3

    path = tmp_path / "coach.db"
    repository = SqlRepository(path)
    for attempt in made:
        repository.add(attempt)
    repository.close()
    with sqlite3.connect(path) as db:  # as an earlier build left it: another layout
        db.execute("DROP TABLE attempt_step_fts")
        db.execute("CREATE VIRTUAL TABLE attempt_step_fts USING fts5(text)")
    again = SqlRepository(path)
    assert ids(again, '"delivery receipts"') == [4]
    again.close()


def test_problem_words_follow_the_latest_title(repo, made):
    retitled = made[0].model_copy(update={"problem_title": "Home timeline"})
    repo.add(retitled)  # the same problem, renamed by a pack update
    assert ids(repo, "home timeline") == [8, 2, 9, 1]  # its older attempts too
    assert ids(repo, "newsfeed") == [8, 2, 9, 1]  # and its id still matches
