from __future__ import annotations

import pytest
from textual.widgets import DataTable

from coach.packs.loader import load_catalog
from coach.services import Services
from coach.store.memory import MemoryRepository
from coach.tui.app import CoachApp
from tests.helpers import FakeClock, FakeWallClock

SIZE = (110, 36)


class Harness:
    """Builds apps that share a repository and a hand-moved clock, like restarts of one app."""

    def __init__(self, catalog, scorer, repository=None, extra_roots=None) -> None:
        self.clock = FakeClock()
        self.wall = FakeWallClock()
        self.repository = repository or MemoryRepository()
        self.catalog = catalog if extra_roots is None else load_catalog(extra_roots=extra_roots)
        self.scorer = scorer

    def app(self) -> CoachApp:
        return CoachApp(services_factory=lambda: Services(self.catalog, self.repository,
                                                          self.scorer),
                        clock=self.clock, wall_clock=self.wall)


@pytest.fixture
def harness(catalog, scorer):
    return Harness(catalog, scorer)


async def ready(pilot) -> None:
    """Wait until the worker has loaded the services and the home screen has shown them."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_problem(pilot, problem_id: str) -> None:
    table = pilot.app.screen.query_one("#problems", DataTable)
    table.move_cursor(row=table.get_row_index(problem_id))
    await pilot.press("enter")
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    editor = pilot.app.focused
    editor.insert(text)
    await pilot.pause()


async def start_interview(pilot, problem_id: str, *keys: str) -> None:
    """From a fresh app to the interview screen: m mock (the default), l 60-minute mock,
    p practice, u untimed practice, d then a step number for a drill."""
    await ready(pilot)
    await open_problem(pilot, problem_id)
    for key in keys or ("m",):
        await pilot.press(key)
        await pilot.pause()
