"""Turn stored figures into a Progress: shared by the SQL and the in-memory repository, so
both give the same answer."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from statistics import fmean

from coach.domain.steps import STEPS
from coach.review.progress import (
    MissedCriterion,
    Progress,
    ScorePoint,
    StepStanding,
    WeekPoint,
)

MISSED_SHOWN = 10


def assemble_progress(*, attempts: int, scored: int, best_total: float | None,
                      weeks: list[WeekPoint], recent: Sequence[ScorePoint],
                      outcomes: Iterable[tuple[int, str, str]]) -> Progress:
    """`recent` oldest first; `outcomes` are (attempt id, met tokens, missed tokens) of the
    recent attempts, tokens being "step:criterion-id"."""
    problem_of = {point.attempt_id: point.problem_id for point in recent}
    return Progress(attempts=attempts, scored=scored, best_total=best_total,
                    window=len(recent), weeks=weeks, recent=list(recent),
                    steps=_standings(recent), missed=_most_missed(outcomes, problem_of))


def _standings(recent: Sequence[ScorePoint]) -> list[StepStanding]:
    standings = []
    for info in STEPS:
        i = info.number - 1
        scored = [p for p in recent if p.step_scores[i] is not None]
        timed = [p for p in scored if p.budget_seconds[i] > 0]
        standings.append(StepStanding(
            step=info.number, title=info.title, scored=len(scored),
            mean=fmean(p.step_scores[i] for p in scored) if scored else None,
            mean_seconds=fmean(p.step_seconds[i] for p in scored) if scored else None,
            mean_budget=fmean(p.budget_seconds[i] for p in timed) if timed else None))
    return standings


def _most_missed(outcomes: Iterable[tuple[int, str, str]],
                 problem_of: dict[int, str]) -> list[MissedCriterion]:
    seen: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    where: dict[str, Counter[str]] = defaultdict(Counter)
    for attempt_id, met_tokens, missed_tokens in outcomes:
        seen.update(met_tokens.split())
        for token in missed_tokens.split():
            seen[token] += 1
            missed[token] += 1
            where[token][problem_of.get(attempt_id, "")] += 1
    ranked = sorted(missed, key=lambda t: (-missed[t], -missed[t] / seen[t], t))
    out = []
    for token in ranked[:MISSED_SHOWN]:
        step, _, criterion = token.partition(":")
        problems = tuple(p for p, _ in where[token].most_common() if p)
        out.append(MissedCriterion(id=criterion, step=int(step), missed=missed[token],
                                   seen=seen[token], problems=problems))
    return out


def week_points(rows: Iterable[tuple]) -> list[WeekPoint]:
    """Rows of (monday, attempts, problems, scored, mean total, seven step means), oldest
    first."""
    return [WeekPoint(week=row[0], attempts=row[1], problems=row[2], scored=row[3],
                      mean_total=row[4], step_means=tuple(row[5:12])) for row in rows]
