"""Step-1 credit for asking the interviewer what matters, and naming what was never asked."""

from __future__ import annotations

import math
from collections.abc import Sequence

from coach.domain.attempt import QuestionAsked
from coach.domain.problem import Problem
from coach.domain.report import CriterionResult, Evidence

CRITERION_ID = "clarify.asked-what-matters"
WEIGHT = 2.0


def questions_result(problem: Problem, questions: Sequence[QuestionAsked]
                     ) -> CriterionResult | None:
    """Met when at least half of the problem's important facts were asked about."""
    important = [fact for fact in problem.facts if fact.important]
    if not important:
        return None
    asked = {q.fact_id for q in questions if q.fact_id}
    hit = [fact for fact in important if fact.id in asked]
    missing = [fact.topic for fact in important if fact.id not in asked]
    met = len(hit) >= math.ceil(len(important) / 2)
    evidence = [Evidence(sentence=f"Q: {q.question} — A: {q.answer}")
                for q in questions if q.fact_id in {fact.id for fact in hit}][:3]
    feedback = "" if met else (
        f"Ask the interviewer before designing: {', '.join(missing)}. Each answer is a fact "
        "you can build on instead of a guess.")
    return CriterionResult(
        id=CRITERION_ID, title="Asked the interviewer what matters", source=problem.id,
        weight=WEIGHT, level="mid", met=met, evidence=evidence,
        found=[fact.topic for fact in hit], missing=missing, feedback=feedback)
