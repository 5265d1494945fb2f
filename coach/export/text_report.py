"""A score report as plain text for the terminal: the same facts the results screen shows."""

from __future__ import annotations

from coach.domain.report import ScoreReport
from coach.export.flow_diagram import draw_flow, graph_of
from coach.session.clock import format_seconds


def step_time(elapsed: float, budget: float) -> str:
    """`3:10 / 5:00`, with how far over when the step ran past its budget."""
    if budget <= 0:
        return f"{format_seconds(elapsed)} (untimed)"
    shown = f"{format_seconds(elapsed)} / {format_seconds(budget)}"
    if elapsed > budget:
        shown += f" (+{format_seconds(elapsed - budget)} over)"
    return shown


def render_text(report: ScoreReport, *, timed: bool = True) -> str:
    lines = [
        f"{report.problem_title} ({report.problem}) — total {report.total:.0f}/100 "
        f"at {report.level} level" + (f": {report.verdict}" if report.verdict else ""),
        *([f"Verdict: {report.verdict_reason}"] if report.verdict_reason else []),
        "Total = average of the step scores, weighted by each step's rubric weight.",
        *[f"Note: {note}" for note in report.notes],
        "",
    ]
    for step in report.steps:
        head = f"Step {step.step}. {step.title}: {step.score:.0f}/100"
        head += f"  ({step.earned:g} of {step.possible:g} points, weight {step.weight:g})"
        if timed:
            head += f"  time {step_time(step.elapsed_seconds, step.budget_seconds)}"
        lines.append(head)
        if step.flow is not None:
            graph, labels = graph_of(step.flow)
            lines += ["  Your flow, as read from the arrows:",
                      *("    " + line for line in draw_flow(graph, width=76, labels=labels))]
        for criterion in step.criteria:
            mark = "✓" if criterion.met else "✗"
            lines.append(f"  {mark} {criterion.title} [{criterion.weight:g}]")
            for evidence in criterion.evidence:
                lines.append(f"      “{evidence.sentence}”")
            if not criterion.met:
                lines.append(f"      → {criterion.feedback}")
        lines.append("")
    if report.mistakes:
        lines.append("Mistakes")
        for mistake in report.mistakes:
            lines.append(f"  ! {mistake.title}: {mistake.message}")
    return "\n".join(lines).rstrip() + "\n"
