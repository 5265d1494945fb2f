"""Score an attempt: each step's criteria against what its answer says, with the evidence."""

from __future__ import annotations

from collections.abc import Sequence

from coach.domain.attempt import Attempt, Mode, QuestionAsked
from coach.domain.level import Level
from coach.domain.problem import Problem
from coach.domain.report import (
    CriterionResult,
    Evidence,
    FlowDiagram,
    FlowEdgeOut,
    FlowNodeOut,
    ScoreReport,
    StepScore,
)
from coach.domain.rubric import Criterion, Lexicon, Rubric
from coach.domain.signals import SIGNALS, is_signal
from coach.domain.steps import STEPS
from coach.scoring.analysis import StepAnalysis, analyse
from coach.scoring.crosslinks import ignored_scale, requirement_links
from coach.scoring.matcher import ConceptMatcher, merge_concepts
from coach.scoring.mistakes import find_mistakes, off_topic_mistake
from coach.scoring.questions import questions_result
from coach.scoring.scale_checks import check_scale
from coach.scoring.text import stemmer_for
from coach.scoring.verdict import Verdict, verdict_for

MAX_EVIDENCE = 3
# Bumped whenever matching or scoring rules change what an answer earns, so stored
# results say which engine produced them and `coach rescore` knows they are stale.
ENGINE_VERSION = 3


class Scorer:
    """Holds the compiled lexicon so scoring many attempts costs only the matching."""

    def __init__(self, rubric: Rubric, lexicon: Lexicon) -> None:
        self.rubric = rubric
        self.lexicon = lexicon
        self._own: dict[str, tuple[Problem, ConceptMatcher]] = {}

    @property
    def rubric_version(self) -> str:
        return (f"{self.rubric.id}@{self.rubric.version}+lexicon@{self.lexicon.version}"
                f"+engine@{ENGINE_VERSION}")

    def _matchers(self, problem: Problem) -> list[ConceptMatcher]:
        cached = self._own.get(problem.id)
        if cached is None or cached[0] is not problem:
            # One matcher over the shared and the problem's concepts: each sentence is
            # scanned once, and the longest phrase wins across both.
            own = frozenset(problem.concepts) - frozenset(self.lexicon.concepts)
            stem_word, _ = stemmer_for(problem.language or "en")
            cached = (problem, ConceptMatcher(
                merge_concepts(self.lexicon.concepts, problem.concepts), own, stem_word))
            self._own[problem.id] = cached
        return [cached[1]]

    def label(self, problem: Problem, concept_id: str) -> str:
        if is_signal(concept_id):
            return SIGNALS.get(concept_id, concept_id)
        concept = problem.concepts.get(concept_id) or self.lexicon.concepts.get(concept_id)
        return concept.label if concept else concept_id

    def score(
        self,
        problem: Problem,
        texts: Sequence[str],
        *,
        level: Level = Level.SENIOR,
        budget_seconds: Sequence[int] | None = None,
        elapsed_seconds: Sequence[float] | None = None,
        questions: Sequence[QuestionAsked] | None = None,
        only_step: int | None = None,
    ) -> ScoreReport:
        """`questions` are those put to the interviewer in the app; None for an answer file,
        which had no interviewer to ask (and so is not scored on asking). `only_step` scores
        a drill: that step alone, its own mistakes, and no hiring verdict."""
        budgets = budget_seconds or [m * 60 for m in (problem.budget_minutes or
                                                     [s.default_minutes for s in STEPS])]
        elapsed = elapsed_seconds or [0.0] * len(STEPS)
        matchers = self._matchers(problem)
        analyses = [analyse(text, matchers, number)
                    for number, text in enumerate(texts, start=1)]
        for analysis, links in zip(analyses, requirement_links(analyses), strict=True):
            if links:
                analysis.signals["@requirement_link"] = links
        scale = check_scale(texts[1], problem.estimates)
        for line, message in scale.wrong_lines():
            analyses[1].dispute(line, message)
        if scale.good_lines():
            analyses[1].signals["@arithmetic"] = scale.good_lines()
        asked = questions_result(problem, questions) if questions is not None else None
        steps = [
            self._score_step(problem, info.number, analyses[info.number - 1], level,
                             budgets[info.number - 1], elapsed[info.number - 1],
                             [asked] if asked is not None and info.number == 1 else [])
            for info in STEPS
        ]
        weight_sum = sum(step.weight for step in steps)
        total = round(sum(step.score * step.weight for step in steps) / weight_sum, 1)
        mistakes = find_mistakes(analyses) + scale.mistakes()
        ignored = ignored_scale(analyses, scale.large_scale)
        if ignored is not None:
            mistakes.append(ignored)
        off_topic = off_topic_mistake(steps, problem.title)
        if off_topic is not None:
            mistakes.insert(0, off_topic)
        verdict = verdict_for(total, steps, level, off_topic=off_topic is not None)
        if only_step is not None:
            steps = [step for step in steps if step.step == only_step]
            total = steps[0].score
            mistakes = [m for m in mistakes if m.step == only_step]
            verdict = Verdict("", f"A drill scores step {only_step} alone, so it has no "
                                  "hiring verdict.")
        return ScoreReport(
            problem=problem.id,
            problem_title=problem.title,
            rubric_version=self.rubric_version,
            level=level.value,
            total=total,
            verdict=verdict.label,
            verdict_reason=verdict.reason,
            steps=steps,
            mistakes=mistakes,
            notes=[note] if (note := stemmer_for(problem.language or "en")[1]) else [],
        )

    def score_attempt(self, problem: Problem, attempt: Attempt,
                      level: Level | None = None) -> ScoreReport:
        """Score a stored or running attempt with its own budgets and times."""
        asked = None if attempt.mode is Mode.FILE else attempt.log.questions
        return self.score(
            problem, [answer.text for answer in attempt.answers],
            level=level or Level(attempt.level), budget_seconds=attempt.budget_seconds,
            elapsed_seconds=[answer.elapsed_seconds for answer in attempt.answers],
            questions=asked, only_step=attempt.drill_step)

    def matcher(self, problem: Problem) -> ConceptMatcher:
        """The compiled matcher of a problem's concepts and the shared lexicon."""
        return self._matchers(problem)[0]

    def _score_step(self, problem: Problem, number: int, analysis: StepAnalysis, level: Level,
                    budget: int, elapsed: float, extra: list[CriterionResult]) -> StepScore:
        info = STEPS[number - 1]
        rubric_step = getattr(self.rubric.steps, info.key)
        criteria = [(c, "generic") for c in rubric_step.criteria]
        criteria += [(c, problem.id) for c in problem.steps.by_number(number).criteria]
        results = [
            self._judge(problem, criterion, source, analysis)
            for criterion, source in criteria
            if criterion.level.rank <= level.rank
        ] + extra
        possible = sum(r.weight for r in results)
        earned = sum(r.weight for r in results if r.met)
        return StepScore(
            step=number, title=info.title,
            weight=problem.step_weights.get(info.key, rubric_step.weight),
            score=round(100 * earned / possible, 1) if possible else 0.0,
            earned=earned, possible=possible, budget_seconds=budget,
            elapsed_seconds=round(elapsed, 1), words=analysis.word_count, criteria=results,
            flow=self._diagram(analysis),
        )

    @staticmethod
    def _diagram(analysis: StepAnalysis) -> FlowDiagram | None:
        graph = analysis.flow
        if not graph.edges:
            return None
        return FlowDiagram(
            nodes=[FlowNodeOut(key=node.key, label=node.label) for node in graph.nodes],
            edges=[FlowEdgeOut(source=edge.source, target=edge.target, line=edge.line_number)
                   for edge in graph.edges])

    def _judge(self, problem: Problem, criterion: Criterion, source: str,
               analysis: StepAnalysis) -> CriterionResult:
        def present(concept_id: str) -> bool:
            if criterion.with_number and not is_signal(concept_id):
                return analysis.has_with_number(concept_id)
            return analysis.has(concept_id)

        found_any = [c for c in criterion.any_of if present(c)]
        found_all = [c for c in criterion.all_of if present(c)]
        path_ok = not criterion.path or analysis.has_path(criterion.path)
        met = (not criterion.any_of or len(found_any) >= criterion.min_of) and len(
            found_all) == len(criterion.all_of) and path_ok
        found = found_any + found_all
        missing = [c for c in criterion.all_of if c not in found_all]
        if criterion.any_of and len(found_any) < criterion.min_of:
            missing += [c for c in criterion.any_of if c not in found_any]
        listed = [c for c in missing if analysis.only_listed(c)]
        feedback = "" if met else criterion.miss
        if criterion.with_number and not met and any(analysis.has(c) for c in missing):
            feedback = f"Named, but without a figure: give it a number. {feedback}"
        disputed = [c for c in missing if c in analysis.disputed]
        if disputed and not met:
            feedback = f"The line that named it has a figure that is off. {feedback}"
        if listed and not met:
            names = ", ".join(self.label(problem, c) for c in listed)
            feedback = (f"You named {names} only in a list, which earns nothing: say what it "
                        f"does here and why. {feedback}")
        missing_labels = [self.label(problem, c) for c in missing]
        if not path_ok:
            missing_labels.append("flow " + " -> ".join(
                self.label(problem, c) for c in criterion.path))
        evidence = _evidence(analysis, found)
        if criterion.path and path_ok:
            evidence += analysis.path_evidence(criterion.path)
        return CriterionResult(
            id=criterion.id, title=criterion.title, source=source, weight=criterion.weight,
            level=criterion.level.value, met=met, evidence=evidence,
            found=[self.label(problem, c) for c in found],
            missing=missing_labels,
            listed=[self.label(problem, c) for c in listed],
            feedback=feedback,
        )


def _evidence(analysis: StepAnalysis, concept_ids: list[str]) -> list[Evidence]:
    """One sentence per found concept (its first mention), with the words that matched."""
    chosen: dict[int, list[str]] = {}
    signal_lines = [line for c in concept_ids for line in analysis.signals.get(c, [])]
    for concept_id in concept_ids:
        hits = analysis.affirmed.get(concept_id, [])
        if not hits:
            continue
        first = hits[0].sentence
        for hit in hits:
            if hit.sentence == first:
                shown = " ".join(analysis.sentences[first].words[hit.start:hit.end])
                terms = chosen.setdefault(first, [])
                if shown not in terms:
                    terms.append(shown)
    return [
        Evidence(sentence=analysis.sentences[index].text, matched=terms)
        for index, terms in sorted(chosen.items())[: max(MAX_EVIDENCE, len(concept_ids))]
    ] + signal_lines
