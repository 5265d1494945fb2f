"""A pack's rubric.yaml adds criteria to every problem of the pack and sets step weights."""

from coach.packs.loader import load_catalog
from tests.unit.test_loader import make_pack, valid_problem_text

RUBRIC = """\
steps:
  clarify:
    criteria:
      - id: house.compliance
        title: Compliance named
        looks_for: The regulation the system must follow.
        any_of: [security]
        miss: Name the regulation that applies, e.g. PCI DSS for card data.
  architecture:
    weight: 4
"""


def test_pack_rubric_criteria_and_weights_apply_to_each_problem(tmp_path, scorer):
    pack = make_pack(tmp_path, {"one.yaml": valid_problem_text("one"),
                                "two.yaml": valid_problem_text("two"), "rubric.yaml": RUBRIC})
    catalog = load_catalog(extra_roots=[pack])
    assert catalog.issues == ()
    for problem_id in ("one", "two"):
        problem = catalog.get(problem_id).problem
        assert problem.steps.clarify.criteria[0].id == "house.compliance"
        assert problem.step_weights == {"architecture": 4}
    report = scorer.score(catalog.get("one").problem,
                          ["Card data is encrypted to meet PCI security rules.", *[""] * 6])
    assert report.steps[2].weight == 4
    compliance = next(c for c in report.steps[0].criteria if c.id == "house.compliance")
    assert compliance.met


def test_a_broken_pack_rubric_is_reported_and_the_problems_still_load(tmp_path):
    broken = RUBRIC.replace("any_of: [security]", "any_of: [securty]")
    pack = make_pack(tmp_path, {"one.yaml": valid_problem_text("one"), "rubric.yaml": broken})
    catalog = load_catalog(extra_roots=[pack])
    (issue,) = catalog.issues
    assert issue.file.endswith("rubric.yaml") and issue.line == 7  # the any_of line
    assert "did you mean 'security'" in issue.message
    assert catalog.get("one") is not None
    assert catalog.get("one").problem.steps.clarify.criteria[0].id != "house.compliance"


def test_with_a_pack_rubric_a_problems_own_mistake_points_at_its_own_line(tmp_path):
    text = valid_problem_text("one")
    lines = text.splitlines()
    first_any_of = next(i for i, line in enumerate(lines)
                        if line.strip().startswith("any_of:") and i > lines.index("steps:"))
    lines[first_any_of] = lines[first_any_of].split("any_of:")[0] + "any_of: [nonsense_concept]"
    pack = make_pack(tmp_path, {"one.yaml": "\n".join(lines) + "\n", "rubric.yaml": RUBRIC})
    (issue,) = load_catalog(extra_roots=[pack]).issues
    assert issue.file.endswith("one.yaml") and issue.line == first_any_of + 1


def test_a_problem_criterion_reusing_a_pack_rubric_id_is_reported(tmp_path):
    text = valid_problem_text("one").replace("- id: nf.clarify.publish-and-read",
                                             "- id: house.compliance", 1)
    assert "house.compliance" in text
    pack = make_pack(tmp_path, {"one.yaml": text, "rubric.yaml": RUBRIC})
    catalog = load_catalog(extra_roots=[pack])
    assert any("duplicate criterion id 'house.compliance'" in i.message for i in catalog.issues)
    assert catalog.get("one") is None


def test_list_counts_problems_not_the_pack_rubric(tmp_path, monkeypatch):
    from coach.packs.install import list_packs

    pack = make_pack(tmp_path, {"one.yaml": valid_problem_text("one"), "rubric.yaml": RUBRIC})
    monkeypatch.setenv("COACH_PACKS", str(pack))
    (mine,) = [p for p in list_packs() if p.id == "mine"]
    assert mine.problems == 1 and mine.where == "COACH_PACKS"
