"""Scoring benchmark: one long answer, and a history of stored attempts re-scored.

  answer   - a 3,000-word seven-step answer scored again and again (median, p95), against
             a baseline measured in the same run: splitting the same text into words,
             the least any scorer must do. Target: median <= 20 ms.
  rescore  - N stored attempts (default 1,000) re-scored through the repository, as
             `coach rescore --force` does, against reading the same attempts back
             without scoring them. Target: <= 20 ms per attempt.

The answers come from the calibration set in tests/calibration, so they are realistic
text written apart from the built-in references.

    python bench/scoring.py [--runs 200] [--attempts 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CALIBRATION = Path(__file__).resolve().parents[1] / "tests" / "calibration"
TARGET_MS = 20.0


def long_answer(problem_id: str, words: int) -> list[str]:
    """Seven steps of about `words` words in total, from the problem's calibration answers."""
    from coach.domain.answer_file import parse_answer

    sources = [parse_answer((CALIBRATION / problem_id / f"{kind}.md").read_text("utf-8")).texts
               for kind in ("strong", "strong-terse", "weak", "wrong")]
    steps = ["" for _ in range(7)]
    for source in sources:
        for number in range(7):
            missing = words - sum(len(step.split()) for step in steps)
            if missing <= 0:
                return steps
            steps[number] += "\n" + " ".join(source[number].split(" ")[:missing])
    return steps


def timed(action, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def bench_answer(runs: int) -> None:
    from coach.scoring.text import words
    from coach.services import load_catalog_and_scorer

    catalog, scorer = load_catalog_and_scorer()
    problem = catalog.get("ride-sharing").problem
    texts = long_answer("ride-sharing", 3000)
    count = sum(len(words(text)) for text in texts)
    scorer.score(problem, texts)  # compile the matcher once, as the app does at start
    score = timed(lambda: scorer.score(problem, texts), runs)
    split = timed(lambda: [words(text) for text in texts], runs)
    median, baseline = statistics.median(score), statistics.median(split)
    p95 = statistics.quantiles(score, n=20)[-1]
    print(f"answer: {count} words, {runs} runs")
    print(f"  score        median {median:6.2f} ms   p95 {p95:6.2f} ms   "
          f"({'within' if median <= TARGET_MS else 'OVER'} the {TARGET_MS:g} ms target)")
    print(f"  word split   median {baseline:6.2f} ms   ratio score/split {median / baseline:.1f}x")


def bench_rescore(attempts: int) -> None:
    from coach.domain.attempt import Mode, StepAnswer
    from coach.domain.level import Level
    from coach.rescoring import rescore_attempts
    from coach.services import load_catalog_and_scorer, open_repository
    from coach.session.interview import new_attempt

    catalog, scorer = load_catalog_and_scorer()
    now = datetime.now(UTC)
    repo = open_repository(Path(os.environ["COACH_HOME"]) / "bench.db")
    problems = [p.name for p in sorted(CALIBRATION.iterdir()) if p.is_dir()]
    kinds = ("strong", "strong-terse", "weak", "wrong", "buzzword")
    answers = {(p, k): long_answer_of(p, k) for p in problems for k in kinds
               if (CALIBRATION / p / f"{k}.md").exists()}
    pairs = sorted(answers)
    ids = []
    for number in range(attempts):
        problem_id, kind = pairs[number % len(pairs)]
        entry = catalog.get(problem_id)
        texts = answers[problem_id, kind]
        attempt = repo.add(new_attempt(entry, Mode.MOCK, now, Level.SENIOR.value))
        steps = [StepAnswer(step=n, text=t, elapsed_seconds=240.0)
                 for n, t in enumerate(texts, start=1)]
        repo.submit(attempt.id, steps, scorer.score(entry.problem, texts), now)
        ids.append(attempt.id)
    start = time.perf_counter()
    for attempt_id in ids:
        repo.get(attempt_id)
    read = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    rescore_attempts(repo, catalog, scorer, ids, level=None, force=True, now=now)
    total = (time.perf_counter() - start) * 1000
    repo.close()
    per = total / attempts
    print(f"rescore: {attempts} stored attempts ({len(problems)} problems, "
          f"{len(pairs)} different answers)")
    print(f"  rescore all  {total / 1000:6.2f} s    {per:6.2f} ms per attempt   "
          f"({'within' if per <= TARGET_MS else 'OVER'} the {TARGET_MS:g} ms target)")
    print(f"  read only    {read / 1000:6.2f} s    {read / attempts:6.2f} ms per attempt   "
          f"ratio rescore/read {total / read:.1f}x")


def long_answer_of(problem_id: str, kind: str) -> list[str]:
    from coach.domain.answer_file import parse_answer

    return parse_answer((CALIBRATION / problem_id / f"{kind}.md").read_text("utf-8")).texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--attempts", type=int, default=1000)
    args = parser.parse_args()
    os.environ["COACH_HOME"] = tempfile.mkdtemp(prefix="coach-bench-")
    bench_answer(args.runs)
    bench_rescore(args.attempts)


if __name__ == "__main__":
    main()
