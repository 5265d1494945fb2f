"""Load the built-in and user packs. Never raises for a broken pack: it reports and skips it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from coach import paths
from coach.domain.problem import (
    CatalogEntry,
    PackManifest,
    PackRubric,
    Problem,
    ProblemSteps,
)
from coach.domain.rubric import Criterion, Lexicon, Rubric, RubricSteps
from coach.domain.signals import SIGNALS
from coach.domain.steps import STEPS
from coach.errors import CoachError
from coach.packs.catalog import Catalog
from coach.packs.issues import LoadIssue, Severity
from coach.packs.validation import did_you_mean, key_path, validate
from coach.packs.yaml_source import YamlDocument, YamlReadError, read_yaml

MANIFEST = "pack.yaml"
PACK_RUBRIC = "rubric.yaml"  # optional: criteria and step weights for every problem
M = TypeVar("M", bound=BaseModel)


def load_catalog(extra_roots: Iterable[Path] | None = None) -> Catalog:
    """Built-in packs first, then the user packs folder, then COACH_PACKS folders."""
    rubric, lexicon = load_rubric_and_lexicon()
    extra = list(extra_roots) if extra_roots is not None else paths.extra_pack_dirs()
    issues: list[LoadIssue] = []
    entries: dict[str, CatalogEntry] = {}
    pack_dirs = discover([paths.bundled_dir("problems"), paths.user_packs_dir()], issues)
    pack_dirs += discover(extra, issues, must_exist=True)
    for pack_dir in pack_dirs:
        for entry in load_pack(pack_dir, lexicon, issues):
            if entry.id in entries:
                issues.append(LoadIssue(
                    entry.source, None, None, "id",
                    f"problem id {entry.id!r} is already defined in "
                    f"{entries[entry.id].source}; skipped",
                ))
                continue
            entries[entry.id] = entry
    return Catalog(tuple(entries.values()), rubric, lexicon, tuple(issues))


def load_rubric_and_lexicon() -> tuple[Rubric, Lexicon]:
    """The built-in rubric and lexicon; a broken one is a bug, reported as a CoachError."""
    folder = paths.bundled_dir("rubrics")
    issues: list[LoadIssue] = []
    lexicon, _ = _read(folder / "lexicon.yaml", Lexicon, issues)
    rubric_path = folder / "generic.yaml"
    rubric, doc = _read(rubric_path, Rubric, issues)
    if lexicon is not None and rubric is not None:
        _check_criteria(rubric.steps, set(lexicon.concepts), str(rubric_path), doc, issues)
    if issues or rubric is None or lexicon is None:
        first = issues[0].format() if issues else f"{folder}: rubric files missing"
        raise CoachError(first, "the installed rubric is damaged; reinstall coach")
    return rubric, lexicon


def discover(roots: list[Path], issues: list[LoadIssue], must_exist: bool = False) -> list[Path]:
    """Each root is a pack (it holds pack.yaml) or a folder of packs."""
    found: list[Path] = []
    for root in roots:
        if not root.is_dir():
            if must_exist or root.exists():
                issues.append(LoadIssue(str(root), None, None, "",
                                        "not a folder of packs; skipped", Severity.WARNING))
            continue
        if (root / MANIFEST).is_file():
            found.append(root)
        else:
            found.extend(sorted(child for child in root.iterdir() if (child / MANIFEST).is_file()))
    return found


def read_manifest(pack_dir: Path) -> PackManifest | None:
    """A pack's manifest, or None when it is missing or broken."""
    manifest, _ = _read(pack_dir / MANIFEST, PackManifest, [])
    return manifest


def load_pack(pack_dir: Path, lexicon: Lexicon, issues: list[LoadIssue]) -> list[CatalogEntry]:
    """The valid problems of one pack; every problem found is added to `issues`."""
    manifest, _ = _read(pack_dir / MANIFEST, PackManifest, issues)
    if manifest is None:
        return []
    extra = _pack_rubric(pack_dir, lexicon, issues)
    entries = [load_problem(path, lexicon, issues, manifest, extra)
               for path in problem_files(pack_dir)]
    return [entry for entry in entries if entry is not None]


def problem_files(pack_dir: Path) -> list[Path]:
    """The problem files of a pack: every YAML file but the manifest and the pack rubric."""
    return sorted(p for p in pack_dir.iterdir()
                  if p.suffix in (".yaml", ".yml") and p.name not in (MANIFEST, PACK_RUBRIC))


def _pack_rubric(pack_dir: Path, lexicon: Lexicon,
                 issues: list[LoadIssue]) -> PackRubric | None:
    path = pack_dir / PACK_RUBRIC
    if not path.is_file():
        return None
    extra, doc = _read(path, PackRubric, issues)
    if extra is None:
        return None
    known, before = set(lexicon.concepts), len(issues)
    for key, step in extra.steps.items():
        for index, criterion in enumerate(step.criteria):
            for field, position, concept_id in _unknown_concepts(criterion, known):
                _report(issues, str(path), doc,
                        ("steps", key, "criteria", index, field, position),
                        f"unknown concept {concept_id!r}: a pack rubric can use the "
                        f"shared lexicon only{did_you_mean(concept_id, sorted(known))}")
    return extra if len(issues) == before else None  # reported; the problems load without it


def _with_pack_rubric(problem: Problem, extra: PackRubric) -> Problem:
    steps = {key: getattr(problem.steps, key).model_copy(update={
        "criteria": [*step.criteria, *getattr(problem.steps, key).criteria]})
        for key, step in extra.steps.items()}
    weights = {key: step.weight for key, step in extra.steps.items() if step.weight}
    return problem.model_copy(update={
        "steps": problem.steps.model_copy(update=steps),
        "step_weights": {**weights, **problem.step_weights}})


def load_problem(path: Path, lexicon: Lexicon, issues: list[LoadIssue],
                 manifest: PackManifest | None = None,
                 extra: PackRubric | None = None) -> CatalogEntry | None:
    """One problem file, checked against the lexicon; None (and issues) when broken.
    `extra` is the pack's rubric, added to the problem's own criteria."""
    problem, doc = _read(path, Problem, issues)
    if problem is None:
        return None
    before = len(issues)
    known = set(lexicon.concepts) | set(problem.concepts)
    # The file's own criteria are checked before the pack's join them, so every finding
    # points at the right line of this file.
    _check_criteria(problem.steps, known, str(path), doc, issues,
                    reserved=_criterion_ids(extra))
    for index, fact in enumerate(problem.facts):
        for position, concept_id in enumerate(fact.concepts):
            if concept_id not in known:
                _report(issues, str(path), doc, ("facts", index, "concepts", position),
                        f"unknown concept {concept_id!r}"
                        f"{did_you_mean(concept_id, sorted(known))}")
    if len(issues) > before:
        return None
    if extra is not None:
        problem = _with_pack_rubric(problem, extra)
    if problem.language is None:
        problem = problem.model_copy(update={"language": manifest.language if manifest else "en"})
    return CatalogEntry(problem=problem, pack_id=manifest.id if manifest else "",
                        pack_version=manifest.version if manifest else "", source=str(path))


def _read(path: Path, model: type[M],
          issues: list[LoadIssue]) -> tuple[M | None, YamlDocument | None]:
    try:
        doc = read_yaml(path)
    except YamlReadError as error:
        issues.append(LoadIssue(str(path), error.line, error.column, "", error.message))
        return None, None
    value, found = validate(model, doc, str(path))
    issues.extend(found)
    return value, doc


def _unknown_concepts(criterion: Criterion, known: set[str]
                      ) -> Iterator[tuple[str, int, str]]:
    """(field, position, id) of each concept a criterion names that is neither known nor a
    signal."""
    for field in ("any_of", "all_of", "path"):
        for position, concept_id in enumerate(getattr(criterion, field)):
            if concept_id not in known and concept_id not in SIGNALS:
                yield field, position, concept_id


def _criterion_ids(extra: PackRubric | None) -> set[str]:
    return {c.id for step in extra.steps.values() for c in step.criteria} if extra else set()


def _check_criteria(steps: ProblemSteps | RubricSteps, known: set[str], file: str,
                    doc: YamlDocument | None, issues: list[LoadIssue],
                    reserved: set[str] | None = None) -> None:
    """What pydantic cannot check alone: concept ids exist and criterion ids are unique
    (also against `reserved`, the ids of the pack rubric's criteria)."""
    seen: set[str] = set(reserved or ())
    for info in STEPS:
        for index, criterion in enumerate(getattr(steps, info.key).criteria):
            loc: tuple[str | int, ...] = ("steps", info.key, "criteria", index)
            for field, position, concept_id in _unknown_concepts(criterion, known):
                _report(issues, file, doc, (*loc, field, position),
                        f"unknown concept {concept_id!r}"
                        f"{did_you_mean(concept_id, sorted(known | set(SIGNALS)))}")
            if criterion.id in seen:
                _report(issues, file, doc, (*loc, "id"), f"duplicate criterion id {criterion.id!r}")
            seen.add(criterion.id)


def _report(issues: list[LoadIssue], file: str, doc: YamlDocument | None,
            loc: tuple[str | int, ...], message: str) -> None:
    line, column = doc.position(loc) if doc is not None else (None, None)
    issues.append(LoadIssue(file, line, column, key_path(loc), message))
