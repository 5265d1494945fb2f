"""A pack in another language: its own stemmer where Snowball has one, plain words otherwise."""

import pytest

from coach.packs.loader import load_catalog
from coach.scoring.scorer import Scorer
from tests.unit.test_loader import make_pack, valid_problem_text

FRENCH_CRITERION = (
    "      - id: fr.replication\n"
    "        title: Réplication des données\n"
    "        looks_for: Les données sont copiées sur plusieurs nœuds.\n"
    "        any_of: [replication_fr]\n"
    "        miss: Dites comment les données sont répliquées.\n")
FRENCH_CONCEPT = ("  replication_fr:\n    label: réplication\n"
                  "    terms: [réplication, copie sur plusieurs nœuds]\n")


def french_pack(tmp_path, language: str):
    text = valid_problem_text("flux")
    at = text.index("    criteria:\n", text.index("  scaling:\n")) + len("    criteria:\n")
    text = text[:at] + FRENCH_CRITERION + text[at:]
    text = text.replace("\nconcepts:\n", "\nconcepts:\n" + FRENCH_CONCEPT, 1)
    manifest = f"id: fr-pack\nname: Français\nversion: '1'\ndescription: test\n" \
               f"language: {language}\n"
    return make_pack(tmp_path, {"flux.yaml": text}, manifest)


@pytest.mark.parametrize(("language", "answer", "met", "note"), [
    ("fr", "Les messages sont répliqués sur trois nœuds pour survivre à une panne.", True,
     "French stemmer"),
    ("xx", "Les messages sont répliqués sur trois nœuds pour survivre à une panne.", False,
     "plain tokens"),
    ("xx", "La réplication sur trois nœuds protège les messages d'une panne.", True,
     "plain tokens"),
])
def test_matching_follows_the_packs_language(tmp_path, language, answer, met, note):
    catalog = load_catalog(extra_roots=[french_pack(tmp_path, language)])
    assert catalog.issues == ()
    problem = catalog.get("flux").problem
    assert problem.language == language
    texts = ["", "", "", "", "", answer, ""]
    report = Scorer(catalog.rubric, catalog.lexicon).score(problem, texts)
    result = next(c for s in report.steps for c in s.criteria if c.id == "fr.replication")
    assert result.met is met
    assert any(note in text for text in report.notes)


def test_english_problems_carry_no_note(catalog, scorer):
    problem = catalog.get("newsfeed").problem
    assert problem.language == "en"
    assert scorer.score(problem, [""] * 7).notes == []
