import json
import subprocess
import sys

import pytest

from coach import __version__, paths
from coach.cli import run


def reference_file(tmp_path, problem_id="newsfeed"):
    from coach.domain.answer_file import format_answer
    from coach.packs.loader import load_catalog

    problem = load_catalog(extra_roots=[]).get(problem_id).problem
    path = tmp_path / "answer.md"
    path.write_text(format_answer([problem.steps.by_number(n).reference for n in range(1, 8)]))
    return path


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"coach {__version__}"


def test_problems_json(capsys):
    assert run(["problems", "--json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    by_id = {p["id"]: p for p in problems}
    assert {"ride-sharing", "newsfeed", "file-sharing"} <= set(by_id)
    assert set(by_id["newsfeed"]) >= {"id", "title", "pack", "difficulty", "tags"}
    assert by_id["newsfeed"]["pack"] == "core"


def test_problems_text(capsys):
    assert run(["problems"]) == 0
    assert "ride-sharing" in capsys.readouterr().out


def test_score_json_follows_the_contract(tmp_path, capsys):
    path = reference_file(tmp_path)
    assert run(["score", "--problem", "newsfeed", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["problem"] == "newsfeed" and data["level"] == "senior"
    assert data["total"] > 80
    assert len(data["steps"]) == 7
    first = data["steps"][0]["criteria"][0]
    assert set(first) >= {"id", "met", "evidence"}


def test_score_text_shows_evidence_and_suggestions(tmp_path, capsys):
    path = tmp_path / "a.md"
    path.write_text("## 1. Clarify requirements\nUsers can publish posts and read a feed.\n")
    assert run(["score", "--problem", "newsfeed", str(path)]) == 0
    out = capsys.readouterr().out
    assert "“Users can publish posts and read a feed.”" in out
    assert "→ " in out  # a suggestion for each missed criterion


def test_score_reads_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("## Step 1\nRiders request rides.\n"))
    assert run(["score", "--problem", "ride-sharing", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["problem"] == "ride-sharing"


def test_unknown_problem_exits_2_with_close_matches(tmp_path, capsys):
    path = reference_file(tmp_path)
    assert run(["score", "--problem", "newsfed", str(path)]) == 2
    err = capsys.readouterr().err
    assert "unknown problem id 'newsfed'" in err and "newsfeed" in err
    assert "Traceback" not in err


def test_missing_answer_file_is_a_clear_error(capsys):
    assert run(["score", "--problem", "newsfeed", "nope.md"]) == 2
    assert "nope.md: no such file" in capsys.readouterr().err


def test_file_without_headings_warns(tmp_path, capsys):
    path = tmp_path / "a.md"
    path.write_text("I would use a load balancer.")
    assert run(["score", "--problem", "newsfeed", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert "no step headings found" in captured.err
    assert json.loads(captured.out)["total"] == 0


def test_save_then_history_and_export(tmp_path, capsys, isolated_home):
    path = reference_file(tmp_path, "file-sharing")
    assert run(["score", "--problem", "file-sharing", str(path), "--save", "--json"]) == 0
    total = json.loads(capsys.readouterr().out)["total"]
    assert (isolated_home / "coach.db").exists()  # COACH_HOME decides where the data lives
    assert run(["history", "--json"]) == 0
    (attempt,) = json.loads(capsys.readouterr().out)["attempts"]
    assert attempt["problem"] == "file-sharing" and attempt["total"] == total
    assert set(attempt) >= {"id", "problem", "started_at", "mode", "total"}
    assert run(["export", str(attempt["id"]), "--format", "md"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# File sharing and sync")
    assert "## 4. Define data models and storage strategy" in markdown
    assert run(["export", str(attempt["id"]), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["report"]["total"] == total


def test_rescore_updates_stale_and_other_level_scores_and_keeps_the_old(tmp_path, capsys):
    from coach.services import open_repository

    path = reference_file(tmp_path, "newsfeed")
    assert run(["score", "--problem", "newsfeed", str(path), "--save", "--level", "mid"]) == 0
    capsys.readouterr()
    assert run(["rescore", "--json"]) == 0  # nothing is stale yet
    (outcome,) = json.loads(capsys.readouterr().out)["attempts"]
    assert outcome["skipped"] == "already current"

    assert run(["rescore", str(outcome["attempt_id"]), "--level", "staff"]) == 0
    out = capsys.readouterr().out
    assert "1 re-scored" in out and "->" in out
    repo = open_repository(None)
    try:
        attempt = repo.get(outcome["attempt_id"])
        assert attempt.level == "staff" and attempt.report.level == "staff"
        (old,) = repo.past_reports(attempt.id)
        assert old.level == "mid" and old.total == outcome["old_total"]
    finally:
        repo.close()
    assert run(["rescore", "999"]) == 0
    assert "skipped: no such attempt" in capsys.readouterr().out


def test_db_flag_and_env_pick_the_database(tmp_path, monkeypatch, capsys):
    path = reference_file(tmp_path)
    db = tmp_path / "elsewhere" / "my.db"
    assert run(["--db", str(db), "score", "--problem", "newsfeed", str(path), "--save"]) == 0
    assert db.exists()
    monkeypatch.setenv("COACH_DB", str(db))
    capsys.readouterr()
    assert run(["history", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["attempts"]) == 1
    assert paths.database_path("x.db").name == "x.db"


def test_export_unknown_attempt(capsys):
    assert run(["export", "42"]) == 2
    assert "no attempt with id 42" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_cli():
    out = subprocess.run([sys.executable, "-m", "coach", "--version"], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == f"coach {__version__}"
