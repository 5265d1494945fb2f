"""Offered at start when an attempt was left unfinished: resume it, discard it, or decide later."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from coach.domain.attempt import Attempt
from coach.session.clock import format_seconds


class ResumeScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("r", "resume", "Resume"),
        Binding("d", "discard", "Discard"),
        Binding("escape,l", "later", "Later"),
    ]

    def __init__(self, attempt: Attempt) -> None:
        super().__init__()
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        a = self.attempt
        written = sum(1 for answer in a.answers if answer.text.strip())
        text = (f"You have an unfinished {a.mode.value} attempt of “{a.problem_title}”, started "
                f"{a.started_at:%Y-%m-%d %H:%M} UTC: {format_seconds(a.elapsed_seconds)} in, "
                f"{written} of 7 steps written, last on step {a.current_step}.\n\n"
                "Resume it where you left off? Discarding keeps it in history.")
        with Vertical(classes="dialog"):
            yield Static(text, classes="question", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Resume (r)", id="resume", variant="primary")
                yield Button("Discard (d)", id="discard", variant="error")
                yield Button("Later (l)", id="later")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        {"resume": self.action_resume, "discard": self.action_discard,
         "later": self.action_later}[event.button.id or "later"]()

    def action_resume(self) -> None:
        app = self.app
        entry = app.services.catalog.get(self.attempt.problem_id)
        if entry is None:
            self.notify(f"The problem {self.attempt.problem_id!r} is no longer in the catalog, "
                        "so the attempt cannot be resumed here.", severity="error", markup=False)
            return
        from coach.tui.screens.interview import InterviewScreen

        self.dismiss()
        app.push_screen(InterviewScreen(entry, self.attempt, app.clock))

    def action_discard(self) -> None:
        app = self.app
        app.services.repository.abandon(self.attempt.id, app.wall_clock())
        self.dismiss()
        app.go_home()

    def action_later(self) -> None:
        self.dismiss()
