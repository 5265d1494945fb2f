"""The held-out calibration set (tests/calibration) keeps the scorer honest: answers
written apart from the built-in references and lexicon must land in the right order."""

from pathlib import Path

import pytest

from coach.domain.answer_file import parse_answer

CALIBRATION = Path(__file__).parent.parent / "calibration"
PROBLEMS = sorted(p.name for p in CALIBRATION.iterdir() if p.is_dir())
KINDS = ("strong", "weak", "wrong", "buzzword", "empty")
TERSE = "strong-terse"  # a second strong answer in bullets, where the set has one


@pytest.fixture(scope="module")
def reports(catalog, scorer):
    return {
        (problem, kind): scorer.score(
            catalog.get(problem).problem,
            parse_answer((CALIBRATION / problem / f"{kind}.md").read_text("utf-8")).texts)
        for problem in PROBLEMS for kind in (*KINDS, TERSE)
        if (CALIBRATION / problem / f"{kind}.md").exists()
    }


def test_every_built_in_problem_has_a_calibration_set(catalog):
    built_in = {entry.id for entry in catalog.entries if entry.pack_id == "core"}
    assert built_in <= set(PROBLEMS)


@pytest.mark.parametrize("problem", PROBLEMS)
def test_strong_beats_weak_beats_buzzwords_beats_nothing(reports, problem):
    total = {kind: reports[problem, kind].total for kind in KINDS}
    assert total["strong"] > total["weak"] > total["buzzword"] >= total["empty"] == 0
    if (problem, TERSE) in reports:
        assert reports[problem, TERSE].total > total["weak"] + 20


@pytest.mark.parametrize("problem", PROBLEMS)
def test_an_answer_to_another_problem_scores_well_below_a_strong_one(reports, problem):
    assert reports[problem, "wrong"].total < reports[problem, "strong"].total - 20
    assert reports[problem, "wrong"].verdict in ("no hire", "lean hire")


@pytest.mark.parametrize("problem", PROBLEMS)
def test_a_page_of_buzzwords_scores_low_and_says_they_were_only_listed(reports, problem):
    report = reports[problem, "buzzword"]
    assert report.total < 30 and report.verdict == "no hire"
    assert any(c.listed for step in report.steps for c in step.criteria)


@pytest.mark.parametrize("problem", PROBLEMS)
def test_verdicts_follow_the_quality(reports, problem):
    assert reports[problem, "strong"].verdict in ("hire", "strong hire")
    assert reports[problem, "weak"].verdict == "no hire"
