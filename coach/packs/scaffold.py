"""`coach packs new` and `coach packs schema`: a pack to start from, and its JSON Schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

from coach.errors import CoachError

SCAFFOLD = Path(__file__).parent / "scaffold"
EXAMPLE = "example-problem.yaml"
PROBLEM_SCHEMA = "pack-problem.schema.json"
MANIFEST_SCHEMA = "pack.schema.json"


def problem_schema() -> dict:
    from coach.domain.problem import Problem

    return Problem.model_json_schema() | {"title": "coach problem"}


def manifest_schema() -> dict:
    from coach.domain.problem import PackManifest

    return PackManifest.model_json_schema() | {"title": "coach pack manifest"}


def pack_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    if not slug:
        raise CoachError(f"{name!r} has no letters or digits to make a pack id from",
                         "name the pack with words, e.g. `coach packs new fintech-problems`")
    return slug[:60]


def new_pack(name: str, parent: Path) -> Path:
    """A pack folder with a manifest, the commented example problem and the schemas."""
    identifier = pack_id(name)
    example = SCAFFOLD / EXAMPLE
    if not example.is_file():
        raise CoachError(f"the example problem {example} is missing",
                         "the coach install is damaged; reinstall it")
    folder = parent / identifier
    if folder.exists() and any(folder.iterdir()):
        raise CoachError(f"{folder} already exists and is not empty",
                         "pick another name or --dir")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(
        f"# yaml-language-server: $schema={MANIFEST_SCHEMA}\n"
        "# The pack: its id (unique among packs), a name and a version to bump on changes.\n"
        f"id: {identifier}\n"
        f"name: {json.dumps(name)}\n"
        'version: "0.1.0"\n'
        "description: What these problems are about and who they are for.\n"
        "author: Your name\n"
        "licence: CC-BY-4.0\n", encoding="utf-8")
    (folder / EXAMPLE).write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / PROBLEM_SCHEMA).write_text(json.dumps(problem_schema(), indent=2) + "\n",
                                         encoding="utf-8")
    (folder / MANIFEST_SCHEMA).write_text(json.dumps(manifest_schema(), indent=2) + "\n",
                                          encoding="utf-8")
    return folder
