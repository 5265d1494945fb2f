"""`coach history` with filters and CSV, `coach export -o`, `coach stats`."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest

from coach.cli import run
from coach.domain.answer_file import parse_answer
from coach.paths import database_path
from coach.store.sql import SqlRepository
from tests.attempts import scored_attempt
from tests.helpers import FIXED_NOW


@pytest.fixture
def stored(catalog, scorer, isolated_home):
    repo = SqlRepository(database_path(None))
    made = [repo.add(scored_attempt(catalog, scorer, pid, kind,
                                    started_at=FIXED_NOW + timedelta(days=d)))
            for d, (pid, kind) in enumerate([("newsfeed", "weak"), ("chat", "strong"),
                                             ("newsfeed", "strong")])]
    repo.close()
    return made


def test_history_filter_and_json(stored, capsys):
    assert run(["history", "newsfeed", "sort:total", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["attempts"]
    assert [r["id"] for r in rows] == [3, 1]
    assert {"id", "problem", "started_at", "mode", "total", "pack", "drill_step"} <= set(rows[0])


def test_history_csv_has_a_header_and_every_attempt(stored, capsys):
    assert run(["history", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [int(r["id"]) for r in rows] == [3, 2, 1]
    assert rows[1]["problem"] == "chat" and float(rows[1]["total"]) == stored[1].report.total


def test_history_text_is_limited_and_says_how_many_more(stored, capsys):
    assert run(["history", "--limit", "2"]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == 2 and "1 more" in out.err


def test_a_bad_filter_is_a_usage_error(stored, capsys):
    assert run(["history", "mode:mokc"]) == 2
    assert "did you mean 'mode:mock'" in capsys.readouterr().err


def test_export_markdown_to_a_file_reads_back(stored, tmp_path, capsys):
    target = tmp_path / "design.md"
    assert run(["export", "2", "-o", str(target)]) == 0
    text = target.read_text("utf-8")
    assert "```mermaid" in text and "## Appendix: scores and feedback" in text
    assert "> " in text, "the problem's prompt is quoted"
    assert parse_answer(text).texts == [a.text for a in stored[1].answers]


def test_stats_text_and_json(stored, capsys):
    assert run(["stats"]) == 0
    text = capsys.readouterr().out
    assert "3" in text and "Weakest" in text
    assert run(["stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["scored"] == 3 and len(figures["steps"]) == 7


def test_stats_with_no_attempts(capsys):
    assert run(["stats"]) == 0
    assert "No scored attempts" in capsys.readouterr().out


def test_a_closed_pipe_is_not_an_error(stored, monkeypatch, capsys):
    """`coach history | head`: the reader closes the pipe; coach stops without a traceback."""
    import coach.cli_review

    def reader_gone(*_args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(coach.cli_review, "_print_history", reader_gone)
    assert run(["history"]) == 0
