"""Row tables whose Enter opens the row and says so in the footer.

The table handles Enter itself (posting RowSelected), so a key typed right after an
arrow key acts on the row the arrow moved to; a screen-level priority binding would
read the cursor before the table had moved it.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class OpenableTable(DataTable[object]):
    BINDINGS = [Binding("enter", "select_cursor", "Open")]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)


class ProblemList(OpenableTable):
    """The home screen's problems, one row per problem id."""


class AttemptList(OpenableTable):
    """The history's attempts, one row per attempt id."""
