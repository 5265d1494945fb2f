"""Find lexicon concepts in sentences, by stemmed phrase, and tell affirmed from negated use."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from coach.domain.rubric import Concept
from coach.scoring.text import Sentence, stem, words

# Words that deny what follows them closely ("we will not use a cache", "without a queue").
NEGATORS = frozenset({
    "no", "not", "never", "without", "none", "nor", "neither", "dont", "doesnt", "didnt",
    "wont", "wouldnt", "cannot", "cant", "isnt", "arent", "shouldnt", "skip", "avoid",
})
# A contrast ends the reach of a negation: "no cache, but a queue" affirms the queue.
_CONTRASTS = frozenset({"but", "however", "instead", "although", "though", "yet", "except"})
NEGATION_REACH = 4


@dataclass(frozen=True, slots=True)
class Pattern:
    concept_id: str
    stems: tuple[str, ...]
    term: str
    is_product: bool
    has_negator: bool  # the term itself says "no ..." so its own words don't negate it


@dataclass(frozen=True, slots=True)
class Hit:
    concept_id: str
    sentence: int
    start: int
    end: int
    term: str
    is_product: bool
    negated: bool


class ConceptMatcher:
    """Compiled once per set of concepts; `find` is a scan with a first-stem index."""

    def __init__(self, concepts: Mapping[str, Concept]) -> None:
        self._index: dict[str, list[Pattern]] = defaultdict(list)
        for concept_id, concept in concepts.items():
            for term in concept.terms:
                self._add(concept_id, term, is_product=False)
            for product in concept.products:
                self._add(concept_id, product, is_product=True)
        for patterns in self._index.values():
            patterns.sort(key=lambda p: -len(p.stems))  # longest phrase first

    def _add(self, concept_id: str, term: str, *, is_product: bool) -> None:
        tokens = words(term)
        if not tokens:
            return
        has_negator = any(token in NEGATORS for token in tokens)
        variants = {tuple(stem(t) for t in tokens)}
        if len(tokens) > 1:  # "fan-out" also matches "fanout", "data store" also "datastore"
            variants.add((stem("".join(tokens)),))
        for stems in variants:
            self._index[stems[0]].append(Pattern(concept_id, stems, term, is_product, has_negator))

    def find(self, sentence: Sentence) -> list[Hit]:
        hits: list[Hit] = []
        stems, raw = sentence.stems, sentence.words

        def add(start: int, end: int, pattern: Pattern) -> None:
            negated = not pattern.has_negator and _is_negated(sentence, start)
            hits.append(Hit(pattern.concept_id, sentence.index, start, end, pattern.term,
                            pattern.is_product, negated))

        for i in range(len(stems)):
            for pattern in self._index.get(stems[i], ()):
                if stems[i:i + len(pattern.stems)] == pattern.stems:
                    add(i, i + len(pattern.stems), pattern)
            if i + 1 < len(raw):  # "fan out" written apart still matches the term "fanout"
                for pattern in self._index.get(stem(raw[i] + raw[i + 1]), ()):
                    if len(pattern.stems) == 1:
                        add(i, i + 2, pattern)
        return _longest_only(hits)


def _longest_only(hits: list[Hit]) -> list[Hit]:
    """Drop a hit inside a longer one of another concept: "non-functional requirement" is
    not also a "functional requirement", "consistent hashing" not "consistency"."""
    return [
        hit for hit in hits
        if not any(other.concept_id != hit.concept_id and other.start <= hit.start
                   and hit.end <= other.end and other.end - other.start > hit.end - hit.start
                   for other in hits)
    ]


def _is_negated(sentence: Sentence, start: int) -> bool:
    tokens, clauses = sentence.words, sentence.clauses
    for j in range(start - 1, max(-1, start - 1 - NEGATION_REACH), -1):
        if clauses[j] != clauses[start] or tokens[j] in _CONTRASTS:
            return False
        if tokens[j] in NEGATORS:
            return not (tokens[j] == "not" and j + 1 < len(tokens) and tokens[j + 1] == "only")
    return False
