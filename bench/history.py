"""History benchmark: a database of 100,000 attempts, as the history and progress screens
read it.

  build     - N attempts (default 100,000) written through the repository: the calibration
              answers of all 25 problems with their real score reports (about 50 KB stored
              per attempt), spread over two years, in mock, practice and drill modes, a few
              unfinished or discarded.
  measure   - in a fresh process on that file:
              first page   the history screen's count and first 100 rows (target <= 100 ms),
                           and the screen itself opened in a headless app;
              filters      a filter or sort applied: count and first page (target <= 100 ms);
              aggregates   the progress figures and the what-next queue (target <= 200 ms);
              peak RSS     of that process, app included (target <= 150 MB).
              Each repository figure is set against a baseline measured in the same run:
              the same rows read with the sqlite3 module alone, no ORM, no models; the
              screen is set against the same screen opened on an empty database, which is
              what Textual itself takes to build and draw it.

    python bench/history.py [--attempts 100000] [--runs 15] [--keep DIR]

Building 100,000 attempts takes a few minutes and about 5 GB of disk; --keep DIR keeps the
database there and reuses it on the next run with the same --attempts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KINDS = ("strong", "weak", "wrong")
SPAN = timedelta(days=730)
FILTERS = {
    "one problem (word)": "newsfeed",
    "mode and score": "mode:drill score:<50",
    "one month": "since:2026-02-01 until:2026-02-28",
    "pack, level, score": "pack:core level:senior score:60-80",
    "phrase, in 1 attempt of 7": '"consistent hashing"',
    "phrase, in 1 attempt of 40": '"hinted handoff"',
    "sorted by total": "sort:total",
    "sorted by duration": "sort:duration+",
}


def build(path: Path, count: int) -> None:
    from coach.domain.attempt import Mode, Status
    from coach.services import load_catalog_and_scorer
    from coach.store.sql import SqlRepository
    from tests.attempts import scored_attempt

    catalog, scorer = load_catalog_and_scorer()
    ids = [entry.id for entry in catalog.entries if entry.pack_id == "core"]
    full = [scored_attempt(catalog, scorer, pid, kind) for pid in ids for kind in KINDS]
    drills = [scored_attempt(catalog, scorer, pid, "strong", drill_step=step, mode=Mode.DRILL)
              for pid in ids for step in range(1, 8)]
    start = datetime(2025, 1, 1, 8, tzinfo=UTC)
    repo = SqlRepository(path)
    began = time.perf_counter()
    for i in range(count):
        source = drills[i % len(drills)] if i % 7 == 3 else full[i % len(full)]
        at = start + SPAN * (i / count)
        update = {"started_at": at, "updated_at": at, "submitted_at": at + timedelta(minutes=45)}
        if source.drill_step is None and i % 5 == 1:
            update["mode"] = Mode.PRACTICE
        if i % 97 == 0:
            update.update(status=Status.IN_PROGRESS, report=None, submitted_at=None)
        elif i % 89 == 0:
            update.update(status=Status.ABANDONED, report=None, submitted_at=None)
        repo.add(source.model_copy(update=update))
        if (i + 1) % 5000 == 0:
            rate = (i + 1) / (time.perf_counter() - began)
            print(f"  built {i + 1:,} of {count:,} ({rate:,.0f}/s)", file=sys.stderr, flush=True)
    repo.close()


def timed(action, runs: int) -> tuple[float, float]:
    """(first call, median of the rest) in milliseconds."""
    times = []
    for _ in range(runs + 1):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return times[0], statistics.median(times[1:])


def measure(path: Path, runs: int) -> dict:
    from coach.review.query import HistoryQuery, parse_filter
    from coach.review.schedule import what_next
    from coach.store.sql import SqlRepository
    from coach.tui.screens.history import PAGE

    repo = SqlRepository(path)
    raw = sqlite3.connect(path)
    figures: dict = {"attempts": repo.count_attempts(), "db_mb": path.stat().st_size / 1e6}

    def page(query: HistoryQuery):
        return lambda: (repo.count_attempts(query), repo.list_attempts(limit=PAGE, query=query))

    def raw_page(order: str = "started_at DESC", where: str = "1"):
        sql = (f"SELECT id, problem_id, problem_title, mode, status, level, started_at, "
               f"elapsed_seconds, total, pack_id, drill_step FROM attempt WHERE deleted_at IS "
               f"NULL AND {where} ORDER BY {order}, id DESC LIMIT {PAGE}")
        count = f"SELECT count(*) FROM attempt WHERE deleted_at IS NULL AND {where}"
        return lambda: (raw.execute(count).fetchone(), raw.execute(sql).fetchall())

    figures["first page"] = (*timed(page(HistoryQuery()), runs), timed(raw_page(), runs)[1])
    raw_filters = {"one problem (word)": raw_page(where="lower(problem_title) LIKE '%newsfeed%'"
                                                  " OR lower(problem_id) LIKE '%newsfeed%'"),
                   "sorted by total": raw_page(order="total IS NULL, total DESC")}
    for name, text in FILTERS.items():
        baseline = timed(raw_filters[name], runs)[1] if name in raw_filters else None
        figures[f"filter: {name}"] = (*timed(page(parse_filter(text)), runs), baseline)
    aggregate_sql = ("SELECT date(started_at, 'weekday 0', '-6 days') AS w, count(*), avg(total) "
                     "FROM attempt GROUP BY w")
    figures["aggregates: progress"] = (*timed(repo.progress, runs),
                                       timed(lambda: raw.execute(aggregate_sql).fetchall(),
                                             runs)[1])
    now = datetime(2027, 1, 1, tzinfo=UTC)
    figures["aggregates: what next"] = (
        *timed(lambda: what_next(repo.step_reviews(), now), runs), None)
    empty = SqlRepository(path.with_name("empty.db"))
    figures["history screen opened"] = (*screen_open(repo, runs), screen_open(empty, runs)[1])
    empty.close()
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    repo.close()
    return figures


def screen_open(repo, runs: int) -> tuple[float, float]:
    """Push the history screen in a headless app and wait until its rows are drawn."""
    from coach.packs.loader import load_catalog
    from coach.services import Services
    from coach.tui.app import CoachApp
    from coach.tui.screens.history import PAGE, HistoryScreen

    catalog = load_catalog()
    app = CoachApp(services_factory=lambda: Services(catalog, repo))
    times: list[float] = []

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            for _ in range(runs + 1):
                began = time.perf_counter()
                await app.push_screen(HistoryScreen())
                await pilot.pause()
                assert app.screen.table.row_count == min(PAGE, repo.count_attempts())
                times.append((time.perf_counter() - began) * 1000)
                await app.pop_screen()
                await pilot.pause()

    asyncio.run(run())
    return times[0], statistics.median(times[1:])


def report(figures: dict) -> None:
    print(f"\n{figures['attempts']:,} attempts, database {figures['db_mb']:,.0f} MB\n")
    print(f"{'measure':<34}{'first':>9}{'median':>9}{'baseline':>10}{'ratio':>7}  target")
    for name, value in figures.items():
        if not isinstance(value, list):
            continue
        first, median, baseline = value
        target = 200 if name.startswith("aggregates") else 100
        ratio = f"{median / baseline:.1f}x" if baseline else ""
        base = f"{baseline:.1f}" if baseline else ""
        verdict = "ok" if median <= target else "OVER"
        print(f"{name:<34}{first:>8.1f} {median:>8.1f} {base:>9} {ratio:>6}  "
              f"≤{target} ms {verdict}")
    rss = figures["peak_rss_mb"]
    print(f"\npeak RSS of the measuring process (app included): {rss:.0f} MB "
          f"(target ≤150 MB {'ok' if rss <= 150 else 'OVER'})")
    print("first: the first call in a fresh process; median: of the repeats; baseline: the "
          "same rows read with sqlite3 alone, or for the screen, the screen on an empty "
          "database.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", metavar="DIR", help="keep (and reuse) the database here")
    parser.add_argument("--build", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--measure", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build(Path(args.build), args.attempts)
        return
    if args.measure:
        print(json.dumps(measure(Path(args.measure), args.runs)))
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "COACH_HOME": str(folder / "home")}
        db = folder / f"history-{args.attempts}.db"
        if not db.exists():
            print(f"building {args.attempts:,} attempts in {db} …", file=sys.stderr)
            began = time.perf_counter()
            subprocess.run([sys.executable, __file__, "--build", str(db), "--attempts",
                            str(args.attempts)], check=True, env=env)
            print(f"built in {time.perf_counter() - began:,.0f} s", file=sys.stderr)
        out = subprocess.run([sys.executable, __file__, "--measure", str(db), "--runs",
                              str(args.runs)], env=env, stdout=subprocess.PIPE, text=True)
        if out.returncode:
            sys.exit(f"measuring failed (exit {out.returncode})")
        report(json.loads(out.stdout.strip().splitlines()[-1]))


if __name__ == "__main__":
    main()
