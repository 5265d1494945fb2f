"""Comparing two attempts of one problem: scores, times, criteria gained and lost, text diff."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coach.domain.attempt import Mode
from coach.review.compare import (
    DiffLine,
    DiffTag,
    collapse_unchanged,
    compare_attempts,
    diff_lines,
)
from tests.attempts import answer_texts, scored_attempt
from tests.helpers import FIXED_NOW


@pytest.fixture(scope="module")
def weak(catalog, scorer):
    return scored_attempt(catalog, scorer, "newsfeed", "weak",
                          started_at=FIXED_NOW - timedelta(days=7)).model_copy(update={"id": 1})


@pytest.fixture(scope="module")
def strong(catalog, scorer):
    return scored_attempt(catalog, scorer, "newsfeed", "strong",
                          seconds=400.0).model_copy(update={"id": 2})


def criteria_met(attempt, step: int) -> set[str]:
    return {c.id for c in attempt.report.steps[step - 1].criteria if c.met}


def test_weak_to_strong_gains_exactly_the_criteria_newly_met(weak, strong):
    comparison = compare_attempts(weak, strong)
    assert [s.step for s in comparison.steps] == list(range(1, 8))
    for step in comparison.steps:
        before, after = criteria_met(weak, step.step), criteria_met(strong, step.step)
        assert {c.id for c in step.gained} == after - before
        assert {c.id for c in step.lost} == before - after
        titles = {c.id: c.title for c in strong.report.steps[step.step - 1].criteria}
        assert all(c.title == titles[c.id] for c in step.gained)
    assert sum(len(s.gained) for s in comparison.steps) > 10


def test_the_reverse_loses_what_was_gained(weak, strong):
    forward, backward = compare_attempts(weak, strong), compare_attempts(strong, weak)
    for ahead, back in zip(forward.steps, backward.steps, strict=True):
        assert {c.id for c in ahead.gained} == {c.id for c in back.lost}
        assert {c.id for c in ahead.lost} == {c.id for c in back.gained}
        assert back.delta == -ahead.delta


def test_scores_times_and_deltas(weak, strong):
    comparison = compare_attempts(weak, strong)
    assert (comparison.older_id, comparison.newer_id) == (1, 2)
    assert comparison.older_total == weak.report.total
    assert comparison.newer_total == strong.report.total
    assert comparison.total_delta == pytest.approx(strong.report.total - weak.report.total,
                                                   abs=0.05)
    assert comparison.total_delta > 0 and comparison.notes == ()
    for step, old, new in zip(comparison.steps, weak.report.steps, strong.report.steps,
                              strict=True):
        assert (step.older_score, step.newer_score) == (old.score, new.score)
        assert step.delta == pytest.approx(new.score - old.score, abs=0.05)
        assert (step.older_seconds, step.newer_seconds) == (240.0, 400.0)
        assert step.older_budget == weak.budget_seconds[step.step - 1] > 0
        assert step.newer_budget == strong.budget_seconds[step.step - 1]


def test_diff_tags_lines_as_written():
    older = "keep one\ndrop me\nkeep two"
    newer = "keep one\nkeep two\nnew line with [bold]markup[/bold]"
    assert [(line.tag, line.text) for line in diff_lines(older, newer)] == [
        (DiffTag.SAME, "keep one"), (DiffTag.REMOVED, "drop me"), (DiffTag.SAME, "keep two"),
        (DiffTag.ADDED, "new line with [bold]markup[/bold]")]
    changed = diff_lines("a\nold b\nc", "a\nnew b\nc")
    assert [line.tag for line in changed] == [DiffTag.SAME, DiffTag.REMOVED, DiffTag.ADDED,
                                              DiffTag.SAME]
    assert diff_lines("", "") == ()
    assert [line.tag for line in diff_lines("", "x\ny")] == [DiffTag.ADDED] * 2


def test_identical_texts_are_all_same(strong):
    comparison = compare_attempts(strong, strong)
    for step in comparison.steps:
        assert step.diff and all(line.tag is DiffTag.SAME for line in step.diff)
        assert not step.text_changed
        assert step.delta == 0 and step.gained == () and step.lost == ()
        assert "\n".join(line.text for line in step.diff) == strong.answer(step.step).text


def test_a_long_sentence_stays_one_diff_line(weak, strong):
    step = compare_attempts(weak, strong).steps[0]
    removed = [line.text for line in step.diff if line.tag is DiffTag.REMOVED]
    assert removed == weak.answer(1).text.splitlines()
    assert len(removed[0]) > 200


def test_long_unchanged_runs_fold_and_keep_context():
    same = [DiffLine(tag=DiffTag.SAME, text=f"line {i}") for i in range(10)]
    added = DiffLine(tag=DiffTag.ADDED, text="new")
    folded = collapse_unchanged((*same, added, *same), context=2)
    assert folded == [8, *same[8:], added, *same[:2], 8]
    short = (same[0], added, same[1], same[2])  # too few to fold: all shown
    assert collapse_unchanged(short) == list(short)
    assert collapse_unchanged(tuple(same), context=2) == [10]


def test_different_problems_raise(catalog, scorer, weak):
    other = scored_attempt(catalog, scorer, "ride-sharing", "weak")
    with pytest.raises(ValueError, match=r"same problem.*newsfeed.*ride-sharing"):
        compare_attempts(weak, other)


def test_a_drill_against_a_mock_compares_only_its_step(catalog, scorer, weak):
    drill = scored_attempt(catalog, scorer, "newsfeed", "strong", mode=Mode.DRILL,
                           drill_step=3).model_copy(update={"id": 3})
    comparison = compare_attempts(weak, drill)
    assert comparison.newer_total is None and comparison.total_delta is None
    assert comparison.older_total == weak.report.total
    assert any("drill of step 3" in note for note in comparison.notes)
    for step in comparison.steps:
        assert step.older_score is not None
        if step.step == 3:
            assert step.newer_score == drill.report.steps[0].score
            assert step.delta is not None and step.gained
        else:
            assert step.newer_score is None and step.delta is None
            assert step.gained == () and step.lost == ()
            assert step.newer_budget == 0 and step.newer_seconds == 0
            assert all(line.tag is DiffTag.REMOVED for line in step.diff)


def test_an_unscored_attempt_compares_text_and_time_only(weak):
    draft = weak.model_copy(update={"id": 4, "report": None, "answers": [
        answer.model_copy(update={"text": answer.text + "\nOne more line."})
        for answer in weak.answers]})
    comparison = compare_attempts(weak, draft)
    assert comparison.newer_total is None and comparison.total_delta is None
    assert any("#4 has no score" in note for note in comparison.notes)
    for step in comparison.steps:
        assert step.newer_score is None and step.delta is None
        assert [line.tag for line in step.diff][-1] is DiffTag.ADDED


def test_texts_with_the_calibration_answers(catalog, scorer):
    texts = answer_texts("newsfeed", "strong")
    trimmed = [*texts[:6], ""]  # step 7 left empty in the older attempt
    older = scored_attempt(catalog, scorer, "newsfeed", texts=trimmed)
    newer = scored_attempt(catalog, scorer, "newsfeed", texts=texts)
    step7 = compare_attempts(older, newer).steps[6]
    assert step7.older_score == 0 and step7.delta > 0 and step7.older_seconds == 0
    assert all(line.tag is DiffTag.ADDED for line in step7.diff)
