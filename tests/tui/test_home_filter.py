"""The home screen filters the catalog as you type and marks problems never attempted."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from tests.tui.conftest import SIZE, ready


async def test_typing_a_filter_narrows_the_list_and_escape_clears_it(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = app.screen.query_one("#problems", DataTable)
        everything = table.row_count
        assert str(table.get_row("newsfeed")[2]) == "new"  # never attempted
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"hard real")
        await pilot.pause()
        keys = [row.value for row in table.rows]
        assert "ride-sharing" in keys and "newsfeed" not in keys
        assert all(str(table.get_row(k)[1]) == "hard" for k in keys)
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert table.row_count == everything and app.focused is table


async def test_enter_on_a_filter_with_one_match_opens_it(harness):
    from coach.tui.screens.briefing import BriefingScreen

    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"newsf", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.entry.id == "newsfeed"
