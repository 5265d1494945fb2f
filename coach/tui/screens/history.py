"""Past attempts: filter, sort, page through, open, compare two, delete and undo."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from coach.review.query import FilterError, HistoryQuery, SortKey, parse_filter
from coach.tui.widgets.history_table import SORT_OF_COLUMN, HistoryTable

PAGE = 100  # rows fetched at a time; the next page loads when the cursor nears the end
SORT_CYCLE = (SortKey.STARTED, SortKey.TOTAL, SortKey.PROBLEM, SortKey.DURATION,
              SortKey.MODE, SortKey.STATUS, SortKey.LEVEL, SortKey.ID)


class HistoryScreen(Screen[None]):
    AUTO_FOCUS = "#attempts"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "filter", "Filter"),
        Binding("s", "next_sort", "Sort"),
        Binding("r", "reverse", "Reverse"),
        Binding("c", "compare", "Compare"),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("p", "progress", "Progress"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = HistoryQuery()
        self.total = 0
        self.marked: int | None = None  # the first attempt picked for a comparison

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history"):
            yield Static("", id="history-status", markup=False)
            yield Input(placeholder='Filter: problem words, "text in answers", mode: score: '
                        'since: until: pack: status: level: (e.g. newsfeed score:<50)',
                        id="history-filter")
            yield HistoryTable(id="attempts")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "History"
        self.sub_title = ""
        self.load()

    @property
    def table(self) -> HistoryTable:
        return self.query_one(HistoryTable)

    def load(self, keep: int | None = None) -> None:
        """Show the first page for the current query; put the cursor back on `keep`."""
        repository = self.app.services.repository
        table = self.table
        table.clear()
        self.total = repository.count_attempts(self.query_state)
        table.append(repository.list_attempts(limit=PAGE, query=self.query_state))
        table.mark_sort(self.query_state)
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self._say()
        if not isinstance(self.focused, Input):
            table.focus()

    def _say(self, error: str = "") -> None:
        status = self.query_one("#history-status", Static)
        if error:
            status.update(Content.styled(error, "$error"))
            return
        shown, q = self.table.row_count, self.query_state
        if not self.total:
            status.update("No attempts match this filter." if q.is_filtered() else
                          "No attempts yet. Pick a problem on the home screen to start one.")
            return
        order = f"sorted by {q.sort.value} {'▼' if q.descending else '▲'}"
        mark = f" · #{self.marked} marked: c on another attempt compares" if self.marked else ""
        status.update(f"{shown:,} of {self.total:,} attempt{'s' if self.total != 1 else ''} "
                      f"shown · {order}{mark}. Enter opens one.")

    @on(Input.Changed, "#history-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        try:
            self.query_state = parse_filter(event.value, self.query_state)
        except FilterError as error:
            self._say(str(error))
            return
        self.load()

    @on(Input.Submitted, "#history-filter")
    def _filter_done(self) -> None:
        self.table.focus()

    @on(DataTable.RowHighlighted, "#attempts")
    def _near_the_end(self, event: DataTable.RowHighlighted) -> None:
        table = self.table
        if event.cursor_row >= table.row_count - 10 and table.row_count < self.total:
            table.append(self.app.services.repository.list_attempts(
                limit=PAGE, offset=table.row_count, query=self.query_state))
            self._say()

    @on(DataTable.HeaderSelected, "#attempts")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        self._sort(self.query_state.sorted_by(SORT_OF_COLUMN[event.column_key.value]))

    def _sort(self, query: HistoryQuery) -> None:
        self.query_state = query
        self.load(keep=self.table.selected_id())

    def action_next_sort(self) -> None:
        current = SORT_CYCLE.index(self.query_state.sort)
        self._sort(self.query_state.sorted_by(SORT_CYCLE[(current + 1) % len(SORT_CYCLE)]))

    def action_reverse(self) -> None:
        self._sort(self.query_state.sorted_by(self.query_state.sort))

    def action_filter(self) -> None:
        self.query_one("#history-filter", Input).focus()

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.table.focus()
        else:
            self.app.pop_screen()

    @on(DataTable.RowSelected, "#attempts")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        attempt = self.app.services.repository.get(int(event.row_key.value))
        if attempt is not None:
            from coach.tui.screens.attempt import AttemptScreen

            self.app.push_screen(AttemptScreen(attempt))

    def action_compare(self) -> None:
        chosen = self.table.selected_id()
        if chosen is None:
            return
        if self.marked is None or self.marked == chosen:
            self.marked = None if self.marked == chosen else chosen
            self._say()
            return
        repository = self.app.services.repository
        first, second = repository.get(self.marked), repository.get(chosen)
        if first is None or second is None:
            self.marked = None
            self._say()
            return
        if first.problem_id != second.problem_id:
            self.notify(f"#{first.id} is {first.problem_title} and #{second.id} is "
                        f"{second.problem_title}: compare two attempts of one problem.",
                        severity="warning", markup=False)
            return
        self.marked = None
        self._say()
        older, newer = sorted((first, second), key=lambda a: (a.started_at, a.id))
        from coach.tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(older, newer))

    def action_delete(self) -> None:
        chosen = self.table.selected_id()
        if chosen is None:
            return
        # The row shows what the question needs; no need to load the whole attempt.
        started, title = (cell.plain for cell in self.table.get_row(str(chosen))[1:3])
        from coach.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(chosen)

        self.app.push_screen(ConfirmScreen(
            f"Delete attempt #{chosen} ({title}, {started})? You can undo it with u until "
            "you quit.",
            yes="Delete", no="Keep"), answered)

    def _delete(self, attempt_id: int) -> None:
        row = self.table.cursor_row
        self.app.services.repository.delete(attempt_id, self.app.wall_clock())
        self.app.deleted.append(attempt_id)
        if self.marked == attempt_id:
            self.marked = None
        self.load()
        if self.table.row_count:
            self.table.move_cursor(row=min(row, self.table.row_count - 1))
        self.notify(f"Deleted attempt #{attempt_id}. Press u to undo.", markup=False)

    def action_undo(self) -> None:
        if not self.app.deleted:
            self.notify("Nothing to undo.", markup=False)
            return
        attempt_id = self.app.deleted.pop()
        self.app.services.repository.restore(attempt_id)
        self.load(keep=attempt_id)
        self.notify(f"Restored attempt #{attempt_id}.", markup=False)

    def action_progress(self) -> None:
        from coach.tui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen())
