"""Benchmark of the live (JupyterLite) edition in Debian's Chromium, offline: not a test, it never fails on numbers.

    python -m tests.benchmark_lite [--lessons 00_start_here 12_stretching_planner ...]
    python -m tests.benchmark_lite --visits-only     (what ``python3 course.py test`` runs after the tests)

Prints the site's size, the seconds from a first visit (empty browser cache) to lesson 00's first quiz
question being answerable (page load, kernel start, Run All), the same on a second visit (browser cache warm),
and for every notebook the Run All seconds and whether it ran cleanly (errors, stderr, blocked requests).
Targets from issue 15, shown beside the numbers: first visit <= 30 s, second <= 10 s, Run All <= 15 s
per lesson, site <= 80 MB. Builds ``_lite/`` first if it is not fresh (needs ``.venv-lite/``).
``--visits-only`` measures the size and the two visits, and prints each lesson's kernel start and Run All
seconds as the browser test (tests/browser/test_lite_lessons.py) just measured them, instead of running
every lesson a second time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS, SCREENSHOTS
from tests.browser.lab_helpers import (
    NOTEBOOK,
    assert_no_errors,
    local_only_context,
    run_all_cells,
    wait_for_idle_kernel,
)
from tests.browser.lite_fixtures import TIMINGS_FILE, ensure_lite_site, lesson_url, serving, site_edition
from tools import lite

CHROMIUM = "/usr/bin/chromium"
TARGETS = {"first": 30.0, "second": 10.0, "run_all": 15.0, "megabytes": 80.0}
BOOT_TIMEOUT, RUN_TIMEOUT = 180_000, 300_000
FORGET_LAB_STATE = """async () => {   // JupyterLite keeps open tabs and files in IndexedDB: start each lesson clean
  for (const db of await indexedDB.databases()) {
    await new Promise(done => {
      const request = indexedDB.deleteDatabase(db.name);
      request.onsuccess = request.onerror = request.onblocked = done;
    });
  }
  localStorage.clear();
}"""


def mark(value: float, target: float) -> str:
    return f"{value:6.1f} s  (target <= {target:.0f} s{'' if value <= target else ', OVER'})"


def visit_until_quiz(context, base: str) -> float:
    """Seconds from opening the site to lesson 00's first quiz question showing its Check button."""
    page = context.new_page()
    start = time.monotonic()
    page.goto(f"{base}/")
    wait_for_idle_kernel(page, BOOT_TIMEOUT)
    run_all_cells(page, RUN_TIMEOUT)
    check = page.locator(f"{NOTEBOOK} .course-question").first.get_by_role("button", name="Check", exact=True)
    check.wait_for(state="visible", timeout=60_000)
    seconds = time.monotonic() - start
    forget(page, base)
    page.close()
    return seconds


def forget(page, base: str) -> None:
    page.goto(f"{base}/jupyter-lite.json")   # same origin, no app holding the databases open
    page.evaluate(FORGET_LAB_STATE)


def run_lesson(context, base: str, folder, name: str) -> tuple[float | None, str]:
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(lesson_url(base, folder, name))
        wait_for_idle_kernel(page, BOOT_TIMEOUT)
        start = time.monotonic()
        run_all_cells(page, RUN_TIMEOUT)
        seconds = time.monotonic() - start
        page.wait_for_timeout(1000)   # widgets and figures render a moment later
        try:
            assert_no_errors(page)
            status = "ok"
        except AssertionError as problem:
            first = next((line for line in str(problem).splitlines()[2:] if re.search(r"\w", line)), "")
            status = f"ERRORS: {first.strip()[:150]}"
        plots = page.locator(f"{NOTEBOOK} .jp-OutputArea .js-plotly-plot").count()
        widgets = page.locator(f"{NOTEBOOK} .jp-OutputArea .jupyter-widgets").count()
        return seconds, f"{status}  ({plots} figures, {widgets} widget views)"
    except Exception as failure:   # a lesson that never finishes: report it and go on
        return None, f"DID NOT FINISH: {str(failure).splitlines()[0][:150]}"
    finally:
        forget(page, base)
        page.close()


def print_recorded_lessons() -> None:
    record = SCREENSHOTS / TIMINGS_FILE
    if not record.exists():
        print(f"No lesson seconds recorded ({record} is written by tests/browser/test_lite_lessons.py).")
        return
    seconds = json.loads(record.read_text(encoding="utf-8"))
    start = seconds.pop("kernel_start", None)
    print("Every lesson on one kernel, as tests/browser/test_lite_lessons.py measured it"
          + (f" (the kernel started in {start:.1f} s):" if start is not None else ":"), flush=True)
    for name, measured in seconds.items():
        print(f"  {name:42} opened in {measured['open']:5.1f} s   Run All {mark(measured['run_all'], 15)}")
    if seconds:
        worst = max(measured["run_all"] for measured in seconds.values())
        print(f"  slowest Run All: {worst:.1f} s over {len(seconds)} lessons "
              "(each lesson in its own kernel: python -m tests.benchmark_lite)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lessons", nargs="*", help="notebook names (default: every notebook)")
    parser.add_argument("--visits-only", action="store_true",
                        help="print the lessons' seconds recorded by the browser test instead of running them")
    args = parser.parse_args()
    folder, built = ensure_lite_site()
    if built is not None:
        print(f"built _lite/ in {built:.0f} s")
    size = lite.megabytes(folder)
    print(f"site size: {size:.1f} MB  (target <= {TARGETS['megabytes']:.0f} MB{'' if size <= 80 else ', OVER'})")
    names = [f"{n.removesuffix('.ipynb')}.ipynb" for n in args.lessons] if args.lessons else sorted(
        p.name for p in (folder / "files" / site_edition(folder)).glob("*.ipynb"))
    blocked: list[str] = []
    with serving(folder) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = local_only_context(browser, blocked)
        print(f"first visit to lesson 00's first quiz (cold):  {mark(visit_until_quiz(context, base), 30)}",
              flush=True)
        print(f"second visit (browser cache warm):             {mark(visit_until_quiz(context, base), 10)}",
              flush=True)
        if args.visits_only:
            print_recorded_lessons()
        else:
            print("Run All per notebook (after an idle kernel):", flush=True)
            for name in names:
                seconds, status = run_lesson(context, base, folder, name)
                shown = mark(seconds, TARGETS["run_all"]) if seconds is not None else "     -"
                print(f"  {name:42} {shown}  {status}", flush=True)
        context.close()
        browser.close()
    print(f"requests to hosts other than 127.0.0.1: {len(blocked)}" + (f" e.g. {blocked[:3]}" if blocked else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
