"""Nothing typed is lost: autosave, and resume after the app died mid-attempt."""

from __future__ import annotations

from coach.domain.attempt import Status
from coach.errors import StoreError
from coach.store.memory import MemoryRepository
from coach.store.sql import SqlRepository
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.interview import AUTOSAVE_SECONDS, InterviewScreen
from coach.tui.screens.resume import ResumeScreen
from tests.tui.conftest import SIZE, Harness, ready, start_interview, type_text


async def start_and_type(app, harness, pilot) -> int:
    await start_interview(pilot, "file-sharing")
    await type_text(pilot, "Upload and share files.")
    harness.clock.advance(90)
    await pilot.press("ctrl+n")  # a step change saves at once
    await type_text(pilot, "50 M daily users.")
    harness.clock.advance(42)
    return app.screen.session.attempt.id


async def test_autosave_timer_writes_typing_without_any_step_change(catalog, scorer, tmp_path):
    harness = Harness(catalog, scorer, SqlRepository(tmp_path / "coach.db"))
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed")
        attempt_id = app.screen.session.attempt.id
        await pilot.press(*"Users post")
        await pilot.pause(AUTOSAVE_SECONDS + 0.5)  # real time: the timer has to fire
        saved = harness.repository.get(attempt_id)
        assert saved.answers[0].text == "Users post"


async def test_killed_mid_attempt_is_resumed_with_text_and_clocks(catalog, scorer, tmp_path):
    db = tmp_path / "coach.db"
    first = Harness(catalog, scorer, SqlRepository(db))
    app = first.app()
    async with app.run_test(size=SIZE) as pilot:
        attempt_id = await start_and_type(app, first, pilot)
        app.screen.save_if_needed()  # what the autosave timer does every two seconds
        # Leaving the context stops the app without any goodbye: like a killed terminal.
    first.repository.close()

    second = Harness(catalog, scorer, SqlRepository(db))
    second.clock.now = 50_000.0  # a new process: its monotonic clock starts elsewhere
    app = second.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.session.attempt.id == attempt_id
        assert screen.session.step == 2
        assert app.focused.text == "50 M daily users."
        assert app.focused.cursor_location == (0, len("50 M daily users."))  # typing goes on
        assert screen.session.text(1) == "Upload and share files."
        assert screen.session.clock.all_elapsed()[:2] == [90, 42]
        second.clock.advance(8)
        assert screen.session.clock.elapsed(1) == 50  # the clock goes on from where it was
    second.repository.close()


async def test_quitting_saves_the_last_seconds(catalog, scorer, tmp_path):
    harness = Harness(catalog, scorer, SqlRepository(tmp_path / "coach.db"))
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        attempt_id = await start_and_type(app, harness, pilot)
        await pilot.press("ctrl+q")
    saved = SqlRepository(tmp_path / "coach.db").get(attempt_id)
    assert saved.answers[1].text == "50 M daily users."
    assert saved.answers[1].elapsed_seconds == 42


async def test_discard_keeps_the_attempt_but_stops_offering_it(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        attempt_id = await start_and_type(app, harness, pilot)
        app.screen.save()
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    stored = harness.repository.get(attempt_id)
    assert stored.status is Status.ABANDONED
    assert stored.answers[0].text == "Upload and share files."


async def test_leave_saves_and_resume_is_offered_from_history(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        attempt_id = await start_and_type(app, harness, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert harness.repository.get(attempt_id).answers[1].elapsed_seconds == 42
        await pilot.press("h", "enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.session.text(2) == "50 M daily users."


class FlakyRepository(MemoryRepository):
    """Fails every write while `broken` is set, like a full disk."""

    broken = False

    def save_progress(self, *args, **kwargs):
        if self.broken:
            raise StoreError("database error in coach.db: database or disk is full")
        return super().save_progress(*args, **kwargs)


async def test_a_failed_save_keeps_the_text_and_retries(catalog, scorer):
    repository = FlakyRepository()
    harness = Harness(catalog, scorer, repository)
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed")
        screen = app.screen
        repository.broken = True
        await type_text(pilot, "Users post and read feeds.")
        await pilot.press("escape")  # leaving would lose the change: it stays instead
        await pilot.pause()
        assert app.screen is screen
        assert any("disk is full" in str(n.message) for n in app._notifications)
        assert screen.session.needs_save()
        repository.broken = False
        screen.save_if_needed()  # the next autosave tick
        assert repository.get(screen.session.attempt.id).answers[0].text == (
            "Users post and read feeds.")
