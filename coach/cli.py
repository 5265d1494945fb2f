"""The command line: the TUI by default, and the commands that work without it."""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from coach import __version__, cli_review
from coach.cli_review import add_review_commands
from coach.domain.level import Level
from coach.errors import CoachError, UnknownProblemError, UsageError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach", description="A local-first system design interview coach. "
        "With no command, opens the interactive coach.")
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file (default: COACH_DB, "
                        "else coach.db in COACH_HOME or the user data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    problems = commands.add_parser("problems", help="list the problems in the catalog")
    problems.add_argument("--json", action="store_true", help="print JSON")

    score = commands.add_parser("score", help="score a Markdown answer file")
    score.add_argument("file", metavar="FILE", help="answer file ('-' reads standard input)")
    score.add_argument("--problem", required=True, metavar="ID", help="problem id")
    score.add_argument("--level", choices=[level.value for level in Level],
                       help="target level (default: the one chosen in the app, else senior)")
    score.add_argument("--json", action="store_true", help="print JSON")
    score.add_argument("--save", action="store_true", help="store it as an attempt")

    rescore = commands.add_parser(
        "rescore", help="re-score stored attempts with the current rubric (or another level)",
        description="Re-score stored attempts. Without ids, every scored attempt whose rubric "
        "version is out of date. The previous score of each attempt is kept.")
    rescore.add_argument("attempt_ids", metavar="ATTEMPT_ID", type=int, nargs="*")
    rescore.add_argument("--level", choices=[level.value for level in Level],
                         help="score for this target level instead of the stored one")
    rescore.add_argument("--force", action="store_true",
                         help="re-score even attempts that are already current")
    rescore.add_argument("--json", action="store_true", help="print JSON")

    packs = commands.add_parser("packs", help="check and manage problem packs")
    pack_commands = packs.add_subparsers(dest="packs_command", metavar="COMMAND", required=True)
    validate = pack_commands.add_parser(
        "validate", help="check a pack (or a folder of packs, or one problem file)",
        description="Load a pack as the app would and lint every problem: budgets, guidance, "
        "hints, criteria, facts, estimates, and whether each reference answer scores "
        "strong hire. Errors exit with status 1; warnings are listed apart.")
    validate.add_argument("path", metavar="PATH")
    new = pack_commands.add_parser("new", help="start a pack: manifest, a commented example "
                                   "problem, and JSON Schemas for editors")
    new.add_argument("name", metavar="NAME")
    new.add_argument("--dir", metavar="D", default=".", help="where to create it (default: .)")
    schema = pack_commands.add_parser("schema", help="print the JSON Schema of a problem file")
    schema.add_argument("--manifest", action="store_true", help="the schema of pack.yaml instead")
    listing = pack_commands.add_parser("list", help="the packs coach loads, with versions")
    listing.add_argument("--json", action="store_true", help="print JSON")
    install = pack_commands.add_parser("install", help="validate a pack folder or zip and "
                                       "copy it into your packs folder")
    install.add_argument("source", metavar="PATH_OR_ZIP")
    install.add_argument("--replace", action="store_true",
                         help="replace an installed pack with the same id")
    remove = pack_commands.add_parser("remove", help="delete a pack you installed")
    remove.add_argument("pack_id", metavar="ID")

    add_review_commands(commands)
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _launch_tui(args.db)
        handler = {"problems": _problems, "score": _score, "rescore": _rescore,
                   "packs": _packs, "history": cli_review.history_command,
                   "export": cli_review.export_command,
                   "stats": cli_review.stats_command}[args.command]
        return handler(args)
    except CoachError as error:
        print(f"coach: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `coach history | head`: the reader has what it wanted
        with suppress(OSError, ValueError):  # stdout may have no file descriptor at all
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # quiet exit
        return 0


def _launch_tui(db: str | None) -> int:
    from coach.tui.app import CoachApp

    app = CoachApp(db_path=db)
    app.run()
    return app.return_code or 0


def _problems(args: argparse.Namespace) -> int:
    from coach.packs.loader import load_catalog

    catalog = load_catalog()
    _warn_issues(catalog)
    rows = [{"id": e.id, "title": e.problem.title, "pack": e.pack_id,
             "difficulty": e.problem.difficulty.value, "tags": list(e.problem.tags)}
            for e in catalog.entries]
    if args.json:
        print(json.dumps({"problems": rows}, indent=2))
        return 0
    width = max((len(row["id"]) for row in rows), default=2)
    for row in rows:
        print(f"{row['id']:<{width}}  {row['difficulty']:<6}  {row['title']}  "
              f"[{', '.join(row['tags'])}]")
    return 0


def _score(args: argparse.Namespace) -> int:
    from coach.domain.answer_file import parse_answer
    from coach.export.text_report import render_text
    from coach.services import load_catalog_and_scorer

    catalog, scorer = load_catalog_and_scorer()
    entry = catalog.get(args.problem)
    if entry is None:
        raise UnknownProblemError(args.problem, catalog.suggest(args.problem))
    answer = parse_answer(_read_text(args.file))
    if not answer.found_steps:
        print(f"coach: warning: {args.file}: no step headings found (e.g. '## 1. Clarify "
              "requirements'), so every step is empty", file=sys.stderr)
    report = scorer.score(entry.problem, answer.texts, level=_target_level(args.level))
    if args.save:
        attempt_id = _save_scored(args.db, entry, answer.texts, report)
        print(f"coach: saved as attempt {attempt_id}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.contract_json(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render_text(report, timed=False))
    return 0


def _target_level(chosen: str | None) -> Level:
    if chosen:
        return Level(chosen)
    from coach.settings import load_settings

    settings, warning = load_settings()
    if warning:
        print(f"coach: warning: {warning}", file=sys.stderr)
    return settings.level


def _save_scored(db, entry, texts, report) -> int:
    from coach.domain.attempt import Mode, StepAnswer
    from coach.services import open_repository
    from coach.session.interview import new_attempt

    now = datetime.now(UTC)
    repo = open_repository(db)
    try:
        attempt = repo.add(new_attempt(entry, Mode.FILE, now, report.level))
        answers = [StepAnswer(step=n, text=t) for n, t in enumerate(texts, start=1)]
        repo.submit(attempt.id, answers, report, now)
        return attempt.id
    finally:
        repo.close()


def _read_text(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    path = Path(file)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{file}: no such file") from None
    except UnicodeDecodeError:
        raise CoachError(f"{file}: not UTF-8 text", "save the answer as UTF-8 Markdown") from None
    except OSError as error:
        raise CoachError(f"{file}: cannot read: {error.strerror}") from None


def _rescore(args: argparse.Namespace) -> int:
    from coach.rescoring import rescore_attempts
    from coach.services import load_catalog_and_scorer, open_repository

    catalog, scorer = load_catalog_and_scorer()
    repo = open_repository(args.db)
    show_progress = sys.stderr.isatty() and not args.json

    def progress(done: int, total: int) -> None:
        if show_progress and (done % 50 == 0 or done == total):
            print(f"\rre-scored {done}/{total}", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)

    try:
        outcomes = rescore_attempts(
            repo, catalog, scorer, args.attempt_ids or None,
            level=Level(args.level) if args.level else None, force=args.force,
            now=datetime.now(UTC), progress=progress)
    finally:
        repo.close()
    if args.json:
        print(json.dumps({"rubric_version": scorer.rubric_version,
                          "attempts": [vars(o) for o in outcomes]}, indent=2))
        return 0
    changed = [o for o in outcomes if not o.skipped]
    for o in outcomes:
        if o.skipped and (args.attempt_ids or o.skipped != "already current"):
            print(f"{o.attempt_id:>5}  {o.problem_id:<20} skipped: {o.skipped}")
        elif not o.skipped:
            print(f"{o.attempt_id:>5}  {o.problem_id:<20} {o.old_total:>5.1f} ({o.old_verdict})"
                  f" -> {o.new_total:>5.1f} ({o.new_verdict})")
    print(f"{len(changed)} re-scored with {scorer.rubric_version}; "
          f"{len(outcomes) - len(changed)} left as they were")
    return 0


def _packs(args: argparse.Namespace) -> int:
    from coach import cli_packs

    return {"validate": cli_packs.validate_command, "new": cli_packs.new_command,
            "schema": cli_packs.schema_command, "list": cli_packs.list_command,
            "install": cli_packs.install_command, "remove": cli_packs.remove_command,
            }[args.packs_command](args)


def _warn_issues(catalog) -> None:
    for issue in catalog.issues:
        print(f"coach: {issue.severity.value}: {issue.format()}", file=sys.stderr)
