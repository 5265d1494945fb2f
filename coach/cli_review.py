"""The review commands: `coach history`, `coach export`, `coach stats`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coach.errors import UsageError

TEXT_LIMIT = 50  # rows `coach history` prints as text unless --limit says otherwise


def add_review_commands(commands) -> None:
    history = commands.add_parser(
        "history", help="list past attempts, newest first",
        description="List past attempts. FILTER uses the history screen's syntax: words in "
        "the problem's name, \"quoted text\" (or text:word) to find in the answers, and "
        "problem: pack: mode: status: level: since: until: score: sort: (e.g. `coach history "
        "newsfeed score:<50 sort:total` or `coach history '\"consistent hashing\"'`).")
    history.add_argument("filter", nargs="*", metavar="FILTER", help="filter terms")
    output = history.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON")
    output.add_argument("--csv", action="store_true", help="print CSV")
    history.add_argument("--limit", type=int, metavar="N", help="at most N attempts (0: all; "
                         f"default: all for JSON and CSV, {TEXT_LIMIT} as text)")

    export = commands.add_parser(
        "export", help="write an attempt as a Markdown design document or as JSON")
    export.add_argument("attempt_id", metavar="ATTEMPT_ID", type=int)
    export.add_argument("--format", choices=["md", "json"], default="md",
                        help="md: the answers as a design document with the flow as a Mermaid "
                        "chart and the feedback in an appendix; json: everything stored")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")

    stats = commands.add_parser("stats", help="progress across attempts, as text")
    stats.add_argument("--json", action="store_true", help="print the figures as JSON")
    stats.add_argument("--recent", type=int, default=200, metavar="N",
                       help="weakest steps and most-missed criteria over the N latest scored "
                       "attempts (default 200)")


def history_command(args: argparse.Namespace) -> int:
    from coach.export.history_rows import history_json, write_history_csv
    from coach.review.query import FilterError, parse_filter
    from coach.services import open_repository

    try:
        query = parse_filter(" ".join(args.filter))
    except FilterError as error:
        raise UsageError(str(error)) from None
    limit = args.limit if args.limit is not None else (
        0 if args.json or args.csv else TEXT_LIMIT)
    repo = open_repository(args.db)
    try:
        count = repo.count_attempts(query)
        attempts = repo.list_attempts(limit=limit or count, query=query)
    finally:
        repo.close()
    if args.json:
        sys.stdout.write(history_json(attempts))
    elif args.csv:
        write_history_csv(attempts, sys.stdout)
    else:
        _print_history(attempts, count, query.is_filtered())
    return 0


def _print_history(attempts, count: int, filtered: bool) -> None:
    if not attempts:
        print("no attempts match" if filtered else "no attempts yet: run `coach` to start one")
        return
    for a in attempts:
        total = "—" if a.total is None else f"{a.total:.0f}"
        mode = a.mode.value if a.drill_step is None else f"drill {a.drill_step}"
        print(f"{a.id:>5}  {a.started_at:%Y-%m-%d %H:%M}  {a.problem_id:<20} "
              f"{mode:<8} {a.status.label:<10} {total:>3}")
    if count > len(attempts):
        print(f"… {count - len(attempts)} more; --limit 0 lists all", file=sys.stderr)


def export_command(args: argparse.Namespace) -> int:
    from coach.export.attempt_json import attempt_json
    from coach.export.markdown import attempt_markdown
    from coach.services import open_repository

    repo = open_repository(args.db)
    try:
        attempt = repo.get(args.attempt_id)
        past = repo.past_reports(args.attempt_id) if attempt else []
    finally:
        repo.close()
    if attempt is None:
        raise UsageError(f"no attempt with id {args.attempt_id}", "`coach history` lists them")
    if args.format == "json":
        text = attempt_json(attempt, past)
    else:
        text = attempt_markdown(attempt, _problem(attempt.problem_id))
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {args.output}: {error.strerror}") from None
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _problem(problem_id: str):
    """The problem's prompt makes the document whole; without the catalog it still exports."""
    from coach.packs.loader import load_catalog

    entry = load_catalog().get(problem_id)
    return entry.problem if entry else None


def stats_command(args: argparse.Namespace) -> int:
    from coach.review.progress_text import render_progress_text
    from coach.services import open_repository

    repo = open_repository(args.db)
    try:
        progress = repo.progress(recent=max(args.recent, 1))
    finally:
        repo.close()
    if args.json:
        print(progress.model_dump_json(indent=2))
    else:
        from coach.packs.loader import load_catalog

        titles = load_catalog().criterion_title
        sys.stdout.write(render_progress_text(progress, titles).rstrip("\n") + "\n")
    return 0
