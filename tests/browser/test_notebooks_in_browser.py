"""Every course notebook, run in real JupyterLab in Chromium as a learner would.

Each notebook is opened, run with Run > Run All Cells and checked for errors, drawn
Plotly figures and requests leaving 127.0.0.1. Every lesson with a quiz gets it
answered with the mouse and with the keyboard only, and the explorers of 01 and 02 are
used. A notebook that fails is saved as a screenshot in ``tests/browser/screenshots/`` (a full-height
screenshot of every notebook cost CI about 2 s each).

One JupyterLab page serves every notebook, and each notebook gets a kernel of its own: the first is
opened from its URL, each next one with JupyterLab's own "open" command after the one before is closed
and its kernel shut down. Loading JupyterLab again for every notebook cost about 5 s each (26 notebooks:
over 2 minutes of CI). The test server exposes the app to the page for this
(``--LabApp.expose_app_in_browser``); test_first_run.py starts JupyterLab exactly as the README says.
"""

from __future__ import annotations

import pytest

from lessons.kit.course import number_of
from tests.conftest import REPO

from .lab_helpers import (
    KERNEL_START_TIMEOUT,
    NOTEBOOK,
    assert_no_errors,
    assert_plots_rendered,
    expect,
    local_only_page,
    open_notebook,
    run_all_cells,
    screenshot_notebook,
    wait_for_idle_kernel,
)
from .lesson_checks import EXPLORERS, answer_quiz, code_calls

pytestmark = pytest.mark.browser
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))

OPEN_NEXT = """async (path) => {   // close the notebook open now (its kernel too), then open the next one
  const app = window.jupyterapp;
  for (const other of [...app.shell.widgets('main')]) {
    if (other.context) {
      other.context.model.dirty = false;
      await other.sessionContext.shutdown();
      other.dispose();
    }
  }
  const panel = await app.commands.execute('docmanager:open', {path});
  await panel.context.ready;
  await panel.sessionContext.ready;
}"""


@pytest.fixture(scope="module")
def lessons_page(browser, lab_server):
    """One page for every notebook of this module; afterwards every kernel it started is shut down."""
    context, page = local_only_page(browser)
    page.on("dialog", lambda dialog: dialog.accept())
    page.lab_opened = False
    yield page
    context.close()
    lab_server.shutdown_kernels()


def open_next(page, server, path) -> None:
    """Open ``path`` (relative to the repo root) on the page, in a new kernel, and wait until it is idle."""
    if not page.lab_opened:
        open_notebook(page, server, path)
        page.lab_opened = True
        return
    page.evaluate(OPEN_NEXT, path.as_posix())
    expect(page.locator(NOTEBOOK)).to_be_visible(timeout=KERNEL_START_TIMEOUT)
    wait_for_idle_kernel(page, KERNEL_START_TIMEOUT)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_runs_in_browser(lessons_page, lab_server, screenshot_dir, notebook):
    page = lessons_page
    page.blocked_requests.clear()
    page.console_errors.clear()
    try:
        open_next(page, lab_server, notebook.relative_to(REPO))
        run_all_cells(page)
        assert_no_errors(page)
        plots = assert_plots_rendered(page)
        draws_figures = code_calls(notebook, r"\bplotly\b|lessons\.figures")
        assert plots or not draws_figures, "the notebook draws figures but no plot rendered"
        if code_calls(notebook, r"\bquiz\(|\bfinal_assessment\("):
            answer_quiz(page)
            assert_no_errors(page)
        explore = EXPLORERS.get(number_of(notebook.stem))
        if explore:
            explore(page)
            assert_no_errors(page)
        assert not page.blocked_requests, f"The course tried to reach the network: {page.blocked_requests}"
    except BaseException:
        screenshot_notebook(page, screenshot_dir / f"{notebook.stem}_failed.png")
        if page.console_errors:  # shown with a failure, to help find the cause
            print("Browser console errors:", *page.console_errors, sep="\n  ")
        raise
