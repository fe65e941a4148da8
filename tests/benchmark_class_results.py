"""Benchmark: how long the teacher's class view takes to load a folder of learners' results, and how much
memory it needs, for 30, 300 and 3000 made-up learners.

Run with ``python tests/benchmark_class_results.py [sizes...] [--tracemalloc]`` (default 30 300 3000). For each size it
writes that many synthetic results files (the sample class generator, ``tools.sample_class``, with
a fixed seed; one file in ten is CSV) into a temporary folder, then measures in a fresh subprocess, so
each size starts cold like a teacher's kernel:

- ``load_class``: reading and checking every file;
- ``summary``: class progress, item analysis and the wrong answers to the most-missed question
  (what ``ClassResultsWidget`` shows, without drawing the figures);
- peak memory: the process's maximum resident size (``resource.getrusage``, which includes Python and
  the imported libraries); with ``--tracemalloc``, also the peak of Python's own allocations, measured
  in a second run because tracing makes the loading several times slower.

Target: 3000 learners in under 5 s and 250 MB. It prints numbers and never fails on them.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (30, 300, 3000)
TARGET_SECONDS, TARGET_MB = 5.0, 250


def write_class(folder: Path, count: int, seed: int = 13) -> None:
    """``count`` synthetic learners' results files in ``folder`` (every tenth one as CSV)."""
    from lessons.progress.classroom import quiz_lessons
    from lessons.quiz.assessment import FINAL_ASSESSMENT, draw_questions, question_key
    from lessons.quiz.bank import load_bank
    from lessons.records.results import csv_text
    from tools.sample_class import learner_results

    rng = random.Random(seed)
    keys = [f"{lesson}/{q.id}" for lesson in quiz_lessons() if lesson != FINAL_ASSESSMENT
            for q in load_bank(lesson).questions]
    keys += [f"{FINAL_ASSESSMENT}/{question_key(f, q)}" for f, q in draw_questions()]
    difficulty = {key: rng.choice([1.0, 0.95, 0.85, 0.7, 0.5]) for key in keys}
    made = {}
    for number in range(1, count + 1):
        template = number % 50          # 50 distinct learners, renamed: writing 3000 takes seconds, not minutes
        if template not in made:
            made[template] = learner_results(number, rng, difficulty)
        results = dict(made[template], display_name=f"Learner {number:04d}")
        if number % 10 == 0:
            (folder / f"results-learner-{number:04d}.csv").write_text(csv_text(results), encoding="utf-8")
        else:
            (folder / f"results-learner-{number:04d}.json").write_text(
                json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


MEASURE = """
import json, resource, sys, time, tracemalloc
traced = sys.argv[2] == "tracemalloc"
if traced:
    tracemalloc.start()
start = time.perf_counter()
from lessons.progress.classroom import class_progress, item_analysis, load_class, wrong_choices
imported = time.perf_counter()
result = load_class(sys.argv[1])
loaded = time.perf_counter()
stats = item_analysis(result.learners)
class_progress(result.learners)
if stats:
    wrong_choices(result.learners, stats[0].lesson, stats[0].question)
done = time.perf_counter()
peak = tracemalloc.get_traced_memory()[1] if traced else 0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"learners": len(result.learners), "skipped": len(result.skipped),
                  "import": imported - start, "load": loaded - imported, "summary": done - loaded,
                  "peak_mb": peak / 1e6, "rss_mb": rss / 1e3 if sys.platform != "darwin" else rss / 1e6}))
"""


def measure(folder: Path, traced: bool = False) -> dict:
    """Load ``folder`` in a fresh Python process; the numbers it reports (``traced``: under tracemalloc,
    which makes it several times slower, so its times are not reported)."""
    output = subprocess.run([sys.executable, "-c", MEASURE, str(folder), "tracemalloc" if traced else "-"],
                            cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    traced = "--tracemalloc" in argv
    sizes = [int(arg) for arg in argv if arg != "--tracemalloc"] or list(SIZES)
    print(f"{'learners':>8} {'loaded':>7} {'skipped':>7} {'import (s)':>10} {'load (s)':>9} {'summary (s)':>11} "
          f"{'load+summary (s)':>16} {'max RSS (MB)':>12}" + (f" {'tracemalloc peak (MB)':>21}" if traced else ""))
    for size in sizes:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            write_class(folder, size)
            numbers = measure(folder)
            peak = f" {measure(folder, traced=True)['peak_mb']:21.1f}" if traced else ""
        print(f"{size:8d} {numbers['learners']:7d} {numbers['skipped']:7d} {numbers['import']:10.2f} "
              f"{numbers['load']:9.2f} {numbers['summary']:11.2f} {numbers['load'] + numbers['summary']:16.2f} "
              f"{numbers['rss_mb']:12.1f}{peak}")
    print(f"target for 3000 learners: load+summary under {TARGET_SECONDS:.0f} s and max RSS under {TARGET_MB} MB "
          "(max RSS is the whole process: Python and the imported libraries too).")
    print("Add --tracemalloc for the peak of Python's own allocations (a second, much slower run per size).")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
