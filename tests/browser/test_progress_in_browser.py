"""The progress page in real JupyterLab: an answer checked in lesson 03 shows up on "My progress".

The server's kernels save progress into the server's own temporary store (``conftest._server_env``),
so this never touches a learner's progress. The exported file is removed afterwards.
"""

from __future__ import annotations

import re

import pytest

from .lab_helpers import (
    assert_no_errors,
    assert_plots_rendered,
    expect,
    open_notebook,
    run_all_cells,
    screenshot_notebook,
)

pytestmark = pytest.mark.browser


def test_progress_page_shows_a_started_lesson_and_exports(page, lab_server, screenshot_dir, lesson_exports):
    # Start from an empty store: the notebook tests before this one have answered every quiz.
    lab_server.progress_db.unlink(missing_ok=True)
    try:
        open_notebook(page, lab_server, "notebooks/03_herniated_disc.ipynb")
        run_all_cells(page)
        quiz = page.locator(".course-quiz")
        question = quiz.locator(".course-question").filter(has=page.locator("input[type=radio]")).first
        question.scroll_into_view_if_needed()
        question.locator(".widget-radio-box label").first.click()
        question.get_by_role("button", name="Check", exact=True).click()
        expect(question.locator(".course-feedback")).to_have_text(re.compile(r"^\s*[✔✘] "))
        expect(quiz.locator(".course-quiz-score")).to_contain_text("(1 of ")
        expect(quiz.locator(".course-progress-message")).to_have_count(0)   # saved without a problem

        open_notebook(page, lab_server, "notebooks/my_progress.ipynb")
        run_all_cells(page)
        assert_no_errors(page)
        board = page.locator(".course-progress-dashboard")
        expect(board).to_have_count(1)
        status = board.locator('tr[data-lesson="03_herniated_disc"] .course-progress-status')
        expect(status).to_have_text("started")
        expect(board.locator('tr[data-lesson="04_spinal_stenosis"] .course-progress-status')).to_have_text(
            "not started")
        assert assert_plots_rendered(page) == 2, "the progress chart and the score history chart"
        board.get_by_role("button", name="Download as JSON").click()
        message = board.locator(".course-feedback-right").filter(has_text="Saved")
        expect(message).to_contain_text("exports/results.json")
        expect(message).to_contain_text("right-click")
        assert (lesson_exports / "results.json").exists()
        assert_no_errors(page)
        assert not page.blocked_requests, f"The course tried to reach the network: {page.blocked_requests}"
    finally:
        screenshot_notebook(page, screenshot_dir / "my_progress_after_a_quiz.png")
