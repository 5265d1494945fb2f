"""The home screen's "What next" panel: the steps spaced repetition says to practise next."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from coach.domain.steps import step as step_info

if TYPE_CHECKING:
    from coach.review.schedule import QueueItem

EMPTY = "Score a few attempts and the steps to revisit will appear here."


def item_line(number: int, item: QueueItem, title: str | None = None) -> Content:
    """'1  News feed · 2. Scale — due 3 days ago · last 42', never parsed as markup."""
    due = item.overdue_days >= 0
    return Content.assemble(
        (f"{number}  ", "bold $accent"),
        f"{title or item.problem_id} · {item.step}. {step_info(item.step).short}",
        (f" — {item.reason}", "$warning" if due else "dim"),
    )


class NextQueue(Static):
    """A few lines under the problem table; `show` fills it, `items` is what it shows."""

    DEFAULT_CSS = """
    NextQueue {
        height: auto;
        max-height: 7;
        padding: 0 1;
        border-top: solid $panel;
        border-title-color: $text-muted;
        border-title-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Content.styled("Working out what to practise next…", "dim"), id=id)
        self.border_title = "What next · n drills the first"
        self.items: list[QueueItem] | None = None  # None until loaded

    def show(self, items: Sequence[QueueItem], titles: Mapping[str, str] | None = None) -> None:
        """`titles` names the problems by id; the id stands in for any it lacks."""
        self.items = list(items)
        if not self.items:
            self.update(Content.styled(EMPTY, "dim"))
            return
        titles = titles or {}
        lines = [item_line(n, item, titles.get(item.problem_id))
                 for n, item in enumerate(self.items, start=1)]
        self.update(Content("\n").join(lines))

    def fail(self, message: str) -> None:
        self.items = []
        self.update(Content.styled(f"Could not work out what to practise next: {message}",
                                   "$error"))
