"""Check the back-of-envelope arithmetic of a scale answer, line by line.

Each stated computation is redone with units (count × bytes = bytes, per day ÷ 86,400 = per
second) and compared with the figure written after its relation sign. Written conventions pass:
a day rounded to 100,000 s, 1 KB as 1000 or 1024 bytes, a bare "÷ 86,400" that turns an
implicit per-day figure into per second. The tolerance is a factor of 2 either way.

An honest coach must not flag correct work, so any line whose units don't reconcile, whose left
side can't be read, or that reads two plausible ways with different answers gets no check.
"""

# ruff: noqa: RUF001, RUF002, RUF003  (×, ÷, – and ≈ are what estimates are written with)

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from coach.scoring import units
from coach.scoring.expressions import Relation, clean, relations
from coach.scoring.numbers import Quantity
from coach.scoring.ranges import RangeCheck, compare_to_references
from coach.scoring.units import humanise

__all__ = ["EstimateCheck", "RangeCheck", "check_arithmetic", "compare_to_references",
           "humanise"]

TOLERANCE = 2.0
_LOG_TOLERANCE = math.log(TOLERANCE)
_DIGIT = re.compile(r"[0-9]")
_SPACED_B = re.compile(r"[0-9]\s+B(?![A-Za-z])")  # "4 B/day": four bytes or four billion
# Bare numbers that convert between time units: whoever writes "× 365" or "÷ 86,400" has put
# the conversion in the arithmetic, so the figures are to be taken as written.
_TIME_CONSTANTS = (86400, 100_000, 3600, 1440, 60, 24, 7, 30, 31, 365, 12, 52, 2_592_000,
                   2_500_000, 2_600_000, 31_536_000, 30_000_000, 604_800, 720, 730, 8760)


@dataclass(frozen=True, slots=True)
class EstimateCheck:
    """One stated computation, redone. `stated` and `expected` are in the unit of `unit`."""

    line_number: int
    line: str
    stated: float
    expected: float
    unit: str
    ratio: float  # stated / expected
    ok: bool
    message: str  # empty when ok


@dataclass(frozen=True, slots=True)
class _Value:
    nominal: float  # figures as written, time units ignored
    dim: float  # in seconds: per day / 86,400, durations × their seconds
    bytes: int
    time: int  # power of seconds: -1 for a rate, 1 for a duration
    pers: frozenset[str]
    conversion: bool  # contains a time constant or a duration


def _error(ratio: float) -> float:
    """How far a ratio is from 1, in log terms; infinite for a ratio that is no number."""
    return abs(math.log(ratio)) if math.isfinite(ratio) and ratio > 0 else math.inf


def _is_time_constant(value: float) -> bool:
    return any(abs(value - c) <= 0.03 * c for c in _TIME_CONSTANTS)


def _value(q: Quantity) -> _Value:
    dim, time = q.value, 0
    if q.per:
        dim, time = dim / units.SECONDS[q.per], time - 1
    seconds = None if q.bytes else units.duration_seconds(q.noun)
    if seconds:
        dim, time = dim * seconds, time + 1
    bare = q.noun is None and not q.bytes and q.per is None
    return _Value(q.value, dim, q.bytes, time, frozenset({q.per} - {None}),
                  seconds is not None or (bare and _is_time_constant(q.value)))


def _evaluate(operands: Sequence[Quantity], ops: Sequence[str]) -> _Value | None:
    acc = _value(operands[0])
    for op, operand in zip(ops, operands[1:], strict=True):
        v = _value(operand)
        if op == "*":
            nominal, dim, size, time = (acc.nominal * v.nominal, acc.dim * v.dim,
                                        acc.bytes + v.bytes, acc.time + v.time)
        elif v.nominal == 0 or v.dim == 0:
            return None
        else:
            nominal, dim, size, time = (acc.nominal / v.nominal, acc.dim / v.dim,
                                        acc.bytes - v.bytes, acc.time - v.time)
        acc = _Value(nominal, dim, size, time, acc.pers | v.pers, acc.conversion or v.conversion)
    ok = all(math.isfinite(x) and x > 0 for x in (acc.nominal, acc.dim))
    return acc if ok else None


def _count_nouns_agree(a: Quantity, b: Quantity) -> bool:
    def base(noun: str | None) -> str | None:
        return noun.removesuffix("s") if noun else noun
    return base(a.noun) == base(b.noun)


def _expected(rel: Relation, operands: Sequence[Quantity], stated: Quantity) -> list[float]:
    """The result of the left side in the stated figure's unit, by each reading that applies;
    the most likely reading first."""
    left, right = _evaluate(operands, rel.ops), _value(stated)
    if left is None or left.bytes != right.bytes or stated.value <= 0:
        return []
    same_units = left.time == right.time and right.dim > 0
    by_units = left.dim * right.nominal / right.dim if same_units else None
    if len(operands) == 1:  # a conversion or restatement, so only a unit-true one counts
        converting = operands[0].per != stated.per and operands[0].per and stated.per
        if rel.weak or rel.chained or (rel.arrow and not converting) or not stated.per:
            return []  # a plain size or count ("100 B each ≈ 1.8 GB") restates work elsewhere
        plain = not left.bytes and left.time == 0 and not stated.per
        if plain and (not stated.noun or not _count_nouns_agree(operands[0], stated)):
            return []  # "1 server = 8 cores", "precision 6 ≈ 1.2 km"
        return [by_units] if by_units is not None else []
    as_written = None
    if left.conversion or not left.pers or not right.pers or left.pers == right.pers:
        as_written = left.nominal
    readings = [as_written, by_units] if left.conversion else [by_units, as_written]
    return [x for x in readings if x is not None and math.isfinite(x) and x > 0]


def _readings(quantities: Sequence[Quantity]) -> Iterator[tuple[Quantity, ...]]:
    """A spaced "4 B" is bytes or billions; try both (as long as the choices stay few)."""
    options = []
    for q in quantities:
        billions = q.bytes == 1 and q.noun is None and _SPACED_B.search(q.text) is not None
        options.append((q, replace(q, value=q.value * 1e9, bytes=0)) if billions else (q,))
    if sum(len(o) > 1 for o in options) <= 3:
        yield from itertools.product(*options)


def _whole_right_side_fits(rel: Relation, chain_error: float) -> bool:
    """Does the left side equal everything after the sign ("25 M × 2 = 5 × 10 M"), or come
    closer to it than to the first figure? Unreadable counts as yes: a line that reads two ways
    is never flagged."""
    if not rel.then:
        return True
    right = (rel.stated, *(q for _, q in rel.then))
    right_ops = tuple(op for op, _ in rel.then)
    for left_reading in _readings(rel.operands):
        for right_reading in _readings(right):
            a, b = _evaluate(left_reading, rel.ops), _evaluate(right_reading, right_ops)
            if a is None or b is None:
                return True
            if a.bytes != b.bytes:
                continue
            ratios = [a.nominal / b.nominal] + ([a.dim / b.dim] if a.time == b.time else [])
            if any(_error(r) <= max(_LOG_TOLERANCE, chain_error) for r in ratios):
                return True
    return False


def _unit_name(q: Quantity) -> str:
    base = "bytes" if q.bytes else units.NOUN_NAMES.get(q.noun or "", q.noun or "count")
    return f"{base}/{q.per}" if q.per else base


def _factor(ratio: float) -> str:
    size = max(ratio, 1 / ratio)
    shown = f"{size:.0f}" if size >= 10 else f"{size:.1f}".removesuffix(".0")
    return f"{shown}× too {'high' if ratio > 1 else 'low'}"


def _partial(cleaned: str, rel: Relation) -> bool:
    """Is the left side only part of an expression: "÷ (1,000 × 86,400 × 365) ≈ 69.7 years",
    or a count times a duration ("1M × 10 min") stated as a plain count?"""
    before = cleaned[:rel.operands[0].start].rstrip()
    if before.endswith(("(", "÷", "/", "×", "*", "·", " x")):
        return True
    durations = [q for q in rel.operands if q.duration_seconds is not None]
    rates = [q for q in rel.operands if q.per]
    return (bool(durations) and not rates and not rel.stated.per
            and rel.stated.duration_seconds is None)


def _check(number: int, line: str, rel: Relation, cleaned: str = "") -> EstimateCheck | None:
    if rel.weak and (len(rel.operands) < 2 or rel.chained):
        return None
    if cleaned and _partial(cleaned, rel):
        return None
    verdicts: list[tuple[float, float, Quantity]] = []  # (expected, ratio, stated as read)
    for reading in _readings((*rel.operands, rel.stated)):
        stated = reading[-1]
        pairs = [(c, stated.value / c) for c in _expected(rel, reading[:-1], stated)]
        pairs = [p for p in pairs if _error(p[1]) < math.inf]
        if pairs:
            best = min(pairs, key=lambda p: _error(p[1]))
            verdicts.append((*(best if _error(best[1]) <= _LOG_TOLERANCE else pairs[0]), stated))
    good = [v for v in verdicts if _error(v[1]) <= _LOG_TOLERANCE]
    if not good and (len(verdicts) != 1 or (rel.chained and _whole_right_side_fits(
            rel, _error(verdicts[0][1])))):
        return None  # no reading, two readings that disagree, or "= 5 × 10M" read too early
    expected, ratio, stated = (good or verdicts)[0]
    unit = _unit_name(stated)
    message = "" if good else (f"Line {number}: {rel.left_text} is about "
                               f"{humanise(expected, unit)}, not {stated.text} ({_factor(ratio)}).")
    return EstimateCheck(number, line, stated.value, expected, unit, ratio, bool(good), message)


def check_arithmetic(text: str) -> list[EstimateCheck]:
    """A check for every computation in the text that can be redone with confidence."""
    checks: list[EstimateCheck] = []
    if not isinstance(text, str):
        return checks
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not _DIGIT.search(line):
            continue
        cleaned = clean(line)
        for rel in relations(cleaned):
            if (check := _check(number, line, rel, cleaned)) is not None:
                checks.append(check)
    return checks
