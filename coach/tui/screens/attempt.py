"""One past attempt, read-only: its results and what was written in each step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, TabbedContent, TabPane

from coach.domain.attempt import Attempt, Status
from coach.domain.level import Level
from coach.tui.widgets.answer_view import answers_beside_references
from coach.tui.widgets.report_view import ReportView


class AttemptScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("s", "show_tab('tab-results')", "Score"),
        Binding("a", "show_tab('tab-answers')", "Answers"),
        Binding("r", "resume", "Resume"),
        Binding("v", "other_level", "Other level"),
        Binding("x", "export", "Export"),
    ]

    def __init__(self, attempt: Attempt, tab: str = "tab-results") -> None:
        super().__init__()
        self.attempt = attempt
        self.first_tab = tab

    def compose(self) -> ComposeResult:
        attempt = self.attempt
        entry = self.app.services.catalog.get(attempt.problem_id)
        yield Header()
        with TabbedContent(id="attempt-tabs"):
            if attempt.report is not None:
                with TabPane("Results", id="tab-results"), VerticalScroll(classes="pane",
                                                                          id="results-pane"):
                    yield ReportView(attempt.report, entry.problem if entry else None)
            with TabPane("Answers", id="tab-answers"), VerticalScroll(classes="pane"):
                yield from answers_beside_references(attempt, entry.problem if entry else None)
        yield Footer()

    def on_mount(self) -> None:
        if self.attempt.report is not None:
            self.query_one(TabbedContent).active = self.first_tab
        a = self.attempt
        self.title = f"{a.problem_title} · attempt {a.id}"
        self.sub_title = f"{a.mode.value} · {a.started_at:%Y-%m-%d %H:%M} UTC · read-only"
        self.call_after_refresh(self._focus_pane)

    def _focus_pane(self) -> None:
        tabs = self.query_one(TabbedContent)
        self.query_one(f"#{tabs.active} .pane").focus()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self._focus_pane()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.attempt.status is Status.IN_PROGRESS
        if action in ("show_tab", "other_level"):
            return self.attempt.report is not None
        return True

    async def action_other_level(self) -> None:
        """Show the same answers scored for the next level; the stored score is unchanged."""
        app = self.app
        shown = self.query_one(ReportView).report
        entry = app.services.catalog.get(self.attempt.problem_id)
        if entry is None:
            self.notify("This problem is no longer in the catalog.", severity="error")
            return
        levels = list(Level)
        level = levels[(levels.index(Level(shown.level)) + 1) % len(levels)]
        report = app.services.scorer.score_attempt(entry.problem, self.attempt, level)
        pane = self.query_one("#results-pane", VerticalScroll)
        await pane.remove_children()
        await pane.mount(ReportView(report, entry.problem))
        stored = self.attempt.report.level if self.attempt.report else level.value
        note = "the stored score" if level.value == stored else \
            f"not saved; `coach rescore {self.attempt.id} --level {level.value}` keeps it"
        self.notify(f"Scored for {level.value} level: {report.total:.0f}, {report.verdict} "
                    f"({note}).", markup=False)

    def action_export(self) -> None:
        from coach.tui.exporting import export_attempt

        export_attempt(self.app, self.attempt)

    def action_resume(self) -> None:
        app = self.app
        entry = app.services.catalog.get(self.attempt.problem_id)
        if entry is None:
            self.notify("This problem is no longer in the catalog.", severity="error")
            return
        from coach.tui.screens.interview import InterviewScreen

        fresh = app.services.repository.get(self.attempt.id) or self.attempt
        app.go_home()
        app.push_screen(InterviewScreen(entry, fresh, app.clock))
