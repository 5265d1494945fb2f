"""A HistoryQuery applied in Python: the in-memory repository's twin of the SQL filter."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import timedelta

from coach.domain.attempt import AttemptSummary
from coach.review.query import HistoryQuery, SortKey

_WORD = re.compile(r"[^\W_]+")  # letters and digits: "_" and punctuation split words


def words_of(text: str) -> list[str]:
    """Lower-case words without accents, as the full-text index splits them."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return _WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))


def has_phrase(texts: Iterable[str], phrase: str) -> bool:
    """Whether `phrase`'s words appear in this order, side by side, in one of `texts`."""
    wanted = words_of(phrase)
    if not wanted:
        return True
    for text in texts:
        words = words_of(text)
        if any(words[i:i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1)):
            return True
    return False


def matches(summary: AttemptSummary, query: HistoryQuery, title: str | None = None) -> bool:
    """Whether the attempt is one `query` selects; problem words are matched against
    `title` when given (the SQL repository uses each problem's latest title)."""
    q = query
    haystack = f"{summary.problem_id} {title or summary.problem_title}".lower()
    day = summary.started_at.date()
    checks = (
        all(word in haystack for word in q.words),
        q.problem is None or summary.problem_id == q.problem,
        q.pack is None or summary.pack_id == q.pack,
        q.mode is None or summary.mode is q.mode,
        q.status is None or summary.status is q.status,
        q.level is None or summary.level == q.level,
        q.since is None or day >= q.since,
        q.until is None or day < q.until + timedelta(days=1),
        q.min_total is None or (summary.total is not None and summary.total >= q.min_total),
        q.max_total is None or (summary.total is not None and summary.total <= q.max_total),
    )
    return all(checks)


def ordered(summaries: list[AttemptSummary], query: HistoryQuery) -> list[AttemptSummary]:
    """Sorted as the SQL repository sorts: unscored attempts last, then newest id first."""
    by_id = sorted(summaries, key=lambda s: s.id, reverse=True)
    value = {
        SortKey.STARTED: lambda s: s.started_at, SortKey.PROBLEM: lambda s: s.problem_title,
        SortKey.MODE: lambda s: s.mode.value, SortKey.LEVEL: lambda s: s.level,
        SortKey.STATUS: lambda s: s.status.value, SortKey.TOTAL: lambda s: s.total,
        SortKey.DURATION: lambda s: s.elapsed_seconds, SortKey.ID: lambda s: s.id,
    }[query.sort]
    present = [s for s in by_id if value(s) is not None]
    absent = [s for s in by_id if value(s) is None]
    return sorted(present, key=value, reverse=query.descending) + absent

