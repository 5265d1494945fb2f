"""The common mistakes an interviewer notices across the whole answer."""

from __future__ import annotations

from collections.abc import Sequence

from coach.domain.report import Mistake, StepScore
from coach.scoring.analysis import StepAnalysis

NON_FUNCTIONAL = ("non_functional_requirement", "latency", "throughput", "availability",
                  "consistency", "strong_consistency", "eventual_consistency", "durability")
OWNERSHIP = ("service_ownership",)
TRADEOFFS = ("tradeoff", "consistency_vs_latency", "cost_vs_durability", "cap_tradeoff")
RISKS = ("risk",)
RULE_CONCEPTS = (*NON_FUNCTIONAL, *OWNERSHIP, *TRADEOFFS, *RISKS)  # must exist in the lexicon

CLARIFY, SCALE, ARCHITECTURE, DATA, COMPONENTS, SCALING, TRADEOFF_STEP = range(7)


def _mentions(analyses: Sequence[StepAnalysis], steps: Sequence[int],
              concepts: Sequence[str]) -> bool:
    return any(analyses[s].has(c) for s in steps for c in concepts)


def find_mistakes(analyses: Sequence[StepAnalysis]) -> list[Mistake]:
    """Each rule names the mistake and says what would fix it, in the candidate's terms."""
    if all(not analysis.sentences for analysis in analyses):
        return [Mistake(id="empty-answer", title="Nothing written",
                        message="No step has any text, so nothing could earn credit.")]
    mistakes: list[Mistake] = []
    empty = [str(i + 1) for i, analysis in enumerate(analyses) if not analysis.sentences]
    if empty:
        mistakes.append(Mistake(
            id="empty-steps", title="Steps left empty",
            message=f"Step{'s' if len(empty) > 1 else ''} {', '.join(empty)} "
                    "had no text; even two lines per step earn the basic points.",
        ))
    if not _mentions(analyses, [CLARIFY, SCALE], NON_FUNCTIONAL):
        mistakes.append(Mistake(
            id="skipped-non-functional", title="Non-functional requirements skipped", step=1,
            message="Steps 1-2 never state how fast, how available or how consistent the "
                    "system must be. Give a latency target, an availability goal and the "
                    "consistency each core action needs; later choices should follow from them.",
        ))
    tools = analyses[CLARIFY].products()
    if tools:
        names = sorted({hit.term for hit in tools})
        mistakes.append(Mistake(
            id="tools-before-requirements", title="Tools named before requirements", step=1,
            message=f"Step 1 already names {', '.join(names)}. Requirements say what the "
                    "system needs; pick tools in steps 3-6, where a requirement justifies them.",
        ))
    if not _mentions(analyses, [ARCHITECTURE, COMPONENTS], OWNERSHIP):
        mistakes.append(Mistake(
            id="no-service-ownership", title="No service owns its data", step=5,
            message="No step says which service owns which data or action. Name the owner of "
                    "each core entity, so one service is the source of truth for it.",
        ))
    if not _mentions(analyses, range(len(analyses)), TRADEOFFS):
        mistakes.append(Mistake(
            id="no-tradeoffs", title="No trade-offs named", step=7,
            message="The answer never weighs one option against another. For each key "
                    "decision, say what it costs (e.g. stale reads for lower latency).",
        ))
    if not _mentions(analyses, [SCALING, TRADEOFF_STEP], RISKS):
        mistakes.append(Mistake(
            id="no-risks", title="No risks assessed", step=7,
            message="Name the two or three things most likely to fail or bottleneck, and "
                    "how the design limits the damage.",
        ))
    return mistakes


# An answer that earns the generic points but few of the problem's own is likely a good
# design of another system: an interviewer would stop the candidate there.
OFF_TOPIC_OWN_SHARE = 0.25
OFF_TOPIC_GENERIC_SHARE = 0.5


def off_topic_mistake(steps: Sequence[StepScore], problem_title: str) -> Mistake | None:
    def share(generic: bool) -> tuple[float, float]:
        chosen = [c for step in steps for c in step.criteria
                  if (c.source == "generic") == generic]
        return (sum(c.weight for c in chosen if c.met), sum(c.weight for c in chosen))

    own_earned, own_possible = share(generic=False)
    generic_earned, generic_possible = share(generic=True)
    if not own_possible or not generic_possible:
        return None
    own, generic = own_earned / own_possible, generic_earned / generic_possible
    if own >= OFF_TOPIC_OWN_SHARE or generic < OFF_TOPIC_GENERIC_SHARE:
        return None
    return Mistake(
        id="off-topic", title="Not this problem's design",
        message=f"The answer earns {generic:.0%} of the generic points but only {own:.0%} of "
                f"the points specific to {problem_title} ({own_earned:g} of "
                f"{own_possible:g}). It may design a different system: re-read the prompt and "
                "build each step around this problem's core flows.")
