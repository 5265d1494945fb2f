"""An attempt as a Markdown design document: the seven steps as the candidate wrote them, the
flow as a Mermaid chart, and the scores and feedback in an appendix.

The answers stay readable by `parse_answer` (so the file can go back to `coach score`): a line
of the candidate's that would read as a step heading is escaped with a backslash, and what coach
adds after the answers (the flow charts, the appendix) sits between `GENERATED_START` and
`GENERATED_END` comment lines, which `parse_answer` leaves out.
"""

from __future__ import annotations

from datetime import UTC

from coach.domain.answer_file import GENERATED_END, GENERATED_START, parse_answer
from coach.domain.attempt import Attempt
from coach.domain.problem import Problem
from coach.domain.report import ScoreReport, StepScore
from coach.domain.steps import STEPS
from coach.export.flow_diagram import graph_of, mermaid_flow
from coach.export.text_report import step_time

FLOW_STEPS = (3, 7)


def _is_step_heading(line: str) -> bool:
    """Whether parse_answer would start a step at this line (asked of parse_answer itself)."""
    return "#" in line and bool(parse_answer(line).found_steps)


def escape_step_headings(text: str) -> str:
    """`text` with each line that would start a step escaped (`## 2. Scale` -> `\\## 2. Scale`,
    shown the same once rendered); the marker lines are escaped too. Other lines are kept."""
    out = []
    for line in text.splitlines():
        if _is_step_heading(line):
            hashes = line.index("#")
            line = line[:hashes] + "\\" + line[hashes:]
        elif line.strip() in (GENERATED_START, GENERATED_END):
            line = "\\" + line
        out.append(line)
    return "\n".join(out)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _metadata(attempt: Attempt) -> str:
    started = attempt.started_at
    started = started.astimezone(UTC) if started.tzinfo else started
    parts = [f"{attempt.mode.value} attempt", f"id {attempt.id}" if attempt.id else "not saved",
             f"{started:%Y-%m-%d %H:%M} UTC", f"{attempt.level} level", attempt.status.label]
    if attempt.drill_step:
        parts.insert(1, f"drill of step {attempt.drill_step}")
    if attempt.report is not None:
        verdict = f" ({attempt.report.verdict})" if attempt.report.verdict else ""
        parts.append(f"total {attempt.report.total:.0f}/100{verdict}")
    return "_" + " · ".join(parts) + "_"


def _flow_block(step: StepScore | None) -> list[str]:
    if step is None or step.flow is None or not step.flow.nodes:
        return []
    graph, labels = graph_of(step.flow)
    return [GENERATED_START, "", "### Flow", "", "```mermaid", mermaid_flow(graph, labels),
            "```", "", GENERATED_END, ""]


def attempt_markdown(attempt: Attempt, problem: Problem | None = None) -> str:
    report = attempt.report
    scored = {step.step: step for step in report.steps} if report else {}
    out = [escape_step_headings(f"# {_one_line(attempt.problem_title)}"), "", _metadata(attempt),
           ""]
    if problem is not None:
        out += [("> " + line).rstrip() for line in problem.prompt.splitlines()] + [""]
    for info, answer in zip(STEPS, attempt.answers, strict=True):
        out += [f"## {info.number}. {info.title}", ""]
        text = escape_step_headings(answer.text.strip())
        if text:
            out += [text, ""]
        if info.number in FLOW_STEPS:
            out += _flow_block(scored.get(info.number))
    appendix = _appendix(attempt, problem)
    if appendix:
        out += [GENERATED_START, "", *appendix, "", GENERATED_END]
    return "\n".join(out).rstrip() + "\n"


def _appendix(attempt: Attempt, problem: Problem | None) -> list[str]:
    report, log = attempt.report, attempt.log
    if report is None and not log.questions and not log.hints:
        return []
    out = ["## Appendix: scores and feedback", ""]
    if report is None:
        out += ["Not scored yet.", ""]
    else:
        out += _scores(report)
    if log.questions:
        out += ["### Questions asked to the interviewer", ""]
        for asked in log.questions:
            answer = _one_line(asked.answer) or "(no answer)"
            out.append(f"- Step {asked.step}: “{_one_line(asked.question)}” — {answer}")
        out.append("")
    if log.hints:
        out += ["### Hints used", ""]
        for hint in log.hints:
            hints = problem.steps.by_number(hint.step).hints if problem else []
            said = f": {_one_line(hints[hint.index])}" if hint.index < len(hints) else ""
            out.append(f"- Step {hint.step}, hint {hint.index + 1}{said}")
        out.append("")
    return out


def _scores(report: ScoreReport) -> list[str]:
    verdict = f", {report.verdict}" if report.verdict else ""
    out = [f"**Total: {report.total:.0f}/100 at {report.level} level{verdict}.**", ""]
    if report.verdict_reason:
        out += [f"Verdict: {_one_line(report.verdict_reason)}", ""]
    out += ["The total is the average of the step scores, weighted by each step's rubric weight.",
            "", "| Step | Score | Points | Weight | Time |", "|---|---:|---:|---:|---|"]
    for step in report.steps:
        out.append(f"| {step.step}. {step.title} | {step.score:.0f} | {step.earned:g} of "
                   f"{step.possible:g} | {step.weight:g} | "
                   f"{step_time(step.elapsed_seconds, step.budget_seconds)} |")
    out.append("")
    for step in report.steps:
        out += [f"### Feedback on step {step.step}: {step.title}", ""]
        met = [c for c in step.criteria if c.met]
        missed = [c for c in step.criteria if not c.met]
        if met:
            out.append("Met:")
            for criterion in met:
                out.append(f"- ✓ **{criterion.title}** [{criterion.weight:g}]")
                out += [f"  - “{_one_line(e.sentence)}”" for e in criterion.evidence]
            out.append("")
        if missed:
            out.append("Missed:")
            for criterion in missed:
                feedback = _one_line(criterion.feedback)
                out.append(f"- ✗ **{criterion.title}** [{criterion.weight:g}]"
                           + (f": {feedback}" if feedback else ""))
            out.append("")
    if report.mistakes:
        out += ["### Mistakes", ""]
        for mistake in report.mistakes:
            where = f" (step {mistake.step})" if mistake.step else ""
            out.append(f"- **{mistake.title}**{where}: {_one_line(mistake.message)}")
        out.append("")
    if report.notes:
        out += ["### Notes", ""] + [f"- {_one_line(note)}" for note in report.notes] + [""]
    return out
