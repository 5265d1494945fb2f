"""The one-line history filter: every key, its errors, and the sort order it keeps."""

from __future__ import annotations

from datetime import date

import pytest

from coach.domain.attempt import Mode, Status
from coach.review.query import FilterError, HistoryQuery, SortKey, parse_filter


def test_free_words_and_every_key():
    query = parse_filter("News Feed problem:newsfeed pack:Core mode:drill status:unfinished "
                         "level:staff since:2026-11-01 until:2026-11-30 score:40-70")
    assert query.words == ("news", "feed")
    assert (query.problem, query.pack, query.mode, query.status, query.level) == (
        "newsfeed", "core", Mode.DRILL, Status.IN_PROGRESS, "staff")
    assert (query.since, query.until) == (date(2026, 11, 1), date(2026, 11, 30))
    assert (query.min_total, query.max_total) == (40, 70)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("score:>=60", 60, None), ("score:60", 60, None), ("score:70-40", 40, 70),
    ("score:<=30", None, 30),
])
def test_score_ranges(text, low, high):
    query = parse_filter(text)
    assert (query.min_total, query.max_total) == (low, high)


def test_strict_bounds_exclude_the_figure():
    assert parse_filter("score:>60").min_total > 60
    assert parse_filter("score:<60").max_total < 60


@pytest.mark.parametrize(("text", "message"), [
    ("mdoe:drill", "did you mean 'mode'"),
    ("mode:dril", "did you mean 'mode:drill'"),
    ("since:yesterday", "not a date"),
    ("score:high", "not a score range"),
    ("score:>40-60", "without >"),
    ("pack:", "needs a value"),
])
def test_errors_say_what_to_write(text, message):
    with pytest.raises(FilterError, match=message):
        parse_filter(text)


def test_the_sort_order_is_kept_and_can_be_asked_for():
    base = HistoryQuery(sort=SortKey.TOTAL, descending=False)
    assert parse_filter("chat", base).sort is SortKey.TOTAL
    assert not parse_filter("chat", base).descending
    asked = parse_filter("sort:duration+")
    assert (asked.sort, asked.descending) == (SortKey.DURATION, False)


def test_sorting_the_same_column_again_reverses_it():
    query = HistoryQuery().sorted_by(SortKey.TOTAL)
    assert query.descending
    assert not query.sorted_by(SortKey.TOTAL).descending
    assert query.sorted_by(SortKey.PROBLEM).descending is False  # names read A to Z first


def test_is_filtered_ignores_the_sort():
    assert not HistoryQuery(sort=SortKey.TOTAL).is_filtered()
    assert parse_filter("mode:mock").is_filtered()


def test_quoted_phrases_and_text_terms_search_the_answers():
    query = parse_filter('chat "Consistent   Hashing" text:GeoHash mode:mock')
    assert query.words == ("chat",) and query.mode is Mode.MOCK
    assert query.phrases == ("consistent hashing", "geohash")
    with pytest.raises(FilterError, match="not closed"):
        parse_filter('"consistent hashing')
