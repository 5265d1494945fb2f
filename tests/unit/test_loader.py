import shutil
from pathlib import Path

import pytest

from coach import paths
from coach.packs.loader import load_catalog
from coach.packs.yaml_source import read_yaml

BUILTIN = paths.bundled_dir("problems") / "core"


def test_builtin_catalog_loads_cleanly(catalog):
    assert {"ride-sharing", "newsfeed", "file-sharing"} <= {e.id for e in catalog.entries}
    assert catalog.issues == ()
    for entry in catalog.entries:
        problem = entry.problem
        assert entry.pack_id == "core"
        for number in range(1, 8):
            content = problem.steps.by_number(number)
            assert content.guidance and content.reference
        assert sum(len(problem.steps.by_number(n).criteria) for n in range(1, 7)) >= 18


def make_pack(root: Path, files: dict[str, str], manifest: str | None = None) -> Path:
    pack = root / "mine"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text(manifest or
                                    "id: mine\nname: Mine\nversion: '1'\ndescription: test\n")
    for name, text in files.items():
        (pack / name).write_bytes(text.encode() if isinstance(text, str) else text)
    return pack


def valid_problem_text(new_id: str) -> str:
    text = (BUILTIN / "newsfeed.yaml").read_text(encoding="utf-8")
    return text.replace("id: newsfeed", f"id: {new_id}", 1)


def test_valid_user_pack_is_added(tmp_path):
    pack = make_pack(tmp_path, {"feed2.yaml": valid_problem_text("feed-two")})
    catalog = load_catalog(extra_roots=[pack])
    entry = catalog.get("feed-two")
    assert entry is not None and entry.pack_id == "mine"
    assert catalog.issues == ()


def test_broken_files_are_reported_with_line_and_the_rest_still_load(tmp_path):
    broken = "id: broken\ntitle: [unclosed\n"
    misspelt = valid_problem_text("typo").replace("  clarify:\n    guidance:",
                                                  "  clarify:\n    guidence:", 1)
    pack = make_pack(tmp_path, {
        "a-good.yaml": valid_problem_text("good-one"),
        "b-syntax.yaml": broken,
        "c-typo.yaml": misspelt,
        "d-bytes.yaml": b"id: x\ntitle: \xff\xfe\n",
    })
    catalog = load_catalog(extra_roots=[pack])
    assert catalog.get("good-one") is not None
    assert catalog.get("typo") is None
    by_file = {Path(i.file).name: i for i in catalog.issues}
    assert set(by_file) == {"b-syntax.yaml", "c-typo.yaml", "d-bytes.yaml"}
    syntax = by_file["b-syntax.yaml"]
    assert syntax.line in (2, 3) and "invalid YAML" in syntax.message
    typo_issues = [i for i in catalog.issues if i.file.endswith("c-typo.yaml")]
    unknown = next(i for i in typo_issues if "unknown key" in i.message)
    assert "did you mean 'guidance'" in unknown.message
    assert unknown.key == "steps.clarify.guidence"
    source_line = misspelt.splitlines()[unknown.line - 1]
    assert "guidence" in source_line
    assert by_file["d-bytes.yaml"].line == 2 and "UTF-8" in by_file["d-bytes.yaml"].message
    assert sorted(Path(f).name for f in catalog.broken_files) == sorted(by_file)


def test_unknown_concept_is_an_error_with_a_suggestion(tmp_path):
    text = valid_problem_text("concepts").replace("any_of: [", "any_of: [load_balancr, ", 1)
    pack = make_pack(tmp_path, {"p.yaml": text})
    catalog = load_catalog(extra_roots=[pack])
    assert catalog.get("concepts") is None
    (issue,) = catalog.issues
    assert "unknown concept 'load_balancr'" in issue.message
    assert "did you mean 'load_balancer'" in issue.message
    assert issue.line is not None and "load_balancr" in text.splitlines()[issue.line - 1]


def test_duplicate_problem_id_keeps_the_builtin(tmp_path):
    pack = make_pack(tmp_path, {"n.yaml": valid_problem_text("newsfeed")})
    catalog = load_catalog(extra_roots=[pack])
    assert catalog.get("newsfeed").pack_id == "core"
    (issue,) = catalog.issues
    assert "already defined" in issue.message


def test_broken_manifest_skips_the_pack(tmp_path):
    pack = make_pack(tmp_path, {"p.yaml": valid_problem_text("orphan")}, manifest="id: [\n")
    catalog = load_catalog(extra_roots=[pack])
    assert catalog.get("orphan") is None
    assert catalog.issues[0].file.endswith("pack.yaml")


def test_missing_extra_folder_is_a_warning(tmp_path):
    catalog = load_catalog(extra_roots=[tmp_path / "nope"])
    assert [i.severity.value for i in catalog.issues] == ["warning"]
    assert len(catalog.entries) >= 3


def test_packs_in_coach_packs_and_user_folder_are_found(tmp_path, monkeypatch, isolated_home):
    user_root = isolated_home / "packs"
    make_pack(user_root, {"u.yaml": valid_problem_text("from-user")})
    extra = make_pack(tmp_path, {"e.yaml": valid_problem_text("from-env")}).parent
    shutil.move(str(extra / "mine"), str(extra / "other"))
    (extra / "other" / "pack.yaml").write_text(
        "id: other\nname: O\nversion: '1'\ndescription: d\n")
    monkeypatch.setenv("COACH_PACKS", str(extra))
    catalog = load_catalog()
    assert catalog.get("from-user").pack_id == "mine"
    assert catalog.get("from-env").pack_id == "other"


def test_unsafe_yaml_tags_are_rejected(tmp_path):
    pack = make_pack(tmp_path, {"evil.yaml": "id: !!python/object/apply:os.system ['true']\n"})
    catalog = load_catalog(extra_roots=[pack])
    (issue,) = catalog.issues
    assert issue.line == 1 and "invalid YAML" in issue.message


def test_positions_point_at_keys(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a:\n  b:\n    - 1\n    - two\n")
    doc = read_yaml(path)
    assert doc.position(("a", "b", 1)) == (4, 7)
    assert doc.position(("a", "missing")) == (2, 3)


@pytest.mark.parametrize("text", ["", "just a string", "- a list\n"])
def test_wrong_top_level_shapes_are_reported(tmp_path, text):
    pack = make_pack(tmp_path, {"p.yaml": text})
    catalog = load_catalog(extra_roots=[pack])
    assert catalog.issues and all(i.file.endswith("p.yaml") for i in catalog.issues)
