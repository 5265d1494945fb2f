"""Drill mode: one step of a problem against its own clock, scored alone."""

from __future__ import annotations

from coach.domain.attempt import Mode
from coach.tui.screens.drill_pick import DrillPickScreen
from coach.tui.screens.interview import InterviewScreen
from coach.tui.screens.results import ResultsScreen
from tests.tui.conftest import SIZE, start_interview, type_text

ARCHITECTURE = ("client -> load balancer -> feed service -> Redis feed cache -> Cassandra\n"
                "The feed service reads each user's precomputed feed from Redis.")


async def test_a_drill_stays_on_its_step_and_scores_it_alone(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed", "d")
        assert isinstance(app.screen, DrillPickScreen)
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        attempt = screen.session.attempt
        assert attempt.mode is Mode.DRILL and attempt.drill_step == 3 and screen.session.step == 3
        assert sum(attempt.budget_seconds) == attempt.budget_seconds[2] > 0
        await type_text(pilot, ARCHITECTURE)
        await pilot.press("ctrl+n")
        assert screen.session.step == 3  # no other step in a drill
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        report = harness.repository.get(attempt.id).report
        assert [step.step for step in report.steps] == [3]
        assert report.total == report.steps[0].score > 0
        assert report.verdict == "" and "drill" in report.verdict_reason
        assert all(m.step == 3 for m in report.mistakes)


async def test_untimed_practice_counts_time_spent_without_a_budget(harness):
    from textual.widgets import Static

    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed", "u")
        screen = app.screen
        attempt = screen.session.attempt
        assert attempt.mode is Mode.PRACTICE and attempt.budget_seconds == [0] * 7
        harness.clock.advance(900)  # a quarter of an hour on step 1 is never "over"
        screen._tick()
        bar = str(screen.query_one("#clock-bar", Static).render())
        assert "15:00 spent" in bar and "over" not in bar
        await type_text(pilot, "Users post and read a feed.")
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "15:00 (untimed)" in shown


async def test_submitting_a_drill_warns_only_about_its_own_step(harness):
    from coach.tui.screens.confirm import ConfirmScreen

    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed", "d", "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question.endswith("Step 3 is empty.")
        await pilot.press("n")
        await type_text(pilot, ARCHITECTURE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.question == "Submit this attempt for scoring?"
