"""One step's answer, split into sentences, with every concept found in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from coach.scoring.matcher import ConceptMatcher, Hit
from coach.scoring.substance import Bareness, classify
from coach.scoring.text import Sentence, sentences


@dataclass(frozen=True)
class StepAnalysis:
    sentences: list[Sentence]
    hits: list[Hit]
    # concept id -> its affirmed hits in sentences that say something about it
    affirmed: dict[str, list[Hit]] = field(default_factory=dict)
    # concept id -> affirmed hits found only in bare sentences (lists, lone terms)
    listed: dict[str, list[Hit]] = field(default_factory=dict)
    bare: dict[Hit, Bareness] = field(default_factory=dict)  # hits in bare text, and why

    @property
    def word_count(self) -> int:
        return sum(len(sentence.words) for sentence in self.sentences)

    def has(self, concept_id: str) -> bool:
        return concept_id in self.affirmed

    def only_listed(self, concept_id: str) -> bool:
        return concept_id in self.listed and concept_id not in self.affirmed

    def products(self) -> list[Hit]:
        return [hit for hits in (*self.affirmed.values(), *self.listed.values())
                for hit in hits if hit.is_product]


def analyse(text: str, matchers: list[ConceptMatcher]) -> StepAnalysis:
    found = sentences(text)
    hits = [hit for sentence in found for matcher in matchers for hit in matcher.find(sentence)]
    bare = classify(found, hits)
    affirmed: dict[str, list[Hit]] = {}
    listed: dict[str, list[Hit]] = {}
    for hit in hits:
        if not hit.negated:
            target = listed if hit in bare else affirmed
            target.setdefault(hit.concept_id, []).append(hit)
    for concept_id in affirmed:
        listed.pop(concept_id, None)
    return StepAnalysis(found, hits, affirmed, listed, bare)
