"""The loaded catalog: problems by id, the generic rubric, the lexicon, and what failed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from coach.domain.problem import CatalogEntry
from coach.domain.rubric import Lexicon, Rubric
from coach.domain.steps import STEPS
from coach.packs.issues import LoadIssue, Severity


@dataclass(frozen=True)
class Catalog:
    entries: tuple[CatalogEntry, ...]
    rubric: Rubric
    lexicon: Lexicon
    issues: tuple[LoadIssue, ...] = field(default=())

    def get(self, problem_id: str) -> CatalogEntry | None:
        return next((entry for entry in self.entries if entry.id == problem_id), None)

    def suggest(self, problem_id: str) -> list[str]:
        ids = [entry.id for entry in self.entries]
        return difflib.get_close_matches(problem_id, ids, n=3, cutoff=0.5)

    def matching(self, query: str) -> list[CatalogEntry]:
        """Entries where every word of the query is in the title or id, or is a tag, the
        difficulty or the pack ("hard geo" finds hard problems tagged geospatial)."""
        needles = query.casefold().split()
        return [entry for entry in self.entries if all(_matches(entry, n) for n in needles)]

    def criterion_title(self, criterion_id: str) -> str | None:
        """The title of a criterion of the generic rubric or of any problem, by id."""
        return _criterion_titles(self).get(criterion_id)

    @property
    def errors(self) -> tuple[LoadIssue, ...]:
        return tuple(issue for issue in self.issues if issue.severity is Severity.ERROR)

    @property
    def broken_files(self) -> list[str]:
        return sorted({issue.file for issue in self.errors})


def _criterion_titles(catalog: Catalog) -> dict[str, str]:
    titles: dict[str, str] = {}
    for info in STEPS:
        for criterion in getattr(catalog.rubric.steps, info.key).criteria:
            titles[criterion.id] = criterion.title
        for entry in catalog.entries:
            for criterion in entry.problem.steps.by_number(info.number).criteria:
                titles.setdefault(criterion.id, criterion.title)
    return titles


def _matches(entry: CatalogEntry, needle: str) -> bool:
    problem = entry.problem
    return (needle in problem.title.casefold() or needle in entry.id
            or any(tag.startswith(needle) for tag in problem.tags)
            or problem.difficulty.value == needle or entry.pack_id.casefold() == needle)
