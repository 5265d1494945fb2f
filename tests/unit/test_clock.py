import pytest

from coach.session.clock import Pace, StepClock, format_seconds
from tests.helpers import FakeClock


def make(budgets=(300, 300, 600), elapsed=None, current=0):
    fake = FakeClock()
    return fake, StepClock(list(budgets), fake, elapsed=elapsed, current=current)


def test_counts_only_while_running():
    fake, clock = make()
    fake.advance(50)
    assert clock.elapsed() == 0
    clock.start()
    fake.advance(30)
    assert clock.elapsed() == 30
    clock.pause()
    fake.advance(100)
    assert clock.elapsed() == 30


def test_each_step_keeps_its_own_time():
    fake, clock = make()
    clock.start()
    fake.advance(40)
    clock.switch_to(2)
    fake.advance(15)
    clock.switch_to(0)
    fake.advance(5)
    assert clock.all_elapsed() == [45, 0, 15]
    assert clock.total_elapsed == 60
    assert clock.running


def test_switch_while_paused_stays_paused():
    fake, clock = make()
    clock.switch_to(1)
    fake.advance(10)
    assert not clock.running
    assert clock.elapsed(1) == 0


def test_restored_times_continue_where_they_were():
    fake, clock = make(elapsed=[100, 20, 0], current=1)
    clock.start()
    fake.advance(10)
    assert clock.all_elapsed() == [100, 30, 0]
    assert clock.current == 1


def test_pace_turns_warning_in_last_fifth_then_overtime():
    fake, clock = make(budgets=(100,))
    clock.start()
    fake.advance(79)
    assert clock.pace() is Pace.ON_TIME
    fake.advance(1)
    assert clock.pace() is Pace.WARNING
    fake.advance(21)
    assert clock.pace() is Pace.OVERTIME
    assert clock.remaining() == -1


def test_total_pace_uses_whole_budget():
    fake, clock = make(budgets=(100, 100))
    clock.start()
    fake.advance(150)  # step 1 is over, but the whole interview is not
    assert clock.pace() is Pace.OVERTIME
    assert clock.total_pace() is Pace.ON_TIME


def test_rejects_bad_step_and_mismatched_elapsed():
    _, clock = make()
    with pytest.raises(IndexError):
        clock.switch_to(3)
    with pytest.raises(ValueError):
        StepClock([1, 2], FakeClock(), elapsed=[0])


@pytest.mark.parametrize(("seconds", "shown"), [
    (0, "0:00"), (59.9, "0:59"), (65, "1:05"), (3600, "1:00:00"), (-42, "0:42"),
])
def test_format_seconds(seconds, shown):
    assert format_seconds(seconds) == shown
