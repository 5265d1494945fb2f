"""`coach packs ...`: the pack commands of the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coach.errors import UsageError


def validate_command(args: argparse.Namespace) -> int:
    from coach.packs.validate import validate_path

    path = Path(args.path)
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    report = validate_path(path)
    for issue in report.errors:
        print(issue.format())
    if report.warnings:
        print("warnings:")
        for issue in report.warnings:
            print(f"  {issue.format()}")
    packs = f"{report.packs} pack{'s' if report.packs != 1 else ''}, " if report.packs else ""
    print(f"checked {packs}{report.problems} problem{'s' if report.problems != 1 else ''}: "
          f"{len(report.errors)} error{'s' if len(report.errors) != 1 else ''}, "
          f"{len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''}")
    return 1 if report.errors else 0


def new_command(args: argparse.Namespace) -> int:
    from coach.packs.scaffold import new_pack

    folder = new_pack(args.name, Path(args.dir))
    print(f"created {folder}: pack.yaml, example-problem.yaml and JSON Schemas for editors")
    print(f"next: edit the example, then `coach packs validate {folder}`; "
          f"`coach packs install {folder}` adds it to the app")
    return 0


def schema_command(args: argparse.Namespace) -> int:
    from coach.packs.scaffold import manifest_schema, problem_schema

    print(json.dumps(manifest_schema() if args.manifest else problem_schema(), indent=2))
    return 0


def list_command(args: argparse.Namespace) -> int:
    from coach.packs.install import list_packs

    packs = list_packs()
    if args.json:
        print(json.dumps({"packs": [
            {"id": p.id, "name": p.name, "version": p.version, "problems": p.problems,
             "where": p.where, "folder": str(p.folder)} for p in packs]}, indent=2))
        return 0
    for pack in packs:
        print(f"{pack.id:<20} {pack.version:<10} {pack.problems:>3} problems  {pack.where:<11} "
              f"{pack.name}")
    return 0


def install_command(args: argparse.Namespace) -> int:
    from coach.packs.install import install

    source = Path(args.source)
    if not source.exists():
        raise UsageError(f"{source}: no such file or folder")
    pack, warnings = install(source, replace=args.replace)
    for issue in warnings:
        print(f"coach: warning: {issue.format()}", file=sys.stderr)
    print(f"installed {pack.id} {pack.version} ({pack.problems} problems) in {pack.folder}")
    return 0


def remove_command(args: argparse.Namespace) -> int:
    from coach.packs.install import remove

    pack = remove(args.pack_id)
    print(f"removed {pack.id} {pack.version} from {pack.folder}")
    return 0
