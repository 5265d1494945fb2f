"""Find lexicon concepts in sentences, by stemmed phrase, and tell affirmed from negated use."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extractOne

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
# Typos are forgiven only in long words, one edit away: short words have too many
# real neighbours ("sharing" is a word, not a misspelt "sharding").
TYPO_MIN_LENGTH = 8
# Real words one edit away from a term word; never read as typos.
_NOT_TYPOS = frozenset({"consistent", "partitions", "instances", "replicate"})
# A one-word term is also found written as two words ("data store", "fan out"); both
# halves must be real-looking words, so "online" does not match "on line".
_MIN_HALF = 3


class Pattern(NamedTuple):
    concept_id: str
    stems: tuple[str, ...]
    term: str
    is_product: bool
    has_negator: bool  # the term itself says "no ..." so its own words don't negate it


class Hit(NamedTuple):  # a tuple: made by the thousand per answer, and cheap to make
    concept_id: str
    sentence: int
    start: int
    end: int
    term: str
    is_product: bool
    negated: bool


def merge_concepts(shared: Mapping[str, Concept], own: Mapping[str, Concept]
                   ) -> dict[str, Concept]:
    """The shared lexicon plus a problem's concepts; an id in both keeps every word of both."""
    merged = dict(shared)
    for concept_id, concept in own.items():
        base = merged.get(concept_id)
        merged[concept_id] = concept if base is None else concept.model_copy(update={
            "terms": [*base.terms, *concept.terms],
            "products": [*base.products, *concept.products]})
    return merged


class ConceptMatcher:
    """Compiled once per set of concepts; `find` is a scan with a first-stem index."""

    def __init__(self, concepts: Mapping[str, Concept],
                 own: frozenset[str] = frozenset(),
                 stem_word: Callable[[str], str] = stem) -> None:
        """`own` names the problem's concepts: a problem phrase that contains a shared
        term ("shard by city" holds "shard") adds to it rather than hiding it. `stem_word`
        is the stemmer of the problem's language."""
        self._own = own
        self.stem_word = stem_word
        self._index: dict[str, list[Pattern]] = defaultdict(list)
        self._long_words: dict[str, str] = {}  # term word (8+ letters) -> its stem
        self._first_halves: set[str] = set()
        for concept_id, concept in concepts.items():
            for term in concept.terms:
                self._add(concept_id, term, is_product=False)
            for product in concept.products:
                self._add(concept_id, product, is_product=True)
        for patterns in self._index.values():
            patterns.sort(key=lambda p: -len(p.stems))  # longest phrase first
        # Scanning looks one-stem patterns up by their stem and longer ones by their first
        # two stems, so most words cost a dictionary lookup or two.
        self._single = {first: [p for p in patterns if len(p.stems) == 1]
                        for first, patterns in self._index.items()}
        self._multi: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for patterns in self._index.values():
            for pattern in patterns:
                if len(pattern.stems) > 1:
                    self._multi[pattern.stems[:2]].append(pattern)
        self._multi_firsts = frozenset(first for first, _ in self._multi)
        self._starters = self._multi_firsts | {first for first, p in self._single.items() if p}
        self._known_stems = frozenset(self._index) | {
            s for patterns in self._index.values() for p in patterns for s in p.stems}
        self._long_word_list = sorted(self._long_words)
        self._corrections: dict[str, str] = {}  # word -> stem to match, typos corrected

    def _add(self, concept_id: str, term: str, *, is_product: bool) -> None:
        tokens = words(term)
        if not tokens:
            return
        has_negator = any(token in NEGATORS for token in tokens)
        stem_word = self.stem_word
        variants = {tuple(stem_word(t) for t in tokens)}
        if len(tokens) > 1:  # "fan-out" also matches "fanout", "data store" also "datastore"
            variants.add((stem_word("".join(tokens)),))
        else:  # "datastore" is also found as "data store": remember its possible first halves
            token = tokens[0]
            self._first_halves.update(token[:k]
                                      for k in range(_MIN_HALF, len(token) - _MIN_HALF + 1))
        for token in tokens:
            if len(token) >= TYPO_MIN_LENGTH and not token.isdigit():
                self._long_words[token] = stem_word(token)
        for stems in variants:
            self._index[stems[0]].append(Pattern(concept_id, stems, term, is_product, has_negator))

    def _corrected(self, word: str, stemmed: str) -> str:
        """The stem of the term word a long unknown word is a typo of, else its own stem."""
        if len(word) < TYPO_MIN_LENGTH or stemmed in self._known_stems or word in _NOT_TYPOS:
            corrected = stemmed
        else:
            best = extractOne(word, self._long_word_list, scorer=Levenshtein.distance,
                              score_cutoff=1)
            corrected = self._long_words[best[0]] if best else stemmed
        self._corrections[word] = corrected
        return corrected

    def find(self, sentence: Sentence) -> list[Hit]:
        known = self._corrections
        stems = tuple([known.get(w) or self._corrected(w, s)
                       for w, s in zip(sentence.words, sentence.stems, strict=True)])
        found: list[tuple[int, int, Pattern]] = []
        single, multi, multi_firsts = self._single, self._multi, self._multi_firsts
        halves, words = self._first_halves, sentence.words
        last = len(stems) - 1
        starters = self._starters
        for i in [i for i, first in enumerate(stems) if first in starters]:
            first = stems[i]
            if i < last and first in multi_firsts:
                for pattern in multi.get((first, stems[i + 1]), ()):
                    end = i + len(pattern.stems)
                    if stems[i:end] == pattern.stems:
                        found.append((i, end, pattern))
            patterns = single.get(first)
            if patterns:
                found += [(i, i + 1, pattern) for pattern in patterns]
        for i in [i for i, word in enumerate(words[:-1]) if word in halves]:
            # "data store" written apart for the term "datastore"
            found += [(i, i + 2, p)
                      for p in single.get(self.stem_word(words[i] + words[i + 1]), ())]
        if not found:
            return []
        negations = not NEGATORS.isdisjoint(words)  # most sentences deny nothing
        hits = [Hit(p.concept_id, sentence.index, i, end, p.term, p.is_product,
                    negations and not p.has_negator and _is_negated(sentence, i))
                for i, end, p in found]
        return _longest_only(hits, self._own) if len(hits) > 1 else hits


def _longest_only(hits: list[Hit], own: frozenset[str]) -> list[Hit]:
    """Drop a hit inside a longer one of another concept from the same side (shared lexicon
    or problem): "non-functional requirement" is not also a "functional requirement",
    "consistent hashing" not "consistency"."""
    longer = [hit for hit in hits if hit.end - hit.start > 1]
    if not longer:
        return hits
    kept: list[Hit] = []
    for hit in hits:
        size, mine = hit.end - hit.start, hit.concept_id in own
        for other in longer:
            if (other.start <= hit.start and hit.end <= other.end
                    and other.end - other.start > size and other.concept_id != hit.concept_id
                    and (other.concept_id in own) == mine):
                break
        else:
            kept.append(hit)
    return kept


def _is_negated(sentence: Sentence, start: int) -> bool:
    tokens, clauses = sentence.words, sentence.clauses
    for j in range(start - 1, max(-1, start - 1 - NEGATION_REACH), -1):
        if clauses[j] != clauses[start] or tokens[j] in _CONTRASTS:
            return False
        if tokens[j] in NEGATORS:
            return not (tokens[j] == "not" and j + 1 < len(tokens) and tokens[j + 1] == "only")
    return False
