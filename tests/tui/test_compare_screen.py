"""The compare screen: two attempts of one problem, step by step."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from rich.console import Console
from textual.content import Content
from textual.widgets import DataTable, Static

from coach.tui.screens.compare import CompareScreen
from tests.attempts import answer_texts, scored_attempt
from tests.helpers import FIXED_NOW
from tests.tui.conftest import SIZE, Harness, ready

SNAPSHOT_SIZE = (100, 34)
MARKUP_LINE = "Literal markup stays literal: [bold]not bold[/bold]"


def pair(harness: Harness):
    """An older attempt whose step 1 lacks the non-functional block, and a newer one with it
    and a line of literal markup; stored so each has an id."""
    texts = answer_texts("newsfeed", "strong")
    lines = texts[0].splitlines()
    start = lines.index("**Non-functional requirements**")
    older_texts = ["\n".join(lines[:start] + lines[start + 6:]), *texts[1:]]
    older_texts[5] = answer_texts("newsfeed", "weak")[5]
    newer_texts = [texts[0] + "\n" + MARKUP_LINE, *texts[1:]]
    older = harness.repository.add(scored_attempt(
        harness.catalog, harness.scorer, "newsfeed", texts=older_texts,
        started_at=FIXED_NOW - timedelta(days=7), seconds=330.0))
    newer = harness.repository.add(scored_attempt(
        harness.catalog, harness.scorer, "newsfeed", texts=newer_texts, seconds=250.0))
    return older, newer


def plain(renderable) -> str:
    if isinstance(renderable, Content):
        return renderable.plain
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def static_text(screen, selector: str) -> str:
    return "\n".join(plain(widget.content) for widget in screen.query(selector).results(Static))


async def test_compare_screen_shows_rows_criteria_and_diff(harness):
    older, newer = pair(harness)
    async with harness.app().run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = CompareScreen(older, newer)
        await pilot.app.push_screen(screen)
        await pilot.pause()
        assert screen.title == "Compare · News feed"
        assert screen.sub_title == "#1 2026-03-07 09:30 → #2 2026-03-14 09:30"
        table = screen.query_one(DataTable)
        assert table.row_count == 7
        first = [str(value) for value in table.get_row_at(0)]
        assert first[0] == "1. Requirements" and first[3].startswith("+")
        assert first[4] == "5:30 / 5:00" and first[5] == "4:10 / 5:00"
        assert [str(v) for v in table.get_row_at(1)][3] == "±0"
        sixth = [str(value) for value in table.get_row_at(5)]
        assert sixth[3].startswith("+")
        criteria = static_text(screen, ".compare-criteria")
        assert "Gained" in criteria and "Latency target" in criteria
        assert "No criteria gained or lost." in criteria
        diff = static_text(screen, ".compare-diff")
        assert "+ **Non-functional requirements**" in diff
        assert f"+ {MARKUP_LINE}" in diff  # the markup is shown, not applied
        assert "unchanged lines" in diff and "Text unchanged" in diff
        assert "- We will add more servers" in diff
        assert pilot.app.focused is screen.query_one("#compare")
        await pilot.press("right_square_bracket", "right_square_bracket")
        scroll = screen.query_one("#compare")
        section = screen.query_one("#compare-step-2")
        assert scroll.scroll_y == section.virtual_region.y > 0
        await pilot.press("left_square_bracket")
        assert scroll.scroll_y == screen.query_one("#compare-step-1").virtual_region.y
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CompareScreen)


async def test_a_drill_beside_a_mock_says_what_is_not_scored(harness):
    mock = harness.repository.add(scored_attempt(harness.catalog, harness.scorer, "newsfeed",
                                                 "weak"))
    drill = harness.repository.add(scored_attempt(
        harness.catalog, harness.scorer, "newsfeed", "strong", drill_step=3))
    async with harness.app().run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = CompareScreen(mock, drill)
        await pilot.app.push_screen(screen)
        await pilot.pause()
        assert "is a drill of step 3" in static_text(screen, ".compare-summary")
        assert "Not scored in #2" in static_text(screen, ".compare-criteria")
        row = [str(value) for value in screen.query_one(DataTable).get_row_at(0)]
        assert row[2:4] == ["—", "—"] and row[5] == "—"


def test_two_problems_cannot_be_compared(harness):
    a = scored_attempt(harness.catalog, harness.scorer, "newsfeed", "weak")
    b = scored_attempt(harness.catalog, harness.scorer, "ride-sharing", "weak")
    with pytest.raises(ValueError, match="same problem"):
        CompareScreen(a, b)


def test_compare_snapshot(snap_compare, catalog, scorer):
    harness = Harness(catalog, scorer)
    older, newer = pair(harness)

    async def run_before(pilot):
        await ready(pilot)
        await pilot.app.push_screen(CompareScreen(older, newer))
        await pilot.pause()

    assert snap_compare(harness.app(), terminal_size=SNAPSHOT_SIZE, run_before=run_before)
