from hypothesis import given
from hypothesis import strategies as st

from coach.domain.answer_file import format_answer, parse_answer, step_of_heading


def test_canonical_headings():
    text = "\n".join(f"## {n}. Heading\nanswer {n}" for n in range(1, 8))
    parsed = parse_answer(text)
    assert parsed.texts == [f"answer {n}" for n in range(1, 8)]
    assert parsed.found_steps == list(range(1, 8))


def test_every_heading_style_the_contract_allows():
    text = """intro that is not scored
# Step 1
one
### 2) Define the scale and constraints
two
#### STEP 3: outline
three
## Data model
four
## components & apis
five
##### 6.
six
# summarize trade-offs and prepare for execution
seven
"""
    parsed = parse_answer(text)
    assert parsed.texts == ["one", "two", "three", "four", "five", "six", "seven"]
    assert parsed.preamble == "intro that is not scored"


def test_missing_steps_are_empty_and_other_headings_stay_in_their_step():
    parsed = parse_answer("## 3. Architecture\nflow\n### Caching notes\nredis\n## 10 regions\nx")
    assert parsed.texts[0] == ""
    assert parsed.texts[2] == "flow\n### Caching notes\nredis\n## 10 regions\nx"
    assert parsed.found_steps == [3]


def test_repeated_step_heading_appends():
    parsed = parse_answer("## 1.\na\n## 2.\nb\n## Step 1\nc")
    assert parsed.texts[0] == "a\nc"


def test_no_headings_means_nothing_scored():
    parsed = parse_answer("just some text\nwith lines")
    assert parsed.found_steps == []
    assert all(text == "" for text in parsed.texts)


def test_step_of_heading_rejects_numbers_outside_the_seven():
    assert step_of_heading("8. Extra") is None
    assert step_of_heading("0") is None
    assert step_of_heading("2026 plans") is None
    assert step_of_heading("Step 4 - data") == 4


def test_format_then_parse_round_trips():
    texts = ["a", "b\nc", "", "d", "e", "f", "g"]
    assert parse_answer(format_answer(texts, title="T")).texts == texts


@given(st.text())
def test_parser_never_crashes_and_always_gives_seven_steps(text):
    parsed = parse_answer(text)
    assert len(parsed.texts) == 7


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)),
                        max_size=40).map(lambda s: s.replace("#", "").strip()),
                min_size=7, max_size=7))
def test_round_trip_for_arbitrary_step_text(texts):
    # Lines that look like step headings would legitimately split a step, so keep them out.
    texts = ["\n".join(line for line in t.splitlines() if line.strip()) for t in texts]
    assert parse_answer(format_answer(texts)).texts == [t.strip() for t in texts]
