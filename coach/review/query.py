"""What the history list shows: a filter, a sort order, and the filter's typed form.

The history screen and `coach history` take one line of filter text, such as
`newsfeed mode:drill score:<50 since:2026-11-01 "consistent hashing"`; words without a
key match the problem's id or title, and quoted text (or `text:word`) is looked for in
the answers themselves.
"""

from __future__ import annotations

import re
from datetime import date
from difflib import get_close_matches
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from coach.domain.attempt import Mode, Status


class SortKey(StrEnum):
    STARTED = "started"
    PROBLEM = "problem"
    MODE = "mode"
    LEVEL = "level"
    STATUS = "status"
    TOTAL = "total"
    DURATION = "duration"
    ID = "id"


class HistoryQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    words: tuple[str, ...] = ()  # each must appear in the problem's id or title
    phrases: tuple[str, ...] = ()  # each must appear, as whole words, in some step's answer
    problem: str | None = None  # exact problem id
    pack: str | None = None
    mode: Mode | None = None
    status: Status | None = None
    level: str | None = None
    since: date | None = None  # inclusive, by the UTC start date
    until: date | None = None  # inclusive
    min_total: float | None = None
    max_total: float | None = None
    sort: SortKey = SortKey.STARTED
    descending: bool = True

    def sorted_by(self, key: SortKey) -> HistoryQuery:
        """Sort by `key`; asking for the current key again reverses the order."""
        if key is self.sort:
            return self.model_copy(update={"descending": not self.descending})
        return self.model_copy(update={"sort": key, "descending": key in _DESCENDING_FIRST})

    def is_filtered(self) -> bool:
        return self.model_copy(update={"sort": SortKey.STARTED, "descending": True}) \
            != HistoryQuery()


_DESCENDING_FIRST = {SortKey.STARTED, SortKey.TOTAL, SortKey.DURATION, SortKey.ID}
KEYS = ("problem", "pack", "mode", "status", "level", "since", "until", "score", "sort",
        "text")
_STATUS_WORDS = {"unfinished": Status.IN_PROGRESS, "scored": Status.SUBMITTED,
                 "discarded": Status.ABANDONED, **{s.value: s for s in Status}}
_SCORE = re.compile(r"^(?:(?P<op><=|>=|<|>|=)?(?P<a>\d+(?:\.\d+)?)"
                    r"(?:-(?P<b>\d+(?:\.\d+)?))?)$")


_QUOTED = re.compile(r'"([^"]*)"')


class FilterError(ValueError):
    """A filter term that cannot be read; the message says which and how to write it."""


def parse_filter(text: str, base: HistoryQuery | None = None) -> HistoryQuery:
    """The query a line of filter text asks for, keeping `base`'s sort order."""
    base = base or HistoryQuery()
    fields: dict[str, object] = {"sort": base.sort, "descending": base.descending}
    words: list[str] = []
    phrases = [" ".join(p.split()) for p in _QUOTED.findall(text) if p.strip()]
    rest = _QUOTED.sub(" ", text)
    if '"' in rest:
        raise FilterError('a quote is not closed: write a phrase as "consistent hashing"')
    for term in rest.split():
        key, sep, value = term.partition(":")
        if not sep:
            words.append(term.lower())
            continue
        key = key.lower()
        if key not in KEYS:
            close = get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise FilterError(f"unknown filter '{key}:'{hint}; filters are "
                              + ", ".join(f"{k}:" for k in KEYS))
        if not value:
            raise FilterError(f"'{key}:' needs a value, e.g. {_EXAMPLES[key]}")
        if key == "text":
            phrases.append(value)
            continue
        fields.update(_read_term(key, value))
    fields["words"] = tuple(words)
    fields["phrases"] = tuple(dict.fromkeys(p.lower() for p in phrases))
    return HistoryQuery(**fields)


_EXAMPLES = {"problem": "problem:newsfeed", "pack": "pack:core", "mode": "mode:drill",
             "status": "status:unfinished", "level": "level:senior",
             "since": "since:2026-11-01", "until": "until:2026-11-30",
             "score": "score:<50 or score:40-70", "sort": "sort:total",
             "text": 'text:geohash or "consistent hashing"'}


def _read_term(key: str, value: str) -> dict[str, object]:
    lowered = value.lower()
    if key in ("problem", "pack", "level"):
        return {key: lowered}
    if key == "mode":
        return {"mode": _choice(key, lowered, {m.value: m for m in Mode})}
    if key == "status":
        return {"status": _choice(key, lowered, _STATUS_WORDS)}
    if key in ("since", "until"):
        try:
            return {key: date.fromisoformat(value)}
        except ValueError:
            raise FilterError(f"'{key}:{value}' is not a date; write it as "
                              f"{_EXAMPLES[key]}") from None
    if key == "sort":
        descending = not lowered.endswith("+")
        sort = _choice(key, lowered.rstrip("+-"), {k.value: k for k in SortKey})
        return {"sort": sort, "descending": descending}
    return _score_range(value)


def _choice(key: str, value: str, options: dict[str, object]) -> object:
    if value in options:
        return options[value]
    close = get_close_matches(value, list(options), n=1)
    hint = f"did you mean '{key}:{close[0]}'? " if close else ""
    raise FilterError(f"'{key}:{value}' is not known; {hint}choose from "
                      + ", ".join(options))


def _score_range(value: str) -> dict[str, object]:
    match = _SCORE.match(value)
    if match is None:
        raise FilterError(f"'score:{value}' is not a score range; write e.g. "
                          f"{_EXAMPLES['score']}")
    op, a, b = match["op"], float(match["a"]), match["b"]
    if b is not None:
        if op:
            raise FilterError(f"'score:{value}': write a range as score:40-70, without {op}")
        low, high = sorted((a, float(b)))
        return {"min_total": low, "max_total": high}
    return {"<": {"max_total": a - 1e-9}, "<=": {"max_total": a}, ">": {"min_total": a + 1e-9},
            ">=": {"min_total": a}, None: {"min_total": a},  # a bare number is a floor
            "=": {"min_total": a - 0.5, "max_total": a + 0.5 - 1e-9}}[op]  # as shown, rounded
