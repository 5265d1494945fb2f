"""Links between steps: later design choices that use the targets and numbers of steps 1-2.

An interviewer rewards "to keep p99 under 200 ms, feeds are served from Redis" because
the requirement drives the choice; and notices when a design for 50K writes per second
never says how it spreads the load.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coach.domain.report import Evidence, Mistake
from coach.scoring.analysis import StepAnalysis

# The qualities a requirement states and a later choice can serve.
TARGETS = ("latency", "availability", "consistency", "strong_consistency",
           "eventual_consistency", "durability", "throughput")
# How a design spreads load; a design at scale needs at least one of them after step 2.
SPREADING = ("sharding", "replication", "cache", "horizontal_scaling", "load_balancer", "cdn")
MAX_LINKS = 3
# A figure worth linking: two or more digits, or a number with its unit ("200ms", "50k").
_FIGURE = re.compile(r"^\d{2,}$|^\d+(?:k|m|b|ms|s|tb|gb|pb|qps)$")


def _figures(analysis: StepAnalysis) -> set[str]:
    return {word for sentence in analysis.sentences for word in sentence.words
            if word[0].isdigit() and _FIGURE.match(word)}


def requirement_links(analyses: Sequence[StepAnalysis]) -> list[list[Evidence]]:
    """Per step, the sentences of steps 3-7 that use a target or a figure from steps 1-2."""
    stated = {c for analysis in analyses[:2] for c in TARGETS if analysis.has(c)}
    figures = _figures(analyses[0]) | _figures(analyses[1]) if len(analyses) > 1 else set()
    links: list[list[Evidence]] = [[] for _ in analyses]
    for number, analysis in enumerate(analyses[2:], start=2):
        by_sentence: dict[int, set[str]] = {}
        for concept_id, hits in analysis.affirmed.items():
            for hit in hits:
                by_sentence.setdefault(hit.sentence, set()).add(concept_id)
        for index, concepts in sorted(by_sentence.items()):
            sentence = analysis.sentences[index]
            targets = concepts & stated
            shared = [w for w in sentence.words if w in figures]
            if (targets and len(concepts) > len(targets)) or (shared and concepts - stated):
                matched = [*sorted(targets), *shared]
                links[number].append(Evidence(sentence=sentence.text, matched=matched))
            if len(links[number]) >= MAX_LINKS:
                break
    return links


def ignored_scale(analyses: Sequence[StepAnalysis], large_scale: str | None) -> Mistake | None:
    """`large_scale` names the figure from step 2 that makes scale a concern, if any."""
    if large_scale is None or len(analyses) < 6:
        return None
    if any(analysis.has(c) for analysis in analyses[2:6] for c in SPREADING):
        return None
    return Mistake(
        id="scale-ignored", title="The design ignores the stated scale", step=6,
        message=f"Step 2 estimates {large_scale}, but steps 3-6 never say how the load is "
                "spread: no sharding, replication, caching, load balancing or horizontal "
                "scaling. Say which of them carries that load, and where it would break first.")
