"""Errors the user can act on: a message and a hint, printed without a traceback."""

from __future__ import annotations


class CoachError(Exception):
    """Something the user can fix. `exit_code` follows the CLI contract (2 = bad usage)."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class UsageError(CoachError):
    exit_code = 2


class UnknownProblemError(UsageError):
    def __init__(self, problem_id: str, suggestions: list[str]) -> None:
        hint = (
            f"did you mean: {', '.join(suggestions)}?"
            if suggestions
            else "run `coach problems` to list them"
        )
        super().__init__(f"unknown problem id {problem_id!r}", hint)
        self.suggestions = suggestions


class StoreError(CoachError):
    """The database could not be opened or written."""
