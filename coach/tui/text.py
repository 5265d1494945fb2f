"""Helpers that turn user and pack text into renderables without parsing markup."""

from __future__ import annotations

import re

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


_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|[A-Za-z][\w /&-]{0,40}:\s*$)")


def reflow(text: str) -> str:
    """Join hard-wrapped lines of pack text into paragraphs; keep list items and blank lines.

    YAML block scalars keep the author's line breaks, which look ragged once the
    terminal wraps them again at another width.
    """
    out: list[str] = []
    for line in text.strip().splitlines():
        stripped = line.strip()
        joinable = (out and out[-1].strip() and stripped and not _LIST_ITEM.match(line)
                    and not out[-1].rstrip().endswith(":"))
        if joinable:
            out[-1] = f"{out[-1].rstrip()} {stripped}"
        else:
            out.append(line.rstrip())
    return "\n".join(out)
