"""The first screen: the problems, with attempts and best score, and what failed to load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from coach.tui.messages import CatalogLoaded, ServicesFailed, ServicesReady
from coach.tui.text import cell, score_style
from coach.tui.widgets.next_queue import NextQueue
from coach.tui.widgets.tables import ProblemList

if TYPE_CHECKING:
    from datetime import datetime

    from coach.domain.attempt import ProblemStats
    from coach.packs.catalog import Catalog
    from coach.review.schedule import QueueItem
    from coach.store.repository import Repository

COLUMNS = ("Problem", "Difficulty", "Attempts", "Best", "Tags", "Pack")


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("n", "next_drill", "Next drill"),
        Binding("h", "history", "History"),
        Binding("p", "progress", "Progress"),
        Binding("e", "load_errors", "Load errors"),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._pending_open: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("Loading problems…", id="home-status", markup=False)
            yield Input(placeholder="Filter by title, tag, difficulty or pack "
                        "(e.g. hard, geospatial) - Enter or ↓ to the list", id="filter")
            table = ProblemList(id="problems")
            table.add_columns(*COLUMNS)
            yield table
            yield NextQueue(id="next-queue")
        yield Footer()

    def on_mount(self) -> None:
        self._catalog: Catalog | None = None
        self._stats: dict[str, ProblemStats] | None = None
        self.query_one(ProblemList).focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        if self._catalog is not None:
            self._fill(self._catalog, self._stats)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        table = self.query_one(ProblemList)
        if table.row_count == 1:  # one match: Enter opens it, as the next Enter would
            self._open(table.coordinate_to_cell_key((0, 0)).row_key.value)
        table.focus()

    def on_key(self, event) -> None:
        field = self.query_one("#filter", Input)
        if not field.has_focus:
            return
        if event.key == "escape":  # clear the filter and go back to the list
            event.stop()
            field.value = ""
            self.query_one(ProblemList).focus()
        elif event.key == "down":
            event.stop()
            self.query_one(ProblemList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        services = self.app.services
        if action in ("history", "progress", "next_drill"):
            return services is not None
        if action == "load_errors":
            return bool(services and services.catalog.issues)
        return True

    @on(CatalogLoaded)
    def _catalog_loaded(self, event: CatalogLoaded) -> None:
        self._fill(event.catalog, None)

    @on(ServicesReady)
    def _services_ready(self) -> None:
        services = self.app.services
        if services is not None:
            self._fill(services.catalog, services.repository.problem_stats())
            self.refresh_bindings()
            self._load_queue(services.repository, services.catalog, self.app.wall_clock())
            pending, self._pending_open = self._pending_open, None
            if pending is not None:
                self._open(pending)
            else:
                self._offer_resume()

    @work(thread=True, exclusive=True, group="what-next", exit_on_error=False)
    def _load_queue(self, repository: Repository, catalog: Catalog, now: datetime) -> None:
        """Schedule the scored steps off the event loop (FSRS replays every score)."""
        from coach.review.schedule import what_next

        try:
            known = {entry.id for entry in catalog.entries}  # a removed pack's are left out
            reviews = [r for r in repository.step_reviews() if r.problem_id in known]
            queue, error = what_next(reviews, now=now), ""
        except Exception as failure:  # the queue is a hint: never let it break the home screen
            queue, error = [], str(failure) or type(failure).__name__
        if not get_current_worker().is_cancelled:  # a newer load replaces this one
            self.app.call_from_thread(self._show_queue, queue, error)

    def _show_queue(self, queue: list[QueueItem], error: str) -> None:
        panel = self.query_one(NextQueue)
        if error:
            panel.fail(error)
        else:
            catalog = self.app.services.catalog
            panel.show(queue, {entry.id: entry.problem.title for entry in catalog.entries})

    def action_next_drill(self) -> None:
        from coach.tui.drills import start_drill

        queue: list[QueueItem] | None = self.query_one(NextQueue).items
        if queue is None:
            self.notify("Still working out what to practise next; try again in a moment.")
        elif not queue:
            self.notify("Nothing to drill yet: score an attempt or a drill first, and the "
                        "steps to revisit will be queued here.")
        else:
            start_drill(self.app, queue[0].problem_id, queue[0].step)

    def _fill(self, catalog: Catalog, stats: dict[str, ProblemStats] | None) -> None:
        """One row per problem; attempts and best show '…' until the database is open."""
        self._catalog, self._stats = catalog, stats
        table = self.query_one(ProblemList)
        selected = table.cursor_row
        table.clear()
        query = self.query_one("#filter", Input).value
        shown = catalog.matching(query)
        for entry in shown:
            problem = entry.problem
            stat = stats.get(entry.id) if stats is not None else None
            best = stat.best if stat else None
            attempts = "…" if stats is None else (stat.attempts if stat else 0)
            table.add_row(
                cell(problem.title), cell(problem.difficulty.value),
                cell("new", "bold $accent") if attempts == 0 else cell(attempts),
                cell("—" if best is None else f"{best:.0f}", score_style(best)),
                cell(", ".join(problem.tags), "dim"), cell(entry.pack_id, "dim"),
                key=entry.id,
            )
        if table.row_count:
            table.move_cursor(row=min(selected, table.row_count - 1))
        self._show_status(catalog, len(shown), query)

    def _show_status(self, catalog: Catalog, shown: int, query: str) -> None:
        status = self.query_one("#home-status", Static)
        if query.strip():
            text = Content(f"{shown} of {len(catalog.entries)} problems match "
                           f"“{query.strip()}”. Esc clears the filter.")
        else:
            text = Content(f"{len(catalog.entries)} problems. Pick one and press Enter; "
                           "/ filters the list.")
        broken = catalog.broken_files
        if broken:
            first = catalog.errors[0]
            noun = "file" if len(broken) == 1 else "files"
            text = text + Content.styled(
                f"\n{len(broken)} pack {noun} could not be loaded, e.g. {first.format()}"
                " — press e for all of them.", "bold $warning")
        status.update(text)

    def _offer_resume(self) -> None:
        if self.app.resume_offered:
            return
        self.app.resume_offered = True
        unfinished = self.app.services.repository.latest_unfinished()
        if unfinished is not None:
            from coach.tui.screens.resume import ResumeScreen

            self.app.push_screen(ResumeScreen(unfinished))

    @on(ServicesFailed)
    def show_failure(self, event: ServicesFailed) -> None:
        self.query_one("#home-status", Static).update(Content.assemble(
            ("Could not start: ", "bold $error"), event.message,
            f"\n{event.hint}" if event.hint else ""))

    @on(DataTable.RowSelected, "#problems")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def _open(self, problem_id: str | None) -> None:
        services = self.app.services
        if services is None:  # rows are shown before the database is open: open it then
            self._pending_open = problem_id
            return
        entry = services.catalog.get(problem_id) if problem_id else None
        if entry is not None:
            from coach.tui.screens.briefing import BriefingScreen

            self.app.push_screen(BriefingScreen(entry))

    def action_history(self) -> None:
        from coach.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_progress(self) -> None:
        from coach.tui.screens.progress import ProgressScreen  # plotext loads only now

        self.app.push_screen(ProgressScreen())

    def action_load_errors(self) -> None:
        from coach.tui.screens.load_errors import LoadErrorsScreen

        self.app.push_screen(LoadErrorsScreen(self.app.services.catalog.issues))
