"""The repository interface screens and commands talk to, whatever stores the attempts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from coach.domain.attempt import (
    Attempt,
    AttemptSummary,
    InterviewLog,
    ProblemStats,
    StepAnswer,
)
from coach.domain.report import ScoreReport
from coach.review.progress import Progress, StepReview
from coach.review.query import HistoryQuery


class Repository(Protocol):
    def add(self, attempt: Attempt) -> Attempt:
        """Store a new attempt; returns it with its id."""

    def save_progress(self, attempt_id: int, answers: Sequence[StepAnswer], current_step: int,
                      at: datetime, log: InterviewLog | None = None) -> None:
        """Overwrite the answers and step times (and the log, when given) of an attempt."""

    def submit(self, attempt_id: int, answers: Sequence[StepAnswer], report: ScoreReport,
               at: datetime, log: InterviewLog | None = None) -> Attempt:
        """Store the final answers and the score; the attempt is no longer resumable."""

    def abandon(self, attempt_id: int, at: datetime) -> None:
        """Keep the text but stop offering the attempt for resume."""

    def get(self, attempt_id: int) -> Attempt | None: ...

    def latest_unfinished(self) -> Attempt | None: ...

    def list_attempts(self, limit: int = 200, offset: int = 0,
                      query: HistoryQuery | None = None) -> list[AttemptSummary]:
        """The attempts `query` selects, in its order (newest first by default); deleted
        attempts are left out."""

    def count_attempts(self, query: HistoryQuery | None = None) -> int:
        """How many attempts `query` selects."""

    def delete(self, attempt_id: int, at: datetime) -> None:
        """Hide an attempt at once; `restore` brings it back until `purge_deleted` runs."""

    def restore(self, attempt_id: int) -> None: ...

    def purge_deleted(self) -> int:
        """Remove the deleted attempts for good; returns how many."""

    def progress(self, recent: int = 200) -> Progress:
        """Trends over all attempts; weakest steps and most-missed criteria over the
        `recent` latest scored ones."""

    def step_reviews(self, per_problem: int = 30) -> list[StepReview]:
        """The step scores of each problem's `per_problem` latest scored attempts, oldest
        first: what the what-next queue is scheduled from."""

    def rescore(self, attempt_id: int, report: ScoreReport, at: datetime) -> None:
        """Make `report` the attempt's score; the one it replaces is kept as a past score."""

    def past_reports(self, attempt_id: int) -> list[ScoreReport]:
        """Scores the attempt had before, oldest first."""

    def scored_attempt_ids(self) -> list[int]:
        """Ids of submitted attempts, oldest first."""

    def problem_stats(self) -> dict[str, ProblemStats]:
        """Attempts per problem id and the best submitted total."""

    def close(self) -> None: ...
