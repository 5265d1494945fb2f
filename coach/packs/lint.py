"""Checks beyond the schema: is a problem complete, and does its own reference answer pass?

A problem whose reference answer does not score "strong hire" under its own rubric has a
broken rubric (or a weak reference); that is an error. Thin content is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from coach.domain.level import Level
from coach.domain.problem import CatalogEntry, Problem
from coach.domain.steps import STEPS
from coach.packs.issues import LoadIssue, Severity
from coach.packs.validation import key_path
from coach.packs.yaml_source import YamlDocument, YamlReadError, read_yaml
from coach.scoring.estimates import check_arithmetic
from coach.scoring.ranges import compare_to_references
from coach.scoring.scorer import Scorer

MIN_CRITERIA = 3  # problem-specific criteria in each of steps 1-6
MIN_HINTS = 2
MIN_REFERENCE_WORDS = 40
MIN_FACTS = 6
BUDGET_RANGE = (20, 90)  # minutes a whole mock may last
PASSING_VERDICT = "strong hire"


def lint(entry: CatalogEntry, scorer: Scorer) -> list[LoadIssue]:
    """Every finding for one loaded problem, with the line it points at when known."""
    doc = _document(entry.source)
    return [_located(entry.source, doc, loc, message, severity)
            for loc, message, severity in _findings(entry.problem, scorer)]


def _findings(problem: Problem, scorer: Scorer
              ) -> Iterator[tuple[tuple[str | int, ...], str, Severity]]:
    error, warning = Severity.ERROR, Severity.WARNING
    if problem.budget_minutes is not None:
        total = sum(problem.budget_minutes)
        low, high = BUDGET_RANGE
        if not low <= total <= high:
            yield (("budget_minutes",), f"the step budgets add up to {total} minutes; "
                   f"a mock should last {low}-{high}", error)
    for info in STEPS:
        step = problem.steps.by_number(info.number)
        loc = ("steps", info.key)
        if len(step.reference.split()) < MIN_REFERENCE_WORDS:
            yield ((*loc, "reference"), f"the reference answer has under {MIN_REFERENCE_WORDS} "
                   "words; write it as a strong candidate would", warning)
        if len(step.hints) < MIN_HINTS:
            yield ((*loc, "hints"), f"give at least {MIN_HINTS} hints, each more specific "
                   "than the last", warning)
        if info.number < len(STEPS) and len(step.criteria) < MIN_CRITERIA:
            yield ((*loc, "criteria"), f"{len(step.criteria)} problem-specific criteria; "
                   f"give at least {MIN_CRITERIA}", warning)
    yield from _duplicates(problem)
    yield from _fact_findings(problem)
    yield from _estimate_findings(problem)
    yield from _reference_findings(problem, scorer)


def _duplicates(problem: Problem) -> Iterator[tuple[tuple[str | int, ...], str, Severity]]:
    seen: set[str] = set()
    for index, fact in enumerate(problem.facts):
        if fact.id in seen:
            yield (("facts", index, "id"), f"duplicate fact id {fact.id!r}", Severity.ERROR)
        seen.add(fact.id)
    seen.clear()
    for index, estimate in enumerate(problem.estimates):
        if estimate.id in seen:
            yield (("estimates", index, "id"), f"duplicate estimate id {estimate.id!r}",
                   Severity.ERROR)
        seen.add(estimate.id)


def _fact_findings(problem: Problem) -> Iterator[tuple[tuple[str | int, ...], str, Severity]]:
    if len(problem.facts) < MIN_FACTS:
        yield (("facts",), f"{len(problem.facts)} interviewer facts; give at least {MIN_FACTS} "
               "(scale, read/write mix, scope, latency, availability, ...)", Severity.WARNING)
    elif not any(fact.important for fact in problem.facts):
        yield (("facts",), "no fact is marked important, so asking good questions earns "
               "nothing", Severity.WARNING)


def _estimate_findings(problem: Problem
                       ) -> Iterator[tuple[tuple[str | int, ...], str, Severity]]:
    """The reference's step 2 must pass its own checks, and land in every stated range."""
    text = problem.steps.scale.reference
    loc = ("steps", "scale", "reference")
    for check in check_arithmetic(text):
        if not check.ok:
            yield (loc, f"the reference's own arithmetic is off: {check.message}",
                   Severity.ERROR)
    checks = compare_to_references(text, problem.estimates)
    for check in checks:
        if not check.ok:
            yield (loc, f"the reference is outside its own range: {check.message}",
                   Severity.ERROR)
    for index, fact in enumerate(problem.facts):  # the facts the ranges are derived from
        for check in compare_to_references(fact.answer, problem.estimates):
            if not check.ok:
                yield (("facts", index, "answer"), f"the fact disagrees with its own range: "
                       f"{check.message.split(': ', 1)[-1]}", Severity.ERROR)
    used = {check.reference_id for check in checks}
    for index, estimate in enumerate(problem.estimates):
        if estimate.id not in used:
            yield (("estimates", index, "terms"), f"no line of the step-2 reference states "
                   f"{estimate.label}; check the terms or the reference", Severity.WARNING)


def _reference_findings(problem: Problem, scorer: Scorer
                        ) -> Iterator[tuple[tuple[str | int, ...], str, Severity]]:
    texts = [problem.steps.by_number(info.number).reference for info in STEPS]
    report = scorer.score(problem, texts, level=Level.SENIOR)
    if report.verdict != PASSING_VERDICT:
        missed = [c.id for step in report.steps for c in step.criteria if not c.met][:6]
        yield (("steps",), f"the reference answers score {report.total:g} ({report.verdict}) "
               f"at senior level; they should score {PASSING_VERDICT}. Missed: "
               f"{', '.join(missed)}", Severity.ERROR)


def _document(source: str) -> YamlDocument | None:
    try:
        return read_yaml(Path(source))
    except (YamlReadError, OSError):
        return None


def _located(source: str, doc: YamlDocument | None, loc: tuple[str | int, ...], message: str,
             severity: Severity) -> LoadIssue:
    line, column = doc.position(loc) if doc is not None else (None, None)
    return LoadIssue(source, line, column, key_path(loc), message, severity)
