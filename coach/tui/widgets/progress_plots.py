"""The four progress plots, drawn with Plotext: totals, step scores, time against budget,
attempts per week. Each draws from a `Progress` and nothing else, so it is deterministic."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual_plotext import PlotextPlot

from coach.domain.steps import STEPS

if TYPE_CHECKING:
    from textual_plotext import Plot

    from coach.review.progress import Progress, WeekPoint

PLOTTED_WEEKS = 12  # the plots show the latest weeks; the text form has every one
MARKED_POINTS = 30  # up to this many totals each gets a dot on its line
STEP_LABELS = [str(step.number) for step in STEPS]


def _week_labels(progress: Progress) -> list[str]:
    return [f"{w.week:%m-%d}" for w in progress.weeks[-PLOTTED_WEEKS:]]


def _sparse_ticks(plt: Plot, labels: list[str], most: int = 6) -> None:
    """Label at most `most` of the x positions 1..n, always the first and the last."""
    if not labels:
        return
    stride = max(1, -(-len(labels) // most))
    ticks = sorted({*range(1, len(labels) + 1, stride), len(labels)})
    if len(ticks) > 1 and ticks[-1] - ticks[-2] < stride:
        ticks.pop(-2)
    plt.xticks(ticks, [labels[t - 1] for t in ticks])


def _whole_ticks(top: float) -> list[int]:
    """Every whole number up to a small top; else 0, the middle and the top."""
    top = max(1, round(top))
    return list(range(top + 1)) if top <= 4 else [0, top // 2, top]


def _overall(weeks: list[WeekPoint], index: int) -> float:
    values = [w.step_means[index] for w in weeks
              if index < len(w.step_means) and w.step_means[index] is not None]
    return sum(values) / len(values) if values else 0.0


def _score_axis(plt: Plot) -> None:
    plt.ylim(0, 100)
    plt.yticks([0, 50, 100])


def draw_totals(plt: Plot, progress: Progress) -> None:
    """Total score of each recent scored attempt, oldest first."""
    totals = [p.total for p in progress.recent if p.total is not None]
    plt.title("Total score by attempt" if totals else "Total score: none yet")
    _score_axis(plt)
    if totals:
        xs = list(range(1, len(totals) + 1))
        plt.plot(xs, totals, marker="hd")
        if len(totals) <= MARKED_POINTS:
            plt.scatter(xs, totals, marker="●")
        plt.xlim(0.5, len(totals) + 0.5)
        _sparse_ticks(plt, [str(x) for x in xs])


def draw_step_scores(plt: Plot, progress: Progress) -> None:
    """Mean score of each step per week, one line per step, labelled by its number."""
    weeks = progress.weeks[-PLOTTED_WEEKS:]
    plt.title("Step scores by week (digit = step)")
    _score_axis(plt)
    xs = list(range(1, len(weeks) + 1))
    # weakest drawn last, so where lines cross the digit of the weaker step shows
    order = sorted(range(len(STEP_LABELS)), key=lambda i: -_overall(weeks, i))
    for index in order:
        label = STEP_LABELS[index]
        points = [(x, w.step_means[index]) for x, w in zip(xs, weeks, strict=True)
                  if index < len(w.step_means) and w.step_means[index] is not None]
        if not points:
            continue
        px, py = [p[0] for p in points], [p[1] for p in points]
        plt.plot(px, py, marker=label)  # each line is drawn with its step's number
    if weeks:
        plt.xlim(0.5, len(weeks) + 0.5)
        _sparse_ticks(plt, _week_labels(progress))


def draw_time(plt: Plot, progress: Progress) -> None:
    """Mean minutes spent on each step beside its mean budget."""
    plt.title("Minutes per step (━ budget)")
    steps = [s for s in progress.steps if s.mean_seconds is not None]
    if not steps:
        return
    labels = [str(s.step) for s in steps]
    spent = [(s.mean_seconds or 0.0) / 60 for s in steps]
    plt.bar(labels, spent, width=0.5)
    for x, s in enumerate(steps, start=1):
        if s.mean_budget:
            budget = s.mean_budget / 60
            plt.plot([x - 0.3, x + 0.3], [budget, budget], marker="━", color="white")
    top = max([*spent, *((s.mean_budget or 0.0) / 60 for s in steps), 1.0])
    plt.xlim(0.4, len(steps) + 0.6)
    plt.ylim(0, top * 1.1)
    plt.yticks(_whole_ticks(top))


def draw_weeks(plt: Plot, progress: Progress) -> None:
    """Attempts started each week, and how many different problems they were on."""
    weeks = progress.weeks[-PLOTTED_WEEKS:]
    plt.title("Attempts and problems per week")
    if not weeks:
        return
    counts = [w.attempts for w in weeks]
    plt.multiple_bar(list(range(1, len(weeks) + 1)), [counts, [w.problems for w in weeks]],
                     labels=["attempts", "problems"], width=0.6)
    plt.xlim(0.5, len(weeks) + 0.5)
    _sparse_ticks(plt, _week_labels(progress))
    plt.ylim(0, max(counts) * 1.1)
    plt.yticks(_whole_ticks(max(counts)))


Drawer = Callable[["Plot", "Progress"], None]


class ProgressPlot(PlotextPlot):
    """One plot; `show` redraws it from a Progress."""

    DEFAULT_CSS = """
    ProgressPlot {
        height: 1fr;
        width: 1fr;
        min-height: 8;
    }
    """

    def __init__(self, draw: Drawer, *, id: str) -> None:
        super().__init__(id=id)
        self._draw = draw
        self.drawn = False

    def show(self, progress: Progress) -> None:
        self.plt.clear_figure()
        self._draw(self.plt, progress)
        self.drawn = True
        self.refresh()


def progress_plots() -> list[ProgressPlot]:
    return [ProgressPlot(draw_totals, id="plot-totals"),
            ProgressPlot(draw_step_scores, id="plot-steps"),
            ProgressPlot(draw_time, id="plot-time"),
            ProgressPlot(draw_weeks, id="plot-weeks")]
