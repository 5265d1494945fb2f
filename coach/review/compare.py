"""Two attempts of one problem side by side: per-step scores and times, criteria gained
and lost, and a line diff of what was written in each step."""

from __future__ import annotations

import difflib
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from coach.domain.attempt import Attempt, Mode
from coach.domain.report import StepScore
from coach.domain.steps import STEPS


class DiffTag(StrEnum):
    SAME = "same"
    ADDED = "added"  # only in the newer attempt
    REMOVED = "removed"  # only in the older attempt


class DiffLine(BaseModel):
    """One line as the candidate wrote it (never re-wrapped), and which side it is from."""

    model_config = ConfigDict(frozen=True)

    tag: DiffTag
    text: str


class CriterionChange(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    weight: float


class StepComparison(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: int
    title: str
    short: str
    older_score: float | None  # None: the step was not scored (drill of another step, unscored)
    newer_score: float | None
    delta: float | None  # newer minus older; None unless both were scored
    older_seconds: float
    newer_seconds: float
    older_budget: int  # 0: untimed
    newer_budget: int
    gained: tuple[CriterionChange, ...] = ()  # met in the newer, not in the older
    lost: tuple[CriterionChange, ...] = ()  # met in the older, not in the newer
    diff: tuple[DiffLine, ...] = ()

    @property
    def text_changed(self) -> bool:
        return any(line.tag is not DiffTag.SAME for line in self.diff)


class Comparison(BaseModel):
    model_config = ConfigDict(frozen=True)

    problem_id: str
    problem_title: str
    older_id: int | None
    newer_id: int | None
    older_started_at: datetime
    newer_started_at: datetime
    older_total: float | None  # None for an unscored attempt or a drill (no total)
    newer_total: float | None
    total_delta: float | None
    steps: tuple[StepComparison, ...]
    notes: tuple[str, ...] = ()  # why some figures are missing or not like for like


def _delta(older: float | None, newer: float | None) -> float | None:
    return None if older is None or newer is None else round(newer - older, 1)


def _total(attempt: Attempt) -> float | None:
    """A drill's report total is its one step's score, so it is no total to compare."""
    if attempt.report is None or attempt.drill_step is not None or attempt.mode is Mode.DRILL:
        return None
    return attempt.report.total


def _step_scores(attempt: Attempt) -> dict[int, StepScore]:
    return {s.step: s for s in attempt.report.steps} if attempt.report is not None else {}


def diff_lines(older: str, newer: str) -> tuple[DiffLine, ...]:
    """A line diff of two texts; each line is kept whole, as written."""
    a, b = older.splitlines(), newer.splitlines()
    out: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [DiffLine(tag=DiffTag.SAME, text=line) for line in a[i1:i2]]
            continue
        out += [DiffLine(tag=DiffTag.REMOVED, text=line) for line in a[i1:i2]]
        out += [DiffLine(tag=DiffTag.ADDED, text=line) for line in b[j1:j2]]
    return tuple(out)


def criteria_changes(older: StepScore, newer: StepScore
                     ) -> tuple[tuple[CriterionChange, ...], tuple[CriterionChange, ...]]:
    """(gained, lost) by criterion id. A criterion one report does not have (another level
    or rubric version) counts as not met there."""
    met_before = {c.id for c in older.criteria if c.met}
    met_now = {c.id for c in newer.criteria if c.met}
    gained = tuple(CriterionChange(id=c.id, title=c.title, weight=c.weight)
                   for c in newer.criteria if c.met and c.id not in met_before)
    lost = tuple(CriterionChange(id=c.id, title=c.title, weight=c.weight)
                 for c in older.criteria if c.met and c.id not in met_now)
    return gained, lost


def _answer(attempt: Attempt, number: int) -> tuple[str, float]:
    for answer in attempt.answers:
        if answer.step == number:
            return answer.text, answer.elapsed_seconds
    return "", 0.0


def _budget(attempt: Attempt, number: int) -> int:
    budgets = attempt.budget_seconds
    return budgets[number - 1] if number <= len(budgets) else 0


def _notes(older: Attempt, newer: Attempt) -> tuple[str, ...]:
    notes: list[str] = []
    for label, attempt in (("older", older), ("newer", newer)):
        name = f"#{attempt.id}" if attempt.id is not None else f"the {label} attempt"
        if attempt.report is None:
            notes.append(f"{name} has no score yet: only its text and times compare.")
        elif attempt.drill_step is not None:
            notes.append(f"{name} is a drill of step {attempt.drill_step}: only that step "
                         "has a score, and it has no total.")
    if older.report and newer.report:
        if older.report.level != newer.report.level:
            notes.append(f"Scored for different levels ({older.report.level} → "
                         f"{newer.report.level}): some criteria apply to one only.")
        if older.report.rubric_version != newer.report.rubric_version:
            notes.append(f"Scored with different rubric versions ({older.report.rubric_version}"
                         f" → {newer.report.rubric_version}).")
    return tuple(notes)


def compare_attempts(older: Attempt, newer: Attempt) -> Comparison:
    """Compare two attempts of the same problem; raises ValueError for two problems."""
    if older.problem_id != newer.problem_id:
        raise ValueError(
            f"can only compare attempts of the same problem, not {older.problem_id!r} "
            f"(#{older.id}) with {newer.problem_id!r} (#{newer.id})")
    before, after = _step_scores(older), _step_scores(newer)
    steps: list[StepComparison] = []
    for info in STEPS:
        n = info.number
        old_step, new_step = before.get(n), after.get(n)
        old_text, old_seconds = _answer(older, n)
        new_text, new_seconds = _answer(newer, n)
        gained, lost = criteria_changes(old_step, new_step) if old_step and new_step \
            else ((), ())
        old_score = old_step.score if old_step else None
        new_score = new_step.score if new_step else None
        steps.append(StepComparison(
            step=n, title=info.title, short=info.short,
            older_score=old_score, newer_score=new_score, delta=_delta(old_score, new_score),
            older_seconds=old_seconds, newer_seconds=new_seconds,
            older_budget=_budget(older, n), newer_budget=_budget(newer, n),
            gained=gained, lost=lost, diff=diff_lines(old_text, new_text)))
    older_total, newer_total = _total(older), _total(newer)
    return Comparison(
        problem_id=newer.problem_id, problem_title=newer.problem_title,
        older_id=older.id, newer_id=newer.id,
        older_started_at=older.started_at, newer_started_at=newer.started_at,
        older_total=older_total, newer_total=newer_total,
        total_delta=_delta(older_total, newer_total), steps=tuple(steps),
        notes=_notes(older, newer))


def collapse_unchanged(diff: tuple[DiffLine, ...], context: int = 2
                       ) -> list[DiffLine | int]:
    """The diff with long runs of unchanged lines folded: an int stands for that many hidden
    lines. `context` unchanged lines stay next to each change; a fold hides at least two."""
    out: list[DiffLine | int] = []
    i = 0
    while i < len(diff):
        if diff[i].tag is not DiffTag.SAME:
            out.append(diff[i])
            i += 1
            continue
        j = i
        while j < len(diff) and diff[j].tag is DiffTag.SAME:
            j += 1
        run = diff[i:j]
        head = context if i > 0 else 0  # lines kept after the change before the run
        tail = context if j < len(diff) else 0  # lines kept before the change after it
        if len(run) - head - tail < 2:
            out += run
        else:
            out += [*run[:head], len(run) - head - tail, *run[len(run) - tail:]]
        i = j
    return out
