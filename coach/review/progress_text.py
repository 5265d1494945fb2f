"""Progress as plain text: the figures the plots show, for a screen reader, a narrow
terminal and `coach stats`. Deterministic and free of colour or markup."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from coach.domain.steps import STEPS

if TYPE_CHECKING:
    from coach.review.progress import Progress, StepStanding

EMPTY = "No scored attempts yet. Finish an attempt and your progress shows here."
TREND_SPAN = 5  # attempts compared at each end of the total-score trend
TOP_PROBLEMS = 3  # problems named per missed criterion


def step_name(step: int, standing: StepStanding | None = None) -> str:
    """`Scaling` for step 6: the step's short name, else the title the standing carries."""
    if 1 <= step <= len(STEPS):
        return STEPS[step - 1].short
    return standing.title if standing is not None else f"Step {step}"


def score(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def duration(seconds: float) -> str:
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def time_against_budget(mean_seconds: float | None, mean_budget: float | None) -> str:
    """`4:10 of 5:00`; `4:10, untimed` without a budget; `—` when no time was kept."""
    if mean_seconds is None:
        return "—"
    if not mean_budget:
        return f"{duration(mean_seconds)}, untimed"
    return f"{duration(mean_seconds)} of {duration(mean_budget)}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def summary_line(progress: Progress) -> str:
    """`12 attempts, 10 scored, best total 78.`"""
    best = "" if progress.best_total is None else f", best total {progress.best_total:.0f}"
    return f"{_plural(progress.attempts, 'attempt')}, {progress.scored} scored{best}."


def trend_line(totals: Sequence[float]) -> str:
    """The mean of the first few totals against the mean of the last few."""
    if not totals:
        return "No totals yet: drills score one step and have no total."
    if len(totals) == 1:
        return f"1 scored total so far: {totals[0]:.0f}."
    span = min(TREND_SPAN, len(totals) // 2)
    first, last = _mean(totals[:span]), _mean(totals[-span:])
    change = round(last) - round(first)
    sign = "+" if change > 0 else ""
    return (f"First {span}: mean {first:.0f}. Last {span}: mean {last:.0f} "
            f"({sign}{change}).")


def _week_lines(progress: Progress) -> list[str]:
    numbers = " ".join(f"{n:>3}" for n in range(1, len(STEPS) + 1))
    lines = [f"  {'Week of':<10}  Attempts  Problems  Total  Step {numbers}"]
    for week in progress.weeks:
        means = " ".join(f"{score(m):>3}" for m in week.step_means)
        lines.append(f"  {week.week:%Y-%m-%d}  {week.attempts:>8}  {week.problems:>8}  "
                     f"{score(week.mean_total):>5}       {means}")
    return lines


def _step_lines(progress: Progress) -> list[str]:
    lines = [f"  {'Step':<22}  Mean  Scored  Time"]
    for s in progress.steps:
        name = f"{s.step} {step_name(s.step, s)}"
        lines.append(f"  {name:<22}  {score(s.mean):>4}  {s.scored:>6}  "
                     f"{time_against_budget(s.mean_seconds, s.mean_budget)}")
    return lines


def progress_lines(progress: Progress,
                   title: Callable[[str], str | None] = lambda _id: None) -> list[str]:
    """Every figure of the progress screen, one line each, in the order the screen shows.
    `title` names a criterion by its id (the catalog knows); the id stands in otherwise."""
    if progress.scored == 0:
        started = f" ({_plural(progress.attempts, 'attempt')} started)" if progress.attempts else ""
        return [EMPTY.replace("yet.", f"yet{started}.", 1)]
    totals = [p.total for p in progress.recent if p.total is not None]
    lines = [summary_line(progress)]
    if progress.window:
        window = _plural(progress.window, "scored attempt")
        lines.append(f"Steps and criteria: the latest {window}.")
    lines += ["", "Total score over time", f"  {trend_line(totals)}"]
    if progress.weeks:
        lines += ["", "Per week (mean total, mean score per step)", *_week_lines(progress)]
    if progress.steps:
        lines += ["", "Per step (mean score, attempts scored, mean time of budget)",
                  *_step_lines(progress)]
    weakest = progress.weakest_steps()
    if weakest:
        lines += ["", "Weakest steps"]
        lines += [f"  {rank}. Step {s.step} {step_name(s.step, s)}: mean {score(s.mean)} "
                  f"over {_plural(s.scored, 'attempt')}"
                  for rank, s in enumerate(weakest, start=1)]
    if progress.missed:
        lines += ["", "Most-missed criteria"]
        for c in progress.missed:
            problems = ", ".join(c.problems[:TOP_PROBLEMS])
            more = len(c.problems) - TOP_PROBLEMS
            name = title(c.id) or c.id
            lines.append(f"  {name} (step {c.step}): missed {c.missed} of {c.seen}")
            if problems:
                lines.append(f"    in {problems}{f' and {more} more' if more > 0 else ''}")
    return lines


def render_progress_text(progress: Progress,
                         title: Callable[[str], str | None] = lambda _id: None) -> str:
    return "\n".join(progress_lines(progress, title))
