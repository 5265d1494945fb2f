"""Progress across attempts: four plots, the weakest steps and most-missed criteria to drill,
and the same figures as plain text (`t`, and always below 80 columns)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Static

from coach.review.progress_text import (
    render_progress_text,
    score,
    step_name,
    summary_line,
    time_against_budget,
    trend_line,
)
from coach.tui.text import cell, score_style
from coach.tui.widgets.progress_plots import ProgressPlot, progress_plots

if TYPE_CHECKING:
    from coach.review.progress import Progress

NARROW = 80  # below this many columns the plots give way to the text form
CHARTS, TEXT = "progress-charts", "progress-text"


def _problems(ids: tuple[str, ...]) -> str:
    """`newsfeed +2`: the problem it was missed on most, and how many others."""
    if not ids:
        return "—"
    return ids[0] if len(ids) == 1 else f"{ids[0]} +{len(ids) - 1}"


class ProgressScreen(Screen[None]):
    DEFAULT_CSS = """
    ProgressScreen #progress-status {
        height: auto;
        padding: 0 1;
    }
    ProgressScreen #progress-views {
        height: 1fr;
    }
    ProgressScreen #progress-grid {
        grid-size: 2 2;
        grid-gutter: 0 1;
        height: 1fr;
        min-height: 16;
        padding: 0 1;
    }
    ProgressScreen #progress-tables {
        height: 8;
        padding: 0 1;
    }
    ProgressScreen #weakest-box {
        width: 42;
        margin-right: 1;
    }
    ProgressScreen #missed-box {
        width: 1fr;
    }
    ProgressScreen .table-title {
        height: 1;
        text-style: bold;
    }
    ProgressScreen #progress-tables DataTable {
        height: 1fr;
    }
    ProgressScreen #progress-text {
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("d", "drill", "Drill this"),
        Binding("t", "toggle_text", "Text / plots"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.progress: Progress | None = None
        self._auto_text = False  # switched to text by a narrow terminal, not by `t`

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading…", id="progress-status", markup=False)
        with ContentSwitcher(initial=CHARTS, id="progress-views"):
            with Vertical(id=CHARTS):
                with Grid(id="progress-grid"):
                    yield from progress_plots()
                with Horizontal(id="progress-tables"):
                    with Vertical(id="weakest-box"):
                        yield Static("Weakest steps", classes="table-title")
                        yield DataTable(id="weakest", cursor_type="row", zebra_stripes=True)
                    with Vertical(id="missed-box"):
                        yield Static("Most-missed criteria", classes="table-title")
                        yield DataTable(id="missed", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id=TEXT):
                yield Static("Loading…", id="progress-text-body", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Progress"
        self.sub_title = ""
        self.query_one("#weakest", DataTable).add_columns("Step", "Mean", "Time")
        # The criterion's title goes last: it is the long one, and may be cut at the edge.
        self.query_one("#missed", DataTable).add_columns("Step", "Missed", "Problems",
                                                         "Criterion")
        self._fit_width(self.app.size.width)
        self._load()

    @work(thread=True, exclusive=True, group="progress", exit_on_error=False)
    def _load(self) -> None:
        services = self.app.services
        if services is None:
            self.app.call_from_thread(self._failed, "Still loading the database; try again.")
            return
        try:
            progress = services.repository.progress()
        except Exception as error:  # say so on screen instead of loading forever
            self.app.call_from_thread(self._failed, f"Could not read progress: "
                                                    f"{type(error).__name__}: {error}")
            return
        self.app.call_from_thread(self._show, progress)

    def _failed(self, message: str) -> None:
        if not self.is_attached:  # closed while the worker ran
            return
        self.query_one("#progress-status", Static).update(message)
        self.query_one("#progress-text-body", Static).update(message)

    def _show(self, progress: Progress) -> None:
        if not self.is_attached:
            return
        self.progress = progress
        totals = [p.total for p in progress.recent if p.total is not None]
        text = render_progress_text(progress, self.app.services.catalog.criterion_title)
        status = f"{summary_line(progress)} {trend_line(totals)}" if progress.scored else text
        self.query_one("#progress-status", Static).update(status)
        self.query_one("#progress-text-body", Static).update(text)
        for plot in self.query(ProgressPlot):
            plot.show(progress)
        self._fill_tables(progress)
        self.refresh_bindings()
        self._focus_view()

    def _fill_tables(self, progress: Progress) -> None:
        weakest = self.query_one("#weakest", DataTable)
        weakest.clear()
        for s in progress.weakest_steps():
            weakest.add_row(cell(f"{s.step} {step_name(s.step, s)}"),
                            cell(score(s.mean), score_style(s.mean)),
                            cell(time_against_budget(s.mean_seconds, s.mean_budget)),
                            key=f"step:{s.step}")
        missed = self.query_one("#missed", DataTable)
        missed.clear()
        catalog = self.app.services.catalog
        for index, c in enumerate(progress.missed):
            missed.add_row(cell(c.step), cell(f"{c.missed} of {c.seen}"),
                           cell(_problems(c.problems)),
                           cell(catalog.criterion_title(c.id) or c.id), key=f"missed:{index}")

    # The two forms -----------------------------------------------------------------

    @property
    def text_form(self) -> bool:
        return self.query_one(ContentSwitcher).current == TEXT

    def _set_form(self, text: bool) -> None:
        self.query_one(ContentSwitcher).current = TEXT if text else CHARTS
        self.query_one("#progress-status", Static).display = not text  # the text has it
        self.refresh_bindings()
        self._focus_view()

    def _focus_view(self) -> None:
        if self.text_form:
            self.query_one(f"#{TEXT}", VerticalScroll).focus()
        elif not isinstance(self.focused, DataTable):
            self.query_one("#weakest", DataTable).focus()

    def _fit_width(self, width: int) -> None:
        if width < NARROW and not self.text_form:
            self._auto_text = True
            self._set_form(True)
        elif width >= NARROW and self._auto_text:
            self._auto_text = False
            self._set_form(False)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_width(event.size.width)

    def action_toggle_text(self) -> None:
        self._auto_text = False
        self._set_form(not self.text_form)

    # Drilling ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "drill":
            if self.progress is None or not self.progress.scored:
                return False
            return None if self.text_form else True
        return True

    def action_drill(self) -> None:
        target = self.drill_target()
        if target is None:
            self.notify("Nothing to drill here yet.", severity="warning")
            return
        from coach.tui.drills import start_drill

        start_drill(self.app, *target)

    def drill_target(self) -> tuple[str, int] | None:
        """(problem id, step) for the selected row of the focused table (else the weakest
        steps); None when there is no row or no problem to drill it on."""
        from coach.review.suggest import problem_for_criterion, problem_for_step

        progress = self.progress
        if progress is None or self.text_form:
            return None
        table = self.focused if isinstance(self.focused, DataTable) else \
            self.query_one("#weakest", DataTable)
        if not table.row_count:
            return None
        key = table.ordered_rows[table.cursor_row].key.value or ""
        kind, _, value = key.partition(":")
        ids = [entry.id for entry in self.app.services.catalog.entries]
        if kind == "missed":
            criterion = progress.missed[int(value)]
            problem, step = problem_for_criterion(progress, criterion, ids), criterion.step
        else:
            step = int(value)
            problem = problem_for_step(progress, step, ids)
        return None if problem is None else (problem, step)
