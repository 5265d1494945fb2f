"""Helpers that turn user and pack text into renderables without parsing markup."""

from __future__ import annotations

from rich.text import Text


def cell(value: object, style: str = "") -> Text:
    """A DataTable cell: DataTable parses plain strings as markup, Text it shows as is."""
    return Text(str(value), style=style, no_wrap=True, end="")


def score_style(score: float | None) -> str:
    if score is None:
        return "dim"
    if score >= 70:
        return "green"
    if score >= 40:
        return "yellow"
    return "red"
