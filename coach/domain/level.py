"""Target seniority. Plain enum, so the command line can use it without loading pydantic."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """The seniority a criterion expects; an attempt is scored for one target level."""

    MID = "mid"
    SENIOR = "senior"
    STAFF = "staff"

    @property
    def rank(self) -> int:
        return list(Level).index(self)
