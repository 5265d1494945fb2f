"""One step's answer, split into sentences, with every concept found in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from coach.domain.report import Evidence
from coach.domain.signals import is_signal
from coach.scoring.flow import FlowGraph
from coach.scoring.matcher import ConceptMatcher, Hit
from coach.scoring.signals import find_signals
from coach.scoring.substance import Bareness, classify
from coach.scoring.text import Sentence, sentences


@dataclass(frozen=True)
class StepAnalysis:
    """Built once per step; only `dispute` changes it, before any criterion is judged."""

    sentences: list[Sentence]
    hits: list[Hit]
    # concept id -> its affirmed hits in sentences that say something about it
    affirmed: dict[str, list[Hit]] = field(default_factory=dict)
    # concept id -> affirmed hits found only in bare sentences (lists, lone terms)
    listed: dict[str, list[Hit]] = field(default_factory=dict)
    bare: dict[Hit, Bareness] = field(default_factory=dict)  # hits in bare text, and why
    text: str = ""
    flow: FlowGraph = field(default_factory=FlowGraph)
    signals: dict[str, list[Evidence]] = field(default_factory=dict)  # "@flow" -> lines
    # concept id -> why its only mentions earn nothing: they sit in a line whose figure is off
    disputed: dict[str, str] = field(default_factory=dict)

    @property
    def word_count(self) -> int:
        return sum(len(sentence.words) for sentence in self.sentences)

    def has(self, concept_id: str) -> bool:
        if is_signal(concept_id):
            return concept_id in self.signals
        return concept_id in self.affirmed

    def dispute(self, line: str, reason: str) -> None:
        """Take back what the sentences of a wrong line earned; other mentions still count."""
        inside = {s.index for s in self.sentences if s.text and s.text in line}
        for concept_id in list(self.affirmed):
            kept = [hit for hit in self.affirmed[concept_id] if hit.sentence not in inside]
            if kept:
                self.affirmed[concept_id] = kept
            else:
                del self.affirmed[concept_id]
                self.disputed[concept_id] = reason

    def has_path(self, concept_ids: list[str]) -> bool:
        return self.flow.has_path(concept_ids)

    def path_evidence(self, concept_ids: list[str]) -> list[Evidence]:
        lines = self.text.splitlines()
        return [Evidence(sentence=lines[n - 1].strip())
                for n in self.flow.path_lines(concept_ids) if 0 < n <= len(lines)]

    def has_with_number(self, concept_id: str) -> bool:
        """Affirmed in a sentence that also states a figure ("200 ms", "99.9%"; "p99" alone
        names a percentile, not a target)."""
        return any(any(word[0].isdigit() for word in self.sentences[hit.sentence].words)
                   for hit in self.affirmed.get(concept_id, ()))

    def only_listed(self, concept_id: str) -> bool:
        return concept_id in self.listed and concept_id not in self.affirmed

    def products(self) -> list[Hit]:
        return [hit for hits in (*self.affirmed.values(), *self.listed.values())
                for hit in hits if hit.is_product]


def analyse(text: str, matchers: list[ConceptMatcher], step: int = 0) -> StepAnalysis:
    """Concepts per sentence, which of them stand in bare text, and the structural signals."""
    found = sentences(text, matchers[0].stem_word)
    hits = [hit for sentence in found for matcher in matchers for hit in matcher.find(sentence)]
    bare = classify(found, hits)
    # A list inside a step that mostly explains itself is shorthand, and counts; a step that
    # is mostly lists earns nothing for the concepts it only lists.
    affirmed_hits = [hit for hit in hits if not hit.negated]
    mostly_lists = 2 * len(bare) > len(affirmed_hits)
    bare = {hit: why for hit, why in bare.items()
            if mostly_lists or why is Bareness.TEMPLATE}
    affirmed: dict[str, list[Hit]] = {}
    listed: dict[str, list[Hit]] = {}
    for hit in affirmed_hits:
        target = listed if hit in bare else affirmed
        target.setdefault(hit.concept_id, []).append(hit)
    for concept_id in affirmed:
        listed.pop(concept_id, None)
    resolver = ConceptResolver.of(matchers)
    graph, signals = find_signals(text, step, resolver, resolver.all)
    return StepAnalysis(found, hits, affirmed, listed, bare, text, graph, signals)


class ConceptResolver:
    """The concept a component name stands for ("Redis geo index" -> the longest match);
    one per set of matchers, remembering the names it has seen."""

    _by_matchers: dict[tuple[int, ...], ConceptResolver] = {}

    def __init__(self, matchers: list[ConceptMatcher]) -> None:
        self._matchers = matchers
        self._known: dict[str, tuple[str, ...]] = {}

    @classmethod
    def of(cls, matchers: list[ConceptMatcher]) -> ConceptResolver:
        key = tuple(id(matcher) for matcher in matchers)
        resolver = cls._by_matchers.get(key)
        if resolver is None or resolver._matchers != matchers:
            resolver = cls._by_matchers[key] = cls(matchers)
        return resolver

    def all(self, name: str) -> tuple[str, ...]:
        """Every concept the name mentions, the longest match first."""
        if name not in self._known:
            stem_word = self._matchers[0].stem_word
            hits = [hit for sentence in sentences(name, stem_word)[:1] for matcher in self._matchers
                    for hit in matcher.find(sentence) if not hit.negated]
            hits.sort(key=lambda h: h.start - h.end)
            self._known[name] = tuple(dict.fromkeys(hit.concept_id for hit in hits))
        return self._known[name]

    def __call__(self, name: str) -> str | None:
        found = self.all(name)
        return found[0] if found else None
