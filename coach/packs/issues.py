"""A problem found while loading a pack file, pointing at the file, line and key."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class LoadIssue:
    file: str
    line: int | None
    column: int | None
    key: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """`file:line:column: key: message`, the form editors and terminals link to."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"
