"""An attempt as JSON: everything stored about it, with the scores it had before a rescore."""

from __future__ import annotations

import json

from coach.domain.attempt import Attempt
from coach.domain.report import ScoreReport


def attempt_json(attempt: Attempt, past_reports: list[ScoreReport]) -> str:
    """The attempt's fields in model order, then `past_reports` (oldest first, as stored),
    indented; the same attempt always gives the same text."""
    data = attempt.model_dump(mode="json")
    data["past_reports"] = [report.model_dump(mode="json") for report in past_reports]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
