"""An attempt's answers step by step, each beside the reference answer, with what was asked."""

from __future__ import annotations

from collections.abc import Iterator

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from coach.domain.attempt import Attempt, Status
from coach.domain.problem import Problem
from coach.domain.steps import STEPS
from coach.export.text_report import step_time
from coach.tui.text import reflow


def answers_beside_references(attempt: Attempt, problem: Problem | None) -> Iterator[Widget]:
    """References only once the attempt is submitted, so a resumable one gives nothing away."""
    show_reference = problem is not None and attempt.status is Status.SUBMITTED
    for info, answer in zip(STEPS, attempt.answers, strict=True):
        budget = attempt.budget_seconds[info.number - 1]
        hints = sum(1 for hint in attempt.log.hints if hint.step == info.number)
        yield Static(Content.assemble(
            (f"{info.number}. {info.title}", "bold"),
            ("   " + step_time(answer.elapsed_seconds, budget), "dim"),
            (f"   {hints} hint{'s' if hints != 1 else ''} used", "$warning") if hints else "",
        ), classes="report-heading")
        if info.number == 1 and attempt.log.questions:
            yield Static(_conversation(attempt), classes="conversation")
        mine = Static(answer.text or "(empty)", markup=False, classes="answer")
        if not show_reference:
            yield mine
            continue
        reference = problem.steps.by_number(info.number).reference
        yield Horizontal(
            Vertical(Static(Content.styled("Your answer", "bold"), classes="side-title"), mine,
                     classes="side"),
            Vertical(Static(Content.styled("Reference", "bold $success"), classes="side-title"),
                     Static(reflow(reference), markup=False, classes="reference"),
                     classes="side"),
            classes="beside")


def _conversation(attempt: Attempt) -> Content:
    lines = [Content.styled("Questions to the interviewer", "bold")]
    for asked in attempt.log.questions:
        lines += [Content.assemble(("You: ", "bold"), asked.question),
                  Content.assemble(("Interviewer: ", "bold $accent"), asked.answer)]
    return Content("\n").join(lines)
