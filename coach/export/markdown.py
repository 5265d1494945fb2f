"""An attempt as a Markdown document: the answers as sections, the score as an appendix."""

from __future__ import annotations

from coach.domain.answer_file import format_answer
from coach.domain.attempt import Attempt
from coach.export.text_report import render_text


def attempt_markdown(attempt: Attempt) -> str:
    texts = [answer.text for answer in attempt.answers]
    head = (f"_{attempt.mode.value} attempt #{attempt.id}, started "
            f"{attempt.started_at:%Y-%m-%d %H:%M} UTC, status {attempt.status.value}_\n\n")
    body = format_answer(texts, title=attempt.problem_title)
    title_line, _, rest = body.partition("\n")
    out = f"{title_line}\n\n{head}{rest.lstrip()}"
    if attempt.report:
        out += "\n## Appendix: score\n\n```text\n" + render_text(attempt.report) + "```\n"
    return out
