"""The loaded catalog: problems by id, the generic rubric, the lexicon, and what failed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from coach.domain.problem import CatalogEntry
from coach.domain.rubric import Lexicon, Rubric
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

    @property
    def errors(self) -> tuple[LoadIssue, ...]:
        return tuple(issue for issue in self.issues if issue.severity is Severity.ERROR)

    @property
    def broken_files(self) -> list[str]:
        return sorted({issue.file for issue in self.errors})
