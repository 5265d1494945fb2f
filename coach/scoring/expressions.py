"""Read the computations stated in one line: "25 M/day × 2 KB = 50 GB/day; × 365 ≈ 18 TB/year".

A line is cut at its relation signs (=, ≈, ~, ->, "is about", "so", ...). Each relation pairs
the arithmetic that ends just before it with the quantity that starts just after it. Anything
that cannot be read with confidence (a "+", two numbers side by side, words that may be an
operator) yields no relation at all, so a checker built on this never guesses.
"""

# ruff: noqa: RUF001, RUF002, RUF003  (×, ÷, – and ≈ are what estimates are written with)

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from coach.scoring.numbers import Quantity, find_quantities


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SIGN = r"~=|=>|->|==|(?<![<>!=])=|≈|≅|≃|→|⟶|⇒|~(?![0-9.])"  # "~1,160" only means "about"
_ABOUT = r"(?:about|roughly|around|approximately|approx\.?|nearly|almost|close\s+to)"
# ", that is 116/s" restates the figure just before it, so the comma belongs to the sign.
_STRONG = (rf",?\s*(?:that\s+is|that's|thats|which\s+is|this\s+is|i\.e\.)(?:\s+{_ABOUT})?|"
           rf",?\s*or\s+{_ABOUT}|(?:is|are|was|were)\s+{_ABOUT}|comes?\s+to|"
           r"works?\s+out\s+(?:to|at)|amounts?\s+to|adds?\s+up\s+to|equals|is\s+equal\s+to")
_WEAK = r",?\s*(?:so|gives|giving|yields?|hence|thus|therefore|meaning|which\s+gives)"
_RELATION = re.compile(
    rf"(?P<sign>{_SIGN})|(?:(?<![A-Za-z'])(?=[A-Za-z])|(?=,))"
    rf"(?:(?P<strong>{_STRONG})|(?P<weak>{_WEAK}))"
    r"(?![A-Za-z])",
    re.IGNORECASE)
_ARROWS = frozenset({"->", "=>", "→", "⟶", "⇒"})

_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|[0-9]{1,2}[.)])\s+")
_MARKUP = re.compile(r"\*\*|__|`")
_PARENTHETICAL = re.compile(r"\([^()0-9]*\)|\[[^\[\]0-9]*\]")  # "(peak)", never "(3 replicas)"
_GAP_FILLER = re.compile(r"(?<![A-Za-z])(?:each|peak|at\s+peak|total|in\s+total|overall|avg|"
                         r"average|on\s+average)(?![A-Za-z])", re.IGNORECASE)
_APPROX = re.compile(r"~|(?<![A-Za-z])(?:about|approx\.?|approximately|roughly|around)(?![A-Za-z])",
                     re.IGNORECASE)
_PER_ENTITY = re.compile(r"(?<![A-Za-z])(?:each|every|per)(?![A-Za-z])", re.IGNORECASE)
_TAIL_FILLER = re.compile(r"(?<![A-Za-z])(?:each|total|in\s+total|overall)(?![A-Za-z])",
                          re.IGNORECASE)
_STATED_HEAD = re.compile(r"[\s~≈]*(?:(?:about|roughly|around|approximately|approx\.?|nearly|"
                          r"almost|some|only|just|a\s+total\s+of)(?![A-Za-z])[\s~≈]*)*",
                          re.IGNORECASE)
# A stated figure followed by these is a range, a ratio or a sum: not one value.
_NOT_ONE_VALUE = re.compile(r"\s*(?:[-–—]\s*[~0-9]|[±+]|:\s*[0-9]|(?:to|or)\s+[~0-9])",
                            re.IGNORECASE)
_FOLLOWED_BY_OP = re.compile(r"\s*(?:\([^()0-9]*\)\s*)?(?:[×*·÷/xX](?![A-Za-z])|times\b|"
                             r"divided\b|multiplied\b|per\s+[0-9])", re.IGNORECASE)
_OPERATORS = {"×": "*", "x": "*", "*": "*", "·": "*", "times": "*", "multiplied by": "*",
              "/": "/", "÷": "/", "divided by": "/", "per": "/"}
_BOUNDARIES = ",;:.([{—–!?"
_SUSPICIOUS_SYMBOLS = set("+-−±<>≤≥^|&×*·/÷%=")
_SUSPICIOUS_WORDS = _words("""
    and plus minus less of by with over times per into than at from to or each every divided
    multiplied x add adding subtract subtracting
""")


@dataclass(frozen=True, slots=True)
class Relation:
    """One "left side, relation sign, stated result" found in a line."""

    operands: tuple[Quantity, ...]
    ops: tuple[str, ...]  # "*" or "/" between consecutive operands
    stated: Quantity
    left_text: str
    weak: bool  # "so", "gives": a consequence, not necessarily an equality
    arrow: bool  # "->" also says "changes to", so it is trusted only for conversions
    chained: bool  # the stated figure is followed by more arithmetic ("= 25 M/day ÷ 86,400")
    # The arithmetic that follows it, as (operator, operand) pairs: "a × b = c ÷ d ≈ e" can be
    # read as a chain (a × b = c) or as a × b = c ÷ d.
    then: tuple[tuple[str, Quantity], ...] = ()


def clean(line: str) -> str:
    """The line without its list marker and Markdown emphasis, which would read as operators."""
    return _MARKUP.sub(lambda m: " " * len(m[0]), _LIST_MARKER.sub("", line, count=1)).strip()


def _last_token(text: str) -> str:
    tokens = re.findall(r"[A-Za-z]+|[^\sA-Za-z]", text)
    return tokens[-1].lower() if tokens else ""


def _suspicious_end(text: str) -> bool:
    """Does this text end with something that may make an operator of it ("plus", "of", "+")?"""
    last = _last_token(text)
    return last in _SUSPICIOUS_WORDS or last in _SUSPICIOUS_SYMBOLS


def _clear_lead(text: str, *, need_break: bool) -> bool:
    """Is the text just before an expression a clean start? Its last clause must not make the
    expression part of a larger one ("plus 3 × 4", "each rider gets 1 / 5 s")."""
    text = _PARENTHETICAL.sub(" ", text)
    cut = max(text.rfind(c) for c in _BOUNDARIES)
    if need_break and cut < 0:
        return False
    lead = _APPROX.sub(" ", text[cut + 1:])
    return not _suspicious_end(lead) and not _PER_ENTITY.search(lead)


def _gap_kind(gap: str, left: Quantity) -> str:
    """"*" or "/" for an operator between two operands, "stop" for a clear break, else "bad"."""
    text = _APPROX.sub(" ", _GAP_FILLER.sub(" ", _PARENTHETICAL.sub(" ", gap)))
    op = " ".join(text.split()).lower()
    if op in _OPERATORS:
        return _OPERATORS[op]
    if op == "of":
        return "*" if left.noun == "percent" else "bad"  # "20% of 100 M"
    if op in ("(", "["):
        return "bad"  # "21,600 pings/day (86,400 / 4)": the bracket explains the figure before
    if not op or any(c.isdigit() for c in op) or not _clear_lead(gap, need_break=True):
        return "bad"
    return "stop"


def _left_side(line: str, start: int, quantities: list[Quantity]) -> tuple | None:
    """The operands and operators just before a relation sign, or None if unclear."""
    if not quantities:
        return None
    tail = _TAIL_FILLER.sub(" ", _PARENTHETICAL.sub(" ", line[quantities[-1].end:]))
    if re.sub(r"[\s)\]]", "", tail):
        return None
    operands, ops = [quantities[-1]], []
    for index in range(len(quantities) - 1, 0, -1):
        kind = _gap_kind(line[quantities[index - 1].end:quantities[index].start],
                         quantities[index - 1])
        if kind == "bad":
            return None
        if kind == "stop":
            break
        operands.insert(0, quantities[index - 1])
        ops.insert(0, kind)
    else:
        if not _clear_lead(line[start:quantities[0].start], need_break=False):
            return None
    return tuple(operands), tuple(ops)


def _stated(line: str, start: int, end: int,
            quantities: list[Quantity]) -> tuple[Quantity, bool] | None:
    """The figure just after a relation sign, and whether more arithmetic follows it."""
    if not quantities or not _STATED_HEAD.fullmatch(line, start, quantities[0].start):
        return None
    first = quantities[0]
    if _NOT_ONE_VALUE.match(line, first.end, end):
        return None
    return first, bool(_FOLLOWED_BY_OP.match(line, first.end, end))


def _signs(line: str, quantities: list[Quantity]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each relation, with "≈ ~" and the like merged into one."""
    spans: list[tuple[int, int, str]] = []
    inside = [False] * (len(line) + 1)
    for q in quantities:
        inside[q.start:q.end] = [True] * (q.end - q.start)
    for match in _RELATION.finditer(line):
        if any(inside[match.start():match.end()]):
            continue  # "a day" in "100 GB a day" is part of the figure
        kind = ("weak" if match["weak"] else "arrow" if match["sign"] in _ARROWS else "strong")
        if spans and not line[spans[-1][1]:match.start()].strip():
            last = spans[-1]
            merged = "strong" if "strong" in (last[2], kind) else last[2]
            spans[-1] = (last[0], match.end(), merged)
        else:
            spans.append((match.start(), match.end(), kind))
    return spans


def relations(line: str) -> list[Relation]:
    """Every relation in an already cleaned line that can be read without guessing."""
    if _RELATION.search(line) is None:
        return []  # nothing is stated as a result: no need to read the figures
    quantities = find_quantities(line)
    if len(quantities) < 2:
        return []  # a left side and a stated figure need two numbers at least
    signs = _signs(line, quantities)
    bounds = [0, *(p for s, e, _ in signs for p in (s, e)), len(line)]
    segments = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    inside = [[q for q in quantities if a <= q.start and q.end <= b] for a, b in segments]
    found: list[Relation] = []
    for index, (_, _, kind) in enumerate(signs):
        left = _left_side(line[:segments[index][1]], segments[index][0], inside[index])
        stated = _stated(line, *segments[index + 1], inside[index + 1])
        if left is None or stated is None:
            continue
        operands, ops = left
        found.append(Relation(operands, ops, stated[0],
                              line[operands[0].start:operands[-1].end], weak=kind == "weak",
                              arrow=kind == "arrow", chained=stated[1],
                              then=_continuation(line, inside[index + 1])))
    return found


def _continuation(line: str, quantities: list[Quantity]) -> tuple[tuple[str, Quantity], ...]:
    pairs = []
    for before, after in itertools.pairwise(quantities):
        op = _gap_kind(line[before.end:after.start], before)
        if op not in _OPERATORS.values():
            break
        pairs.append((op, after))
    return tuple(pairs)


def has_relation(text: str) -> bool:
    """Does the text state a result anywhere (=, ≈, "is about", "so", ...)?"""
    return _RELATION.search(text) is not None


def stated_quantities(line: str, quantities: list[Quantity] | None = None) -> list[Quantity]:
    """The figures a cleaned line states as results, in order (right sides of its relations).
    `quantities` saves finding them again when the caller has them."""
    quantities = find_quantities(line) if quantities is None else quantities
    signs = _signs(line, quantities)
    found = []
    for index, (_, end, _) in enumerate(signs):
        stop = signs[index + 1][0] if index + 1 < len(signs) else len(line)
        inside = [q for q in quantities if end <= q.start and q.end <= stop]
        if stated := _stated(line, end, stop, inside):
            found.append(stated[0])
    return found
