"""The simulated interviewer of step 1: answers a question from the problem's facts.

A question is matched to a fact by meaning, through the concept lexicon (a question
naming "DAU" points to the fact whose concepts include daily active users) and by the
words a question about the fact would use (its `asks`). When nothing matches well, the
interviewer says honestly that it is the candidate's call. No model, no guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.domain.attempt import QuestionAsked
from coach.domain.facts import InterviewerFact
from coach.domain.problem import Problem
from coach.scoring.matcher import ConceptMatcher
from coach.scoring.substance import FILLER
from coach.scoring.text import sentences, words

YOUR_CALL = ("That's your call: state the assumption you want to work with, and why, "
             "then move on.")
# Points a fact needs before it counts as the answer; below this the question is unclear.
MIN_SCORE = 2.0
_QUESTION_WORDS = frozenset({"what", "how", "which", "who", "when", "where", "why", "whether",
                             "much", "many", "does", "did", "there", "any", "need", "expect",
                             "assume", "ok", "okay", "fine"})


@dataclass(frozen=True)
class _Compiled:  # one fact, ready to be compared with questions
    fact: InterviewerFact
    phrases: tuple[tuple[str, ...], ...]  # stemmed `asks`
    bag: frozenset[str]  # their content stems


class Interviewer:
    def __init__(self, problem: Problem, matcher: ConceptMatcher) -> None:
        self.problem = problem
        self._matcher = matcher
        self._stem = stem_word = matcher.stem_word
        stop = frozenset(stem_word(word) for word in FILLER | _QUESTION_WORDS)
        self._facts = [
            _Compiled(fact, phrases := tuple(tuple(stem_word(w) for w in words(ask))
                                             for ask in fact.asks),
                      frozenset(s for phrase in phrases for s in phrase) - stop)
            for fact in problem.facts
        ]

    def ask(self, question: str, step: int = 1) -> QuestionAsked:
        question = question.strip()
        best = self.best_fact(question)
        if best is None:
            return QuestionAsked(step=step, question=question, answer=YOUR_CALL)
        return QuestionAsked(step=step, question=question, answer=best.answer,
                             fact_id=best.id, topic=best.topic)

    def best_fact(self, question: str) -> InterviewerFact | None:
        found = sentences(question, self._stem)
        if not found:
            return None
        stems = [s for sentence in found for s in sentence.stems]
        content = {self._stem(w) for sentence in found for w in sentence.words
                   if w not in FILLER and w not in _QUESTION_WORDS}
        concepts = {hit.concept_id for sentence in found for hit in self._matcher.find(sentence)
                    if not hit.negated}
        scored = [(self._score(compiled, stems, content, concepts), index)
                  for index, compiled in enumerate(self._facts)]
        score, index = max(scored, default=(0.0, -1), key=lambda pair: (pair[0], -pair[1]))
        return self._facts[index].fact if score >= MIN_SCORE else None

    @staticmethod
    def _score(compiled: _Compiled, stems: list[str], content: set[str],
               concepts: set[str]) -> float:
        score = 3.0 * len(concepts & set(compiled.fact.concepts))
        for phrase in compiled.phrases:
            size = len(phrase)
            if size and any(tuple(stems[i:i + size]) == phrase
                            for i in range(len(stems) - size + 1)):
                score += 1.0 + size  # a phrase a question about this fact would use
        return score + 0.75 * len(content & compiled.bag)

