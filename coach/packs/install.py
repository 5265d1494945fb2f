"""Install, list and remove packs in the user packs folder.

A pack arrives as a folder or a zip. A zip is unpacked into a temporary folder only after
every member passed the checks: no absolute paths, no `..`, no links, nothing too big.
Then the pack is validated like `coach packs validate`, and copied in only without errors.
"""

from __future__ import annotations

import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from coach import paths
from coach.errors import CoachError
from coach.packs.issues import LoadIssue
from coach.packs.loader import MANIFEST, discover

MAX_MEMBER_BYTES = 2_000_000
MAX_TOTAL_BYTES = 20_000_000
MAX_MEMBERS = 500


@dataclass(frozen=True)
class InstalledPack:
    id: str
    name: str
    version: str
    problems: int
    folder: Path
    where: str  # "built-in", "installed" or "COACH_PACKS"


def list_packs() -> list[InstalledPack]:
    """Every pack coach would load, in load order, with its problem count."""
    from coach.packs.loader import problem_files, read_manifest

    found: list[InstalledPack] = []
    sources = [(paths.bundled_dir("problems"), "built-in"), (paths.user_packs_dir(), "installed")]
    sources += [(folder, "COACH_PACKS") for folder in paths.extra_pack_dirs()]
    for root, where in sources:
        for folder in discover([root], []):
            manifest = read_manifest(folder)
            if manifest is None:
                continue
            found.append(InstalledPack(manifest.id, manifest.name, manifest.version,
                                       len(problem_files(folder)), folder, where))
    return found


def install(source: Path, replace: bool = False) -> tuple[InstalledPack, list[LoadIssue]]:
    """Copy a validated pack (folder or zip) into the user packs folder; returns it and its
    warnings. Raises CoachError, listing every error, when the pack is not valid."""
    from coach.packs.loader import read_manifest
    from coach.packs.validate import validate_path

    with tempfile.TemporaryDirectory(prefix="coach-pack-") as scratch:
        folder = _unzip(source, Path(scratch)) if zipfile.is_zipfile(source) else source
        if not (folder / MANIFEST).is_file():
            raise CoachError(f"{source}: no {MANIFEST} at its top: not a pack",
                             "a pack is a folder with pack.yaml and one YAML file per problem")
        report = validate_path(folder)
        if report.errors:
            lines = "\n".join(issue.format() for issue in report.errors)
            raise CoachError(f"{source}: not installed, {len(report.errors)} error(s):\n{lines}",
                             "fix them and run `coach packs validate` until it passes")
        manifest = read_manifest(folder)
        assert manifest is not None  # validated above
        target = paths.user_packs_dir() / manifest.id
        if target.exists() and not replace:
            raise CoachError(f"a pack with id {manifest.id!r} is already installed in {target}",
                             "use --replace to install this version over it")
        staging = target.with_name(f".{manifest.id}.installing")
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(folder, staging, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)  # the old version stays until the new one is complete
    pack = InstalledPack(manifest.id, manifest.name, manifest.version, report.problems,
                         target, "installed")
    return pack, report.warnings


def remove(pack_id: str) -> InstalledPack:
    named = [pack for pack in list_packs() if pack.id == pack_id]
    for pack in named:
        if pack.where == "installed":
            shutil.rmtree(pack.folder)
            return pack
    if named:
        raise CoachError(f"pack {pack_id!r} is {named[0].where} ({named[0].folder}), not "
                         "installed by coach", "only packs added with `coach packs install` "
                         "can be removed")
    raise CoachError(f"no installed pack with id {pack_id!r}",
                     "`coach packs list` shows the installed packs")


def _unzip(archive: Path, into: Path) -> Path:
    """Extract after checking every member; returns the pack folder inside."""
    with zipfile.ZipFile(archive) as zipped:
        members = zipped.infolist()
        if len(members) > MAX_MEMBERS:
            raise CoachError(f"{archive}: {len(members)} files; a pack has at most {MAX_MEMBERS}")
        total = 0
        for member in members:
            name = PurePosixPath(member.filename)
            if name.is_absolute() or member.filename.startswith(("/", "\\")) or ".." in name.parts:
                raise CoachError(f"{archive}: refused: {member.filename!r} points outside the "
                                 "pack")
            if stat.S_ISLNK(member.external_attr >> 16):
                raise CoachError(f"{archive}: refused: {member.filename!r} is a link")
            if member.file_size > MAX_MEMBER_BYTES:
                raise CoachError(f"{archive}: refused: {member.filename!r} is "
                                 f"{member.file_size:,} bytes (limit {MAX_MEMBER_BYTES:,})")
            total += member.file_size
        if total > MAX_TOTAL_BYTES:
            raise CoachError(f"{archive}: refused: {total:,} bytes unpacked "
                             f"(limit {MAX_TOTAL_BYTES:,})")
        zipped.extractall(into)
    if (into / MANIFEST).is_file():
        return into
    tops = [child for child in into.iterdir() if child.is_dir()]
    return tops[0] if len(tops) == 1 else into
