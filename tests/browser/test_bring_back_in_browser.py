"""Bringing saved progress back on "My progress" in real JupyterLab: export JSON, reset, upload the file.

The server's kernels use the server's own temporary store (``conftest._server_env``), so this never
touches a learner's progress. The exported file is removed afterwards. The FileUpload button of
ipywidgets 8 opens a file input that is not in the page, so the file is given to the file chooser it
opens (Playwright's ``FileChooser.set_files``, what ``set_input_files`` does for an input in the page),
after reaching the button with Tab and pressing Enter, as a keyboard user does.

Playwright asks the browser to catch file choosers only once a listener for them exists, and it sends
that request without waiting for it (``ChannelOwner._update_subscription``, fire and forget). A key
press sent straight after ``expect_file_chooser`` can therefore reach Chromium first: the chooser then
opens natively, unseen, and the test times out (CI saw this twice, never a click, which waits for the
button first). So the test listens for file choosers from the start, long before the first Enter.
"""

from __future__ import annotations

import re

import pytest

from lessons.records.store import ProgressStore

from .lab_helpers import assert_no_errors, expect, open_notebook, run_all_cells, screenshot_notebook, tab_to

pytestmark = pytest.mark.browser
HERNIA = "03_herniated_disc"


def status(board, lesson: str):
    return board.locator(f'tr[data-lesson="{lesson}"] .course-progress-status')


def test_exported_progress_comes_back_after_a_reset(page, lab_server, screenshot_dir, lesson_exports):
    lab_server.progress_db.unlink(missing_ok=True)       # earlier tests answered every quiz
    store = ProgressStore(lab_server.progress_db)
    attempt = store.new_attempt(HERNIA, 6)
    store.record_answer(attempt, HERNIA, "q1", False, ["A wrong answer"])
    store.save_plan("Morning stretches", {"minutes": 10})
    page.on("filechooser", lambda chooser: None)   # catch every file chooser from now on (see above)
    try:
        open_notebook(page, lab_server, "notebooks/my_progress.ipynb")
        run_all_cells(page)
        assert_no_errors(page)
        board = page.locator(".course-progress-dashboard")
        expect(status(board, HERNIA)).to_have_text("started")

        board.get_by_role("button", name="Download as JSON").click()
        expect(board.locator(".course-feedback-right").filter(has_text="Saved")).to_contain_text(
            "exports/results.json")
        exported = lesson_exports / "results.json"
        assert exported.exists()

        board.get_by_role("button", name="Reset my progress…").click()
        board.get_by_role("button", name="Yes, delete my progress").click()
        expect(board.locator(".course-feedback-right").filter(has_text="deleted")).to_have_count(1)
        expect(status(board, HERNIA)).to_have_text("not started")
        expect(board).to_contain_text("No saved plans yet")
        assert store.answers() == []

        choose = board.get_by_role("button", name=re.compile(r"Choose a saved file"))
        expect(choose).to_have_count(1)
        board.get_by_role("button", name="Download as CSV").focus()
        tab_to(page, choose, max_presses=5)
        with page.expect_file_chooser() as chooser:
            page.keyboard.press("Enter")
        assert not chooser.value.is_multiple()
        chooser.value.set_files(exported)
        message = board.locator(".course-feedback-right").filter(has_text="Opened results.json.")
        expect(message).to_contain_text("Added 1 answer from 1 quiz and 1 plan.")
        expect(status(board, HERNIA)).to_have_text("started")
        expect(board).to_contain_text("Morning stretches")
        expect(choose).to_have_text(re.compile(r"\(0\)\s*$"))   # the file's content is not kept
        assert [(a.lesson, a.question, a.correct) for a in store.answers()] == [(HERNIA, "q1", False)]

        with page.expect_file_chooser() as chooser:               # the same file again: nothing twice
            choose.click()
        chooser.value.set_files(exported)
        expect(board.locator(".course-feedback-right").filter(has_text="already here, so nothing was added")) \
            .to_have_count(1)
        assert len(store.answers()) == 1
        assert_no_errors(page)
        assert not page.blocked_requests, f"The course tried to reach the network: {page.blocked_requests}"
    finally:
        screenshot_notebook(page, screenshot_dir / "my_progress_brought_back.png")
