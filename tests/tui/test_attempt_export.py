"""`x` on a past attempt writes it as a Markdown design document into the exports folder."""

from __future__ import annotations

from coach.export.markdown import attempt_markdown
from coach.tui.screens.attempt import AttemptScreen
from tests.attempts import scored_attempt
from tests.tui.conftest import SIZE, ready


def messages(app, severity: str) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == severity]


async def open_attempt(pilot, harness) -> AttemptScreen:
    await ready(pilot)
    attempt = harness.repository.add(scored_attempt(harness.catalog, harness.scorer))
    screen = AttemptScreen(harness.repository.get(attempt.id))
    pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


async def test_x_exports_the_attempt_as_markdown(harness, isolated_home):
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_attempt(pilot, harness)
        attempt = screen.attempt
        await pilot.press("x")
        await pilot.pause()
        path = isolated_home / "exports" / f"attempt-{attempt.id}-newsfeed.md"
        assert path.read_text("utf-8") == attempt_markdown(
            attempt, harness.catalog.get("newsfeed").problem)
        assert path.read_text("utf-8").startswith("# News feed")
        assert f"Exported to {path}" in messages(app, "information")
        await pilot.press("x")  # again: the same file, refreshed
        await pilot.pause()
        assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
        assert app.screen is screen


async def test_a_failed_export_is_reported(harness, isolated_home):
    (isolated_home / "exports").write_text("a file where the folder should be")
    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_attempt(pilot, harness)
        await pilot.press("x")
        await pilot.pause()
        (error,) = messages(app, "error")
        assert error.startswith("Could not export to ")
        assert app.screen is screen and app.is_running


async def test_x_on_the_results_screen_exports_the_attempt_just_scored(harness, isolated_home):
    from coach.tui.screens.results import ResultsScreen

    app = harness.app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        attempt = harness.repository.add(scored_attempt(harness.catalog, harness.scorer))
        pilot.app.push_screen(ResultsScreen(attempt, harness.catalog.get("newsfeed")))
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        path = isolated_home / "exports" / f"attempt-{attempt.id}-newsfeed.md"
        assert "## Appendix: scores and feedback" in path.read_text("utf-8")
        assert f"Exported to {path}" in messages(app, "information")
