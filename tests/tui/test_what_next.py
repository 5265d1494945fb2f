"""The home screen's "What next" panel and the n key that drills its first step."""

from __future__ import annotations

from datetime import timedelta

from coach.domain.attempt import Mode
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.interview import InterviewScreen
from coach.tui.widgets.next_queue import EMPTY, NextQueue
from tests.attempts import scored_attempt
from tests.helpers import FIXED_NOW
from tests.tui.conftest import SIZE, ready


async def settled(pilot) -> None:
    """The services are loaded, then the queue, which home schedules once they are."""
    await ready(pilot)
    await ready(pilot)


def panel_text(app) -> str:
    return str(app.screen.query_one(NextQueue).render())


def seed(harness) -> None:
    """A strong news feed 20 days ago, a weak one 6 days ago (every step rated Again, due
    a day later), and a strong ride-sharing 3 days ago (due in 1 to 8 days)."""
    for problem_id, kind, days in [("newsfeed", "strong", 20), ("newsfeed", "weak", 6),
                                   ("ride-sharing", "strong", 3)]:
        harness.repository.add(scored_attempt(
            harness.catalog, harness.scorer, problem_id, kind,
            started_at=FIXED_NOW - timedelta(days=days)))


async def test_the_panel_lists_the_most_overdue_weakest_step_first(harness):
    seed(harness)
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        panel = app.screen.query_one(NextQueue)
        assert [(i.problem_id, i.step) for i in panel.items][:1] == [("newsfeed", 2)]
        lines = panel_text(app).splitlines()
        assert lines[0] == "1  News feed · 2. Scale — due 5 days ago · last 7"
        assert len(lines) == 5 and all(line.startswith(f"{n}  ") for n, line in
                                       enumerate(lines, start=1))
        assert all("News feed" in line for line in lines)  # the weak attempt's steps lead


async def test_n_starts_a_drill_of_the_first_step(harness):
    seed(harness)
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        attempt = screen.session.attempt
        assert attempt.problem_id == "newsfeed" and attempt.mode is Mode.DRILL
        assert attempt.drill_step == 2 and screen.session.step == 2
        assert harness.repository.get(attempt.id).drill_step == 2


async def test_the_panel_is_refreshed_when_home_is_shown_again(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert panel_text(app) == EMPTY
        seed(harness)
        app.go_home()
        await settled(pilot)
        assert panel_text(app).startswith("1  News feed · 2. Scale")


async def test_with_nothing_scored_the_panel_says_how_to_fill_it_and_n_says_why(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert panel_text(app) == EMPTY
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("Nothing to drill yet" in str(n.message) for n in app._notifications)


async def test_the_table_keeps_its_rows_on_a_small_screen(harness):
    seed(harness)
    app = harness.app()
    async with app.run_test(size=(100, 34)) as pilot:
        await settled(pilot)
        table = app.screen.query_one("#problems")
        panel = app.screen.query_one(NextQueue)
        assert table.size.height >= 12
        assert panel.region.bottom <= 33 and panel.region.height == 6  # 5 items and a title


async def test_a_problem_no_longer_in_the_catalog_is_left_out(harness):
    seed(harness)
    retired = scored_attempt(harness.catalog, harness.scorer, "newsfeed", "weak",
                             started_at=FIXED_NOW - timedelta(days=30))
    harness.repository.add(retired.model_copy(update={"problem_id": "retired-problem"}))
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert "retired" not in panel_text(app)
        assert panel_text(app).startswith("1  News feed · 2. Scale — due 5 days ago")
