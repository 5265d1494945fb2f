"""The progress screen: four plots, the tables to drill from, and the text form."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import ContentSwitcher, DataTable, Static

from coach.domain.attempt import Mode
from coach.tui.screens.interview import InterviewScreen
from coach.tui.screens.progress import ProgressScreen
from coach.tui.widgets.progress_plots import ProgressPlot
from tests.attempts import scored_attempt
from tests.helpers import FIXED_NOW
from tests.tui.conftest import Harness, ready

SNAPSHOT_SIZE = (100, 34)
# (problem, calibration answer, days ago): three weeks of mocks getting better, and a drill
SEED = [("newsfeed", "weak", 16), ("ride-sharing", "weak", 15), ("newsfeed", "buzzword", 9),
        ("chat", "strong", 8), ("ride-sharing", "strong", 3), ("newsfeed", "strong", 1)]


def seed(harness: Harness) -> None:
    for problem, kind, days in SEED:
        harness.repository.add(scored_attempt(harness.catalog, harness.scorer, problem, kind,
                                              started_at=FIXED_NOW - timedelta(days=days)))
    harness.repository.add(scored_attempt(
        harness.catalog, harness.scorer, "chat", "weak", mode=Mode.DRILL, drill_step=6,
        started_at=FIXED_NOW - timedelta(days=2)))


@pytest.fixture
def seeded(catalog, scorer):
    harness = Harness(catalog, scorer)
    seed(harness)
    return harness


async def open_progress(pilot) -> ProgressScreen:
    await ready(pilot)
    screen = ProgressScreen()
    await pilot.app.push_screen(screen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_plots_and_tables_render(seeded):
    async with seeded.app().run_test(size=(110, 36)) as pilot:
        screen = await open_progress(pilot)
        plots = list(screen.query(ProgressPlot))
        assert len(plots) == 4
        for plot in plots:
            assert plot.drawn and plot.region.width > 20 and plot.region.height >= 8
            assert plot.plt.build().strip()
        assert not screen.text_form
        weakest = screen.query_one("#weakest", DataTable)
        assert weakest.row_count == 3 and pilot.app.focused is weakest
        missed = screen.query_one("#missed", DataTable)
        assert missed.row_count > 0
        top = screen.progress.missed[0]
        title = pilot.app.services.catalog.criterion_title(top.id)
        assert title and missed.get_row_at(0)[-1].plain == title  # named, not an id
        status = str(screen.query_one("#progress-status", Static).render())
        assert status.startswith("7 attempts, 7 scored, best total")


async def test_t_shows_the_text_form_with_the_figures(seeded):
    async with seeded.app().run_test(size=(110, 36)) as pilot:
        screen = await open_progress(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert screen.query_one(ContentSwitcher).current == "progress-text"
        text = str(screen.query_one("#progress-text-body", Static).render())
        progress = screen.progress
        assert text.startswith(f"7 attempts, 7 scored, best total {progress.best_total:.0f}.")
        weakest = progress.weakest_steps()[0]
        assert f"1. Step {weakest.step} " in text and "Most-missed criteria" in text
        assert f"missed {progress.missed[0].missed} of {progress.missed[0].seen}" in text
        await pilot.press("t")
        await pilot.pause()
        assert not screen.text_form


async def test_a_narrow_terminal_starts_in_text_form(seeded):
    async with seeded.app().run_test(size=(70, 30)) as pilot:
        screen = await open_progress(pilot)
        assert screen.text_form
        assert "Weakest steps" in str(screen.query_one("#progress-text-body", Static).render())
        await pilot.resize_terminal(100, 34)
        await pilot.pause()
        assert not screen.text_form  # it was the width, not the user, that chose text


async def test_empty_progress_says_so(harness):
    async with harness.app().run_test(size=(110, 36)) as pilot:
        screen = await open_progress(pilot)
        status = str(screen.query_one("#progress-status", Static).render())
        assert status.startswith("No scored attempts yet")
        await pilot.press("d")
        await pilot.pause()
        assert pilot.app.screen is screen


async def test_d_drills_the_selected_weakest_step(seeded):
    async with seeded.app().run_test(size=(110, 36)) as pilot:
        screen = await open_progress(pilot)
        second = screen.progress.weakest_steps()[1]
        await pilot.press("down", "d")
        await pilot.pause()
        interview = pilot.app.screen
        assert isinstance(interview, InterviewScreen)
        assert interview.session.attempt.mode is Mode.DRILL
        assert interview.session.attempt.drill_step == second.step
        lows = [(p.step_scores[second.step - 1], p.problem_id) for p in screen.progress.recent
                if p.step_scores[second.step - 1] is not None]
        assert interview.session.attempt.problem_id in {pid for s, pid in lows if s == min(lows)[0]}


async def test_d_drills_a_missed_criterion_on_its_problem(seeded):
    async with seeded.app().run_test(size=(110, 36)) as pilot:
        screen = await open_progress(pilot)
        missed = screen.progress.missed[0]
        await pilot.press("tab")
        assert pilot.app.focused.id == "missed"
        await pilot.press("d")
        await pilot.pause()
        interview = pilot.app.screen
        assert isinstance(interview, InterviewScreen)
        assert (interview.session.attempt.problem_id, interview.session.attempt.drill_step) == (
            missed.problems[0], missed.step)


def test_progress_snapshot(snap_compare, seeded):
    async def run_before(pilot):
        await open_progress(pilot)

    assert snap_compare(seeded.app(), terminal_size=SNAPSHOT_SIZE, run_before=run_before)


async def test_p_on_home_opens_progress(harness):
    from coach.tui.screens.progress import ProgressScreen
    from tests.tui.conftest import SIZE, ready

    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
