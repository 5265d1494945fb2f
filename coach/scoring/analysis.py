"""One step's answer, split into sentences, with every concept found in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from coach.scoring.matcher import ConceptMatcher, Hit
from coach.scoring.text import Sentence, sentences


@dataclass(frozen=True)
class StepAnalysis:
    sentences: list[Sentence]
    hits: list[Hit]
    affirmed: dict[str, list[Hit]] = field(default_factory=dict)  # concept id -> its hits

    @property
    def word_count(self) -> int:
        return sum(len(sentence.words) for sentence in self.sentences)

    def has(self, concept_id: str) -> bool:
        return concept_id in self.affirmed

    def products(self) -> list[Hit]:
        return [hit for hits in self.affirmed.values() for hit in hits if hit.is_product]


def analyse(text: str, matchers: list[ConceptMatcher]) -> StepAnalysis:
    found = sentences(text)
    hits = [hit for sentence in found for matcher in matchers for hit in matcher.find(sentence)]
    affirmed: dict[str, list[Hit]] = {}
    for hit in hits:
        if not hit.negated:
            affirmed.setdefault(hit.concept_id, []).append(hit)
    return StepAnalysis(found, hits, affirmed)
