"""The simulated interviewer answers from the problem's facts, or says it is your call."""

import pytest

from coach.domain.attempt import QuestionAsked
from coach.session.interviewer import YOUR_CALL, Interviewer


@pytest.fixture(scope="module")
def ride(catalog, scorer):
    problem = catalog.get("ride-sharing").problem
    return Interviewer(problem, scorer.matcher(problem))


@pytest.mark.parametrize(("question", "fact_id"), [
    ("How many daily users do we have?", "riders-and-rides"),
    ("DAU?", "riders-and-rides"),                            # an abbreviation, via the lexicon
    ("How often do drivers send their location?", "ping-interval"),
    ("what's the latency target for matching?", "matching-time"),
    ("Do we need to support pooled rides?", "out-of-scope"),
    ("do we need strong consistency?", "consistency"),
    ("how long do we keep trip history?", "data-retention"),
])
def test_questions_find_the_fact_they_are_about(ride, question, fact_id):
    asked = ride.ask(question)
    assert asked.fact_id == fact_id and asked.question == question
    assert asked.answer == next(f.answer for f in ride.problem.facts if f.id == fact_id)


@pytest.mark.parametrize("question", ["Should I use Kafka?", "What colour is the button?", "",
                                      "???"])
def test_anything_else_is_the_candidates_call(ride, question):
    asked = ride.ask(question)
    assert asked.fact_id is None and asked.answer == YOUR_CALL


def test_asking_what_matters_earns_step_one_credit_and_names_what_was_not_asked(
        ride, catalog, scorer):
    problem = catalog.get("ride-sharing").problem
    texts = ["Riders request rides.", "", "", "", "", "", ""]
    important = [fact for fact in problem.facts if fact.important]
    few = [QuestionAsked(question="q", answer="a", fact_id=important[0].id)]
    many = [QuestionAsked(question=f"q{i}", answer="a", fact_id=fact.id)
            for i, fact in enumerate(important)]

    def asked(questions):
        report = scorer.score(problem, texts, questions=questions)
        return next(c for c in report.steps[0].criteria if c.id == "clarify.asked-what-matters")

    low = asked(few)
    assert not low.met and important[-1].topic in low.missing
    assert important[-1].topic in low.feedback
    assert asked(many).met and asked(many).missing == []
    file_report = scorer.score(problem, texts)  # an answer file had nobody to ask
    assert all(c.id != "clarify.asked-what-matters" for c in file_report.steps[0].criteria)
