"""The live edition keeps a learner's progress in the browser: through a reload, through a reload in the
middle of saving, out to a results file that the teacher's class-results code reads, and back in.

Each test starts in a fresh browser context (empty storage) on the site served on 127.0.0.1 only.
"""

from __future__ import annotations

import re

import pytest

from lessons.progress.classroom import load_class
from lessons.records.results import read_results

from .lab_helpers import NOTEBOOK, assert_no_errors, expect, screenshot_notebook
from .lesson_checks import make_a_plan
from .lite_fixtures import add_cell_and_run, last_cell_output, open_lite_lesson, site_edition

pytestmark = pytest.mark.browser
SAVES = 3000          # answers saved one by one while the page reloads; each is one new copy on the drive


def answer_first_question(page) -> None:
    question = page.locator(f"{NOTEBOOK} .course-question").filter(has=page.locator("input[type=radio]")).first
    question.scroll_into_view_if_needed()
    question.locator(".widget-radio-box label").first.click()
    question.get_by_role("button", name="Check", exact=True).click()
    expect(question.locator(".course-feedback")).to_have_text(re.compile(r"^\s*[✔✘] "))
    score = page.locator(f"{NOTEBOOK} .course-quiz-score")
    expect(score).to_contain_text("(1 of ")              # the score line changes once the answer is saved
    expect(score.locator(".course-progress-message")).to_have_count(0)   # saved, no problem told


def download_from_file_browser(page, folder: str, name: str) -> None:
    """Go to ``folder`` in JupyterLab's file browser, right-click ``name`` and choose Download."""
    files = page.locator(".jp-FileBrowser")
    if not files.is_visible():
        page.get_by_role("tab", name=re.compile("File Browser")).click()
    page.evaluate("path => window.jupyterapp.commands.execute('filebrowser:go-to-path', {path})", folder)
    files.locator(".jp-DirListing-content").get_by_text(name, exact=True).click(button="right")
    page.locator(".lm-Menu").get_by_role("menuitem", name="Download", exact=True).click()


def test_answers_and_plans_survive_a_reload_and_export_for_the_teacher(lite_page, lite_site, lite_folder, tmp_path,
                                                                       screenshot_dir):
    page = lite_page
    open_lite_lesson(page, lite_site, lite_folder, "00_start_here.ipynb")
    answer_first_question(page)
    open_lite_lesson(page, lite_site, lite_folder, "12_stretching_planner.ipynb")
    make_a_plan(page)
    planner = page.locator(".course-stretch-planner")
    planner.get_by_role("button", name="Save Markdown sheet").click()
    expect(planner.locator(".course-feedback").filter(has_text="Saved")).to_be_visible()
    expect(planner.locator(".course-feedback").filter(has_text="could not be kept")).to_have_count(0)
    planner.locator(".course-plan-item").first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "lite_12_plan_made.png"))    # what the learner sees: the plan

    page.reload()                                     # a new page and a new kernel: only the browser drive lasts
    open_lite_lesson(page, lite_site, lite_folder, "my_progress.ipynb")
    board = page.locator(".course-progress-dashboard")
    expect(board.locator('tr[data-lesson="00_start_here"] .course-progress-status')).to_have_text("started")
    expect(board.locator('tr[data-lesson="01_anatomy_of_the_lower_back"] .course-progress-status')).to_have_text(
        "not started")
    expect(board).not_to_contain_text("No saved plans yet")
    assert_no_errors(page)

    board.get_by_role("button", name="Download as JSON").click()
    expect(board.locator(".course-feedback-right").filter(has_text="Saved")).to_contain_text("exports/results.json")
    with page.expect_download() as download:              # as the page says: file browser, right-click, Download
        download_from_file_browser(page, f"{site_edition(lite_folder)}/exports", "results.json")
    saved = tmp_path / "class" / "results.json"
    saved.parent.mkdir()
    download.value.save_as(saved)

    assert "back-pain-leg-pain-results" in saved.read_text(encoding="utf-8"), saved.read_text(encoding="utf-8")[:600]
    results = read_results(saved)
    assert [a.lesson for a in results.answers] == ["00_start_here"]
    assert len(results.plans) == 1
    loaded = load_class(saved.parent)
    assert loaded.notice is None and len(loaded.learners) == 1 and not loaded.skipped

    # ... and back: start again (the backup goes to the browser drive), then bring the downloaded file back
    board.get_by_role("button", name="Reset my progress…").click()
    board.get_by_role("button", name="Yes, delete my progress").click()
    expect(board.locator(".course-feedback-right").filter(has_text="deleted")).to_have_count(1)
    expect(board.locator('tr[data-lesson="00_start_here"] .course-progress-status')).to_have_text("not started")
    with page.expect_file_chooser() as chooser:
        board.get_by_role("button", name=re.compile(r"Choose a saved file")).click()
    chooser.value.set_files(saved)
    message = board.locator(".course-feedback-right").filter(has_text="Opened results.json.")
    expect(message).to_contain_text("Added 1 answer from 1 quiz and 1 plan.")
    expect(board.locator('tr[data-lesson="00_start_here"] .course-progress-status')).to_have_text("started")
    screenshot_notebook(page, screenshot_dir / "lite_results_file.png")
    assert not page.blocked_requests, f"requests left 127.0.0.1: {page.blocked_requests}"
    assert not page.console_errors, "console errors:\n" + "\n".join(page.console_errors)


def test_a_reload_in_the_middle_of_saving_loses_nothing_saved_before(lite_page, lite_site, lite_folder):
    page = lite_page
    page.on("dialog", lambda dialog: dialog.accept())           # "leave the page?" (the notebook has a new cell)
    open_lite_lesson(page, lite_site, lite_folder, "00_start_here.ipynb")
    answer_first_question(page)
    add_cell_and_run(page, "from lessons.records.store import open_default_store\n"
                           "store = open_default_store()\n"
                           f"attempt = store.new_attempt('reload-test', {SAVES})\n"
                           f"for n in range({SAVES}):\n"
                           "    store.record_answer(attempt, 'reload-test', f'q{n}', True, ['x'])\n")
    expect(page.locator(f"{NOTEBOOK} .jp-CodeCell").last.locator(".jp-InputPrompt")).to_have_text("[*]:")
    page.wait_for_timeout(4000)                                 # saving, copy after copy
    page.reload()

    open_lite_lesson(page, lite_site, lite_folder, "00_start_here.ipynb", run_all=False)
    add_cell_and_run(page, "from lessons.records.store import open_default_store\n"
                           "store = open_default_store()\n"
                           "saved = [a.question for a in store.answers('reload-test')]\n"
                           "print('saved', len(saved), 'in order', saved == [f'q{n}' for n in range(len(saved))])\n"
                           "print('lesson 00 answers', len(store.answers('00_start_here')))\n"
                           "print('notice', store.notice)\n")
    output = last_cell_output(page)
    saved = int(re.search(r"saved (\d+)", output).group(1))
    assert 0 < saved < SAVES, f"the reload did not come in the middle of saving ({saved} of {SAVES} saved)"
    assert "in order True" in output, output
    assert "lesson 00 answers 1" in output, output
    assert "notice None" in output, output
    assert not page.blocked_requests, f"requests left 127.0.0.1: {page.blocked_requests}"
