"""Tell a sentence that uses a concept from one that only names it.

An interviewer gives credit for "a Redis cache in front of the rides table keeps
reads under 50 ms", not for "Redis, Kafka, Cassandra, CDN". A sentence is *bare*
when, besides the concept words, it says (almost) nothing: a bullet with a lone
term, a list of terms, a line stuffed with them, or the same sentence frame
repeated with different terms swapped in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from itertools import pairwise

from coach.scoring.matcher import Hit
from coach.scoring.text import WORD, Sentence

# Words that carry no explanation on their own; "use Redis" says no more than "Redis".
_FILLER_WORDS = """
a an the and or but nor so of to in on at by for from with as into onto via per
is are was were be been being am it its this that these those there here we our us i you
they them their he she his her will would can could should shall may might must do does
did done have has had use uses used using utilize leverage employ add adding added
implement implemented also all any each every some other more most etc e g ie eg such
then than just very really well plus like include includes including thing things stuff
good great best better robust scalable scale scalability high highly system systems
solution solutions approach architecture design designs component components service
services technology technologies tool tools stack layer layers make makes made ensure
ensures support supports need needs needed help helps handle handles let lets get gets
both overall flexibility flexible performance performant reliable reliability efficient
efficiency fast faster speed simple simplicity modern powerful proper properly various
"""
FILLER = frozenset(_FILLER_WORDS.split())
# What separates the items of a list: "Redis, Kafka and Cassandra", "SQL or NoSQL".
GLUE = frozenset({"and", "or", "plus", "nor", "also", "etc", "as", "well"})
TEMPLATE_REPEATS = 3  # the same frame with swapped terms this often is stuffing
# "Geohash, quadtree, S2, H3, R-tree": this many comma-separated short items, most of them
# naming a concept, is an inventory rather than a statement.
LIST_ITEMS = 4
SHORT_ITEM = 3  # words
_LABEL = re.compile(r"^\s*([^:]{1,60}):(.*)$")
_ARROW = re.compile(r"->|→|=>|⟶")  # a flow line states how parts connect; never a bare list


class Bareness(StrEnum):
    TERMS_ONLY = "terms-only"      # nothing but concept words and filler
    LIST = "list"                  # concepts one after another, joined by commas or "and"
    TEMPLATE = "template"          # a repeated frame with the terms swapped


def _span_bareness(sentence: Sentence, hits: list[Hit], start: int, end: int
                   ) -> tuple[Bareness | None, tuple[str, ...]]:
    """How bare the words start..end are, and the words that explain (the sentence frame)."""
    inside = sorted((h for h in hits if start <= h.start < end), key=lambda h: h.start)
    covered = {i for hit in inside for i in range(hit.start, hit.end)}
    others = [sentence.words[i] for i in range(start, end) if i not in covered]
    explaining = tuple(word for word in others if word not in FILLER and word not in GLUE)
    concepts = len({hit.concept_id for hit in inside})
    if not inside:
        return None, explaining
    list_gaps, pairs = 0, 0
    for left, right in pairwise(inside):
        if right.start < left.end or right.concept_id == left.concept_id:
            continue
        pairs += 1
        gap = sentence.words[left.end:right.start]
        if (gap and all(word in GLUE for word in gap)) or (
                not gap and sentence.clauses[left.end - 1] != sentence.clauses[right.start]):
            list_gaps += 1
    if not explaining and ((len(others) <= 3 and list_gaps == pairs) or list_gaps):
        return Bareness.TERMS_ONLY, explaining
    if concepts >= 3 and len(explaining) < concepts and 3 * list_gaps >= 2 * pairs:
        return Bareness.LIST, explaining
    if _is_inventory(sentence, covered, start, end):
        return Bareness.LIST, explaining
    return None, explaining


def _is_inventory(sentence: Sentence, covered: set[int], start: int, end: int) -> bool:
    if sentence.clauses[end - 1] - sentence.clauses[start] + 1 < LIST_ITEMS:
        return False  # too few commas to be a list; most sentences stop here
    items: dict[int, list[int]] = {}
    for i in range(start, end):
        items.setdefault(sentence.clauses[i], []).append(i)
    if len(items) < LIST_ITEMS:
        return False
    short = sum(len(item) <= SHORT_ITEM for item in items.values())
    named = sum(any(i in covered for i in item) for item in items.values())
    return 4 * short >= 3 * len(items) and 2 * named >= len(items)


def _sentence_bareness(sentence: Sentence, hits: list[Hit]
                       ) -> tuple[dict[int, Bareness], tuple[str, ...]]:
    """Bareness per hit position: a "Label: content" line is judged in two parts, so
    "Latency: p99 under 200 ms" earns latency while "Storage:" alone does not."""
    size = len(sentence.words)
    if _ARROW.search(sentence.text):
        return {}, ()
    label = _LABEL.match(sentence.text)
    head = len(WORD.findall(label.group(1).lower())) if label else 0
    if not head or head >= size:
        why, frame = _span_bareness(sentence, hits, 0, size)
        return ({h.start: why for h in hits} if why else {}), frame
    why, frame = _span_bareness(sentence, hits, head, size)
    result = {h.start: why for h in hits if h.start >= head} if why else {}
    if size - head < 2:
        result.update({h.start: Bareness.TERMS_ONLY for h in hits if h.start < head})
    return result, frame


def classify(sentences: Sequence[Sentence], hits: Sequence[Hit]) -> dict[Hit, Bareness]:
    """The affirmed hits that stand in bare text, with no word about what they do or why."""
    by_sentence: dict[int, list[Hit]] = {}
    for hit in hits:
        if not hit.negated:
            by_sentence.setdefault(hit.sentence, []).append(hit)
    bare: dict[Hit, Bareness] = {}
    frames: dict[int, tuple[str, ...]] = {}
    for index, sentence_hits in by_sentence.items():
        positions, frame = _sentence_bareness(sentences[index], sentence_hits)
        bare.update({h: positions[h.start] for h in sentence_hits if h.start in positions})
        if len(frame) >= 2:
            frames[index] = frame
    repeated = Counter(frames.values())
    for index, frame in frames.items():
        if repeated[frame] >= TEMPLATE_REPEATS:
            bare.update({h: Bareness.TEMPLATE for h in by_sentence[index]})
    return bare
