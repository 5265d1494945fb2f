"""Start a drill of one step from anywhere (progress screen, what-next queue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.domain.attempt import Mode

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


def start_drill(app: CoachApp, problem_id: str, step: int) -> bool:
    """Store a new drill of `step` on `problem_id` and open it above the home screen.

    Returns False (and says why) when the problem is no longer in the catalog.
    """
    from coach.session.interview import new_attempt
    from coach.tui.screens.interview import InterviewScreen

    entry = app.services.catalog.get(problem_id) if app.services else None
    if entry is None:
        app.notify(f"The problem {problem_id!r} is no longer in the catalog.",
                   severity="error", markup=False)
        return False
    attempt = new_attempt(entry, Mode.DRILL, app.wall_clock(), level=app.settings.level.value,
                          drill_step=step)
    stored = app.services.repository.add(attempt)
    app.go_home()
    app.push_screen(InterviewScreen(entry, stored, app.clock))
    return True
