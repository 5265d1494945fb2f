"""Whatever a pack file holds, loading it gives a report, never an exception."""

from functools import cache

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.packs.catalog import Catalog
from coach.packs.loader import load_pack, load_rubric_and_lexicon

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
MANIFEST = "id: fuzz\nname: Fuzz\nversion: '1'\ndescription: fuzzing\n"
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=30))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=12), children, max_size=4)),
    max_leaves=20)


@cache
def rubric_and_lexicon():
    return load_rubric_and_lexicon()


def load_with(tmp_path, content: bytes) -> Catalog:
    """The pack loaded as the app loads each pack (without the built-in ones, for speed)."""
    pack = tmp_path / "fuzz"
    pack.mkdir(exist_ok=True)
    (pack / "pack.yaml").write_text(MANIFEST)
    (pack / "problem.yaml").write_bytes(content)
    rubric, lexicon = rubric_and_lexicon()
    issues = []
    entries = load_pack(pack, lexicon, issues)
    return Catalog(tuple(entries), rubric, lexicon, tuple(issues))


@SETTINGS
@given(content=st.binary(max_size=400))
def test_arbitrary_bytes_give_a_report(tmp_path, content):
    catalog = load_with(tmp_path, content)
    assert catalog.get("fuzz") is None
    assert all(issue.file for issue in catalog.issues)


@SETTINGS
@given(document=documents)
def test_arbitrary_yaml_documents_give_a_report(tmp_path, document):
    text = yaml.safe_dump(document, allow_unicode=True)
    catalog = load_with(tmp_path, text.encode("utf-8"))
    broken = [issue for issue in catalog.issues if issue.file.endswith("problem.yaml")]
    assert broken, "a random document is never a valid problem"
    assert all(issue.format().startswith(issue.file) for issue in broken)


@SETTINGS
@given(tag=st.sampled_from(["!!python/object/apply:os.system", "!!python/name:os.system",
                            "!!binary", "!custom"]), value=st.text(max_size=20))
def test_tags_that_could_run_code_are_refused_with_a_message(tmp_path, tag, value):
    catalog = load_with(tmp_path, f"id: x\ntitle: {tag} {value!r}\n".encode())
    assert any(issue.file.endswith("problem.yaml") for issue in catalog.issues)


def test_deep_nesting_and_tabs_are_reported_with_their_line(tmp_path):
    deep = load_with(tmp_path, ("a: " + "[" * 5000 + "]" * 5000 + "\n").encode())
    (issue,) = deep.issues
    assert issue.line == 1 and "nesting" in issue.message
    tabs = load_with(tmp_path, b"id: t\n\ttitle: tabbed\n")
    (issue,) = tabs.issues
    assert issue.line == 2 and "tab" in issue.message
