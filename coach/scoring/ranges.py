"""Compare stated estimates with reference ranges, to catch a figure off by orders of magnitude.

A line is compared with a reference only when it names one of the reference's terms and states
a figure in the reference's kind of unit; the range is widened 3× each way before anything is
flagged, and a line that two references fit equally well is left alone.
"""

# ruff: noqa: RUF001, RUF002, RUF003  (×, ÷, – and ≈ are what estimates are written with)

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from coach.scoring import units
from coach.scoring.expressions import clean, has_relation, stated_quantities
from coach.scoring.numbers import Quantity, find_quantities

if TYPE_CHECKING:
    from coach.domain.estimate import ReferenceEstimate

WIDEN = 3.0
_DIGIT = re.compile(r"[0-9]")
# Reference unit -> (bytes exponent, time unit) of the quantities it accepts.
_SHAPES: dict[str, tuple[int, str | None]] = {
    "count": (0, None), "per_second": (0, "second"), "per_day": (0, "day"),
    "bytes": (1, None), "bytes_per_second": (1, "second"), "bytes_per_day": (1, "day"),
}
_RANGE_BEFORE = re.compile(r"[0-9][A-Za-z]*\s*(?:[-–—]|to|or)\s*$")
_PEOPLE = (r"(?:users?|persons?|people|riders?|drivers?|devices?|accounts?|dau|clients?|"
           r"players?|customers?|members?|viewers?|subscribers?|merchants?|sellers?|buyers?|"
           r"hosts?|guests?|students?|authors?|followers?|readers?|writers?|listeners?)")
_PER_USER = re.compile(r"[^,;.]{0,30}?\b(?:each|apiece|(?:per|a|an|every) " + _PEOPLE + r")\b",
                       re.IGNORECASE)
# "An active player finishes about 8 matches a day": the subject is one user.
_ONE_USER_BEFORE = re.compile(r"\b(?:a|an|each|every|per|one)\s+(?:\w+\s+)?" + _PEOPLE
                              + r"\b[^,;.\d]{0,30}$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|to\b|or\b)\s*~?[0-9]")
_CLAUSE_BREAK = re.compile(r";|(?<=[.!?])\s+(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class RangeCheck:
    """A stated figure against a reference range; `stated`, `low`, `high` in its unit."""

    line_number: int
    line: str
    reference_id: str
    label: str
    stated: float
    low: float
    high: float
    ok: bool
    message: str  # empty when ok


def _in_unit(q: Quantity, unit: str) -> float | None:
    """The quantity in the reference's unit, or None when it is another kind of figure."""
    shape = _SHAPES.get(unit)
    if shape is None or q.bytes != shape[0] or q.value <= 0 or q.noun == "percent" \
            or q.duration_seconds is not None or (q.per is None) != (shape[1] is None):
        return None
    if q.per is None or shape[1] is None:
        return q.value
    return q.value * units.SECONDS[shape[1]] / units.SECONDS[q.per]


@lru_cache(maxsize=2048)
def _term(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for any of the terms, as whole words, case-insensitive."""
    words = (r"\s+".join(re.escape(word) for word in term.split()) for term in terms)
    return re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(words)})(?![A-Za-z0-9])", re.IGNORECASE)


def _clauses(line: str) -> list[tuple[int, int]]:
    cuts = [0, *(p for m in _CLAUSE_BREAK.finditer(line) for p in (m.start(), m.end())),
            len(line)]
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]


def _figure(line: str, span: tuple[int, int], unit: str, stated: list[Quantity],
            every: list[Quantity]) -> tuple[Quantity, float] | None:
    """The clause's last figure in the reference's unit; only stated results if it computes."""
    a, b = span
    pool = stated if has_relation(line[a:b]) else every
    for q in reversed([q for q in pool if a <= q.start and q.end <= b]):
        if _RANGE_BEFORE.search(line, 0, q.start) or _RANGE_AFTER.match(line, q.end):
            continue  # one end of "30-60K QPS" is not the estimate
        if (_PER_USER.search(q.text) or _PER_USER.match(line, q.end)
                or _ONE_USER_BEFORE.search(line, max(0, q.start - 45), q.start)):
            continue  # "20 feed loads each per day" is one user's rate, not the system's
        if (value := _in_unit(q, unit)) is not None:
            return q, value
    return None


def _range_text(low: float, high: float, unit: str) -> str:
    size = "bytes" if unit.startswith("bytes") else "count"
    per = _SHAPES[unit][1]
    return f"{units.humanise(low, size)}–{units.humanise(high, f'{size}/{per}' if per else size)}"


def compare_to_references(text: str,
                          references: Sequence[ReferenceEstimate]) -> list[RangeCheck]:
    """A check for each line whose stated figure one reference clearly describes."""
    checks: list[RangeCheck] = []
    if not isinstance(text, str):
        return checks
    for number, raw in enumerate(text.splitlines(), start=1):
        line = clean(raw.strip())
        if not _DIGIT.search(line):
            continue
        named_here = [ref for ref in references if _term(tuple(ref.terms)).search(line)]
        if not named_here:
            continue
        every = find_quantities(line)
        clauses, stated = _clauses(line), stated_quantities(line, every)
        fits: dict[int, list[tuple[tuple[int, int], ReferenceEstimate, Quantity, float]]] = {}
        for ref in named_here:
            unit = str(ref.unit)
            for a, b in reversed(clauses):
                named = {t.lower() for t in ref.terms if _term((t,)).search(line, a, b)}
                if not named:
                    continue
                if found := _figure(line, (a, b), unit, stated, every):
                    score = (len(named), sum(len(t) for t in named))
                    fits.setdefault(found[0].start, []).append((score, ref, *found))
                break
        for options in fits.values():
            options.sort(key=lambda o: o[0], reverse=True)
            if len(options) > 1 and options[0][0] == options[1][0]:
                continue  # two references fit equally well: unsure which one it is
            _, ref, q, value = options[0]
            ok = ref.low / WIDEN <= value <= ref.high * WIDEN
            message = "" if ok else (
                f"Line {number}: {q.text} is far outside the expected range for {ref.label} "
                f"(about {_range_text(ref.low, ref.high, str(ref.unit))}); recheck the inputs.")
            checks.append(RangeCheck(number, raw.strip(), ref.id, ref.label, value, ref.low,
                                     ref.high, ok, message))
    return checks
