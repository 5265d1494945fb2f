import pytest

from coach.domain.attempt import Mode
from coach.session.interview import SAVE_EVERY_SECONDS, InterviewSession, new_attempt
from tests.helpers import FIXED_NOW, FakeClock


@pytest.fixture
def session(catalog):
    attempt = new_attempt(catalog.get("newsfeed"), Mode.MOCK, FIXED_NOW, "senior")
    clock = FakeClock()
    s = InterviewSession(attempt.model_copy(update={"id": 1}), clock)
    s.resume()
    s.mark_saved()
    return s, clock


def test_new_attempt_uses_the_default_budget(catalog):
    attempt = new_attempt(catalog.get("newsfeed"), Mode.MOCK, FIXED_NOW, "senior")
    assert attempt.budget_seconds == [m * 60 for m in (5, 5, 10, 5, 5, 10, 5)]
    assert sum(attempt.budget_seconds) == 45 * 60


def test_unstored_attempt_is_refused(catalog):
    attempt = new_attempt(catalog.get("newsfeed"), Mode.MOCK, FIXED_NOW, "senior")
    with pytest.raises(ValueError):
        InterviewSession(attempt, FakeClock())


def test_typing_makes_it_dirty_until_saved(session):
    s, _ = session
    assert not s.needs_save()
    s.set_text(1, "hello")
    assert s.needs_save()
    s.mark_saved()
    assert not s.needs_save()
    s.set_text(1, "hello")  # same text: nothing new to save
    assert not s.needs_save()


def test_running_clock_is_saved_periodically(session):
    s, clock = session
    clock.advance(SAVE_EVERY_SECONDS - 0.1)
    assert not s.needs_save()
    clock.advance(0.2)
    assert s.needs_save()


def test_steps_keep_their_own_time_and_text(session):
    s, clock = session
    s.set_text(1, "one")
    clock.advance(30)
    assert s.next()
    s.set_text(2, "two")
    clock.advance(12)
    assert s.previous()
    clock.advance(3)
    snap = s.snapshot()
    assert [a.text for a in snap[:3]] == ["one", "two", ""]
    assert [a.elapsed_seconds for a in snap[:3]] == [33, 12, 0]
    assert s.step == 1


def test_cannot_move_past_the_ends(session):
    s, _ = session
    assert not s.previous()
    assert s.go_to(7)
    assert not s.next()
    assert not s.go_to(8)


def test_pause_stops_the_clock(session):
    s, clock = session
    s.pause()
    clock.advance(100)
    assert s.snapshot()[0].elapsed_seconds == 0
    assert s.paused
