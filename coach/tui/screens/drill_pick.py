"""Pick the one step to drill; dismisses with its number, or None."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from coach.domain.steps import STEPS


class DrillPickScreen(ModalScreen[int | None]):
    BINDINGS = [
        *(Binding(str(info.number), f"pick({info.number})", info.short, show=False)
          for info in STEPS),
        Binding("escape", "pick(None)", "Cancel"),
    ]

    def __init__(self, minutes: list[int], weakest: int | None = None) -> None:
        super().__init__()
        self.minutes = minutes
        self.weakest = weakest

    def compose(self) -> ComposeResult:
        lines = [Content.styled("Drill one step against its own clock. Press its number.",
                                "bold"), Content("")]
        for info, minutes in zip(STEPS, self.minutes, strict=True):
            mark = ("  ← your weakest so far", "$warning") if info.number == self.weakest else ""
            lines.append(Content.assemble((f"{info.number}", "bold $accent"),
                                          f"  {info.title} ({minutes} min)", mark))
        with Vertical(classes="dialog"):
            yield Static(Content("\n").join(lines), classes="question")
        yield Footer()

    def action_pick(self, number: int | None) -> None:
        self.dismiss(number)
