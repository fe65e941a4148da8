"""Benchmark: per notebook, cold execution time and file size; then the total strict-nbval time;
then how long the read-only site takes to build (``tools.site``); then how hard each notebook's
prose is to read (Flesch–Kincaid grade, ``tools.readability``); then how long the teacher's class view
takes to load 30, 300 and 3000 learners' results (``tests/benchmark_class_results.py``).

Run with ``python3 course.py bench``. It prints numbers and never fails on them: targets are
shown beside the numbers (under 5 s cold, under 1 MB) for the reader to judge. The readability
limits are checked by tests/tools/test_readability.py, not here.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from lessons.kit.course import LESSON_GLOB
from tools import readability
from tools.site import build_site

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS, TARGET_BYTES = 5.0, 1_000_000


def cold_run_seconds(path: Path) -> float:
    """Start a fresh kernel, run every cell, stop the kernel: the time a learner waits for Run All."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def nbval_seconds() -> tuple[float, int]:
    command = [sys.executable, "-m", "pytest", "notebooks", "--nbval", "--nbval-current-env",
               "--nbval-sanitize-with", "tests/nbval_sanitize.cfg", "-q", "-p", "no:cacheprovider"]
    start = time.perf_counter()
    code = subprocess.call(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, code


def main() -> int:
    notebooks = sorted((ROOT / "notebooks").glob(LESSON_GLOB))
    print(f"{'notebook':40} {'cold run (s)':>12} {'size (kB)':>10}  target: <{TARGET_SECONDS:.0f} s, <1000 kB")
    for path in notebooks:
        seconds, size = cold_run_seconds(path), path.stat().st_size
        ok = "ok" if seconds < TARGET_SECONDS and size < TARGET_BYTES else "OVER TARGET"
        print(f"{path.name:40} {seconds:12.2f} {size / 1000:10.1f}  {ok}")
    seconds, code = nbval_seconds()
    print(f"strict nbval over {len(notebooks)} notebooks: {seconds:.1f} s (pytest exit code {code})")
    with tempfile.TemporaryDirectory() as folder:
        report = build_site(Path(folder) / "site")
        size = sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())
    print(f"read-only site: {len(report.pages)} pages, {report.figures} figures, built in {report.seconds:.1f} s, "
          f"{size / 1_000_000:.1f} MB")
    print()
    print("Readability: Flesch–Kincaid grade of each notebook's prose (lower is easier; "
          "tests require median <= 9, every notebook <= 11)")
    print(readability.table(readability.report()))
    print()
    print("Class results: loading a folder of learners' results files (tests/benchmark_class_results.py)")
    from tests import benchmark_class_results

    benchmark_class_results.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
