import json

import pytest

from coach.domain.level import Level
from coach.domain.steps import STEPS
from coach.scoring.mistakes import RULE_CONCEPTS

PROBLEMS = ["ride-sharing", "newsfeed", "file-sharing"]


def references(problem):
    return [problem.steps.by_number(n).reference for n in range(1, 8)]


def test_mistake_rules_only_use_concepts_the_lexicon_has(catalog):
    assert set(RULE_CONCEPTS) <= set(catalog.lexicon.concepts)


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_reference_answers_score_high(catalog, scorer, problem_id):
    problem = catalog.get(problem_id).problem
    report = scorer.score(problem, references(problem), level=Level.SENIOR)
    assert report.total >= 85
    assert all(step.score >= 70 for step in report.steps), [s.score for s in report.steps]


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_a_thin_answer_scores_far_below_the_reference(catalog, scorer, problem_id):
    problem = catalog.get(problem_id).problem
    thin = ["Users use the app.", "Lots of users.", "Servers and a database.",
            "Some tables.", "Some endpoints.", "Add more servers.", "It is good."]
    strong = scorer.score(problem, references(problem)).total
    weak = scorer.score(problem, thin).total
    assert weak < strong / 3


def test_empty_answer_scores_zero_with_one_clear_mistake(catalog, scorer):
    report = scorer.score(catalog.get("newsfeed").problem, [""] * 7)
    assert report.total == 0
    assert [m.id for m in report.mistakes] == ["empty-answer"]


def test_another_problems_answer_loses_the_problem_specific_points(catalog, scorer):
    ride = catalog.get("ride-sharing").problem
    feed = catalog.get("newsfeed").problem
    own = scorer.score(ride, references(ride))
    borrowed = scorer.score(ride, references(feed))

    def specific(report):
        return sum(c.weight for s in report.steps for c in s.criteria
                   if c.met and c.source == "ride-sharing")
    assert specific(borrowed) < specific(own) / 2
    assert borrowed.total < own.total


def test_evidence_is_the_sentence_as_written(catalog, scorer):
    problem = catalog.get("file-sharing").problem
    texts = [""] * 7
    texts[2] = "Intro line.\n- Clients talk to a Load Balancer, which forwards to the API tier."
    report = scorer.score(problem, texts)
    met = {c.id: c for c in report.steps[2].criteria if c.met}
    sentences = [e.sentence for c in met.values() for e in c.evidence]
    assert "Clients talk to a Load Balancer, which forwards to the API tier." in sentences


def test_negated_concepts_do_not_earn_criteria(catalog, scorer):
    problem = catalog.get("newsfeed").problem
    yes = ["", "", "", "", "", "We add a Redis cache for hot feeds and replicate the database "
           "to read replicas.", ""]
    no = ["", "", "", "", "", "We will not use a cache and there is no replication.", ""]
    met_yes = {c.id for c in scorer.score(problem, yes).steps[5].criteria if c.met}
    met_no = {c.id for c in scorer.score(problem, no).steps[5].criteria if c.met}
    assert met_yes - met_no  # the affirmed version earns something the denial does not
    assert not (met_no - met_yes)


def test_target_level_decides_which_criteria_count(catalog, scorer):
    problem = catalog.get("ride-sharing").problem
    texts = references(problem)
    mid = scorer.score(problem, texts, level=Level.MID)
    staff = scorer.score(problem, texts, level=Level.STAFF)
    levels_mid = {c.level for s in mid.steps for c in s.criteria}
    levels_staff = {c.level for s in staff.steps for c in s.criteria}
    assert levels_mid == {"mid"}
    assert "staff" in levels_staff
    assert sum(s.possible for s in staff.steps) > sum(s.possible for s in mid.steps)


def test_missed_criteria_say_what_to_add(catalog, scorer):
    report = scorer.score(catalog.get("newsfeed").problem, ["Users post."] + [""] * 6)
    missed = [c for s in report.steps for c in s.criteria if not c.met]
    assert missed
    assert all(c.feedback and c.missing for c in missed)
    assert all(not c.feedback for s in report.steps for c in s.criteria if c.met)


def test_total_is_the_weighted_mean_of_step_scores(catalog, scorer):
    problem = catalog.get("file-sharing").problem
    report = scorer.score(problem, [*references(problem)[:3], "", "", "", ""])
    weights = [s.weight for s in report.steps]
    expected = sum(s.score * s.weight for s in report.steps) / sum(weights)
    assert report.total == pytest.approx(expected, abs=0.05)
    for step in report.steps:
        earned = sum(c.weight for c in step.criteria if c.met)
        assert step.earned == earned
        assert step.score == pytest.approx(100 * earned / step.possible, abs=0.05)


def test_times_are_reported_not_folded_into_the_score(catalog, scorer):
    problem = catalog.get("newsfeed").problem
    texts = references(problem)
    on_time = scorer.score(problem, texts, elapsed_seconds=[60] * 7)
    late = scorer.score(problem, texts, elapsed_seconds=[6000] * 7)
    assert on_time.total == late.total
    assert late.steps[0].elapsed_seconds == 6000
    assert late.steps[0].budget_seconds == STEPS[0].default_minutes * 60


def test_contract_json_shape(catalog, scorer):
    report = scorer.score(catalog.get("ride-sharing").problem, ["Riders request rides."] * 7)
    data = json.loads(json.dumps(report.contract_json()))
    assert data["problem"] == "ride-sharing"
    assert 0 <= data["total"] <= 100
    assert data["level"] == "senior"
    assert [s["step"] for s in data["steps"]] == list(range(1, 8))
    for step in data["steps"]:
        assert isinstance(step["title"], str) and 0 <= step["score"] <= 100
        for criterion in step["criteria"]:
            assert isinstance(criterion["id"], str) and isinstance(criterion["met"], bool)
            assert all(isinstance(e, str) for e in criterion["evidence"])
    assert all({"id", "message"} <= set(m) for m in data["mistakes"])


@pytest.mark.parametrize("problem_id", ["ride-sharing", "newsfeed", "file-sharing"])
def test_reference_answers_pass_their_own_estimate_checks(catalog, scorer, problem_id):
    problem = catalog.get(problem_id).problem
    assert problem.estimates  # each built-in problem carries reference ranges
    report = scorer.score(problem, [problem.steps.by_number(n).reference for n in range(1, 8)])
    assert [m.message for m in report.mistakes if m.id == "estimate-off"] == []


def test_a_figure_far_outside_the_problems_range_is_pointed_out(catalog, scorer):
    problem = catalog.get("newsfeed").problem
    texts = ["", "Feed reads: about 5,000,000 QPS at peak.", "", "", "", "", ""]
    (mistake,) = [m for m in scorer.score(problem, texts).mistakes if m.id == "estimate-off"]
    assert "feed reads per second" in mistake.message and "5K\u2013500K/s" in mistake.message
