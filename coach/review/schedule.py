"""The what-next queue: which step of which problem to practise next, by spaced repetition.

Every (problem id, step) that has been scored is one FSRS card. Its step scores, oldest
first, are replayed as reviews through a scheduler with no learning or relearning steps
(interview drills come back after days, not minutes) and no fuzzing (the same scores
always give the same queue). A low score brings the step back soon; a step answered well
again and again drifts weeks away.

`fsrs` is imported on first use, so importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from coach.review.progress import StepReview

if TYPE_CHECKING:
    from fsrs import Rating, Scheduler

# Step score (0-100) to FSRS rating. A step score is the share of its rubric points earned.
# Under half, the step would sink the interview: start the card over (Again), so it comes
# back within days. (FSRS reads Hard as "recalled with effort" and still lengthens the
# interval, which is wrong for a step that failed.)
AGAIN_BELOW = 50.0
# Under 65 (the senior hire band) the main points were only partly there: Hard.
HARD_BELOW = 65.0
# Under 80 the step would pass but is not yet a strong answer: Good. 80 and up (the senior
# strong-hire bar) is Easy, and the step can wait longest.
GOOD_BELOW = 80.0

# FSRS would put a step answered well a few times years away (Easy, Easy: 8, then 74,
# then 471 days). Interview preparation runs for weeks or months: bring every step
# back within two months at most.
MAX_INTERVAL_DAYS = 60

_DAY_SECONDS = 86_400.0


class QueueItem(BaseModel):
    """One step of one problem in the queue, with when it is due and why."""

    model_config = ConfigDict(frozen=True)

    problem_id: str
    step: int
    due: datetime
    last_score: float
    reviews: int  # scored attempts of this step replayed into the card
    overdue_days: float  # negative while it is not yet due
    reason: str  # e.g. "due 3 days ago · last 42"


def rating_for(score: float) -> Rating:
    """The FSRS rating a step score stands for (see the thresholds above)."""
    from fsrs import Rating

    return _rating(score, Rating)


def _rating(score: float, Rating: type[Rating]) -> Rating:
    if score < AGAIN_BELOW:
        return Rating.Again
    if score < HARD_BELOW:
        return Rating.Hard
    if score < GOOD_BELOW:
        return Rating.Good
    return Rating.Easy


@cache
def _scheduler() -> Scheduler:
    from fsrs import Scheduler

    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False,
                     maximum_interval=MAX_INTERVAL_DAYS)


# Replaying a card is most of the cost (fsrs takes ~10 us a review) and the home screen
# schedules again each time it is shown, mostly from the same histories: keep the results.
@lru_cache(maxsize=4096)
def _replay(history: tuple[tuple[datetime, float], ...]) -> datetime:
    """When a card with these (time, score) reviews, oldest first, is next due."""
    from fsrs import Card, Rating

    scheduler = _scheduler()
    # An explicit id and due date: Card() would otherwise read the clock and sleep 1 ms.
    card = Card(card_id=0, due=history[0][0])
    for at, score in history:
        card, _ = scheduler.review_card(card, _rating(score, Rating), review_datetime=at)
    return card.due


def _utc(moment: datetime) -> datetime:
    """fsrs wants `timezone.utc` itself; a naive time from storage is taken as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _days_overdue(due: datetime, now: datetime) -> int:
    """Calendar days from `due` to `now`, in `now`'s time zone; negative before `due`."""
    return (now.date() - due.astimezone(now.tzinfo).date()).days


def _reason(due: datetime, now: datetime, last_score: float) -> str:
    """'due 3 days ago', 'due today', 'due in 2 days'."""
    days = _days_overdue(due, now)
    if days == 0:
        when = "due today"
    elif days == 1:
        when = "due yesterday"
    elif days == -1:
        when = "due tomorrow"
    elif days > 0:
        when = f"due {days} days ago"
    else:
        when = f"due in {-days} days"
    return f"{when} · last {last_score:.0f}"


def what_next(reviews: Iterable[StepReview], now: datetime, limit: int = 5) -> list[QueueItem]:
    """Up to `limit` steps to practise: the due ones first, most overdue first (ties: the
    lower last score first), then, when fewer are due, the ones due soonest.

    `reviews` may come in any order; each step's are replayed oldest first. `now` must be
    time-zone aware; "today" in the reasons is its calendar day.
    """
    if limit <= 0:
        return []
    if now.tzinfo is None:
        raise ValueError("now must be time-zone aware")
    cards: dict[tuple[str, int], list[tuple[datetime, float]]] = {}
    for review in reviews:
        cards.setdefault((review.problem_id, review.step), []).append(
            (_utc(review.at), review.score))

    due_now: list[QueueItem] = []
    upcoming: list[QueueItem] = []
    for (problem_id, step), history in cards.items():
        history.sort(key=lambda pair: pair[0])  # stable: same-time reviews keep their order
        due = _replay(tuple(history))
        last_score = history[-1][1]
        overdue = (now - due).total_seconds() / _DAY_SECONDS
        item = QueueItem(problem_id=problem_id, step=step, due=due, last_score=last_score,
                         reviews=len(history), overdue_days=overdue,
                         reason=_reason(due, now, last_score))
        (due_now if overdue >= 0 else upcoming).append(item)

    # "Most overdue" in whole days, as the reasons show it, so that among the steps due
    # the same day the weaker one comes first.
    due_now.sort(key=lambda i: (-_days_overdue(i.due, now), i.last_score, -i.overdue_days,
                                i.problem_id, i.step))
    upcoming.sort(key=lambda i: (i.due, i.last_score, i.problem_id, i.step))
    return (due_now + upcoming)[:limit]
