"""User and pack text is shown literally; broken packs are reported, not fatal."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from coach import paths
from coach.tui.screens.attempt import AttemptScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.load_errors import LoadErrorsScreen
from coach.tui.screens.results import ResultsScreen
from tests.tui.conftest import SIZE, Harness, open_problem, ready, start_interview

MARKUP = "[bold]x[/bold] and [@click=app.quit]boom[/] [red"


def screen_text(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(Static))


def make_pack(root: Path, problems: dict[str, str]) -> Path:
    pack = root / "mine"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\nversion: '1'\ndescription: d\n")
    for name, text in problems.items():
        (pack / name).write_text(text, encoding="utf-8")
    return pack


def builtin(problem_id: str) -> str:
    return (paths.bundled_dir("problems") / "core" / f"{problem_id}.yaml").read_text("utf-8")


async def test_typed_markup_is_shown_literally_and_does_nothing(harness):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await start_interview(pilot, "newsfeed")
        await pilot.press(*MARKUP)  # typed key by key, as a user would
        assert app.focused.text == MARKUP
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("h", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AttemptScreen)
        assert MARKUP in screen_text(app.screen)
        await pilot.click(".answer")  # the [@click] text is not a live link
        await pilot.pause()
        assert app.is_running


async def test_pack_text_with_markup_is_shown_literally(catalog, scorer, tmp_path):
    text = builtin("newsfeed").replace("id: newsfeed", "id: marked", 1).replace(
        "title: News feed", "title: '[b]Loud[/b] [@click=app.quit]feed[/]'", 1)
    harness = Harness(catalog, scorer, extra_roots=[make_pack(tmp_path, {"m.yaml": text})])
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = app.screen.query_one("#problems", DataTable)
        assert str(table.get_row("marked")[0]) == "[b]Loud[/b] [@click=app.quit]feed[/]"
        await open_problem(pilot, "marked")
        assert "[b]Loud[/b]" in screen_text(app.screen)


async def test_broken_pack_is_named_and_the_rest_load(catalog, scorer, tmp_path):
    bad = builtin("newsfeed").replace("id: newsfeed", "id: bad-one", 1).replace(
        "difficulty: medium", "difficulty: medum", 1)
    good = builtin("newsfeed").replace("id: newsfeed", "id: good-one", 1)
    pack = make_pack(tmp_path, {"bad.yaml": bad, "good.yaml": good, "syntax.yaml": "a: [\n"})
    harness = Harness(catalog, scorer, extra_roots=[pack])
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        status = str(app.screen.query_one("#home-status", Static).render())
        assert "2 pack files could not be loaded, e.g. " in status
        assert "bad.yaml" in status and "difficulty" in status  # which file, and why
        table = app.screen.query_one("#problems", DataTable)
        keys = {row.value for row in table.rows}
        assert "good-one" in keys and "bad-one" not in keys
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorsScreen)
        text = screen_text(app.screen)
        line = bad.splitlines().index("difficulty: medum") + 1
        assert f"bad.yaml:{line}:13: difficulty:" in text
        assert "syntax.yaml:2" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_unusable_database_is_explained_on_the_home_screen(catalog, scorer, tmp_path):
    from coach.errors import StoreError

    def failing():
        raise StoreError("cannot open the database /x/coach.db: disk I/O error",
                         "set COACH_HOME or --db to a writable place")

    from coach.tui.app import CoachApp

    app = CoachApp(services_factory=failing)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        status = str(app.screen.query_one("#home-status", Static).render())
        assert "Could not start" in status and "disk I/O error" in status
        assert "--db" in status
        await pilot.press("enter", "h")  # nothing to open; must not crash
        assert app.is_running
