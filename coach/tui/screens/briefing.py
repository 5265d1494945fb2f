"""The briefing: the prompt, the seven steps with their budgets, and the choice of mode."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from coach.domain.attempt import Mode
from coach.domain.level import Level
from coach.domain.problem import CatalogEntry
from coach.domain.steps import DEFAULT_BUDGET_MINUTES, LONG_BUDGET_MINUTES, STEPS
from coach.session.interview import new_attempt
from coach.tui.text import reflow


class BriefingScreen(Screen[None]):
    BINDINGS = [
        Binding("m", "start('mock')", "Mock (timed)"),
        Binding("l", "start('mock', 'long')", "Mock 60 min"),
        Binding("p", "start('practice')", "Practice"),
        Binding("u", "start('practice', 'untimed')", "Untimed"),
        Binding("d", "drill", "Drill a step"),
        Binding("v", "next_level", "Level"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, entry: CatalogEntry) -> None:
        super().__init__()
        self.entry = entry

    @property
    def budget(self) -> list[int]:
        return list(self.entry.problem.budget_minutes or DEFAULT_BUDGET_MINUTES)

    def compose(self) -> ComposeResult:
        problem = self.entry.problem
        yield Header()
        with VerticalScroll(id="briefing"):
            yield Static(Content.styled(problem.title, "bold"), id="briefing-title")
            facts = f"{problem.difficulty.value} · {', '.join(problem.tags)}"
            yield Static(Content.styled(f"{facts} · pack {self.entry.pack_id}", "dim"))
            yield Static(reflow(problem.prompt), id="briefing-prompt", markup=False)
            yield Static(self._steps(), id="briefing-steps")
            yield Static(f"Total: {sum(self.budget)} minutes. Mock keeps the clock running; "
                         "practice shows it, lets you pause and gives hints; a drill is one "
                         "step against its own clock.", id="briefing-total", markup=False)
            yield Static(self._level_line(), id="briefing-level")
        with Horizontal(id="briefing-modes"):
            yield Button(f"Mock · {sum(self.budget)} min", id="mode-mock", variant="primary")
            yield Button(f"Mock · {sum(LONG_BUDGET_MINUTES)} min", id="mode-long")
            yield Button("Practice", id="mode-practice")
        yield Footer()

    def _steps(self) -> Content:
        lines = [
            Content.assemble((f"{minutes:>2} min  {info.number}. {info.title}", "bold"),
                             (f" — {info.covers}", "dim"))
            for info, minutes in zip(STEPS, self.budget, strict=True)
        ]
        return Content("\n").join(lines)

    def _level_line(self) -> Content:
        level = self.app.settings.level
        return Content.assemble(("Target level: ", "dim"), (level.value, "bold"), (
            " — scored against its criteria and hiring bar (v changes it)", "dim"))

    def action_next_level(self) -> None:
        levels = list(Level)
        current = self.app.settings.level
        self.app.choose_level(levels[(levels.index(current) + 1) % len(levels)])
        self.query_one("#briefing-level", Static).update(self._level_line())

    def on_mount(self) -> None:
        self.query_one("#mode-mock", Button).focus()

    @on(Button.Pressed)
    def _mode_button(self, event: Button.Pressed) -> None:
        choice = {"mode-mock": ("mock", ""), "mode-long": ("mock", "long"),
                  "mode-practice": ("practice", "")}.get(event.button.id or "")
        if choice:
            self.action_start(*choice)

    def action_drill(self) -> None:
        from coach.tui.screens.drill_pick import DrillPickScreen

        def picked(step: int | None) -> None:
            if step is not None:
                self.action_start("drill", drill_step=step)

        self.app.push_screen(DrillPickScreen(self.budget), picked)

    def action_start(self, mode: str, length: str = "", drill_step: int | None = None) -> None:
        app = self.app
        minutes = {"long": list(LONG_BUDGET_MINUTES), "untimed": [0] * len(STEPS)}.get(
            length, self.budget)
        attempt = new_attempt(self.entry, Mode(mode), app.wall_clock(),
                              level=app.settings.level.value,
                              budget_minutes=minutes, drill_step=drill_step)
        stored = app.services.repository.add(attempt)
        from coach.tui.screens.interview import InterviewScreen

        app.switch_screen(InterviewScreen(self.entry, stored, app.clock))
