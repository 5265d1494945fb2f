"""A whole mock interview driven through the keyboard, with a clock the test moves."""

from __future__ import annotations

from textual.widgets import DataTable, Static, TabbedContent

from coach.domain.attempt import Mode, Status
from coach.tui.screens.attempt import AttemptScreen
from coach.tui.screens.briefing import BriefingScreen
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.interview import InterviewScreen
from coach.tui.screens.results import ResultsScreen
from coach.tui.widgets.step_editor import StepEditor
from tests.tui.conftest import SIZE, open_problem, ready, start_interview, type_text

STEP1 = ("Riders request a ride from pickup to drop-off and track the driver. "
         "Matching latency under 2 seconds and 99.9% availability.")
STEP2 = "Assume 20 M daily active users and 500 rides per second at peak."


def row_cells(table: DataTable, key: str) -> list[str]:
    return [str(c) for c in table.get_row(key)]


async def test_whole_mock_attempt_then_history(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, HomeScreen)
        await open_problem(pilot, "ride-sharing")
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.session.mode is Mode.MOCK

        await type_text(pilot, STEP1)
        harness.clock.advance(200)
        await pilot.press("ctrl+n")
        assert screen.session.step == 2
        assert isinstance(app.focused, StepEditor) and app.focused.step == 2
        await type_text(pilot, STEP2)
        harness.clock.advance(400)  # over the 5-minute budget of step 2
        await pilot.press("ctrl+b")
        harness.clock.advance(10)
        assert screen.session.step == 1
        assert app.focused.text == STEP1  # the first step's text is still there

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)

        stored = harness.repository.get(screen.session.attempt.id)
        assert stored.status is Status.SUBMITTED
        assert [a.elapsed_seconds for a in stored.answers[:3]] == [210, 400, 0]
        assert stored.answers[0].text == STEP1
        report = stored.report
        assert report.steps[1].elapsed_seconds == 400
        assert report.steps[1].budget_seconds == 300
        assert report.steps[0].score > 0
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert f"{report.total:.0f}/100" in shown
        assert "Riders request a ride" in shown  # evidence sentence is on screen
        assert "1:40 over" in shown  # step 2 overtime, next to its score
        results = app.screen.query_one("#results")
        await pilot.press("pagedown")
        await pilot.wait_for_scheduled_animations()
        assert results.scroll_y > 0  # the keyboard scrolls the report

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        cells = row_cells(app.screen.query_one("#problems", DataTable), "ride-sharing")
        assert cells[2] == "1" and cells[3] == f"{report.total:.0f}"

        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#attempts", DataTable)
        assert table.row_count == 1
        assert row_cells(table, str(stored.id))[4] == "scored"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttemptScreen)
        texts = " ".join(str(w.render()) for w in app.screen.query(".answer"))
        assert STEP1 in texts and STEP2 in texts
        tabs = app.screen.query_one(TabbedContent)
        assert tabs.active == "tab-results"
        await pilot.press("a")
        await pilot.pause()
        assert tabs.active == "tab-answers"
        assert app.focused is app.screen.query_one("#tab-answers .pane")


async def test_declining_submit_keeps_working(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed")
        await type_text(pilot, "Users publish posts.")
        await pilot.press("ctrl+s", "n")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert harness.repository.latest_unfinished() is not None


async def test_practice_mode_can_pause_the_clock(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed", "p")
        screen = app.screen
        assert screen.session.mode is Mode.PRACTICE
        harness.clock.advance(30)
        await pilot.press("ctrl+g")
        harness.clock.advance(500)
        assert screen.session.paused
        assert screen.session.clock.elapsed(0) == 30
        await pilot.press("ctrl+g")
        harness.clock.advance(5)
        assert screen.session.clock.elapsed(0) == 35


async def test_mock_mode_has_no_pause(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed")
        harness.clock.advance(30)
        await pilot.press("ctrl+g")
        harness.clock.advance(10)
        assert not app.screen.session.paused
        assert app.screen.session.clock.elapsed(0) == 40


async def test_sixty_minute_variant(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "file-sharing", "l")
        assert sum(app.screen.session.attempt.budget_seconds) == 60 * 60
