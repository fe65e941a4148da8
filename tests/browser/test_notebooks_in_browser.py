"""Every course notebook, run in real JupyterLab in Chromium as a learner would.

Each notebook is opened, run with Run > Run All Cells and checked for errors, drawn
Plotly figures and requests leaving 127.0.0.1. Every lesson with a quiz gets it
answered with the mouse and with the keyboard only, and the explorers of 01 and 02 are
used. A screenshot of every notebook is saved in ``tests/browser/screenshots/``.
"""

from __future__ import annotations

import pytest

from lessons.kit.course import number_of
from tests.conftest import REPO

from .lab_helpers import (
    assert_no_errors,
    assert_plots_rendered,
    open_notebook,
    run_all_cells,
    screenshot_notebook,
)
from .lesson_checks import EXPLORERS, answer_quiz, code_calls

pytestmark = pytest.mark.browser
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_runs_in_browser(page, lab_server, screenshot_dir, notebook):
    try:
        open_notebook(page, lab_server, notebook.relative_to(REPO))
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
    finally:
        screenshot_notebook(page, screenshot_dir / f"{notebook.stem}.png")
        if page.console_errors:  # shown with a failure, to help find the cause
            print("Browser console errors:", *page.console_errors, sep="\n  ")
