"""The what-next queue: step scores replayed through FSRS into what to practise next."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fsrs import Rating

from coach.review import schedule
from coach.review.progress import StepReview
from coach.review.schedule import (
    AGAIN_BELOW,
    GOOD_BELOW,
    HARD_BELOW,
    MAX_INTERVAL_DAYS,
    QueueItem,
    rating_for,
    what_next,
)
from tests.helpers import FIXED_NOW

NOW = FIXED_NOW


def review(problem: str, step: int, days_ago: float, score: float) -> StepReview:
    return StepReview(problem_id=problem, step=step, at=NOW - timedelta(days=days_ago),
                      score=score)


def only(reviews: list[StepReview], now: datetime = NOW) -> QueueItem:
    [item] = what_next(reviews, now)
    return item


@pytest.mark.parametrize(("score", "rating"), [
    (0, Rating.Again), (AGAIN_BELOW - 0.1, Rating.Again),
    (AGAIN_BELOW, Rating.Hard), (HARD_BELOW - 0.1, Rating.Hard),
    (HARD_BELOW, Rating.Good), (GOOD_BELOW - 0.1, Rating.Good),
    (GOOD_BELOW, Rating.Easy), (100, Rating.Easy),
])
def test_a_step_score_maps_to_a_rating(score, rating):
    assert rating_for(score) is rating


def test_the_thresholds_rise():
    assert 0 < AGAIN_BELOW < HARD_BELOW < GOOD_BELOW < 100


def test_a_low_score_comes_back_sooner_than_a_high_one():
    low = only([review("newsfeed", 3, 0, 20)])
    high = only([review("newsfeed", 3, 0, 90)])
    assert low.due < high.due
    assert low.due >= NOW + timedelta(days=1)  # reviewed in days, never minutes


def test_a_step_answered_well_again_and_again_drifts_further_away():
    history: list[StepReview] = []
    intervals: list[timedelta] = []
    at = NOW - timedelta(days=200)
    for _ in range(4):  # each time on the day it falls due
        history.append(StepReview(problem_id="newsfeed", step=2, at=at, score=70))
        item = only(history, now=at)
        intervals.append(item.due - at)
        at = item.due
    assert intervals == sorted(intervals) and intervals[-1] > intervals[0]
    assert item.reviews == 4
    assert intervals[-1] <= timedelta(days=MAX_INTERVAL_DAYS)


def test_a_weak_score_after_good_ones_brings_the_step_back_at_once():
    good = [review("newsfeed", 6, 40, 75), review("newsfeed", 6, 30, 80)]
    weak_again = only([*good, review("newsfeed", 6, 1, 20)])
    good_again = only([*good, review("newsfeed", 6, 1, 85)])
    assert weak_again.due <= NOW + timedelta(days=3)
    assert good_again.due > weak_again.due + timedelta(days=10)


def test_due_steps_come_first_most_overdue_first_then_the_soonest_upcoming():
    reviews = [
        review("newsfeed", 1, 0, 95),  # due in 8 days
        review("newsfeed", 2, 6, 20),  # due 5 days ago
        review("chat", 3, 10, 40),  # due 9 days ago
        review("chat", 4, 0, 70),  # due in 2 days
        review("chat", 5, 0, 10),  # due tomorrow
    ]
    queue = what_next(reviews, NOW)
    assert [(i.problem_id, i.step) for i in queue] == [
        ("chat", 3), ("newsfeed", 2), ("chat", 5), ("chat", 4), ("newsfeed", 1)]
    assert [i.overdue_days > 0 for i in queue] == [True, True, False, False, False]
    assert what_next(reviews, NOW, limit=2) == queue[:2]
    assert what_next(reviews, NOW, limit=0) == []


def test_steps_due_the_same_day_put_the_weaker_first():
    # Both were due 3 days ago, a few hours apart: the lower last score leads.
    reviews = [review("chat", 1, 4.2, 50), review("newsfeed", 1, 4, 10)]
    queue = what_next(reviews, NOW)
    assert [(i.problem_id, i.last_score) for i in queue] == [("newsfeed", 10), ("chat", 50)]
    assert queue[0].overdue_days < queue[1].overdue_days  # though overdue a little less


def test_the_limit_keeps_the_most_overdue_when_many_are_due():
    reviews = [review("newsfeed", step, 10 + step, 30) for step in range(1, 8)]
    assert [i.step for i in what_next(reviews, NOW, limit=3)] == [7, 6, 5]


def test_the_reason_says_how_far_off_it_is_and_the_last_score():
    assert only([review("newsfeed", 2, 4, 42)]).reason == "due 3 days ago · last 42"
    assert only([review("newsfeed", 2, 1, 58)]).reason == "due today · last 58"
    assert only([review("newsfeed", 2, 0, 71)]).reason == "due in 2 days · last 71"
    assert only([review("newsfeed", 2, 2, 50)]).reason == "due yesterday · last 50"
    assert only([review("newsfeed", 2, 0, 50)]).reason == "due tomorrow · last 50"


def test_the_figures_of_an_item():
    item = only([review("newsfeed", 2, 30, 90), review("newsfeed", 2, 25, 20),
                 review("newsfeed", 2, 20, 42)])
    assert item.problem_id == "newsfeed" and item.step == 2
    assert item.last_score == 42 and item.reviews == 3
    assert item.due < NOW and item.overdue_days > 0
    item = only([review("newsfeed", 2, 4, 42)])  # a first Hard: one day
    assert item.due == NOW - timedelta(days=3)
    assert item.overdue_days == pytest.approx(3.0)
    later = only([review("newsfeed", 2, 0, 71)])
    assert later.overdue_days == pytest.approx(-2.0)


def test_the_queue_is_the_same_whatever_the_order_of_the_reviews_and_every_time():
    rng = random.Random(7)
    reviews = [review(f"p{p}", s, rng.uniform(0, 90), rng.uniform(0, 100))
               for p in range(4) for s in range(1, 8) for _ in range(5)]
    first = what_next(reviews, NOW, limit=50)
    schedule._replay.cache_clear()
    shuffled = reviews[:]
    rng.shuffle(shuffled)
    assert what_next(shuffled, NOW, limit=50) == first
    assert len(first) == 28


def test_times_from_storage_may_be_naive_or_in_another_zone():
    at = NOW - timedelta(days=4)
    plus_two = timezone(timedelta(hours=2))
    expected = only([StepReview(problem_id="a", step=1, at=at, score=42)])
    naive = only([StepReview(problem_id="a", step=1, at=at.replace(tzinfo=None), score=42)])
    zoned = only([StepReview(problem_id="a", step=1, at=at.astimezone(plus_two), score=42)])
    assert naive == zoned == expected
    assert expected.due.tzinfo is UTC


def test_now_must_be_aware():
    with pytest.raises(ValueError, match="aware"):
        what_next([review("a", 1, 1, 50)], NOW.replace(tzinfo=None))


def test_no_reviews_no_queue():
    assert what_next([], NOW) == []


def test_importing_the_module_does_not_load_fsrs():
    code = "import sys, coach.review.schedule; print('fsrs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_a_full_history_schedules_every_card():
    reviews = [review(f"p{p}", s, 300 - 10 * i, (p * 7 + s * 13 + i * 29) % 101)
               for p in range(25) for s in range(1, 8) for i in range(30)]
    queue = what_next(reviews, NOW, limit=1000)
    assert len(queue) == 25 * 7 and all(item.reviews == 30 for item in queue)
    assert all(datetime(2026, 1, 1, tzinfo=UTC) < item.due for item in queue)
