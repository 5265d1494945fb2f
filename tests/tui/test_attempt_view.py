"""The attempt's answers tab: what was asked, which hints were taken, in their own words."""

from __future__ import annotations

from coach.domain.attempt import HintUsed, InterviewLog, QuestionAsked
from coach.tui.screens.attempt import AttemptScreen
from tests.attempts import scored_attempt
from tests.tui.conftest import SIZE, ready


async def test_the_answers_tab_shows_the_questions_and_the_hints_taken(harness):
    log = InterviewLog(questions=[QuestionAsked(question="How many users?", answer="300 M")],
                       hints=[HintUsed(step=2, index=1)])
    attempt = scored_attempt(harness.catalog, harness.scorer).model_copy(update={"log": log})
    stored = harness.repository.add(attempt)
    hint = harness.catalog.get("newsfeed").problem.steps.by_number(2).hints[1]
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await app.push_screen(AttemptScreen(harness.repository.get(stored.id), "tab-answers"))
        await pilot.pause()
        shown = [w.content.plain for w in app.screen.query(".conversation")]
        assert any("How many users?" in text and "300 M" in text for text in shown)
        assert any(text.startswith("Hints used\n2. ") and " ".join(hint.split())[:40]
                   in " ".join(text.split()) for text in shown)
