"""A score report: total, per-step scores and times, each criterion with its evidence."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Collapsible, DataTable, Static

from coach.domain.problem import Problem
from coach.domain.report import CriterionResult, Evidence, ScoreReport, StepScore
from coach.domain.steps import STEPS
from coach.export.flow_diagram import draw_flow, graph_of
from coach.export.text_report import step_time
from coach.tui.text import cell, reflow, score_style

MET_STYLE, MISSED_STYLE = "$success", "$error"
FLOW_WIDTH = 76


def highlighted(evidence: Evidence) -> Content:
    """The sentence as written, with the words that earned the point in bold."""
    content = Content(f"“{evidence.sentence}”")
    for term in evidence.matched:
        pattern = r"\W*".join(re.escape(word) for word in term.split())
        content = content.highlight_regex(re.compile(pattern, re.IGNORECASE),
                                          style="bold underline")
    return content


def criterion_lines(result: CriterionResult) -> Content:
    mark, style = ("✓", MET_STYLE) if result.met else ("✗", MISSED_STYLE)
    source = "" if result.source == "generic" else "  (problem-specific)"
    parts: list[Content | str | tuple[str, str]] = [
        (f"{mark} ", f"bold {style}"), (result.title, "bold"),
        (f"  {result.weight:g} pt{'s' if result.weight != 1 else ''}{source}", "dim"),
    ]
    for evidence in result.evidence:
        parts += ["\n    ", highlighted(evidence)]
    if not result.met:
        unseen = [label for label in result.missing if label not in result.listed]
        if result.listed:
            parts += ["\n    ", ("Only listed: " + ", ".join(result.listed), "dim")]
        if unseen:
            parts += ["\n    ", ("Not found: " + ", ".join(unseen), "dim")]
        parts += ["\n    ", ("→ ", "bold"), result.feedback]
    return Content.assemble(*parts)


def step_heading(step: StepScore) -> Content:
    over = 0 < step.budget_seconds < step.elapsed_seconds
    return Content.assemble(
        (f"{step.step}. {step.title}", "bold"), "   ",
        (f"{step.score:.0f}/100", f"bold {score_style(step.score)}"),
        (f"   {step.earned:g} of {step.possible:g} pts", "dim"), "   time ",
        (step_time(step.elapsed_seconds, step.budget_seconds),
         "bold $error" if over else ""),
    )


class ReportView(Vertical):
    """Read-only; the reference answers appear only when `problem` is given (after submit)."""

    def __init__(self, report: ScoreReport, problem: Problem | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.report = report
        self.problem = problem

    def compose(self) -> ComposeResult:
        report = self.report
        verdict = [("  ·  ", ""), (report.verdict, f"bold {score_style(report.total)}")
                   ] if report.verdict else []
        yield Static(Content.assemble(
            ("Total ", "bold"), (f"{report.total:.0f}/100", f"bold {score_style(report.total)}"),
            *verdict,
            f"  ·  {report.level} level  ·  rubric {report.rubric_version}\n",
            (f"Verdict: {report.verdict_reason}\n" if report.verdict_reason else "", "dim"),
            *[(f"Note: {note}\n", "$warning") for note in report.notes],
            ("The total is the average of the step scores weighted by each step's rubric "
             "weight; a step's score is the share of its criteria points earned.", "dim"),
        ), classes="report-total")
        table: DataTable[object] = DataTable(classes="report-steps", cursor_type="none",
                                             show_cursor=False)
        table.can_focus = False  # keys scroll the whole report, not this table
        table.add_columns("Step", "Score", "Points", "Weight", "Time / budget")
        for step in report.steps:
            table.add_row(
                cell(f"{step.step}. {STEPS[step.step - 1].short}"),
                cell(f"{step.score:.0f}", score_style(step.score)),
                cell(f"{step.earned:g}/{step.possible:g}"), cell(f"{step.weight:g}"),
                cell(step_time(step.elapsed_seconds, step.budget_seconds),
                     "bold red" if 0 < step.budget_seconds < step.elapsed_seconds else ""),
            )
        yield table
        if report.mistakes:
            yield Static(Content.styled("Mistakes", "bold $warning"), classes="report-heading")
            for mistake in report.mistakes:
                yield Static(Content.assemble((f"! {mistake.title}: ", "bold $warning"),
                                              mistake.message), classes="report-mistake")
        for step in report.steps:
            yield Static(step_heading(step), classes="report-heading")
            if step.flow is not None:
                graph, labels = graph_of(step.flow)
                drawing = "\n".join(draw_flow(graph, width=FLOW_WIDTH, labels=labels))
                yield Static(Content.assemble(("Your flow, as read from the arrows:\n", "dim"),
                                              drawing), classes="report-flow")
            for result in step.criteria:
                yield Static(criterion_lines(result), classes="report-criterion")
            if self.problem is not None:
                reference = self.problem.steps.by_number(step.step).reference
                with Collapsible(title="Reference answer", collapsed=True):
                    yield Static(reflow(reference), markup=False, classes="reference")
