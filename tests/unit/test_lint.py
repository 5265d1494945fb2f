"""The pack linter and `coach packs validate`: every finding at once, with its line."""

from coach import paths
from coach.cli import run
from tests.unit.test_loader import make_pack, valid_problem_text

BUILTIN = paths.bundled_dir("problems")


def test_every_built_in_pack_validates_without_errors(capsys):
    assert run(["packs", "validate", str(BUILTIN)]) == 0
    out = capsys.readouterr().out
    assert ": 0 errors," in out.splitlines()[-1]


def test_a_weak_reference_and_bad_budgets_are_errors_with_lines(tmp_path, capsys):
    text = valid_problem_text("thin-feed").replace(
        "steps:\n", "budget_minutes: [30, 30, 30, 30, 30, 30, 30]\nsteps:\n", 1)
    reference_at = text.index("    reference: |", text.index("  architecture:"))
    end = text.index("\n    criteria:", reference_at)
    text = text[:reference_at] + "    reference: |\n      Boxes and arrows, later." + text[end:]
    pack = make_pack(tmp_path, {"thin.yaml": text})
    assert run(["packs", "validate", str(pack)]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    budget = next(line for line in lines if "budget_minutes" in line)
    assert budget.startswith(f"{pack / 'thin.yaml'}:") and "210 minutes" in budget
    assert any("steps.architecture.reference" in line and "under 40 words" in line
               for line in lines)
    assert any("should score strong hire" in line for line in lines)
    assert lines[-1].startswith("checked 1 pack, 1 problem: 2 errors")


def validate_with_fact(tmp_path, capsys, fact: str) -> str:
    """Validate a copy of newsfeed with one interviewer fact; returns the output."""
    text = valid_problem_text("with-fact").replace("steps:\n", f"facts:\n{fact}steps:\n", 1)
    pack = make_pack(tmp_path, {"fact.yaml": text})
    assert run(["packs", "validate", str(pack)]) == 1
    return capsys.readouterr().out


def test_a_fact_naming_an_unknown_concept_is_reported_with_a_suggestion(tmp_path, capsys):
    out = validate_with_fact(tmp_path, capsys, (
        "  - id: users\n"
        "    topic: users and scale\n"
        "    asks: [how many users]\n"
        "    concepts: [daily_active_user]\n"
        "    answer: About 200 million a day.\n"))
    assert "facts[0].concepts[0]: unknown concept 'daily_active_user'" in out
    assert "did you mean 'daily_active_users'" in out


def test_validate_names_a_missing_path_and_a_folder_without_packs(tmp_path, capsys):
    assert run(["packs", "validate", str(tmp_path / "nowhere")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert run(["packs", "validate", str(tmp_path)]) == 1
    assert "not a pack" in capsys.readouterr().out


def test_a_fact_that_contradicts_the_problems_own_range_is_an_error(tmp_path, capsys):
    out = validate_with_fact(tmp_path, capsys, (
        "  - id: reads\n"
        "    topic: read load\n"
        "    asks: [how many reads]\n"
        "    answer: Feed reads peak at 9,000,000 QPS.\n"))
    assert "facts[0].answer: the fact disagrees with its own range" in out
