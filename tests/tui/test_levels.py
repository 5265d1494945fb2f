"""The target level: chosen on the briefing, kept between runs, and shown in the results."""

from __future__ import annotations

from textual.widgets import Static

from coach.domain.level import Level
from coach.settings import load_settings
from coach.tui.screens.attempt import AttemptScreen
from coach.tui.screens.results import ResultsScreen
from coach.tui.widgets.report_view import ReportView
from tests.tui.conftest import SIZE, open_problem, ready, start_interview, type_text


def shown(screen) -> str:
    return " ".join(str(widget.render()) for widget in screen.query(Static))


async def test_the_level_chosen_on_the_briefing_scores_the_attempt(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_problem(pilot, "newsfeed")
        assert "Target level: senior" in shown(app.screen)
        await pilot.press("v")
        await pilot.pause()
        assert "Target level: staff" in shown(app.screen)
        assert load_settings()[0].level is Level.STAFF  # kept for the next run
        await pilot.press("m")
        await pilot.pause()
        await type_text(pilot, "Users publish posts and read a feed of people they follow.")
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        report = app.screen.attempt.report
        assert report.level == "staff" and report.verdict == "no hire"
        assert "no hire" in shown(app.screen) and report.verdict_reason in shown(app.screen)


async def test_an_attempt_can_be_viewed_at_another_level_without_changing_it(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed")
        await type_text(pilot, "Users publish posts and read a feed. p99 under 200 ms.")
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        attempt = app.screen.attempt
        app.push_screen(AttemptScreen(harness.repository.get(attempt.id)))
        await pilot.pause()
        assert app.screen.query_one(ReportView).report.level == "senior"
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one(ReportView).report.level == "staff"
        assert harness.repository.get(attempt.id).report.level == "senior"
