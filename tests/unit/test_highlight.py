"""Evidence is found back in the candidate's own text, however it was normalised."""

from __future__ import annotations

from coach.domain.report import Evidence
from coach.review.highlight import Span, evidence_spans, step_evidence
from tests.attempts import scored_attempt

TEXT = ("**Non-functional requirements**\n- Read availability of 99.99%.\n"
        "- Feed load within 200 ms p99 server-side.")


def test_sentences_and_terms_are_found_through_punctuation():
    spans = evidence_spans(TEXT, [Evidence(sentence="Read availability of 99.99%.",
                                           matched=["availability", "99 99"]),
                                  Evidence(sentence="**Non-functional requirements**",
                                           matched=["non functional"])])
    marked = {(s.kind, TEXT[s.start:s.end]) for s in spans}
    assert ("sentence", "Read availability of 99.99") in marked
    assert ("term", "99.99") in marked and ("term", "availability") in marked
    assert ("term", "Non-functional") in marked


def test_terms_are_marked_only_inside_their_sentence_and_as_whole_words():
    text = "Cache the feed. We cache feeds in Redis; a cachet is not a cache."
    spans = evidence_spans(text, [Evidence(sentence="We cache feeds in Redis; a cachet is "
                                           "not a cache.", matched=["cache"])])
    terms = [s for s in spans if s.kind == "term"]
    assert [text[s.start:s.end] for s in terms] == ["cache", "cache"]
    assert all(s.start > text.index("We") for s in terms)


def test_a_sentence_edited_since_scoring_is_skipped():
    assert evidence_spans(TEXT, [Evidence(sentence="Not in the text at all.",
                                          matched=["text"])]) == []


def test_spans_come_from_the_met_criteria_of_the_step(catalog, scorer):
    attempt = scored_attempt(catalog, scorer, "newsfeed", "strong")
    text = attempt.answers[0].text
    spans = evidence_spans(text, step_evidence(attempt.report, 1))
    assert any(s.kind == "sentence" for s in spans) and any(s.kind == "term" for s in spans)
    assert all(isinstance(s, Span) and 0 <= s.start < s.end <= len(text) for s in spans)
    assert step_evidence(None, 1) == []
