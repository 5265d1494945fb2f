"""Turn pydantic validation errors into LoadIssues with lines and suggestions."""

from __future__ import annotations

import difflib
from functools import cache
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from coach.domain.problem import PackManifest, Problem, ProblemSteps, StepContent
from coach.domain.rubric import Concept, Criterion, Lexicon, Rubric, RubricStep, RubricSteps
from coach.packs.issues import LoadIssue
from coach.packs.yaml_source import YamlDocument

Model = TypeVar("Model", bound=BaseModel)

_FILE_MODELS: tuple[type[BaseModel], ...] = (
    PackManifest, Problem, ProblemSteps, StepContent, Criterion, Concept,
    Lexicon, Rubric, RubricStep, RubricSteps,
)


@cache
def known_keys() -> tuple[str, ...]:
    return tuple(sorted({name for model in _FILE_MODELS for name in model.model_fields}))


def key_path(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.7)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _message(error: dict) -> str:
    kind = error["type"]
    loc = error["loc"]
    if kind == "extra_forbidden":
        return f"unknown key {loc[-1]!r}{did_you_mean(str(loc[-1]), known_keys())}"
    if kind == "missing":
        return f"missing required key {loc[-1]!r}"
    message = error["msg"].removeprefix("Value error, ")
    if kind.endswith("_type") or kind in ("enum", "literal_error", "string_pattern_mismatch"):
        message += f", got {error.get('input')!r}"[:120]
    return message


def validate(model: type[Model], doc: YamlDocument,
             file: str) -> tuple[Model | None, list[LoadIssue]]:
    """The model, or None and one issue per problem pydantic found (all at once)."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as errors:
        issues = []
        for error in errors.errors(include_url=False):
            loc = tuple(error["loc"])
            # A missing key has no node of its own: point at its parent mapping.
            line, column = doc.position(loc)
            issues.append(LoadIssue(file, line, column, key_path(loc), _message(error)))
        return None, issues
