"""Read a Markdown answer file: one heading per step, in any of the usual spellings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coach.domain.steps import STEPS

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*?)[ \t#]*$")
_NUMBERED = re.compile(r"^(?:step\s*)?(?P<number>\d+)\s*(?:[.):\-\u2013\u2014]|$)\s*(?P<rest>.*)$")
_STEP_ONLY = re.compile(r"^step\s*(?P<number>\d+)\b\s*[.):\-\u2013\u2014]?\s*(?P<rest>.*)$")
_NON_WORD = re.compile(r"[^a-z0-9]+")

# What coach writes into an exported answer besides the answers (flow charts, the scores
# appendix) sits between these comment lines, so re-reading the export scores only answers.
GENERATED_START = "<!-- coach:generated -->"
GENERATED_END = "<!-- /coach:generated -->"

# Names people give the steps in their own notes, besides the official titles.
_ALIASES: dict[int, tuple[str, ...]] = {
    1: ("requirements", "clarify requirements", "clarifying requirements", "clarify"),
    2: ("scale", "scale and constraints", "estimates", "estimation", "capacity estimation",
        "back of the envelope", "constraints"),
    3: ("architecture", "high level architecture", "high level design", "hld"),
    4: ("data model", "data models", "data", "storage", "data model and storage", "schema"),
    5: ("components", "apis", "api", "api design", "components and apis", "core components",
        "low level design", "lld"),
    6: ("scaling", "scalability", "scaling and reliability", "reliability", "performance"),
    7: ("trade offs", "tradeoffs", "summary", "trade offs and execution", "wrap up"),
}


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


_NAMES: dict[str, int] = {}
for _info in STEPS:
    for _name in (_info.title, _info.short, _info.key, *_ALIASES[_info.number]):
        _NAMES[_key(_name)] = _info.number


def step_of_heading(heading: str) -> int | None:
    """The step (1-7) a heading names, or None for any other heading."""
    text = heading.strip().casefold()
    match = _STEP_ONLY.match(text) or _NUMBERED.match(text)
    if match:
        number = int(match["number"])
        return number if 1 <= number <= len(STEPS) else None
    return _NAMES.get(_key(text))


@dataclass
class AnswerFile:
    texts: list[str]
    preamble: str = ""
    found_steps: list[int] = field(default_factory=list)


def parse_answer(markdown: str) -> AnswerFile:
    """Split on step headings; other headings stay inside the step they appear in. Blocks
    coach generated into an export are left out."""
    parts: dict[int, list[str]] = {n: [] for n in range(1, len(STEPS) + 1)}
    preamble: list[str] = []
    found: list[int] = []
    current: int | None = None
    generated = False
    for line in markdown.splitlines():
        if line.strip() in (GENERATED_START, GENERATED_END):
            generated = line.strip() == GENERATED_START
            continue
        if generated:
            continue
        heading = _HEADING.match(line)
        number = step_of_heading(heading["text"]) if heading else None
        if number is not None:
            current = number
            if number not in found:
                found.append(number)
            continue
        (parts[current] if current is not None else preamble).append(line)
    texts = ["\n".join(parts[n]).strip() for n in range(1, len(STEPS) + 1)]
    return AnswerFile(texts, "\n".join(preamble).strip(), found)


def format_answer(texts: list[str], title: str | None = None) -> str:
    """The inverse of parse_answer: the canonical Markdown form of seven answers."""
    out = [f"# {title}", ""] if title else []
    for info, text in zip(STEPS, texts, strict=True):
        out += [f"## {info.number}. {info.title}", "", text.strip(), ""]
    return "\n".join(out).rstrip() + "\n"
