"""Scored attempts made from the calibration answers, for review and progress tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from coach.domain.answer_file import parse_answer
from coach.domain.attempt import Attempt, Mode, Status, StepAnswer
from coach.domain.level import Level
from coach.session.interview import new_attempt
from tests.helpers import FIXED_NOW

CALIBRATION = Path(__file__).parent / "calibration"


def answer_texts(problem_id: str, kind: str = "strong") -> list[str]:
    """The calibration answer `kind` (strong, weak, wrong, buzzword, empty) for a problem."""
    return parse_answer((CALIBRATION / problem_id / f"{kind}.md").read_text("utf-8")).texts


def scored_attempt(catalog, scorer, problem_id: str = "newsfeed", kind: str = "strong", *,
                   started_at: datetime = FIXED_NOW, mode: Mode = Mode.MOCK,
                   seconds: float = 240.0, drill_step: int | None = None,
                   texts: list[str] | None = None) -> Attempt:
    """A submitted attempt, scored for real, `seconds` spent on each step it answers."""
    entry = catalog.get(problem_id)
    fresh = new_attempt(entry, mode, started_at, "senior", drill_step=drill_step)
    texts = texts if texts is not None else answer_texts(problem_id, kind)
    if drill_step is not None:
        texts = [t if n == drill_step else "" for n, t in enumerate(texts, start=1)]
    answers = [StepAnswer(step=n, text=t, elapsed_seconds=seconds if t.strip() else 0.0)
               for n, t in enumerate(texts, start=1)]
    report = scorer.score(entry.problem, texts, level=Level.SENIOR,
                          budget_seconds=fresh.budget_seconds,
                          elapsed_seconds=[a.elapsed_seconds for a in answers],
                          only_step=drill_step)
    finished = started_at + timedelta(seconds=sum(a.elapsed_seconds for a in answers))
    return fresh.model_copy(update={
        "status": Status.SUBMITTED, "current_step": drill_step or 7, "answers": answers,
        "updated_at": finished, "submitted_at": finished, "report": report})
