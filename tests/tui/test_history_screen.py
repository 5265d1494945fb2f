"""The history screen: filter, sort, page, open, compare, delete and undo."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable, Input

from coach.domain.attempt import Mode
from coach.tui.screens.attempt import AttemptScreen
from coach.tui.screens.compare import CompareScreen
from coach.tui.screens.history import PAGE, HistoryScreen
from tests.attempts import scored_attempt
from tests.helpers import FIXED_NOW
from tests.tui.conftest import SIZE, Harness, ready

KINDS = [("newsfeed", "weak"), ("newsfeed", "strong"), ("chat", "weak"), ("chat", "strong"),
         ("url-shortener", "buzzword")]


@pytest.fixture(scope="module")
def five(catalog, scorer):
    return [scored_attempt(catalog, scorer, pid, kind, started_at=FIXED_NOW + timedelta(days=d))
            for d, (pid, kind) in enumerate(KINDS)]


@pytest.fixture
def seeded(catalog, scorer, five):
    harness = Harness(catalog, scorer)
    for attempt in five:
        harness.repository.add(attempt)
    return harness


async def open_history(pilot) -> HistoryScreen:
    await ready(pilot)
    await pilot.press("h")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen


def shown_ids(screen) -> list[int]:
    table = screen.query_one("#attempts", DataTable)
    return [int(table.get_row_at(i)[0].plain) for i in range(table.row_count)]


def status(screen) -> str:
    return str(screen.query_one("#history-status").render())


async def type_filter(pilot, text: str) -> None:
    await pilot.press("slash")
    filter_input = pilot.app.screen.query_one("#history-filter", Input)
    filter_input.value = text
    await pilot.pause()


async def test_newest_first_then_sorted_by_total_and_reversed(seeded):
    app = seeded.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        assert shown_ids(screen) == [5, 4, 3, 2, 1]
        assert "5 of 5 attempts" in status(screen)
        await pilot.press("s")  # started → total
        await pilot.pause()
        totals = [seeded.repository.get(i).report.total for i in shown_ids(screen)]
        assert totals == sorted(totals, reverse=True) and "sorted by total ▼" in status(screen)
        await pilot.press("r")
        await pilot.pause()
        assert [seeded.repository.get(i).report.total for i in shown_ids(screen)] == sorted(
            totals)
        header = str(screen.query_one("#attempts", DataTable).columns["total"].label)
        assert header == "Total ▲"


async def test_filter_narrows_and_a_bad_term_says_why(seeded):
    app = seeded.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await type_filter(pilot, "chat score:>50")
        assert shown_ids(screen) == [4]
        await type_filter(pilot, "chat scroe:>50")
        assert "did you mean 'score'" in status(screen)
        assert shown_ids(screen) == [4], "a bad term keeps the last good result"
        await type_filter(pilot, "nothing-like-this")
        assert shown_ids(screen) == [] and "No attempts match" in status(screen)
        await pilot.press("escape")  # leaves the field first, then the screen
        assert isinstance(app.screen, HistoryScreen)


async def test_enter_opens_the_attempt(seeded):
    app = seeded.app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AttemptScreen) and app.screen.attempt.id == 4
        await pilot.press("a")
        await pilot.pause()
        first = app.screen.query(".answer").first().content
        assert first.plain == app.screen.attempt.answers[0].text
        shaded = [first.plain[s.start:s.end] for s in first.spans if "on $success" in str(s.style)]
        assert shaded and all(part in first.plain for part in shaded)


async def test_compare_two_attempts_of_one_problem(seeded):
    app = seeded.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("down", "c")  # #4, chat strong
        assert "#4 marked" in status(screen)
        await pilot.press("down", "down", "c")  # #2 is newsfeed: refused
        assert isinstance(app.screen, HistoryScreen)
        assert any("compare two attempts of one problem" in str(n.message)
                   for n in app._notifications)
        await pilot.press("up", "c")  # #3, chat weak
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.older.id, app.screen.newer.id) == (3, 4)


async def test_delete_asks_then_undo_brings_it_back(seeded):
    app = seeded.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.question.startswith(
            "Delete attempt #5 (URL shortener, 2026-03-18 09:30)?")
        await pilot.press("n")  # kept
        await pilot.pause()
        assert shown_ids(screen) == [5, 4, 3, 2, 1]
        await pilot.press("d", "y")
        await pilot.pause()
        assert shown_ids(screen) == [4, 3, 2, 1]
        assert seeded.repository.count_attempts() == 4
        await pilot.press("escape", "h")  # undo still works after leaving the screen
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert shown_ids(app.screen) == [5, 4, 3, 2, 1]
        await pilot.press("d", "y", "u", "u")
        await pilot.pause()
        assert any("Nothing to undo" in str(n.message) for n in app._notifications)


async def test_a_deletion_not_undone_is_gone_after_quitting(seeded):
    app = seeded.app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("d", "y")
        await pilot.pause()
    assert seeded.repository.get(5) is None


async def test_pages_load_as_the_cursor_moves_down(catalog, scorer, five):
    harness = Harness(catalog, scorer)
    for n in range(PAGE + 30):
        harness.repository.add(five[n % 5].model_copy(update={
            "started_at": FIXED_NOW + timedelta(minutes=n), "mode": Mode.PRACTICE}))
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one("#attempts", DataTable)
        assert table.row_count == PAGE and f"{PAGE} of {PAGE + 30}" in status(screen)
        table.move_cursor(row=PAGE - 5)
        await pilot.pause()
        assert table.row_count == PAGE + 30
        assert shown_ids(screen) == list(range(PAGE + 30, 0, -1))
