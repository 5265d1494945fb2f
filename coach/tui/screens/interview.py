"""The interview: the prompt, one editor per step, the guidance, and the clocks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, Input, Static, TextArea

from coach.domain.attempt import Attempt, Mode
from coach.domain.problem import CatalogEntry
from coach.domain.steps import STEPS
from coach.errors import StoreError
from coach.session.interview import InterviewSession
from coach.tui.text import reflow
from coach.tui.widgets.clocks import ClockBar, StepList
from coach.tui.widgets.step_editor import StepEditor

if TYPE_CHECKING:
    from coach.session.interviewer import Interviewer

TICK_SECONDS = 0.5
AUTOSAVE_SECONDS = 2.0  # typing reaches the database at most this far behind


class InterviewScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+n", "next_step", "Next step"),
        Binding("ctrl+b", "previous_step", "Prev step"),
        Binding("ctrl+g", "toggle_pause", "Pause/resume"),
        Binding("ctrl+k", "ask", "Ask interviewer", priority=True),  # before the editor's
        Binding("ctrl+t", "hint", "Hint"),
        Binding("ctrl+s", "submit", "Submit"),
        Binding("escape", "leave", "Save & leave"),
    ]

    def __init__(self, entry: CatalogEntry, attempt: Attempt, now: Callable[[], float]) -> None:
        super().__init__()
        self.entry = entry
        self.session = InterviewSession(attempt, now)
        self.submitted = False
        self._interviewer: Interviewer | None = None

    def compose(self) -> ComposeResult:
        problem = self.entry.problem
        yield Header()
        yield Static(reflow(problem.prompt), id="prompt", markup=False)
        with Horizontal(id="interview"):
            with Vertical(id="sidebar"):
                yield StepList(id="step-list")
            with Vertical(id="work"):
                yield ClockBar(id="clock-bar")
                yield Static(id="step-title")
                with VerticalScroll(id="guidance-box", can_focus=False):
                    yield Static(id="guidance")
                    yield Static(id="hints", markup=False)
                with Vertical(id="ask-panel"):
                    with VerticalScroll(id="qa-box", can_focus=False):
                        yield Static(id="qa-log")
                    yield Input(placeholder="Ask, e.g. how many daily users? (Enter)", id="ask")
                with ContentSwitcher(id="editors", initial=f"editor-{self.session.step}"):
                    for info in STEPS:
                        yield StepEditor(info.number, self.session.text(info.number))
        yield Footer()

    def on_mount(self) -> None:
        mode = self.session.mode.value
        if self.session.attempt.drill_step is not None:
            mode += f" of step {self.session.attempt.drill_step}"
        self.title = self.entry.problem.title
        self.sub_title = f"{mode} · attempt {self.session.attempt.id}"
        blink = not self.app.is_headless  # steady cursor keeps snapshots stable
        for editor in self.query(StepEditor):
            editor.cursor_blink = blink
        self.session.resume()
        self._show_step()
        self.set_interval(TICK_SECONDS, self._tick)
        self.set_interval(AUTOSAVE_SECONDS, self.save_if_needed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_pause":
            return self.session.mode is Mode.PRACTICE
        if action == "hint":
            return self.session.mode in (Mode.PRACTICE, Mode.DRILL)
        if action == "ask":
            return self.session.step == 1 and bool(self.entry.problem.facts)
        drill = self.session.attempt.drill_step is not None
        if action == "next_step":
            return not drill and (self.session.step < len(STEPS) or None)
        if action == "previous_step":
            return not drill and (self.session.step > 1 or None)
        return True

    def _editor(self, step: int) -> StepEditor:
        return self.query_one(f"#editor-{step}", StepEditor)

    def _show_step(self) -> None:
        step = self.session.step
        info = STEPS[step - 1]
        content = self.entry.problem.steps.by_number(step)
        self.query_one("#step-title", Static).update(
            Content.styled(f"{info.number}. {info.title}", "bold"))
        self.query_one("#guidance", Static).update(Content.assemble(
            ("Covers: ", "bold"), info.covers, "\n", reflow(content.guidance)))
        self.query_one("#editors", ContentSwitcher).current = f"editor-{step}"
        self.query_one("#ask-panel").display = step == 1 and bool(self.entry.problem.facts)
        self._show_hints()
        self._show_questions()
        self._editor(step).focus()
        self._tick()
        self.refresh_bindings()

    def _tick(self) -> None:
        self.query_one("#clock-bar", ClockBar).show(self.session.clock, self.session.paused)
        has_text = [bool(self.session.text(info.number).strip()) for info in STEPS]
        self.query_one("#step-list", StepList).show(self.session.clock, has_text)

    def _show_hints(self) -> None:
        hints = self.entry.problem.steps.by_number(self.session.step).hints
        shown = hints[:self.session.hints_taken(self.session.step)]
        self.query_one("#hints", Static).update(
            "\n".join(f"Hint {i}: {hint}" for i, hint in enumerate(shown, start=1)))

    def _show_questions(self) -> None:
        lines: list[Content | str] = []
        for asked in self.session.log.questions:
            lines += [Content.assemble(("You: ", "bold"), asked.question),
                      Content.assemble(("Interviewer: ", "bold $accent"), asked.answer)]
        if not lines:
            lines = [Content.styled("Clarify before you design: ask about users, load, "
                                    "scope and targets (Ctrl+K).", "dim")]
        self.query_one("#qa-log", Static).update(Content("\n").join(lines))
        self.query_one("#qa-box", VerticalScroll).scroll_end(animate=False)

    def action_ask(self) -> None:
        field = self.query_one("#ask", Input)
        if field.has_focus:
            self._editor(self.session.step).focus()
        else:
            field.focus()

    @on(Input.Submitted, "#ask")
    def _asked(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        if not question:
            return
        if self._interviewer is None:
            from coach.session.interviewer import Interviewer

            problem = self.entry.problem
            self._interviewer = Interviewer(problem, self.app.services.scorer.matcher(problem))
        self.session.record_question(self._interviewer.ask(question, self.session.step))
        event.input.value = ""
        self._show_questions()

    def action_hint(self) -> None:
        hints = self.entry.problem.steps.by_number(self.session.step).hints
        if self.session.take_hint(hints) is None:
            self.notify("No more hints for this step.", markup=False)
        self._show_hints()

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, StepEditor):
            self.session.set_text(event.text_area.step, event.text_area.text)

    def save_if_needed(self) -> None:
        if self.session.needs_save():
            self.save()

    def save(self) -> bool:
        """Write text and times now. On failure the text stays here and autosave retries."""
        session = self.session
        try:
            self.app.services.repository.save_progress(
                session.attempt.id, session.snapshot(), session.step, self.app.wall_clock(),
                session.log)
        except StoreError as error:
            self.notify(f"{error.message}\nYour text is still here; saving is retried every "
                        f"{AUTOSAVE_SECONDS:g} s.", title="Could not save", severity="error",
                        timeout=AUTOSAVE_SECONDS * 2, markup=False)
            return False
        session.mark_saved()
        return True

    def _go(self, moved: bool) -> None:
        if moved:
            self.save()
            self._show_step()

    def action_next_step(self) -> None:
        self._go(self.session.next())

    def action_previous_step(self) -> None:
        self._go(self.session.previous())

    def action_toggle_pause(self) -> None:
        if self.session.paused:
            self.session.resume()
        else:
            self.session.pause()
            self.save()
        self._tick()

    def action_leave(self) -> None:
        self.session.pause()
        if not self.save():
            self.session.resume()
            return  # stay: leaving now would leave the last changes unsaved
        self.notify("Saved. The attempt will be offered for resume.", title="Left the interview")
        self.app.go_home()

    def action_submit(self) -> None:
        from coach.tui.screens.confirm import ConfirmScreen

        drill = self.session.attempt.drill_step
        scored = [drill] if drill else [info.number for info in STEPS]  # a drill scores one
        empty = [str(n) for n in scored if not self.session.text(n).strip()]
        note = "" if not empty else f" Step {empty[0]} is empty." if len(empty) == 1 else \
            f" Steps {', '.join(empty)} are empty."
        self.app.push_screen(
            ConfirmScreen("Submit this attempt for scoring?" + note, "Submit", "Keep working"),
            self._confirmed_submit)

    def _confirmed_submit(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        session = self.session
        session.pause()
        services = self.app.services
        answers = session.snapshot()
        report = services.scorer.score_attempt(
            self.entry.problem,
            session.attempt.model_copy(update={"answers": answers, "log": session.log}))
        try:
            attempt = services.repository.submit(session.attempt.id, answers, report,
                                                 self.app.wall_clock(), session.log)
        except StoreError as error:
            session.resume()
            self.notify(f"{error.message}\nNothing is lost: keep working and submit again.",
                        title="Could not submit", severity="error", markup=False)
            return
        session.mark_saved()
        self.submitted = True
        from coach.tui.screens.results import ResultsScreen

        self.app.switch_screen(ResultsScreen(attempt, self.entry))

    def flush(self) -> None:
        """Save now; the app calls this before it quits so the last seconds are kept."""
        if not self.submitted:
            self.session.pause()
            self.save()
