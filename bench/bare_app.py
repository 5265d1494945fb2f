"""The baseline for the startup benchmark: a bare Textual app with a screen like coach's home.

Same widgets (header, status line, a row-cursor table with the same columns, footer),
rows written inline: what the home screen costs with no catalog, database or worker.
"""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

ROWS = [
    ("File sharing and sync", "medium", "storage, sync, blob, dedup", "0", "—"),
    ("News feed", "medium", "social, fan-out, ranking, caching", "0", "—"),
    ("Ride-sharing service", "hard", "geospatial, real-time, matching, payments", "0", "—"),
]


class BareApp(App[None]):
    TITLE = "coach"
    BINDINGS = [("q", "quit", "Quit"), ("h", "bell", "History")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("3 problems. Pick one and press Enter.")
        table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
        table.add_columns("Problem", "Difficulty", "Tags", "Attempts", "Best")
        table.add_rows(ROWS)
        yield table
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
