"""Reading numbers, sizes and rates out of free text."""

# ruff: noqa: RUF001  (estimates are written with the multiplication sign)

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.scoring.numbers import Quantity, find_quantities, parse_number
from coach.scoring.units import humanise


@pytest.mark.parametrize(("text", "value"), [
    ("10M", 1e7), ("10 m", 1e7), ("10 million", 1e7), ("10 Million", 1e7), ("1e7", 1e7),
    ("1E7", 1e7), ("10,000,000", 1e7), ("10 000 000", 1e7), ("10\u202f000\u202f000", 1e7),
    ("10000000", 1e7), ("1.5k", 1500), ("1.5K", 1500), ("100K", 1e5), ("100 thousand", 1e5),
    ("2.5 billion", 2.5e9), ("2.5bn", 2.5e9), ("3B", 3e9), ("1.2 trillion", 1.2e12),
    ("~1,160", 1160), ("≈ 1,160", 1160), ("about 58K", 58e3), ("approximately 5", 5),
    ("2^32", 2**32), ("2**32", 2**32), ("10^6", 1e6), ("10⁶", 1e6), ("1.5 × 10^9", 1.5e9),
    ("0.5", 0.5), ("  42  ", 42), ("1.5e-3", 0.0015),
])
def test_parse_number_reads_every_common_form(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "", "   ", "abc", "M", "1/3", "10 MB", "10 users", "1e400", "10^999", "9" * 400, "٣",
    "v1.5", "1.2.3",
])
def test_parse_number_refuses_what_is_not_one_plain_number(text):
    assert parse_number(text) is None


def first(line: str) -> Quantity:
    found = find_quantities(line)
    assert found, f"no quantity in {line!r}"
    return found[0]


@pytest.mark.parametrize(("line", "value", "size"), [
    ("1 KB", 1e3, 1), ("1 kB", 1e3, 1), ("1 KiB", 1024, 1), ("2 MiB", 2 * 1024**2, 1),
    ("1 MB", 1e6, 1), ("1.5 GB", 1.5e9, 1), ("1 TB", 1e12, 1), ("1 PB", 1e15, 1),
    ("1 EB", 1e18, 1), ("10 gigabytes", 1e10, 1), ("100 bytes", 100, 1), ("1 byte", 1, 1),
    ("a 100-byte payload", 100, 1), ("100 B each", 100, 1), ("16 bits", 2, 1),
    ("10 Gb", 1.25e9, 1), ("10M bytes", 1e7, 1), ("2.5 million bytes", 2.5e6, 1),
    ("10M users", 1e7, 0), ("5 B reads", 5e9, 0), ("3B", 3e9, 0), ("20%", 0.2, 0),
    ("10 percent", 0.1, 0),
])
def test_sizes_are_bytes_and_counts_are_not(line, value, size):
    q = first(line)
    assert (q.value, q.bytes) == (pytest.approx(value), size)


@pytest.mark.parametrize(("line", "per", "noun"), [
    ("1,160/s", "second", None), ("5 writes/sec", "second", "writes"),
    ("100 requests per second", "second", "requests"), ("100M/day", "day", None),
    ("25 M rides/day", "day", "rides"), ("100M requests per day", "day", "requests"),
    ("1,000 writes a day", "day", "writes"), ("1,000 writes daily", "day", "writes"),
    ("100M daily requests", "day", "requests"), ("3 GB/month", "month", None),
    ("3 GB monthly", "month", None), ("18 TB per year", "year", None),
    ("2 posts/hr", "hour", "posts"), ("1.25 rides each per day", "day", "rides"),
    ("1.25 rides/user/day", "day", "rides"), ("58 K QPS", "second", "qps"),
    ("200 RPS", "second", "rps"), ("3K TPS", "second", "tps"), ("2M peak QPS", "second", "qps"),
    ("46 K feed reads per second", "second", "reads"), ("1 Gbps", "second", None),
    ("10M DAU", None, "dau"), ("10M daily active users", None, "dau"),
    ("300M MAU", None, "mau"), ("300M monthly active users", None, "mau"),
    ("2 KB per ride", None, None), ("500 K drivers online", None, "drivers"),
])
def test_rates_carry_a_normalised_time_unit_and_the_noun(line, per, noun):
    q = first(line)
    assert (q.per, q.noun) == (per, noun)


def test_dau_stays_a_count_even_when_followed_by_daily():
    q = first("20M DAU daily")
    assert (q.value, q.per, q.noun) == (2e7, None, "dau")


@pytest.mark.parametrize(("line", "seconds"), [
    ("5 years", 5 * 365 * 86400), ("86,400 s", 86400), ("30 days", 30 * 86400),
    ("50 ms", 0.05), ("4 s", 4), ("25 min", 1500),
])
def test_durations_know_their_length(line, seconds):
    assert first(line).duration_seconds == pytest.approx(seconds)


def test_a_plain_count_is_no_duration():
    assert first("5 servers").duration_seconds is None


def test_spans_and_text_point_into_the_line():
    line = "Peak: 60K QPS × 3 (peak) = 180K QPS; storage 25 M/day × 2 KB = 50 GB/day."
    found = find_quantities(line)
    assert [q.text for q in found] == ["60K QPS", "3", "180K QPS", "25 M/day", "2 KB",
                                       "50 GB/day"]
    assert all(line[q.start:q.end] == q.text for q in found)
    assert [q.value for q in found] == [6e4, 3, 1.8e5, 2.5e7, 2e3, 5e10]


@pytest.mark.parametrize("line", [
    "We run on EC2 and S3 with k8s", "version v1.5.2", "h264 video", "", "no numbers here",
    "1e400 users", "10^9999 requests", "9" * 500, "٣ users",
])
def test_words_with_digits_and_overflowing_numbers_give_nothing(line):
    assert find_quantities(line) == []


def test_a_factor_x_is_a_number_and_not_a_noun():
    q = first("a 3x peak")
    assert (q.value, q.noun, q.text) == (3, None, "3x")
    assert [q.value for q in find_quantities("60K QPS x 3")] == [6e4, 3]


def test_quantity_is_frozen_with_slots():
    q = first("10 users")
    with pytest.raises(AttributeError):
        q.value = 5  # type: ignore[misc]
    assert not hasattr(q, "__dict__")


@pytest.mark.parametrize(("value", "unit", "shown"), [
    (1157, "requests/second", "1.2K/s"), (57870, "count/second", "58K/s"),
    (1e11, "bytes", "100 GB"), (1.1e15, "bytes", "1.1 PB"), (3.5e6, "count", "3.5M"),
    (1.825e16, "bytes", "18 PB"), (999.7, "count", "1K"), (0.2, "count/second", "0.2/s"),
    (512, "bytes", "512 B"), (1e11, "bytes/day", "100 GB/day"), (289.35, "rides/second", "289/s"),
    (4.3e9, "count", "4.3B"),
])
def test_humanise(value, unit, shown):
    assert humanise(value, unit) == shown


NUMBERISH = "0123456789.,kKmMbB x×*/=≈~%^-"
UNIT_WORDS = ["KB", "MB", "GB", "TB", "PB", "KiB", "bytes", "B", "QPS", "DAU", "MAU", "per",
              "second", "day", "/s", "/day", "a day", "daily", "years", "ms", "users", "of",
              "1e400", "10^9999", "(peak)"]
numberish_text = st.lists(st.one_of(st.text(alphabet=NUMBERISH, max_size=10),
                                    st.sampled_from(UNIT_WORDS)), max_size=30).map(" ".join)


@settings(max_examples=300)
@given(st.one_of(st.text(), st.text(alphabet=NUMBERISH), numberish_text))
def test_find_quantities_never_raises_and_reports_true_spans(line):
    found = find_quantities(line)
    for q in found:
        assert line[q.start:q.end] == q.text
        assert math.isfinite(q.value) and q.value >= 0
        assert q.bytes in (0, 1)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@settings(max_examples=300)
@given(st.one_of(st.text(), st.text(alphabet=NUMBERISH), numberish_text))
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or (math.isfinite(value) and value >= 0)


@given(st.integers(min_value=0, max_value=10**15),
       st.sampled_from([("", 1), ("K", 1e3), ("k", 1e3), (" thousand", 1e3), ("M", 1e6),
                        (" million", 1e6), ("bn", 1e9), (" billion", 1e9), ("B", 1e9)]))
def test_parse_number_round_trips_integers_with_any_magnitude(n, magnitude):
    suffix, factor = magnitude
    assert parse_number(f"{n:,}{suffix}") == pytest.approx(n * factor)
    assert parse_number(f"{n}{suffix}") == pytest.approx(n * factor)
