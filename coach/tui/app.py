"""CoachApp: paints the home screen at once, then loads the catalog and database in a worker."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding

from coach.tui.messages import CatalogLoaded, ServicesFailed, ServicesReady
from coach.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from coach.domain.level import Level
    from coach.services import Services
    from coach.settings import Settings


def _utc_now() -> datetime:
    return datetime.now(UTC)


class CoachApp(App[None]):
    TITLE = "coach"
    SUB_TITLE = "system design interview practice"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(
        self,
        db_path: str | None = None,
        *,
        services_factory: Callable[[], Services] | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.services: Services | None = None
        self.resume_offered = False  # the unfinished attempt is offered once per run
        self.deleted: list[int] = []  # attempts deleted in this run, newest last, for undo
        self.clock = clock  # monotonic seconds, for step timers
        self.wall_clock = wall_clock  # dates shown and stored
        self._services_factory = services_factory or self._default_services
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        """Read on first use; a broken settings file is reported and the defaults used."""
        if self._settings is None:
            from coach.settings import load_settings

            self._settings, warning = load_settings()
            if warning:
                self.notify(warning, title="Settings", severity="warning", markup=False)
        return self._settings

    def choose_level(self, level: Level) -> None:
        from coach.settings import save_settings

        self._settings = self.settings.with_level(level)
        try:
            save_settings(self._settings)
        except OSError as error:
            self.notify(f"The level applies now but could not be saved: {error}",
                        severity="warning", markup=False)

    def _default_services(self) -> Services:
        """Catalog first, shown as soon as it is read; then the database (SQLModel is slow
        to import) for the attempt counts."""
        from coach.packs.loader import load_catalog
        from coach.services import Services, open_repository

        catalog = load_catalog()
        self.call_from_thread(self._post_home, CatalogLoaded(catalog))
        return Services(catalog, open_repository(self.db_path))

    def get_default_screen(self) -> HomeScreen:
        return HomeScreen()

    def on_mount(self) -> None:
        # Paint first, then pay for pydantic, YAML and SQLModel off the event loop.
        self.call_after_refresh(self._load_services)

    @work(thread=True, exclusive=True, group="services", exit_on_error=False)
    def _load_services(self) -> None:
        from coach.errors import CoachError

        try:
            services = self._services_factory()
        except CoachError as error:
            self.call_from_thread(self._post_home, ServicesFailed(error.message, error.hint or ""))
            return
        except Exception as error:  # a bug: say so on screen instead of loading forever
            self.call_from_thread(self._post_home, ServicesFailed(
                f"{type(error).__name__}: {error}", "please report this, with the command you ran"))
            return
        services.repository.purge_deleted()  # deletions left by a run that did not quit
        self.call_from_thread(self._services_ready, services)
        services.scorer  # noqa: B018  compile it now, so the first submit is instant

    def _post_home(self, message: CatalogLoaded | ServicesFailed) -> None:
        self.screen_stack[0].post_message(message)

    def _services_ready(self, services: Services) -> None:
        self.services = services
        self._post_home(ServicesReady())

    def go_home(self) -> None:
        """Close every screen above the home screen, which then refreshes its figures."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self._post_home(ServicesReady())

    async def action_quit(self) -> None:
        if self.services is not None:
            for screen in self.screen_stack:
                flush = getattr(screen, "flush", None)
                if flush is not None:
                    flush()
        self.exit()

    def on_unmount(self) -> None:
        if self.services is not None:
            from coach.errors import StoreError

            # Undo lasts until quitting; then deleted attempts go for good. If that fails
            # they stay hidden, and the next start tries again.
            with suppress(StoreError):
                self.services.repository.purge_deleted()
            self.services.repository.close()
