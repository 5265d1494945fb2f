"""Attempt summaries as rows for `coach history`: dicts, JSON and CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from coach.domain.attempt import AttemptSummary

COLUMNS = ("id", "problem", "title", "pack", "started_at", "mode", "status", "level", "total",
           "elapsed_seconds", "drill_step")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def history_rows(summaries: Iterable[AttemptSummary]) -> list[dict]:
    """One dict per attempt, keys in COLUMNS order; started_at in ISO 8601."""
    return [{"id": s.id, "problem": s.problem_id, "title": s.problem_title, "pack": s.pack_id,
             "started_at": s.started_at.isoformat(), "mode": s.mode.value,
             "status": s.status.value, "level": s.level,
             "total": s.total,
             "elapsed_seconds": round(s.elapsed_seconds, 1), "drill_step": s.drill_step}
            for s in summaries]


def history_json(summaries: Iterable[AttemptSummary]) -> str:
    return json.dumps({"attempts": history_rows(summaries)}, indent=2, ensure_ascii=False) + "\n"


def _cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_history_csv(summaries: Iterable[AttemptSummary], stream: TextIO) -> None:
    """A header row, then one row per attempt. Open `stream` with newline=""."""
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    for row in history_rows(summaries):
        writer.writerow([_cell(row[column]) for column in COLUMNS])
