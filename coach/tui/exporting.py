"""Export an attempt from the TUI: a Markdown design document in the exports folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from coach.domain.attempt import Attempt
    from coach.tui.app import CoachApp


def export_attempt(app: CoachApp, attempt: Attempt) -> Path | None:
    """Write the attempt's design document and say where it went. The same attempt always
    goes to the same file, so exporting again refreshes it."""
    from coach.export.markdown import attempt_markdown
    from coach.paths import export_dir

    entry = app.services.catalog.get(attempt.problem_id)
    path = export_dir() / f"attempt-{attempt.id}-{attempt.problem_id}.md"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(attempt_markdown(attempt, entry.problem if entry else None),
                        encoding="utf-8")
    except OSError as error:
        app.notify(f"Could not export to {path}: {error}", severity="error", markup=False)
        return None
    app.notify(f"Exported to {path}", markup=False)
    return path
