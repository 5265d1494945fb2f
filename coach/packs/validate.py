"""`coach packs validate`: load a pack the way the app would, then lint every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coach.domain.rubric import Lexicon
from coach.packs.issues import LoadIssue, Severity
from coach.packs.loader import MANIFEST, discover, load_pack, load_problem, load_rubric_and_lexicon


@dataclass
class ValidationReport:
    packs: int = 0
    problems: int = 0
    issues: list[LoadIssue] = field(default_factory=list)

    @property
    def errors(self) -> list[LoadIssue]:
        return [issue for issue in self.issues if issue.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[LoadIssue]:
        return [issue for issue in self.issues if issue.severity is not Severity.ERROR]


def validate_path(path: Path) -> ValidationReport:
    """A pack folder, a folder of packs, or one problem file; every finding at once."""
    from coach.packs.lint import lint
    from coach.scoring.scorer import Scorer

    rubric, lexicon = load_rubric_and_lexicon()
    report = ValidationReport()
    if path.is_file():
        entries = [load_problem(path, lexicon, report.issues)]
    else:
        packs = discover([path], report.issues, must_exist=True)
        if not packs and path.is_dir():
            report.issues.append(LoadIssue(str(path), None, None, "", f"no {MANIFEST} here or "
                                           "in its subfolders: not a pack"))
        entries = [entry for pack in packs for entry in load_pack(pack, lexicon, report.issues)]
        report.packs = len(packs)
    loaded = [entry for entry in entries if entry is not None]
    report.problems = len(loaded)
    seen: dict[str, str] = {}
    built_in = _built_in_ids(path, lexicon)
    scorer = Scorer(rubric, lexicon)
    for entry in loaded:
        if entry.id in seen:
            report.issues.append(LoadIssue(entry.source, None, None, "id",
                                           f"problem id {entry.id!r} is also in {seen[entry.id]}"))
        seen.setdefault(entry.id, entry.source)
        if entry.id in built_in:
            report.issues.append(LoadIssue(entry.source, None, None, "id",
                                           f"problem id {entry.id!r} is a built-in problem; "
                                           "the built-in one wins and this one is skipped"))
        report.issues.extend(lint(entry, scorer))
    return report


def _built_in_ids(path: Path, lexicon: Lexicon) -> set[str]:
    """Ids of the built-in problems, unless `path` is the built-in folder itself."""
    from coach import paths

    built_in = paths.bundled_dir("problems")
    target = path.resolve()
    if target == built_in.resolve() or built_in.resolve() in target.parents:
        return set()
    return {entry.id for pack in discover([built_in], [])
            for entry in load_pack(pack, lexicon, [])}
