"""Every lesson in the live edition, as a learner uses it in the browser: Run All in the in-browser Python,
no error output and no console error, its figures drawn and its widgets shown, its quiz answered with the
mouse and the keyboard, and the explorers of 01, 02, 16 and 17 and the planner of 12 used
(``lesson_checks``, the same steps as the JupyterLab test). Any request to a host other than 127.0.0.1
fails the test. One browser context serves every lesson (its cache warm, as for a learner going on to the
next lesson); each lesson gets a new kernel, as it does for a learner. A screenshot is taken of a lesson
that fails.

The seconds each lesson took to start its kernel and to Run All are written to
``screenshots/lite_lesson_seconds.json`` for the benchmark to print (``tests/benchmark_lite.py``): a record,
never a pass/fail line.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.conftest import REPO

from .lab_helpers import (
    NOTEBOOK,
    assert_no_errors,
    assert_plots_rendered,
    expect,
    local_only_context,
    record_console_errors,
    run_all_cells,
    screenshot_notebook,
)
from .lesson_checks import EXPLORERS, answer_quiz, code_calls
from .lite_fixtures import LITE_RUN_TIMEOUT, TIMINGS_FILE, open_lite_lesson

pytestmark = pytest.mark.browser
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def lessons_context(browser, lite_site, screenshot_dir):
    """One context (its cache warm) for every lesson; the seconds measured are written when all have run."""
    blocked: list[str] = []
    context = local_only_context(browser, blocked)
    context.seconds = {}
    yield context, blocked
    context.close()
    (screenshot_dir / TIMINGS_FILE).write_text(json.dumps(context.seconds, indent=1) + "\n", encoding="utf-8")


@pytest.fixture
def lessons_page(lessons_context):
    """A new page per lesson, closed after it (which stops its kernel and frees its memory)."""
    context, blocked = lessons_context
    blocked.clear()
    page = context.new_page()
    page.blocked_requests, page.console_errors, page.seconds = blocked, [], context.seconds
    page.set_default_timeout(30_000)
    record_console_errors(page)
    yield page
    page.close(run_before_unload=False)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_every_lesson_runs_in_the_live_edition(lessons_page, lite_site, lite_folder, screenshot_dir, notebook):
    page = lessons_page
    try:
        start = time.monotonic()
        open_lite_lesson(page, lite_site, lite_folder, notebook.name, run_all=False)
        booted = time.monotonic()
        run_all_cells(page, LITE_RUN_TIMEOUT)
        page.seconds[notebook.name] = {"kernel_start": round(booted - start, 1),
                                       "run_all": round(time.monotonic() - booted, 1)}
        assert_no_errors(page)
        plots = assert_plots_rendered(page)
        assert plots or not code_calls(notebook, r"\bplotly\b|lessons\.figures"), \
            "the lesson draws figures but no plot rendered"
        if code_calls(notebook, r"\bquiz\(|\bfinal_assessment\(|\bdashboard\(|Widget\(|Explorer\(|Planner\("):
            expect(page.locator(f"{NOTEBOOK} .jp-OutputArea .jupyter-widgets").first).to_be_visible()
        if code_calls(notebook, r"\bquiz\(|\bfinal_assessment\("):
            answer_quiz(page)
            assert_no_errors(page)
        explore = EXPLORERS.get(notebook.stem[:2])
        if explore:
            explore(page)
            assert_no_errors(page)
    except BaseException:
        screenshot_notebook(page, screenshot_dir / f"lite_{notebook.stem}_failed.png")
        raise
    assert not page.blocked_requests, f"requests left 127.0.0.1: {page.blocked_requests}"
    assert not page.console_errors, "console errors:\n" + "\n".join(page.console_errors)
