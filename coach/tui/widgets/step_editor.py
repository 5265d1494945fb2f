"""The editor for one step's answer."""

from __future__ import annotations

from textual.widgets import TextArea

from coach.domain.steps import STEPS


class StepEditor(TextArea):
    """A soft-wrapping TextArea that knows which step it holds. Text is never markup."""

    def __init__(self, step: int, text: str = "") -> None:
        info = STEPS[step - 1]
        super().__init__(text, id=f"editor-{step}", soft_wrap=True, tab_behavior="focus",
                         placeholder=f"Write step {step} here: {info.covers.lower()}")
        self.step = step

    def on_mount(self) -> None:
        # A resumed answer continues where it ends, not at its first character.
        self.move_cursor(self.document.end)
