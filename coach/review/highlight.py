"""Where in an answer the evidence lies: the sentences that earned points and the words in
them that did, as character spans, so a screen can mark them in the candidate's own text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from coach.domain.report import Evidence, ScoreReport

_WORD = re.compile(r"\w+")


class Span(NamedTuple):
    start: int
    end: int
    kind: str  # "sentence" or "term"


def _loose(words: list[str]) -> re.Pattern[str] | None:
    """A pattern for these words with any punctuation or spacing between them: evidence is
    stored normalised ("non functional", "99 99")."""
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"[\W_]+".join(map(re.escape, words)) + r"(?!\w)",
                      re.IGNORECASE)


def evidence_spans(text: str, evidence: Iterable[Evidence]) -> list[Span]:
    """Sentence spans first, then term spans, each sorted; a sentence not found in the text
    (edited since scoring) is skipped."""
    sentences: set[Span] = set()
    terms: set[Span] = set()
    for item in evidence:
        pattern = _loose(_WORD.findall(item.sentence))
        found = pattern.search(text) if pattern else None
        if found is None:
            continue
        start, end = found.span()
        sentences.add(Span(start, end, "sentence"))
        for term in item.matched:
            term_pattern = _loose(_WORD.findall(term))
            if term_pattern is None:
                continue
            for hit in term_pattern.finditer(text, start, end):
                terms.add(Span(hit.start(), hit.end(), "term"))
    return sorted(sentences) + sorted(terms)


def step_evidence(report: ScoreReport | None, step: int) -> list[Evidence]:
    """The evidence of the criteria a step met."""
    if report is None:
        return []
    return [evidence for scored in report.steps if scored.step == step
            for criterion in scored.criteria if criterion.met
            for evidence in criterion.evidence]
