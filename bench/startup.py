"""Startup benchmark: launch-to-home-screen of `coach` against a bare Textual app.

Both run in a pseudo-terminal, alternating, each in a fresh process; the time is from
launch until a text is on the screen. Two moments are measured for coach:
  first paint   - the home screen with its table header ("Difficulty"), which the bare
                  app shows at its first paint too;
  problems      - the problem rows, which coach fills in from a worker after the paint.
The figure that matters is the median of the per-pair ratios coach / bare (target <= 1.25
for the first paint).

    python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.terminal import Terminal

HERE = Path(__file__).resolve().parent
FIRST_PAINT = "Difficulty"
ROWS_SHOWN = "Ride-sharing service"


def launch(command: list[str], env: dict[str, str], marks: list[str]) -> list[float]:
    terminal = Terminal(command, env)
    try:
        times = []
        for mark in marks:
            seconds = terminal.read_until(mark, timeout=60)
            if seconds is None:
                raise SystemExit(f"{command} never showed {mark!r}:\n{terminal.text()[-800:]}")
            times.append(seconds)
        return times
    finally:
        terminal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="coach-bench-")
    env = {**os.environ, "COACH_HOME": home, "TERM": "xterm-256color"}
    coach = [sys.executable, "-m", "coach"]
    bare = [sys.executable, str(HERE / "bare_app.py")]
    launch(coach, env, [ROWS_SHOWN])  # first run creates the database: not counted
    launch(bare, env, [ROWS_SHOWN])
    rows = []
    for _ in range(args.runs):
        coach_paint, coach_rows = launch(coach, env, [FIRST_PAINT, ROWS_SHOWN])
        (bare_paint,) = launch(bare, env, [FIRST_PAINT])
        rows.append((coach_paint, coach_rows, bare_paint))
    paint = [c / b for c, _, b in rows]
    full = [r / b for _, r, b in rows]

    def ms(values):
        return f"{statistics.median(values) * 1000:7.1f} ms"

    print(f"runs: {args.runs} alternating pairs, python {sys.version.split()[0]}")
    print(f"bare Textual app, first paint : {ms([b for _, _, b in rows])}")
    print(f"coach, home screen first paint: {ms([c for c, _, _ in rows])}")
    print(f"coach, problems listed        : {ms([r for _, r, _ in rows])}")
    print(f"ratio first paint  (median of pairs): {statistics.median(paint):.2f}  target <= 1.25")
    print(f"ratio problems shown (median of pairs): {statistics.median(full):.2f}")


if __name__ == "__main__":
    main()
