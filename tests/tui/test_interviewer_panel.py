"""Asking the interviewer in step 1, and hints in practice mode, driven by the keyboard."""

from __future__ import annotations

from textual.widgets import Input, Static, TabbedContent

from coach.tui.screens.attempt import AttemptScreen
from coach.tui.screens.results import ResultsScreen
from coach.tui.widgets.step_editor import StepEditor
from tests.tui.conftest import SIZE, start_interview


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_questions_are_answered_kept_and_scored(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "ride-sharing")
        screen = app.screen
        await pilot.press("ctrl+k")
        assert isinstance(app.focused, Input)
        await pilot.press(*"How many daily users?", "enter")
        await pilot.pause()
        (asked,) = screen.session.log.questions
        assert asked.fact_id == "riders-and-rides"
        assert asked.answer in shown(screen, "#qa-log")
        await pilot.press(*"Should I use Kafka?", "enter")
        await pilot.pause()
        assert "your call" in shown(screen, "#qa-log")
        await pilot.press("ctrl+k")
        assert isinstance(app.focused, StepEditor)
        await pilot.press("ctrl+n")
        assert not screen.query_one("#ask-panel").display  # only in step 1
        assert screen.check_action("ask", ()) is False
        screen.save()
        assert len(harness.repository.get(screen.session.attempt.id).log.questions) == 2

        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        stored = harness.repository.get(screen.session.attempt.id)
        assert [q.question for q in stored.log.questions] == [
            "How many daily users?", "Should I use Kafka?"]
        step1 = {c.id: c for c in stored.report.steps[0].criteria}
        assert "clarify.asked-what-matters" in step1
        assert "users" in " ".join(step1["clarify.asked-what-matters"].found)

        await pilot.press("a")  # the answers beside the reference, with the conversation
        await pilot.pause()
        assert isinstance(app.screen, AttemptScreen)
        assert app.screen.query_one(TabbedContent).active == "tab-answers"
        texts = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Should I use Kafka?" in texts and "Reference" in texts
        reference = screen.entry.problem.steps.architecture.reference.split("\n")[0]
        assert reference.strip()[:40] in texts


async def test_hints_come_one_at_a_time_in_practice_and_are_recorded(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed", "p")
        screen = app.screen
        hints = screen.entry.problem.steps.clarify.hints
        await pilot.press("ctrl+t")
        assert f"Hint 1: {hints[0]}" in shown(screen, "#hints")
        assert "Hint 2" not in shown(screen, "#hints")
        await pilot.press("ctrl+t")
        assert f"Hint 2: {hints[1]}" in shown(screen, "#hints")
        assert [(h.step, h.index) for h in screen.session.log.hints] == [(1, 0), (1, 1)]


async def test_mock_mode_gives_no_hints(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed")
        await pilot.press("ctrl+t")
        assert app.screen.session.log.hints == []
        assert app.screen.check_action("hint", ()) is False
