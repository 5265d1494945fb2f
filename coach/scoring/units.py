"""Unit tables for back-of-envelope quantities, and a human formatter for them.

Lookups take the word as written; abbreviations are case-sensitive where case carries meaning
(MB is megabytes, Mb megabits), full words are not.
"""

from __future__ import annotations

import math

SECONDS: dict[str, float] = {
    "millisecond": 0.001, "second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0,
    "week": 604800.0, "month": 30 * 86400.0, "year": 365 * 86400.0,
}

MAGNITUDES: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "thousands": 1e3,
    "m": 1e6, "mil": 1e6, "mln": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6,
    "bn": 1e9, "billion": 1e9, "billions": 1e9,
    "tn": 1e12, "trillion": 1e12, "trillions": 1e12,
}

_PREFIXES = "KMGTPE"
SIZES: dict[str, float] = {"B": 1.0}  # size abbreviation -> bytes
BIT_RATES: dict[str, float] = {"bps": 1 / 8}  # "Gbps" -> bytes per second
for _n, _p in enumerate(_PREFIXES, start=1):
    SIZES[f"{_p}B"] = SIZES[f"{_p.lower()}b"] = 1000.0**_n  # "mb" is sloppy but means bytes
    SIZES[f"{_p}iB"] = SIZES[f"{_p.lower()}ib"] = 1024.0**_n
    SIZES[f"{_p}b"] = SIZES[f"{_p}bit"] = SIZES[f"{_p.lower()}bit"] = 1000.0**_n / 8
    BIT_RATES[f"{_p}bps"] = BIT_RATES[f"{_p.lower()}bps"] = 1000.0**_n / 8
SIZES["kB"] = 1000.0

_SIZE_WORDS = {"byte": 1.0, "bit": 1 / 8}
for _n, _word in enumerate(("kilo", "mega", "giga", "tera", "peta", "exa"), start=1):
    _SIZE_WORDS[f"{_word}byte"] = 1000.0**_n
    _SIZE_WORDS[f"{_word}bit"] = 1000.0**_n / 8


def size_unit(word: str) -> tuple[float, bool] | None:
    """Bytes per unit for a size word, and whether it is a bit rate (Gbps is per second)."""
    if word in SIZES:
        return SIZES[word], False
    if word in BIT_RATES:
        return BIT_RATES[word], True
    lower = word.lower()
    singular = lower[:-1] if lower.endswith("s") else lower
    if singular in _SIZE_WORDS:
        return _SIZE_WORDS[singular], False
    return None


# After "/" any of these; after "per", "a", "every" only the unabbreviated-looking ones.
_TIME_ABBREVIATED = {
    "s": "second", "sec": "second", "secs": "second", "second": "second",
    "min": "minute", "mins": "minute", "minute": "minute",
    "h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour",
    "d": "day", "day": "day", "wk": "week", "week": "week",
    "mo": "month", "mon": "month", "month": "month",
    "y": "year", "yr": "year", "year": "year",
}
_TIME_SPELLED = {"sec", "second", "min", "minute", "hour", "hr", "day", "week", "month", "year"}
ADVERBS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month",
           "yearly": "year", "annually": "year"}
# A number followed by one of these is a span of time ("5 years", "86,400 s", "50 ms").
DURATIONS: dict[str, str] = {
    "ms": "millisecond", "msec": "millisecond", "millisecond": "millisecond",
    "milliseconds": "millisecond", "s": "second", "sec": "second", "secs": "second",
    "second": "second", "seconds": "second", "min": "minute", "mins": "minute",
    "minute": "minute", "minutes": "minute", "h": "hour", "hr": "hour", "hrs": "hour",
    "hour": "hour", "hours": "hour", "d": "day", "day": "day", "days": "day",
    "wk": "week", "wks": "week", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "yr": "year", "yrs": "year", "year": "year", "years": "year",
}


def rate_unit(word: str, *, after_slash: bool) -> str | None:
    """The normalised time unit of a rate word ("/sec" -> "second"), or None."""
    lower = word.lower()
    if after_slash:
        return _TIME_ABBREVIATED.get(lower) or _TIME_ABBREVIATED.get(lower.removesuffix("s"))
    return _TIME_ABBREVIATED[lower] if lower in _TIME_SPELLED else None


def duration_seconds(noun: str | None) -> float | None:
    """Seconds in one unit of a duration noun as find_quantities writes it ("years")."""
    unit = DURATIONS.get(noun or "")
    return SECONDS[unit] if unit else None


# Abbreviations that name what is counted; the rate ones imply per second.
ABBREVIATIONS: dict[str, tuple[str, str | None]] = {
    "qps": ("qps", "second"), "rps": ("rps", "second"), "tps": ("tps", "second"),
    "wps": ("wps", "second"), "dau": ("dau", None), "daus": ("dau", None),
    "mau": ("mau", None), "maus": ("mau", None), "wau": ("wau", None), "waus": ("wau", None),
}
NOUN_NAMES = {"qps": "requests", "rps": "requests", "tps": "transactions", "wps": "writes",
              "dau": "users", "mau": "users", "wau": "users"}

_COUNT_STEPS = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_BYTE_STEPS = ((1e18, " EB"), (1e15, " PB"), (1e12, " TB"), (1e9, " GB"), (1e6, " MB"),
               (1e3, " KB"))
_PER_SHORT = {"second": "/s", "minute": "/min", "hour": "/h", "day": "/day", "week": "/week",
              "month": "/month", "year": "/year"}


def _digits(value: float) -> str:
    if value >= 10:
        return f"{value:.0f}"
    if value >= 1:
        return f"{value:.1f}".removesuffix(".0")
    return f"{value:.2g}"


def humanise(value: float, unit: str = "count") -> str:
    """A short human figure: 1157 "requests/second" -> "1.2K/s", 1e11 "bytes" -> "100 GB"."""
    base, _, per = unit.partition("/")
    suffix = _PER_SHORT.get(per, f"/{per}") if per else ""
    if not math.isfinite(value):
        return f"{value}{suffix}"
    sign, size = ("-" if value < 0 else ""), abs(value)
    is_bytes = base in ("bytes", "byte")
    for factor, name in _BYTE_STEPS if is_bytes else _COUNT_STEPS:
        if size >= factor * 0.9995:  # 999.7 reads as 1K, not 1000
            return f"{sign}{_digits(size / factor)}{name}{suffix}"
    return f"{sign}{_digits(size)}{' B' if is_bytes else ''}{suffix}"
