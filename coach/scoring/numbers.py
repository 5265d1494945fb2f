"""Find quantities in free English text: numbers with magnitudes, byte sizes and time rates.

"25 M rides/day", "1 KB", "1,160 QPS", "10M DAU", "5 years": each becomes a Quantity with its
value in base units (a plain count, or bytes), its time unit and the noun it counts. Nothing
here raises: what cannot be read, or does not fit in a float, is skipped.
"""

# ruff: noqa: RUF001, RUF003  (×, ÷, – and ≈ are what estimates are written with)

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from coach.scoring import units


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")

# ASCII digits only: \d would accept any script's digits. A number does not start inside a word
# ("ec2", "v1.5") but may follow an x ("x3" is "times 3").
_NUMBER = re.compile(r"""
    (?<![A-WYZa-wyz0-9_.,])
    (?P<int>[0-9]{1,3}(?:,[0-9]{3})+ | [0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})+
        | [0-9]{1,3}(?:\x20[0-9]{3}){2,} | [0-9]+)
    (?P<frac>\.[0-9]+)?
    (?: [eE](?P<exp>[-+]?[0-9]{1,4})
      | \x20?(?:\^|\*\*)\x20?(?P<pow>[-+]?[0-9]{1,4})
      | (?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)
      | \x20?[x×*·]\x20?10(?: \x20?(?:\^|\*\*)\x20?(?P<sci>[-+]?[0-9]{1,4})
                              | (?P<scisup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+) )
    )?
    (?![0-9]|\.[0-9])
""", re.VERBOSE)
_WORD = re.compile(r"[\x20\t\u00a0\u202f\u2009]{0,2}([A-Za-z]+)(?![A-Za-z0-9])")
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)(?![A-Za-z0-9])")  # "100-byte payload"
_PERCENT = re.compile(r"\x20?%")
_X_FACTOR = re.compile(r"[xX×](?![A-Za-z0-9])(?!\s*[0-9])")  # "3x peak", not "3x 4"
_SLASH = re.compile(r"\x20?/\x20?([A-Za-z]+)(?![A-Za-z0-9])")
_PER = re.compile(r"\s{1,2}(per|a|an|every|each)\s{1,2}([A-Za-z]+)(?![A-Za-z0-9])", re.I)
_ADVERB = re.compile(r"\s{1,2}(hourly|daily|weekly|monthly|yearly|annually)(?![A-Za-z])", re.I)
_EACH = re.compile(r"\s{1,2}each(?=\s{1,2}(?:per|a|an|every)\s)", re.I)
_PREFIX = re.compile(r"^\s*(?:~=|~|≈|≃|about|approximately|approx\.?|around|roughly)?\s*", re.I)

# Words that follow a number without being what it counts.
_NOT_NOUNS = _words("""
    a an the and or of per to in on at by for with x each every is are was were be been am
    so as than then that this these those it its we i you they he she if but from into over
    under about around roughly approximately approx times divided multiplied plus minus
    gives giving give yields hence thus therefore meaning means equals comes come works
    amounts adds totals will would can could should must may might need needs do does did
    have has had not no more less fewer only just also up down out off vs etc eg ie which
    who what when where how all both either any some most via
""") | frozenset(units.ADVERBS) | frozenset(units.MAGNITUDES)
# Words between a number and its noun: "2M peak QPS", "10M daily active users".
_ADJECTIVES = _words("""
    peak active concurrent online new unique total average avg daily monthly weekly hourly
    yearly annual raw extra additional registered
""")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written in a line, read into base units.

    `value` is a plain count, or bytes when `bytes` is 1; `per` is the time unit of a rate
    ("second", "day", ...), `noun` what is counted ("users", "qps", "dau"). A duration
    ("5 years", "86,400 s") is a count whose noun is its time unit ("year", "second").
    """

    value: float
    bytes: int
    per: str | None
    noun: str | None
    start: int
    end: int
    text: str

    @property
    def duration_seconds(self) -> float | None:
        """Length in seconds when this is a span of time, else None."""
        seconds = units.duration_seconds(self.noun)
        return None if seconds is None or self.bytes else self.value * seconds


def _safe(compute: Callable[[], float]) -> float | None:
    try:
        value = float(compute())
    except (OverflowError, ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


def _number_value(match: re.Match[str]) -> float | None:
    digits = re.sub(r"[^0-9]", "", match["int"]) + (match["frac"] or "")
    if match["exp"] is not None:
        return _safe(lambda: float(f"{digits}e{match['exp']}"))
    if match["sci"] is not None or match["scisup"] is not None:
        power = match["sci"] or match["scisup"].translate(_SUPERSCRIPTS)
        return _safe(lambda: float(f"{digits}e{power}"))
    power = match["pow"] or (match["sup"] or "").translate(_SUPERSCRIPTS)
    if power:
        return _safe(lambda: float(digits) ** int(power))
    return _safe(lambda: float(digits))


def _is_noun(word: str) -> bool:
    lower = word.lower()
    return (len(word) > 1 or lower in units.DURATIONS) and lower not in _NOT_NOUNS \
        and lower not in _ADJECTIVES and units.size_unit(word) is None


def _magnitude(line: str, word: re.Match[str]) -> float | None:
    """Multiplier of a magnitude word; a bare B is billions only when it can't be bytes."""
    text = word[1]
    if text in ("B", "b"):
        after = _WORD.match(line, word.end())
        if after and after.start(1) > after.start() and _is_noun(after[1]):
            return 1e9  # "5 B reads"
        return 1e9 if word.start(1) == word.start() else None  # "3B" yes, "100 B" is bytes
    return units.MAGNITUDES.get(text.lower())


def _noun_phrase(line: str, pos: int) -> tuple[str, str | None, int] | None:
    """(noun, implied time unit, end) for "users", "peak QPS", "daily active users", ..."""
    adjectives: list[str] = []
    while len(adjectives) < 3 and (m := _WORD.match(line, pos)) and m[1].lower() in _ADJECTIVES \
            and m.start(1) > m.start():
        adjectives.append(m[1].lower())
        pos = m.end()
    m = _WORD.match(line, pos)
    if m is None:
        return None
    lower = m[1].lower()
    if lower in units.ABBREVIATIONS:
        noun, per = units.ABBREVIATIONS[lower]
        return noun, per, m.end()
    if not _is_noun(m[1]):
        return None
    if "active" in adjectives and lower.startswith("user"):
        return ("mau" if "monthly" in adjectives else "dau"), None, m.end()
    per = next((units.ADVERBS[a] for a in adjectives if a in units.ADVERBS), None)
    return units.DURATIONS.get(lower, lower), per, m.end()


def _rate(line: str, pos: int, per: str | None, noun: str | None) -> tuple[str | None, int]:
    """Read "/day", "per second", "a day", "daily", and skip "/user", "per ride" qualifiers."""
    for _ in range(3):
        if m := _EACH.match(line, pos):
            pos = m.end()
        if m := _SLASH.match(line, pos):
            unit = units.rate_unit(m[1], after_slash=True)
            if unit and per is None:
                per, pos = unit, m.end()
                continue
            if not unit and _is_noun(m[1]):
                pos = m.end()
                continue
            break
        if m := _PER.match(line, pos):
            unit = units.rate_unit(m[2], after_slash=False)
            if unit and per is None:
                per, pos = unit, m.end()
                continue
            if not unit and m[1].lower() == "per" and _is_noun(m[2]):
                pos = m.end()
                continue
            break
        if (m := _ADVERB.match(line, pos)) and per is None and noun not in ("dau", "mau", "wau"):
            per, pos = units.ADVERBS[m[1].lower()], m.end()
            continue
        break
    return per, pos


def _simple(noun: str) -> bool:
    """A plain noun: not an abbreviation (QPS, DAU), a duration or a percentage."""
    return noun not in units.ABBREVIATIONS and noun not in units.SECONDS and noun != "percent"


def _read(line: str, match: re.Match[str]) -> Quantity | None:
    value = _number_value(match)
    if value is None:
        return None
    pos, size, per, noun = match.end(), 0, None, None
    if m := _PERCENT.match(line, pos):
        return Quantity(value / 100, 0, None, "percent", match.start(), m.end(),
                        line[match.start():m.end()])
    if m := _X_FACTOR.match(line, pos):
        return Quantity(value, 0, None, None, match.start(), m.end(), line[match.start():m.end()])
    word = _WORD.match(line, pos)
    if word and (factor := _magnitude(line, word)):
        value, pos = value * factor, word.end()
        word = _WORD.match(line, pos)
    sized = word if word and word.start(1) - word.start() <= 1 else _HYPHEN_WORD.match(line, pos)
    if sized and (unit := units.size_unit(sized[1])):
        value, size, pos = value * unit[0], 1, sized.end()
        per = "second" if unit[1] else None
    if found := _noun_phrase(line, pos):
        noun, implied, pos = found
        per = per or implied
        if noun == "percent":
            value /= 100
        elif _simple(noun) and (more := _noun_phrase(line, pos)) and _simple(more[0]):
            noun, pos = more[0], more[2]  # "feed reads", "post ids": the last word counts
    per, pos = _rate(line, pos, per, noun)
    if not math.isfinite(value):
        return None
    return Quantity(value, size, per, noun, match.start(), pos, line[match.start():pos])


def find_quantities(line: str) -> list[Quantity]:
    """Every quantity in a line, left to right."""
    found: list[Quantity] = []
    if not isinstance(line, str):
        return found
    end = 0
    for match in _NUMBER.finditer(line):
        if match.start() < end:
            continue
        quantity = _read(line, match)
        if quantity is not None:
            found.append(quantity)
            end = quantity.end
    return found


def parse_number(text: str) -> float | None:
    """One number with an optional magnitude: "10M", "2.5 billion", "1e7", "~1,160", "2^32"."""
    if not isinstance(text, str):
        return None
    body = _PREFIX.sub("", text.strip(), count=1)
    match = _NUMBER.match(body)
    if not match:
        return None
    value = _number_value(match)
    rest = body[match.end():].strip()
    if value is None:
        return None
    if not rest:
        return value
    factor = units.MAGNITUDES.get(rest.lower())
    if factor is None and rest in ("B", "b"):
        factor = 1e9
    return _safe(lambda: value * factor) if factor else None
