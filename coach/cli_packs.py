"""`coach packs ...`: the pack commands of the command line."""

from __future__ import annotations

import argparse
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
