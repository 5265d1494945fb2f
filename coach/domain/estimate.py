"""Reference ranges for back-of-envelope estimates: where a sane figure for one quantity lies."""

from __future__ import annotations

import math
from enum import StrEnum

from pydantic import Field, model_validator

from coach.domain.rubric import Identifier, Line, Strict


class EstimateUnit(StrEnum):
    COUNT = "count"
    PER_SECOND = "per_second"
    PER_DAY = "per_day"
    BYTES = "bytes"
    BYTES_PER_DAY = "bytes_per_day"
    BYTES_PER_SECOND = "bytes_per_second"


class ReferenceEstimate(Strict):
    """One quantity a scale answer should estimate, and the range a sane answer falls in.

    `terms` are the words that say a line is about this quantity ("qps", "requests per second").
    """

    id: Identifier
    label: Line
    unit: EstimateUnit
    low: float
    high: float
    terms: list[Line] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> ReferenceEstimate:
        if not (math.isfinite(self.low) and math.isfinite(self.high)):
            raise ValueError("low and high must be finite numbers")
        if not 0 < self.low <= self.high:
            raise ValueError(f"need 0 < low <= high, got low={self.low}, high={self.high}")
        return self
