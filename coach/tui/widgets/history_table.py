"""The history's attempt table: one page of rows at a time, the sorted column marked."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from coach.domain.attempt import AttemptSummary, Status
from coach.review.query import HistoryQuery, SortKey
from coach.session.clock import format_seconds
from coach.tui.text import cell, score_style
from coach.tui.widgets.tables import AttemptList

# (column key, heading, the sort it stands for); the order is the test-visible layout
COLUMNS: tuple[tuple[str, str, SortKey], ...] = (
    ("id", "#", SortKey.ID), ("started", "Started", SortKey.STARTED),
    ("problem", "Problem", SortKey.PROBLEM), ("mode", "Mode", SortKey.MODE),
    ("status", "Status", SortKey.STATUS), ("total", "Total", SortKey.TOTAL),
    ("duration", "Time", SortKey.DURATION), ("level", "Level", SortKey.LEVEL),
)
SORT_OF_COLUMN = {key: sort for key, _, sort in COLUMNS}


class HistoryTable(AttemptList):
    """Rows are keyed by attempt id; `append` adds the next page below the last row."""

    def on_mount(self) -> None:
        for key, heading, _ in COLUMNS:  # room for the arrow: widths follow the first label
            self.add_column(f"{heading}  ", key=key)

    def mark_sort(self, query: HistoryQuery) -> None:
        arrow = " ▼" if query.descending else " ▲"
        for key, heading, sort in COLUMNS:
            sorted_here = sort is query.sort
            self.columns[key].label = Text(heading + (arrow if sorted_here else "  "),
                                           style="bold" if sorted_here else "")
        self._clear_caches()
        self.refresh()

    def append(self, attempts: Iterable[AttemptSummary]) -> None:
        for a in attempts:
            mode = a.mode.value if a.drill_step is None else f"drill {a.drill_step}"
            self.add_row(
                cell(a.id), cell(f"{a.started_at:%Y-%m-%d %H:%M}"), cell(a.problem_title),
                cell(mode), cell(a.status.label,
                                 "yellow" if a.status is Status.IN_PROGRESS else ""),
                cell("—" if a.total is None else f"{a.total:.0f}", score_style(a.total)),
                cell(format_seconds(a.elapsed_seconds)), cell(a.level),
                key=str(a.id),
            )

    def selected_id(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key else None
