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
from coach.review.highlight import evidence_spans, step_evidence
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
        taken = _hints_taken(attempt, problem, info.number)
        if taken is not None:
            yield Static(taken, classes="conversation")
        mine = Static(_marked(answer.text, attempt, info.number), classes="answer")
        if not show_reference:
            yield mine
            continue
        reference = problem.steps.by_number(info.number).reference
        yield Horizontal(
            Vertical(Static(Content.assemble(("Your answer", "bold"), (
                "  · shaded: earned points", "dim")), classes="side-title"), mine,
                     classes="side"),
            Vertical(Static(Content.styled("Reference", "bold $success"), classes="side-title"),
                     Static(reflow(reference), markup=False, classes="reference"),
                     classes="side"),
            classes="beside")


def _marked(text: str, attempt: Attempt, step: int) -> Content:
    """The answer as written, never parsed as markup, with the sentences that earned
    points shaded and the words that matched in bold."""
    if not text:
        return Content.styled("(empty)", "dim")
    content = Content(text)
    for span in evidence_spans(text, step_evidence(attempt.report, step)):
        style = "on $success 15%" if span.kind == "sentence" else "bold $text-success"
        content = content.stylize(style, span.start, span.end)
    return content


def _hints_taken(attempt: Attempt, problem: Problem | None, step: int) -> Content | None:
    """The hints used in this step, in the words they were given."""
    indexes = [hint.index for hint in attempt.log.hints if hint.step == step]
    if not indexes:
        return None
    hints = problem.steps.by_number(step).hints if problem else []
    lines = [Content.styled("Hints used", "bold $warning")]
    for index in indexes:
        said = hints[index] if index < len(hints) else "(no longer in the problem)"
        lines.append(Content.assemble((f"{index + 1}. ", "bold"), reflow(said)))
    return Content("\n").join(lines)


def _conversation(attempt: Attempt) -> Content:
    lines = [Content.styled("Questions to the interviewer", "bold")]
    for asked in attempt.log.questions:
        lines += [Content.assemble(("You: ", "bold"), asked.question),
                  Content.assemble(("Interviewer: ", "bold $accent"), asked.answer)]
    return Content("\n").join(lines)
