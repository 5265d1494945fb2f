"""An in-memory repository with the same behaviour as the SQL one, for tests and previews."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

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


class MemoryRepository:
    def __init__(self) -> None:
        self._attempts: dict[int, Attempt] = {}
        self._past: dict[int, list[ScoreReport]] = {}

    def _require(self, attempt_id: int) -> Attempt:
        try:
            return self._attempts[attempt_id]
        except KeyError:
            raise StoreError(f"no attempt with id {attempt_id}") from None

    def add(self, attempt: Attempt) -> Attempt:
        stored = attempt.model_copy(update={"id": len(self._attempts) + 1}, deep=True)
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
        unfinished = [a for a in self._attempts.values() if a.status is Status.IN_PROGRESS]
        if not unfinished:
            return None
        return max(unfinished, key=lambda a: (a.updated_at, a.id)).model_copy(deep=True)

    def list_attempts(self, limit: int = 200, offset: int = 0) -> list[AttemptSummary]:
        ordered = sorted(self._attempts.values(), key=lambda a: (a.started_at, a.id), reverse=True)
        return [_summary(a) for a in ordered[offset:offset + limit]]

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
        return sorted(i for i, a in self._attempts.items() if a.status is Status.SUBMITTED)

    def problem_stats(self) -> dict[str, ProblemStats]:
        stats: dict[str, ProblemStats] = {}
        for attempt in self._attempts.values():
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
    )
