"""SVG snapshots of the main screens, at a fixed size with frozen clocks.

Update them with `pytest --snapshot-update` after an intended change, and look at the
report before committing.
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import Harness, open_problem, ready, start_interview

SNAPSHOT_SIZE = (100, 34)
STEP1 = ("Users can request a ride and track the driver on a map.\n"
         "Non-functional: p99 matching latency under 2 s, 99.99% availability.\n"
         "Literal markup stays literal: [bold]not bold[/bold]")


@pytest.fixture
def snap_harness(catalog, scorer):
    return Harness(catalog, scorer)


def test_home_screen(snap_compare, snap_harness):
    async def run_before(pilot):
        await ready(pilot)

    assert snap_compare(snap_harness.app(), terminal_size=SNAPSHOT_SIZE, run_before=run_before)


def test_briefing_screen(snap_compare, snap_harness):
    async def run_before(pilot):
        await ready(pilot)
        await open_problem(pilot, "newsfeed")

    assert snap_compare(snap_harness.app(), terminal_size=SNAPSHOT_SIZE, run_before=run_before)


async def _interview(pilot, harness):
    await start_interview(pilot, "ride-sharing")
    pilot.app.focused.insert(STEP1)
    harness.clock.advance(250)  # 50 s left of 5 minutes: the warning colour
    await pilot.pause()
    pilot.app.screen._tick()
    await pilot.pause()


def test_interview_screen(snap_compare, snap_harness):
    async def run_before(pilot):
        await _interview(pilot, snap_harness)

    assert snap_compare(snap_harness.app(), terminal_size=SNAPSHOT_SIZE, run_before=run_before)


def test_results_screen(snap_compare, snap_harness):
    async def run_before(pilot):
        await _interview(pilot, snap_harness)
        await pilot.press("ctrl+n")
        pilot.app.focused.insert("Assume 20 M DAU; 25 M rides/day is about 290 rides/s.")
        snap_harness.clock.advance(400)  # step 2 runs 100 s over its budget
        await pilot.press("ctrl+s", "y")
        await pilot.pause()

    assert snap_compare(snap_harness.app(), terminal_size=SNAPSHOT_SIZE, run_before=run_before)


@pytest.fixture
def review_harness(catalog, scorer):
    """Four scored attempts over a week and one unfinished, for the review screens."""
    from datetime import timedelta

    from coach.domain.attempt import Mode, Status
    from tests.attempts import scored_attempt
    from tests.helpers import FIXED_NOW

    harness = Harness(catalog, scorer)
    plan = [("newsfeed", "weak", Mode.MOCK, None), ("chat", "strong", Mode.PRACTICE, None),
            ("newsfeed", "strong", Mode.MOCK, None), ("url-shortener", "weak", Mode.DRILL, 2)]
    for day, (pid, kind, mode, drill) in enumerate(plan):
        harness.repository.add(scored_attempt(catalog, scorer, pid, kind, mode=mode,
                                              drill_step=drill,
                                              started_at=FIXED_NOW + timedelta(days=day)))
    draft = harness.repository.get(1).model_copy(update={
        "status": Status.IN_PROGRESS, "report": None, "started_at": FIXED_NOW + timedelta(days=5)})
    harness.repository.add(draft)
    harness.repository.abandon(5, FIXED_NOW)  # listed, but not offered for resume
    return harness


def test_history_screen(snap_compare, review_harness):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("h", "s")  # sorted by total
        await pilot.pause()

    assert snap_compare(review_harness.app(), terminal_size=SNAPSHOT_SIZE, run_before=run_before)


def _open_attempt_from_history(attempt_id: str, *keys: str):
    """A run_before that opens an attempt from the history, then presses `keys`."""
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("h")
        await pilot.pause()
        table = pilot.app.screen.table
        table.move_cursor(row=table.get_row_index(attempt_id))
        await pilot.press("enter", *keys)
        await pilot.pause()

    return run_before


def test_attempt_screen(snap_compare, review_harness):
    assert snap_compare(review_harness.app(), terminal_size=SNAPSHOT_SIZE,
                        run_before=_open_attempt_from_history("3"))


def test_attempt_answers_tab(snap_compare, review_harness):
    """The answers beside the reference, with what earned points highlighted."""
    assert snap_compare(review_harness.app(), terminal_size=SNAPSHOT_SIZE,
                        run_before=_open_attempt_from_history("3", "a"))
