"""Two attempts of one problem side by side: scores and times per step, criteria gained
and lost, and what changed in the text of each step."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from coach.domain.attempt import Attempt
from coach.review.compare import (
    Comparison,
    CriterionChange,
    DiffTag,
    StepComparison,
    collapse_unchanged,
    compare_attempts,
)
from coach.session.clock import format_seconds
from coach.tui.text import cell, score_style

GAINED_STYLE, LOST_STYLE = "$success", "$error"
DIFF_STYLES = {DiffTag.ADDED: ("+ ", "green"), DiffTag.REMOVED: ("- ", "red"),
               DiffTag.SAME: ("  ", "dim")}


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:.0f}"


def delta_parts(delta: float | None, *, table: bool = False) -> tuple[str, str]:
    """The change as text and a style: green up, red down (Rich names for table cells)."""
    up, down = ("green", "red") if table else (GAINED_STYLE, LOST_STYLE)
    if delta is None:
        return "—", "dim"
    if round(delta) == 0:
        return "±0", "dim"
    return f"{delta:+.0f}", f"bold {up}" if delta > 0 else f"bold {down}"


def time_parts(seconds: float, budget: int) -> tuple[str, str]:
    if budget <= 0:
        return ("—", "dim") if seconds == 0 else (f"{format_seconds(seconds)} untimed", "")
    over = seconds > budget
    return f"{format_seconds(seconds)} / {format_seconds(budget)}", "bold red" if over else ""


def attempt_label(attempt: Attempt, fallback: str) -> str:
    return f"#{attempt.id}" if attempt.id is not None else fallback


def criteria_lines(step: StepComparison, old: str, new: str) -> Content:
    if step.older_score is None or step.newer_score is None:
        missing = old if step.older_score is None else new
        return Content.styled(f"Not scored in {missing}: no criteria to compare.", "dim")
    if not step.gained and not step.lost:
        return Content.styled("No criteria gained or lost.", "dim")
    parts: list[Content] = []
    for word, mark, style, changes in (("Gained", "✓", GAINED_STYLE, step.gained),
                                       ("Lost", "✗", LOST_STYLE, step.lost)):
        if changes:
            parts.append(Content.assemble((f"{mark} {word} ({len(changes)}): ", f"bold {style}"),
                                          _titles(changes)))
    return Content("\n").join(parts)


def _titles(changes: tuple[CriterionChange, ...]) -> Content:
    return Content(" · ").join(Content(change.title) for change in changes)


def diff_content(step: StepComparison) -> Content | Table:
    """Added lines green with '+ ', removed red with '- ', unchanged dim; a wrapped line
    hangs under its own text, not under the mark."""
    if not step.diff:
        return Content.styled("Both empty.", "dim")
    if not step.text_changed:
        count = len(step.diff)
        return Content.styled(f"Text unchanged ({count} line{'s' if count != 1 else ''}).",
                              "dim")
    grid = Table.grid(expand=True)
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for item in collapse_unchanged(step.diff):
        if isinstance(item, int):
            grid.add_row("", Text(f"… {item} unchanged lines", style="dim italic"))
            continue
        mark, style = DIFF_STYLES[item.tag]
        grid.add_row(Text(mark, style=f"bold {style}"), Text(item.text, style=style))
    return grid


def step_heading(step: StepComparison) -> Content:
    change, change_style = delta_parts(step.delta)
    return Content.assemble(
        (f"{step.step}. {step.title}", "bold"), "   ",
        (score_text(step.older_score), score_style(step.older_score)), " → ",
        (score_text(step.newer_score), f"bold {score_style(step.newer_score)}"), "  ",
        (change, change_style),
    )


class CompareScreen(Screen[None]):
    """Read-only. Built with the older attempt first; raises ValueError for two problems."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("left_square_bracket,p", "jump(-1)", "Prev step", key_display="["),
        Binding("right_square_bracket,n", "jump(1)", "Next step", key_display="]"),
    ]
    DEFAULT_CSS = """
    CompareScreen #compare { height: 1fr; padding: 0 2; }
    CompareScreen .compare-summary { height: auto; padding: 1 0 0 0; }
    CompareScreen .compare-steps { height: auto; margin-top: 1; }
    CompareScreen .compare-step { height: auto; }
    CompareScreen .compare-heading { margin-top: 1; padding: 0 1; background: $boost; }
    CompareScreen .compare-criteria { padding: 0 1; margin-top: 1; }
    CompareScreen .compare-diff { padding: 0 1; margin-top: 1; }
    """

    def __init__(self, older: Attempt, newer: Attempt) -> None:
        super().__init__()
        self.older, self.newer = older, newer
        self.comparison: Comparison = compare_attempts(older, newer)
        self.old_label = attempt_label(older, "older")
        self.new_label = attempt_label(newer, "newer")

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="compare"):
            yield Static(self._summary(), classes="compare-summary")
            yield self._table()
            for step in self.comparison.steps:
                with Vertical(classes="compare-step", id=f"compare-step-{step.step}"):
                    yield Static(step_heading(step), classes="compare-heading")
                    yield Static(criteria_lines(step, self.old_label, self.new_label),
                                 classes="compare-criteria")
                    yield Static(diff_content(step), classes="compare-diff")
        yield Footer()

    def _summary(self) -> Content:
        c = self.comparison
        change, style = delta_parts(c.total_delta)
        parts: list[Content | str | tuple[str, str]] = [
            ("Total ", "bold"), (score_text(c.older_total), score_style(c.older_total)), " → ",
            (score_text(c.newer_total), f"bold {score_style(c.newer_total)}"), "  ",
            (change, style),
            (f"   {self.old_label} {self.older.mode.value} → "
             f"{self.new_label} {self.newer.mode.value}", "dim"),
        ]
        for note in c.notes:
            parts += ["\n", (f"Note: {note}", "$warning")]
        return Content.assemble(*parts)

    def _table(self) -> DataTable[object]:
        table: DataTable[object] = DataTable(classes="compare-steps", cursor_type="none",
                                             show_cursor=False)
        table.can_focus = False  # keys scroll the whole comparison, not this table
        old, new = self.old_label, self.new_label
        for label in ("Step", old, new, "Change", f"Time {old}", f"Time {new}"):
            table.add_column(Text(label))
        for step in self.comparison.steps:
            table.add_row(
                cell(f"{step.step}. {step.short}"),
                cell(score_text(step.older_score), score_style(step.older_score)),
                cell(score_text(step.newer_score), score_style(step.newer_score)),
                cell(*delta_parts(step.delta, table=True)),
                cell(*time_parts(step.older_seconds, step.older_budget)),
                cell(*time_parts(step.newer_seconds, step.newer_budget)),
            )
        return table

    def on_mount(self) -> None:
        c = self.comparison
        self.title = f"Compare · {c.problem_title}"
        self.sub_title = (f"{self.old_label} {c.older_started_at:%Y-%m-%d %H:%M} → "
                          f"{self.new_label} {c.newer_started_at:%Y-%m-%d %H:%M}")
        self.query_one("#compare", VerticalScroll).focus()

    def action_jump(self, direction: int) -> None:
        """Scroll to the next (1) or previous (-1) step's section."""
        scroll = self.query_one("#compare", VerticalScroll)
        sections = list(self.query(".compare-step").results(Vertical))
        tops = [section.virtual_region.y for section in sections]
        here = round(scroll.scroll_y)
        if direction > 0:
            targets = [i for i, top in enumerate(tops) if top > here]
            index = targets[0] if targets else len(sections) - 1
        else:
            targets = [i for i, top in enumerate(tops) if top < here]
            if not targets:
                scroll.scroll_home(animate=False)
                return
            index = targets[-1]
        scroll.scroll_to(y=tops[index], animate=False)
