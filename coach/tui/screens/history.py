"""Past attempts, newest first; Enter opens one read-only."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from coach.domain.attempt import Status
from coach.session.clock import format_seconds
from coach.tui.text import cell, score_style
from coach.tui.widgets.tables import AttemptList


class HistoryScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history"):
            yield Static("", id="history-status", markup=False)
            table = AttemptList(id="attempts")
            table.add_columns("#", "Started", "Problem", "Mode", "Status", "Total", "Time")
            yield table
        yield Footer()

    def on_mount(self) -> None:
        self.title = "History"
        self.sub_title = ""
        self.load()

    def load(self) -> None:
        attempts = self.app.services.repository.list_attempts()
        table = self.query_one(AttemptList)
        table.clear()
        for a in attempts:
            table.add_row(
                cell(a.id), cell(f"{a.started_at:%Y-%m-%d %H:%M}"), cell(a.problem_title),
                cell(a.mode.value), cell(a.status.label,
                                         "yellow" if a.status is Status.IN_PROGRESS else ""),
                cell("—" if a.total is None else f"{a.total:.0f}", score_style(a.total)),
                cell(format_seconds(a.elapsed_seconds)),
                key=str(a.id),
            )
        count = len(attempts)
        self.query_one("#history-status", Static).update(
            f"{count} attempt{'s' if count != 1 else ''}. Enter opens one."
            if count else "No attempts yet. Pick a problem on the home screen to start one.")
        table.focus()

    @on(DataTable.RowSelected, "#attempts")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def _open(self, key: str | None) -> None:
        attempt = self.app.services.repository.get(int(key)) if key else None
        if attempt is not None:
            from coach.tui.screens.attempt import AttemptScreen

            self.app.push_screen(AttemptScreen(attempt))
