"""Every problem found while loading packs, as `file:line:column: key: message`."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from coach.packs.issues import LoadIssue, Severity


class LoadErrorsScreen(Screen[None]):
    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, issues: Sequence[LoadIssue]) -> None:
        super().__init__()
        self.issues = issues

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="load-errors"):
            yield Static(Content.styled(
                "These pack files were skipped or need attention. Fix them and restart coach; "
                "the other problems loaded normally.", "bold"))
            for issue in self.issues:
                style = "$error" if issue.severity is Severity.ERROR else "$warning"
                yield Static(Content.assemble((f"{issue.severity.value}: ", style),
                                              issue.format()), classes="issue")
        yield Footer()
