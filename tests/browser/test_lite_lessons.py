"""Every lesson in the live edition, as a learner uses it in the browser: Run All in the in-browser Python,
no error output and no console error, its figures drawn and its widgets shown, its quiz answered with the
mouse and the keyboard, and the explorers of 01, 02, 16 and 17 and the planner of 12 used
(``lesson_checks``, the same steps as the JupyterLab test). Any request to a host other than 127.0.0.1
fails the test. A screenshot is taken of a lesson that fails.

One kernel runs every lesson: the first lesson starts it, and each next lesson is opened on it, as
JupyterLab's "use the kernel of another session" does. A new Pyodide kernel per lesson costs about 10 s of
start-up each (22 lessons: over 3 minutes more, which CI cannot afford); ``python3 course.py bench`` runs
each lesson in its own kernel, and nbval and the JupyterLab test (test_notebooks_in_browser.py) do too, so
a lesson that leans on another lesson's imports is still caught there.

The seconds measured (the kernel's start, then each lesson's open and Run All) are written to
``screenshots/lite_lesson_seconds.json`` for the benchmark to print (``tests/benchmark_lite.py
--visits-only``): a record, never a pass/fail line.
"""

from __future__ import annotations

import json
import time

import pytest

from lessons.kit.course import number_of
from tests.conftest import REPO

from .lab_helpers import (
    NOTEBOOK,
    assert_no_errors,
    assert_plots_rendered,
    expect,
    local_only_page,
    run_all_cells,
    screenshot_notebook,
    wait_for_idle_kernel,
)
from .lesson_checks import EXPLORERS, answer_quiz, code_calls
from .lite_fixtures import KERNEL_BOOT_TIMEOUT, LITE_RUN_TIMEOUT, TIMINGS_FILE, open_lite_lesson, site_edition

pytestmark = pytest.mark.browser
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


OPEN_ON_KERNEL = """async ([path, kernelId]) => {   // close the lesson open now, then open the next on its kernel
  const app = window.jupyterapp;
  for (const other of [...app.shell.widgets('main')]) {   // first, so no two widget managers share the kernel
    if (other.context) { other.context.model.dirty = false; other.dispose(); }
  }
  await new Promise(resolve => setTimeout(resolve, 200));
  const panel = await app.commands.execute('docmanager:open', {path, kernel: {id: kernelId}});
  await panel.context.ready;
  await panel.sessionContext.ready;
  return panel.sessionContext.session.kernel.id;
}"""
KERNEL_ID = "() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.id"


@pytest.fixture(scope="module")
def lessons_page(browser, lite_site, screenshot_dir):
    """One page and one kernel for every lesson; the seconds measured are written when all have run."""
    context, page = local_only_page(browser)
    page.on("dialog", lambda dialog: dialog.accept())
    page.kernel_id, page.seconds = None, {}
    yield page
    context.close()
    (screenshot_dir / TIMINGS_FILE).write_text(json.dumps(page.seconds, indent=1) + "\n", encoding="utf-8")


def open_on_the_kernel(page, base_url: str, folder, notebook: str) -> float:
    """Open ``notebook`` on the page's kernel (the first one starts it); returns the seconds it took."""
    start = time.monotonic()
    if page.kernel_id is None:
        open_lite_lesson(page, base_url, folder, notebook, run_all=False)
        page.kernel_id = page.evaluate(KERNEL_ID)
        page.seconds["kernel_start"] = round(time.monotonic() - start, 1)
    else:
        path = f"{site_edition(folder)}/{notebook}"
        assert page.evaluate(OPEN_ON_KERNEL, [path, page.kernel_id]) == page.kernel_id
        expect(page.locator(NOTEBOOK)).to_be_visible()
        wait_for_idle_kernel(page, KERNEL_BOOT_TIMEOUT)
    return time.monotonic() - start


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_every_lesson_runs_in_the_live_edition(lessons_page, lite_site, lite_folder, screenshot_dir, notebook):
    page = lessons_page
    page.blocked_requests.clear()
    page.console_errors.clear()
    try:
        opened = open_on_the_kernel(page, lite_site, lite_folder, notebook.name)
        start = time.monotonic()
        run_all_cells(page, LITE_RUN_TIMEOUT)
        page.seconds[notebook.name] = {"open": round(opened, 1), "run_all": round(time.monotonic() - start, 1)}
        assert_no_errors(page)
        plots = assert_plots_rendered(page)
        assert plots or not code_calls(notebook, r"\bplotly\b|lessons\.figures"), \
            "the lesson draws figures but no plot rendered"
        if code_calls(notebook, r"\bquiz\(|\bfinal_assessment\(|\bdashboard\(|Widget\(|Explorer\(|Planner\("):
            expect(page.locator(f"{NOTEBOOK} .jp-OutputArea .jupyter-widgets").first).to_be_visible()
        if code_calls(notebook, r"\bquiz\(|\bfinal_assessment\("):
            answer_quiz(page)
            assert_no_errors(page)
        explore = EXPLORERS.get(number_of(notebook.stem))
        if explore:
            explore(page)
            assert_no_errors(page)
    except BaseException:
        screenshot_notebook(page, screenshot_dir / f"lite_{notebook.stem}_failed.png")
        raise
    assert not page.blocked_requests, f"requests left 127.0.0.1: {page.blocked_requests}"
    assert not page.console_errors, "console errors:\n" + "\n".join(page.console_errors)
