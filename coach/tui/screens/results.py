"""Shown right after submit: the score report with the reference answers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header

from coach.domain.attempt import Attempt
from coach.domain.problem import CatalogEntry
from coach.tui.widgets.report_view import ReportView


class ResultsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "home", "Home"),
        Binding("h", "history", "History"),
        Binding("a", "answers", "Answers vs reference"),
        Binding("x", "export", "Export"),
    ]

    def __init__(self, attempt: Attempt, entry: CatalogEntry | None) -> None:
        super().__init__()
        self.attempt = attempt
        self.entry = entry

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="results"):
            if self.attempt.report is not None:
                yield ReportView(self.attempt.report,
                                 self.entry.problem if self.entry else None)
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Results · {self.attempt.problem_title}"
        self.sub_title = f"attempt {self.attempt.id}"
        self.query_one("#results").focus()

    def action_home(self) -> None:
        self.app.go_home()

    def action_answers(self) -> None:
        from coach.tui.screens.attempt import AttemptScreen

        self.app.push_screen(AttemptScreen(self.attempt, tab="tab-answers"))

    def action_export(self) -> None:
        from coach.tui.exporting import export_attempt

        export_attempt(self.app, self.attempt)

    def action_history(self) -> None:
        from coach.tui.screens.history import HistoryScreen

        self.app.go_home()
        self.app.push_screen(HistoryScreen())
