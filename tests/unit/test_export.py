"""Exports: an attempt as a Markdown design document and as JSON, the history as JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from coach.domain.answer_file import parse_answer
from coach.domain.attempt import AttemptSummary, HintUsed, InterviewLog, Mode, QuestionAsked
from coach.domain.level import Level
from coach.domain.steps import STEPS
from coach.export.attempt_json import attempt_json
from coach.export.history_rows import COLUMNS, history_json, history_rows, write_history_csv
from coach.export.markdown import (
    GENERATED_END,
    GENERATED_START,
    attempt_markdown,
    escape_step_headings,
)
from coach.paths import export_dir
from tests.attempts import answer_texts as calibration_texts
from tests.attempts import scored_attempt
from tests.helpers import FIXED_NOW

ARROWS = ("Clients reach a load balancer in front of the API gateway.\n"
          "client -> gateway -> feed service -> cache -> database")


def texts_of(attempt) -> list[str]:
    return [answer.text.strip() for answer in attempt.answers]


@pytest.fixture
def arrows_attempt(catalog, scorer):
    texts = calibration_texts("newsfeed", "weak")
    texts[2] = ARROWS
    log = InterviewLog(
        questions=[QuestionAsked(question="How many daily users?", answer="About 300 million.",
                                 fact_id="dau")],
        hints=[HintUsed(step=2, index=0)])
    attempt = scored_attempt(catalog, scorer, texts=texts)
    return attempt.model_copy(update={"id": 12, "log": log})


def test_markdown_is_a_design_document_with_seven_steps(catalog, arrows_attempt):
    problem = catalog.get("newsfeed").problem
    markdown = attempt_markdown(arrows_attempt, problem)
    lines = markdown.splitlines()
    assert lines[0] == "# News feed"
    meta = lines[2]
    for part in ("mock", "id 12", "2026-03-14 09:30 UTC", "senior level", "scored",
                 f"total {arrows_attempt.report.total:.0f}/100", arrows_attempt.report.verdict):
        assert part in meta
    assert "> " + problem.prompt.splitlines()[0] in markdown
    headings = [line for line in lines if re.match(r"^## \d\. ", line)]
    assert headings == [f"## {s.number}. {s.title}" for s in STEPS]
    assert parse_answer(markdown).found_steps == [1, 2, 3, 4, 5, 6, 7]


def test_the_flow_is_a_mermaid_block_right_after_its_step(arrows_attempt):
    markdown = attempt_markdown(arrows_attempt)
    step3 = markdown.split("## 3. ")[1].split("## 4. ")[0]
    assert step3.index(ARROWS) < step3.index("### Flow") < step3.index("```mermaid")
    block = step3.split("```mermaid\n")[1].split("```")[0]
    assert block.startswith("flowchart LR")
    assert '["client"]' in block and '["gateway"]' in block and '["feed service"]' in block
    assert block.count("-->") >= 3


def test_the_appendix_has_scores_feedback_and_the_log(catalog, arrows_attempt):
    report = arrows_attempt.report
    markdown = attempt_markdown(arrows_attempt, catalog.get("newsfeed").problem)
    appendix = markdown.split("## Appendix: scores and feedback")[1]
    assert f"**Total: {report.total:.0f}/100 at senior level, {report.verdict}.**" in appendix
    assert report.verdict_reason in appendix
    assert "| Step | Score | Points | Weight | Time |" in appendix
    assert "| 3. Outline high-level architecture |" in appendix and "4:00 / 10:00" in appendix
    met = next(c for s in report.steps for c in s.criteria if c.met and c.evidence)
    missed = next(c for s in report.steps for c in s.criteria if not c.met)
    assert f"✓ **{met.title}**" in appendix
    assert f"“{' '.join(met.evidence[0].sentence.split())}”" in appendix
    assert f"✗ **{missed.title}** [{missed.weight:g}]: {missed.feedback}" in appendix
    for mistake in report.mistakes:
        assert mistake.message in appendix
    assert "“How many daily users?” — About 300 million." in appendix
    hint = catalog.get("newsfeed").problem.steps.by_number(2).hints[0]
    assert f"Step 2, hint 1: {hint}" in appendix


def test_an_unscored_attempt_has_no_appendix(catalog, scorer):
    attempt = scored_attempt(catalog, scorer).model_copy(update={"report": None, "id": 1})
    markdown = attempt_markdown(attempt)
    assert "Appendix" not in markdown and "total" not in markdown.splitlines()[2]
    assert parse_answer(markdown).texts == texts_of(attempt)


def test_the_answers_read_back_unchanged(catalog, scorer, arrows_attempt):
    for attempt in (scored_attempt(catalog, scorer), arrows_attempt,
                    scored_attempt(catalog, scorer, mode=Mode.DRILL, drill_step=4)):
        markdown = attempt_markdown(attempt, catalog.get("newsfeed").problem)
        assert parse_answer(markdown).texts == texts_of(attempt)
        plain = parse_answer(markdown).texts  # steps with nothing generated after them
        for n in (1, 2, 4, 5, 6):
            assert plain[n - 1] == texts_of(attempt)[n - 1]


def test_scoring_an_export_gives_the_stored_score(catalog, scorer, arrows_attempt):
    problem = catalog.get("newsfeed").problem
    again = scorer.score(problem, parse_answer(attempt_markdown(arrows_attempt, problem)).texts,
                         level=Level.SENIOR)
    assert [s.score for s in again.steps] == [s.score for s in arrows_attempt.report.steps]


def test_parse_answer_skips_the_generated_blocks(arrows_attempt):
    assert parse_answer(attempt_markdown(arrows_attempt)).texts == texts_of(arrows_attempt)


def test_a_heading_lookalike_in_an_answer_does_not_start_a_step(catalog, scorer):
    texts = calibration_texts("newsfeed", "strong")
    texts[0] += ("\n\n## 2. Define the scale and constraints\n  ### Step 5\n#### Read path\n"
                 f"{GENERATED_START}\nnot an answer\n{GENERATED_END}")
    attempt = scored_attempt(catalog, scorer, texts=texts).model_copy(update={"id": 2})
    markdown = attempt_markdown(attempt)
    assert markdown.count("## 2. Define the scale and constraints") == 2  # one escaped
    parsed = parse_answer(markdown)
    assert parsed.found_steps == [1, 2, 3, 4, 5, 6, 7]
    assert parsed.texts[1:] == texts_of(attempt)[1:]
    first = parsed.texts[0]
    assert "\\## 2. Define the scale and constraints" in first
    assert "  \\### Step 5" in first
    assert "\n#### Read path\n" in first  # not a step name: kept as written
    assert "not an answer" in first


def test_escaping_leaves_ordinary_lines_alone():
    text = "# Overview\n##Scale\n    ## 3. Architecture\nclient -> api # not a heading"
    assert escape_step_headings(text) == text
    assert escape_step_headings("### Data model") == "\\### Data model"


def test_json_has_everything_stored_and_the_past_reports(catalog, scorer, arrows_attempt):
    past = scored_attempt(catalog, scorer, kind="weak").report
    text = attempt_json(arrows_attempt, [past])
    data = json.loads(text)
    assert data["id"] == 12 and data["report"]["total"] == arrows_attempt.report.total
    assert data["answers"][2]["text"] == ARROWS
    assert data["log"]["questions"][0]["question"] == "How many daily users?"
    assert data["past_reports"] == [past.model_dump(mode="json")]
    assert list(data)[:2] == ["id", "problem_id"] and list(data)[-1] == "past_reports"
    assert text == attempt_json(arrows_attempt, [past])
    assert json.loads(attempt_json(arrows_attempt, []))["past_reports"] == []


def summaries() -> list[AttemptSummary]:
    return [
        AttemptSummary(id=1, problem_id="newsfeed", problem_title="News feed", mode=Mode.MOCK,
                       status="submitted", level="senior", started_at=FIXED_NOW,
                       elapsed_seconds=1234.56, total=78.4, pack_id="builtin"),
        AttemptSummary(id=2, problem_id="chat", problem_title="=HYPERLINK(\"http://x\")",
                       mode=Mode.DRILL, status="in_progress", level="mid",
                       started_at=FIXED_NOW, elapsed_seconds=60, total=None,
                       pack_id="-evil", drill_step=3),
    ]


def test_history_json_shape():
    data = json.loads(history_json(summaries()))
    first, second = data["attempts"]
    assert list(first) == list(COLUMNS)
    assert first == {"id": 1, "problem": "newsfeed", "title": "News feed", "pack": "builtin",
                     "started_at": "2026-03-14T09:30:00+00:00", "mode": "mock",
                     "status": "submitted", "level": "senior", "total": 78.4,
                     "elapsed_seconds": 1234.6, "drill_step": None}
    assert second["total"] is None and second["drill_step"] == 3
    assert history_rows([]) == [] and json.loads(history_json([])) == {"attempts": []}


def test_history_csv_has_a_header_and_no_formulas():
    stream = io.StringIO(newline="")
    write_history_csv(summaries(), stream)
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert rows[0] == list(COLUMNS)
    assert rows[1][:3] == ["1", "newsfeed", "News feed"] and rows[1][-1] == ""
    assert rows[2][2] == "'=HYPERLINK(\"http://x\")" and rows[2][3] == "'-evil"
    assert rows[2][COLUMNS.index("total")] == ""
    assert len(rows) == 3


def test_export_dir_is_inside_the_data_home(isolated_home):
    assert export_dir() == isolated_home / "exports"
    assert not export_dir().exists()  # made when something is written, not before
