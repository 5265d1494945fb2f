"""An in-memory repository with the same behaviour as the SQL one, for tests and previews."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from statistics import fmean

from coach.domain.attempt import (
    Attempt,
    AttemptSummary,
    InterviewLog,
    ProblemStats,
    Status,
    StepAnswer,
)
from coach.domain.report import ScoreReport
from coach.errors import StoreError
from coach.review.assemble import assemble_progress, week_points
from coach.review.history_filter import has_phrase, matches, ordered
from coach.review.progress import Progress, ScorePoint, StepReview
from coach.review.query import HistoryQuery
from coach.store.converters import criterion_outcomes, week_of


class MemoryRepository:
    def __init__(self) -> None:
        self._attempts: dict[int, Attempt] = {}
        self._past: dict[int, list[ScoreReport]] = {}
        self._deleted: set[int] = set()
        self._next_id = 1

    def _live(self) -> list[Attempt]:
        return [a for i, a in self._attempts.items() if i not in self._deleted]

    def _require(self, attempt_id: int) -> Attempt:
        try:
            return self._attempts[attempt_id]
        except KeyError:
            raise StoreError(f"no attempt with id {attempt_id}") from None

    def add(self, attempt: Attempt) -> Attempt:
        stored = attempt.model_copy(update={"id": self._next_id}, deep=True)
        self._next_id += 1
        self._attempts[stored.id] = stored
        return stored.model_copy(deep=True)

    def save_progress(self, attempt_id: int, answers: Sequence[StepAnswer], current_step: int,
                      at: datetime, log: InterviewLog | None = None) -> None:
        attempt = self._require(attempt_id)
        self._attempts[attempt_id] = attempt.model_copy(update={
            "answers": list(answers), "current_step": current_step, "updated_at": at,
            "log": log or attempt.log})

    def submit(self, attempt_id: int, answers: Sequence[StepAnswer], report: ScoreReport,
               at: datetime, log: InterviewLog | None = None) -> Attempt:
        attempt = self._require(attempt_id)
        self._attempts[attempt_id] = attempt.model_copy(update={
            "answers": list(answers), "report": report, "status": Status.SUBMITTED,
            "updated_at": at, "submitted_at": at, "level": report.level,
            "log": log or attempt.log})
        return self._attempts[attempt_id].model_copy(deep=True)

    def abandon(self, attempt_id: int, at: datetime) -> None:
        attempt = self._require(attempt_id)
        self._attempts[attempt_id] = attempt.model_copy(
            update={"status": Status.ABANDONED, "updated_at": at})

    def get(self, attempt_id: int) -> Attempt | None:
        attempt = self._attempts.get(attempt_id)
        return attempt.model_copy(deep=True) if attempt else None

    def latest_unfinished(self) -> Attempt | None:
        unfinished = [a for a in self._live() if a.status is Status.IN_PROGRESS]
        if not unfinished:
            return None
        return max(unfinished, key=lambda a: (a.updated_at, a.id)).model_copy(deep=True)

    def list_attempts(self, limit: int = 200, offset: int = 0,
                      query: HistoryQuery | None = None) -> list[AttemptSummary]:
        return self._selected(query)[offset:offset + limit]

    def count_attempts(self, query: HistoryQuery | None = None) -> int:
        return len(self._selected(query))

    def _selected(self, query: HistoryQuery | None) -> list[AttemptSummary]:
        query = query or HistoryQuery()
        chosen = [a for a in self._live() if all(
            has_phrase((answer.text for answer in a.answers), p) for p in query.phrases)]
        latest = {a.problem_id: a.problem_title for a in sorted(
            self._attempts.values(), key=lambda a: a.id)}  # as the SQL one: the newest title
        return ordered([s for s in map(_summary, chosen)
                        if matches(s, query, latest[s.problem_id])], query)

    def delete(self, attempt_id: int, at: datetime) -> None:
        self._require(attempt_id)
        self._deleted.add(attempt_id)

    def restore(self, attempt_id: int) -> None:
        self._require(attempt_id)
        self._deleted.discard(attempt_id)

    def purge_deleted(self) -> int:
        for attempt_id in self._deleted:
            del self._attempts[attempt_id]
            self._past.pop(attempt_id, None)
        count, self._deleted = len(self._deleted), set()
        return count

    def progress(self, recent: int = 200) -> Progress:
        live = self._live()
        scored = self._scored()
        window = scored[-recent:] if recent else []
        totals = [a.report.total for a in scored if a.drill_step is None]
        return assemble_progress(attempts=len(live), scored=len(scored),
                                 best_total=max(totals, default=None), weeks=_weeks(live),
                                 recent=[_point(a) for a in window],
                                 outcomes=[(a.id, *criterion_outcomes(a.report))
                                           for a in window])

    def step_reviews(self, per_problem: int = 30) -> list[StepReview]:
        scored = self._scored()
        kept: list[Attempt] = []
        for problem_id in {a.problem_id for a in scored}:
            kept += [a for a in scored if a.problem_id == problem_id][-per_problem:]
        kept.sort(key=lambda a: (a.started_at, a.id))
        return [StepReview(problem_id=a.problem_id, step=s.step, score=s.score,
                           at=a.submitted_at or a.started_at)
                for a in kept for s in a.report.steps]

    def _scored(self) -> list[Attempt]:
        """The live scored attempts, oldest first."""
        return sorted((a for a in self._live() if a.status is Status.SUBMITTED and a.report),
                      key=lambda a: (a.started_at, a.id))

    def rescore(self, attempt_id: int, report: ScoreReport, at: datetime) -> None:
        attempt = self._require(attempt_id)
        if attempt.status is not Status.SUBMITTED or attempt.report is None:
            raise StoreError(f"attempt {attempt_id} has no score to replace")
        self._past.setdefault(attempt_id, []).append(attempt.report)
        self._attempts[attempt_id] = attempt.model_copy(
            update={"report": report, "level": report.level})

    def past_reports(self, attempt_id: int) -> list[ScoreReport]:
        self._require(attempt_id)
        return [r.model_copy(deep=True) for r in self._past.get(attempt_id, [])]

    def scored_attempt_ids(self) -> list[int]:
        return sorted(a.id for a in self._live() if a.status is Status.SUBMITTED)

    def problem_stats(self) -> dict[str, ProblemStats]:
        stats: dict[str, ProblemStats] = {}
        for attempt in self._live():
            old = stats.get(attempt.problem_id, ProblemStats())
            total = attempt.report.total if attempt.report else None
            best = old.best if total is None else max(total, old.best or 0.0)
            stats[attempt.problem_id] = ProblemStats(attempts=old.attempts + 1, best=best)
        return stats

    def close(self) -> None:
        pass


def _summary(attempt: Attempt) -> AttemptSummary:
    return AttemptSummary(
        id=attempt.id, problem_id=attempt.problem_id, problem_title=attempt.problem_title,
        mode=attempt.mode, status=attempt.status, level=attempt.level,
        started_at=attempt.started_at, elapsed_seconds=attempt.elapsed_seconds,
        total=attempt.report.total if attempt.report else None,
        pack_id=attempt.pack_id, drill_step=attempt.drill_step,
    )


def _step_scores(attempt: Attempt) -> tuple[float | None, ...]:
    scores = {s.step: s.score for s in attempt.report.steps} if attempt.report else {}
    return tuple(scores.get(n) for n in range(1, 8))


def _point(attempt: Attempt) -> ScorePoint:
    return ScorePoint(
        attempt_id=attempt.id, problem_id=attempt.problem_id, mode=attempt.mode.value,
        drill_step=attempt.drill_step, started_at=attempt.started_at,
        total=attempt.report.total if attempt.drill_step is None else None,
        step_scores=_step_scores(attempt),
        step_seconds=tuple(a.elapsed_seconds for a in attempt.answers),
        budget_seconds=tuple(attempt.budget_seconds))


def _weeks(attempts: list[Attempt]):
    weeks: dict[date, list[Attempt]] = defaultdict(list)
    for attempt in attempts:  # the UTC week, as the SQL repository stores it
        weeks[date.fromisoformat(week_of(attempt.started_at))].append(attempt)

    def mean(values: list[float]) -> float | None:
        return fmean(values) if values else None

    rows = []
    for monday in sorted(weeks):
        group = weeks[monday]
        scored = [a for a in group if a.status is Status.SUBMITTED and a.report]
        rows.append((monday, len(group), len({a.problem_id for a in group}), len(scored),
                     mean([a.report.total for a in scored if a.drill_step is None]),
                     *(mean([s[n] for a in scored if (s := _step_scores(a))[n] is not None])
                       for n in range(7))))
    return week_points(rows)
