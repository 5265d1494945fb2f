"""The step-2 checker: redone arithmetic and reference ranges, and never a false alarm."""

# ruff: noqa: RUF001  (estimates are written with the multiplication sign)

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from coach.domain.estimate import EstimateUnit, ReferenceEstimate
from coach.scoring.estimates import check_arithmetic, compare_to_references

CALIBRATION = Path(__file__).parent.parent / "calibration"

CORRECT = [
    "100M requests/day ≈ 1,160 QPS",
    "100M requests/day ÷ 100,000 ≈ 1,000 QPS",  # a day rounded to 100,000 s
    "5 B reads / 86,400 ≈ 58 K QPS",
    "1 KB × 100 M/day ≈ 100 GB/day",
    "60K QPS × 3 (peak) = 180K QPS",
    "10 TB/day × 365 × 5 years ≈ 18 PB",
    "1 KiB × 1M = 1 GB",  # 1024 against 1000
    "1 KB × 1,048,576 ≈ 1 GiB",
    "2 KB × 1,160/s ≈ 200 GB/day",
    "20 M DAU × 1.25 rides = 25 M rides/day",
    "25,000,000 ÷ 86,400 ≈ 290 rides/s",
    "10M DAU × 10 reads/day ≈ 1,160 QPS",
    "50 GB/day × 30 = 1.5 TB/month",
    "1,160 QPS × 86,400 ≈ 100M/day",
    "1,000 QPS × 50 ms = 50 concurrent",
    "10% of 100M = 10M",
    "300 TB/month × 12 ≈ 3.6 PB/year",
    "100K QPS / 10K per server = 10 servers",
    "If there are 10 million rides a day, that is about 116 rides per second",
    "- **Storage:** 100 M × 1 KB = 100 GB/day; × 365 ≈ 36.5 TB/year",
    "4 B ÷ 86,400 s ≈ 46 K feed reads per second (QPS)",  # 4 B is four billion here
    "Feed cache: 200 M users × 500 post ids × 8 B = 800 GB of RAM",  # and 8 B is bytes
    "1 M online drivers ÷ 4 s = 250 K location updates/s",
    "100 TB ÷ 86,400 s ≈ 1.16 GB/s ≈ 9.3 Gbps",
]


@pytest.mark.parametrize("line", CORRECT)
def test_correct_arithmetic_is_checked_and_passes(line):
    checks = check_arithmetic(line)
    assert checks, "expected the line to be checked"
    assert [c.message for c in checks if not c.ok] == []
    assert all(0.5 <= c.ratio <= 2 for c in checks)


WRONG = [  # line, the correct figure in the stated unit, how the message shows it, the factor
    ("100M requests/day ≈ 12K QPS", 1157.4, "1.2K/s", "10× too high"),
    ("5 B reads / 86,400 ≈ 5.8 K QPS", 57870, "58K/s", "10× too low"),
    ("1 KB × 100 M/day ≈ 1 TB/day", 1e11, "100 GB/day", "10× too high"),
    ("60K QPS × 3 (peak) = 1.8M QPS", 1.8e5, "180K/s", "10× too high"),
    ("10 TB/day × 365 × 5 years ≈ 180 PB", 1.825e16, "18 PB", "9.9× too high"),
    ("25,000,000 ÷ 86,400 ≈ 2,900 rides/s", 289.35, "289/s", "10× too high"),
    ("20 M DAU × 1.25 rides = 250 M rides/day", 2.5e7, "25M/day", "10× too high"),
    ("50 GB × 365 ≈ 1.8 PB/year", 1.825e13, "18 TB/year", "99× too high"),
    ("1 Gbps ≈ 1 GB/s", 1.25e8, "125 MB/s", "8× too high"),
    ("10 million rides a day, that is about 10,000 rides per second", 115.74, "116/s",
     "86× too high"),
]


@pytest.mark.parametrize(("line", "expected", "shown", "factor"), WRONG)
def test_wrong_arithmetic_is_flagged_with_the_correct_figure(line, expected, shown, factor):
    [check] = check_arithmetic(line)
    assert not check.ok
    assert check.expected == pytest.approx(expected, rel=0.01)
    assert check.ratio == pytest.approx(check.stated / check.expected)
    assert check.message.startswith("Line 1: ")
    assert f"is about {shown}, not " in check.message
    assert check.message.endswith(f"({factor}).")


@pytest.mark.parametrize("sign", ["=", "≈", "~=", "~", "->", "→", "=>", "is about", "is roughly",
                                  "comes to", "works out to", "equals", "gives", ", so"])
def test_every_relation_sign_and_phrase_is_read(sign):
    assert [c.ok for c in check_arithmetic(f"5 B reads / 86,400 {sign} 58 K QPS")] == [True]
    assert [c.ok for c in check_arithmetic(f"5 B reads / 86,400 {sign} 580 K QPS")] == [False]


@pytest.mark.parametrize(("left", "right"), [
    *((f"1 KB {op} 100 M/day", "100 GB/day") for op in ("×", "x", "*", "times", "multiplied by")),
    *((f"5 B reads {op} 86,400", "58 K QPS") for op in ("/", "÷", "divided by", "per")),
])
def test_every_operator_is_read(left, right):
    assert [c.ok for c in check_arithmetic(f"{left} ≈ {right}")] == [True]
    [check] = check_arithmetic(f"{left} ≈ {right.replace(' ', '0 ', 1)}")
    assert not check.ok and check.ratio == pytest.approx(10, rel=0.02)


def test_message_names_the_line_and_the_figure():
    text = "## 2. Estimate scale\n\nAssume 100M requests a day.\n100M/day ≈ 12K/s\n"
    [check] = check_arithmetic(text)
    assert check.message == "Line 4: 100M/day is about 1.2K/s, not 12K/s (10× too high)."
    assert (check.line_number, check.line, check.unit) == (4, "100M/day ≈ 12K/s", "count/second")
    assert check.stated == 12e3


AMBIGUOUS = [
    "We expect 100M users, so 10 app servers.",
    "1 server ≈ 10K QPS",
    "1 server = 8 cores",
    "10M users and 1M writes = 11M ops",
    "10 servers + 5 servers = 15 servers",
    "100 M users with 3 replicas = 300 M",
    "10% active = 10M",
    "Peak QPS ≈ 3,500",
    "Latency = 200 ms",
    "1 KB × 100 M/day ≈ 100 QPS",
    "10M users 2 KB each = 20 TB",
    "scale from 10 servers → 100 servers",
    "1 server handles 10K QPS, so 100K QPS total",
    "10K QPS × 3 = 30-60K QPS",
    "Each rider is pushed 1 update / 5 s → ~52k push/s",
    "500k drivers × 21,600 pings/day (86,400 / 4) ≈ 10.8B pings",
    "read/write ratio ≈ 3:1",
    "25M × 2 = 5 × 10M",
]


@pytest.mark.parametrize("line", AMBIGUOUS)
def test_lines_that_read_more_than_one_way_get_no_check(line):
    assert check_arithmetic(line) == []


def test_a_chain_is_checked_link_by_link():
    checks = check_arithmetic("20 M DAU × 1.25 rides = 25 M rides/day ÷ 86,400 ≈ 2,900 rides/s")
    assert [c.ok for c in checks] == [True, False]
    assert checks[1].expected == pytest.approx(289.35, rel=0.01)
    checks = check_arithmetic("Cache: 800 ids × 8 B = 64 KB/user × 200M ≈ 13 TB")
    assert [c.ok for c in checks] == [False, True]
    assert checks[0].expected == pytest.approx(6400)


def test_lines_are_numbered_within_the_text_and_kept_as_written():
    text = "Reads:\n  - 200 M × 20 = 4 B feed loads/day  \n\nWrites: 200 M × 0.5 = 10 M posts/day"
    checks = check_arithmetic(text)
    assert [(c.line_number, c.ok) for c in checks] == [(2, True), (4, False)]
    assert checks[0].line == "- 200 M × 20 = 4 B feed loads/day"
    with pytest.raises(dataclasses.FrozenInstanceError):
        checks[0].ok = False  # type: ignore[misc]


PACK_REFERENCE_LINES = [  # from the built-in problems' reference answers, verbatim
    "- Assume 20 M DAU, 1.25 rides each per day: 20 M × 1.25 = 25 M rides/day.",
    "- Ride requests: 25,000,000 ÷ 86,400 ≈ 290 rides/s (≈ 290 QPS); peak = 3 × 290 ≈ 870 "
    "rides/s on Friday nights.",
    "- Fare estimates, about 4 per booked ride: 4 × 25 M = 100 M/day ≈ 1,160/s; peak 3 × 1,160 "
    "≈ 3,500/s.",
    "- Live tracking: 870 rides/s × 1,500 s (pickup plus ride) ≈ 1.3 M active trips; 1.3 M ÷ 4 s "
    "≈ 325,000 position pushes/s.",
    "- Location history: 500 K drivers online on average; 500,000 ÷ 4 = 125,000 pings/s; 125,000 "
    "× 86,400 ≈ 10.8 billion pings/day; 10.8 billion × 100 bytes ≈ 1.08 TB/day; 1.08 TB × 365 ≈ "
    "394 TB/year raw; compress, archive after 90 days.",
    "- 20 B ÷ 86,400 ≈ 231 K inserts/s; peak 2× ≈ 463 K inserts/s",
    "- Media: 100 M × 20% = 20 M media posts/day; 20 M × 500 KB = 10 TB/day; × 365 = 3.65 PB/year",
    "- 46 K reads/s × 20 posts × 1 KB ≈ 920 MB/s ≈ 7.4 Gbps of feed responses.",
    "- Egress: 600 M × 500 KB = 300 TB/day ≈ 3.47 GB/s ≈ 27.8 Gbps, peak ≈ 83 Gbps.",
    "- Metadata: 500 M users × 2,000 files = 1 trillion file rows × 500 B ≈ 500 TB, so it must "
    "be sharded.",
]


def test_reference_answers_pass_and_most_of_their_arithmetic_is_checked():
    checks = check_arithmetic("\n".join(PACK_REFERENCE_LINES))
    assert [c.message for c in checks if not c.ok] == []
    assert len(checks) >= 22
    assert {c.line_number for c in checks} == set(range(1, len(PACK_REFERENCE_LINES) + 1))


@pytest.mark.parametrize("path", sorted(CALIBRATION.glob("*/strong*.md")), ids=str)
def test_strong_calibration_answers_are_never_flagged(path):
    checks = check_arithmetic(path.read_text(encoding="utf-8"))
    assert checks
    assert [c.message for c in checks if not c.ok] == []


def test_the_weak_ride_sharing_answer_gets_its_rate_corrected():
    checks = check_arithmetic((CALIBRATION / "ride-sharing" / "weak.md").read_text("utf-8"))
    assert [c.line_number for c in checks if not c.ok] == [7]


# Reference ranges

def ref(**changes) -> ReferenceEstimate:
    fields = {"id": "ride.peak-qps", "label": "peak ride requests per second",
              "unit": "per_second", "low": 1e4, "high": 1e5, "terms": ["qps", "peak"]}
    return ReferenceEstimate(**(fields | changes))


STORAGE = ref(id="ride.trip-storage", label="trip storage per day", unit="bytes_per_day",
              low=1e10, high=1e11, terms=["trip storage", "trips"])


@pytest.mark.parametrize("changes", [
    {"low": 10.0, "high": 5.0}, {"low": 0.0}, {"low": -1.0}, {"high": float("inf")},
    {"terms": []}, {"id": "Bad Id"}, {"unit": "per_hour"}, {"colour": "red"},
])
def test_reference_estimate_rejects_bad_data(changes):
    with pytest.raises(ValidationError):
        ref(**changes)


def test_reference_estimate_is_frozen_and_typed():
    reference = ref()
    assert reference.unit is EstimateUnit.PER_SECOND
    with pytest.raises(ValidationError):
        reference.low = 1.0  # type: ignore[misc]


def test_a_figure_far_outside_its_range_is_flagged_with_the_range():
    text = "Users: 20 M DAU.\nPeak is about 2M QPS"
    [check] = compare_to_references(text, [ref()])
    assert (check.line_number, check.reference_id, check.ok) == (2, "ride.peak-qps", False)
    assert check.stated == 2e6
    assert check.message == ("Line 2: 2M QPS is far outside the expected range for peak ride "
                             "requests per second (about 10K–100K/s); recheck the inputs.")


@pytest.mark.parametrize(("line", "ok"), [
    ("Peak: 60K QPS × 3 = 180K QPS", True),
    ("peak 3x ≈ 3,500 QPS", True),  # below the range, within 3 times of it
    ("peak 3x ≈ 3,000 QPS", False),
    ("Peak QPS = 290,000/s", True),
    ("Peak QPS = 310,000/s", False),
    ("Peak: 1,000M requests/day ≈ 11.6K QPS", True),  # the final stated figure counts
    ("Peak: 1,000M requests/day ≈ 1.16K QPS", False),
])
def test_the_range_is_widened_three_times_each_way(line, ok):
    [check] = compare_to_references(line, [ref()])
    assert check.ok is ok


def test_rates_are_converted_to_the_reference_unit():
    [check] = compare_to_references("Trips: 25 M/day × 2 KB = 50 GB/day; 50 GB × 365 ≈ 18 TB",
                                    [STORAGE])
    assert check.stated == 5e10 and check.ok
    [check] = compare_to_references("Trip storage ≈ 580 KB/s", [STORAGE])
    assert check.stated == pytest.approx(5.0e10, rel=0.01)


@pytest.mark.parametrize("line", [
    "We need 20 servers at peak",  # a count, not a rate
    "Peak QPS 870",  # a bare number: no unit to compare
    "Throughput ≈ 2M requests/s",  # no term of the reference
    "The qpsmax setting is 2M/s",  # terms match whole words only
    "Peak: 30-60K QPS",
])
def test_no_range_check_when_unit_or_term_does_not_fit(line):
    assert compare_to_references(line, [ref()]) == []


def test_two_references_that_fit_equally_well_give_no_check():
    other = ref(id="ride.location-qps", label="location writes per second", low=1e5, high=1e6)
    assert compare_to_references("Peak ≈ 2M QPS", [ref(), other]) == []
    better = ref(terms=["qps", "peak", "ride requests"])
    [check] = compare_to_references("Peak ride requests ≈ 2M QPS", [better, other])
    assert check.reference_id == "ride.peak-qps"


# Properties

NUMBERISH = "0123456789.,kKmMbB x×*/÷=≈~%^()-→ "
WORDS = ["KB", "MB", "GB", "TB", "KiB", "bytes", "B", "QPS", "DAU", "per", "second", "day",
         "/s", "/day", "a day", "daily", "years", "ms", "users", "of", "is about", "so",
         "gives", "peak", "1e400", "10^9999", "(peak)", "\n"]
numberish_text = st.lists(st.one_of(st.text(alphabet=NUMBERISH, max_size=10),
                                    st.sampled_from(WORDS)), max_size=30).map(" ".join)
REFERENCES = [ref(unit=unit, terms=["qps", "peak", "b", "x"]) for unit in EstimateUnit]


@settings(max_examples=300)
@given(st.one_of(st.text(), st.text(alphabet=NUMBERISH), numberish_text))
def test_checkers_never_raise(text):
    for check in check_arithmetic(text):
        assert check.ok == (check.message == "")
        assert check.ratio == pytest.approx(check.stated / check.expected)
    for check in compare_to_references(text, REFERENCES):
        assert check.ok == (check.message == "")


@given(st.one_of(st.integers(1, 10**9), st.floats(1, 1e9)),
       st.sampled_from(["requests/day", "requests per day", "writes a day", "messages daily",
                        "reads/d"]),
       st.sampled_from([" QPS", "/s", " per second", " writes/s", " RPS"]))
def test_a_per_day_to_per_second_conversion_is_checked(a, left, right):
    assume(a / 86400 >= 1)
    [check] = check_arithmetic(f"{a:,} {left} ≈ {a / 86400:,.0f}{right}")
    assert check.ok
    [check] = check_arithmetic(f"{a:,} {left} ≈ {a * 10 / 86400:,.0f}{right}")
    assert not check.ok
    assert check.expected == pytest.approx(a / 86400)


@pytest.mark.parametrize("line", [
    # A left side that is only part of the expression: the divisor in parentheses.
    "2^41 ms = 2.2 × 10^12 ms ÷ (1,000 × 86,400 × 365) ≈ 69.7 years from the epoch",
    # A count times a duration, stated as hours of video: not a plain count.
    "Transcode compute: 1M × 10 min ≈ 167k video-hours/day",
    # A per-item size restated next to a total computed from other figures.
    "Inventory rows: 5,000 hotels × ~10 room types × 365 days ≈ 18M rows/year, ~100 B each "
    "≈ 1.8 GB.",
    "The trie has ~1B nodes at 100 B/node ≈ 100 GB before compression.",
])
def test_lines_from_held_out_answers_are_not_flagged(line):
    assert [check.message for check in check_arithmetic(line) if not check.ok] == []
