"""The beliefs check of lesson 00 answered by keyboard only, in real JupyterLab (issue 16).

The notebook is started with Run > Run All Cells (the menu); from then on only ``page.keyboard`` is used: Tab to
move, Space to choose, Enter to press "Save my answers". As in ``test_keyboard.py``, ``focus()`` puts the keyboard
on the check's first answer (where a learner's Tab presses from the top would arrive), and arrow keys are never
used (JupyterLab binds them to "move to the next cell"; each ipywidgets radio button is its own Tab stop).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from lessons.quiz.beliefs import load_beliefs
from lessons.records.store import ProgressStore

from .lab_helpers import assert_no_errors, expect, open_notebook, run_all_cells, tab_to, wait_for_idle_kernel

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser


def press(page: Page, control: Locator, key: str, max_presses: int = 20) -> None:
    """Tab to ``control`` and press ``key`` once the kernel has caught up (see test_keyboard.press)."""
    tab_to(page, control, max_presses=max_presses)
    wait_for_idle_kernel(page)
    page.keyboard.press(key)


def test_beliefs_check_in_lesson_00_by_keyboard_only(page, lab_server):
    check = load_beliefs()
    scan, rest, damage = check.statements[:3]
    open_notebook(page, lab_server, "notebooks/00_start_here.ipynb")
    run_all_cells(page)
    widget = page.locator(".course-beliefs")
    expect(widget).to_have_count(1)
    widget.scroll_into_view_if_needed()
    expect(widget.locator(".course-feedback")).to_have_count(0)          # nothing explained before an answer
    expect(widget).not_to_contain_text(scan.explanation)

    first, second, third = (widget.locator(f".course-belief-{s.id}") for s in (scan, rest, damage))
    first_view, first_sure = (first.locator(".widget-radio-box").nth(i).locator("input[type=radio]") for i in (0, 1))
    first_view.first.focus()                                             # where the keyboard starts: "Agree"
    page.keyboard.press("Space")
    expect(first_view.first).to_be_checked()
    press(page, first_sure.nth(2), "Space", max_presses=6)              # "Very sure"
    expect(first_sure.nth(2)).to_be_checked()

    second_view, second_sure = (second.locator(".widget-radio-box").nth(i).locator("input[type=radio]")
                                for i in (0, 1))
    press(page, second_view.nth(1), "Space", max_presses=4)             # "Not sure": needs no "how sure"
    expect(second_view.nth(1)).to_be_checked()
    wait_for_idle_kernel(page)
    expect(second_sure.first).to_be_disabled()

    save = widget.get_by_role("button", name="Save my answers", exact=True)
    press(page, save, "Enter", max_presses=60)                          # past the statements not answered
    expect(first.locator(".course-feedback")).to_contain_text(scan.explanation)
    expect(first.locator(".course-feedback")).to_contain_text(check.feedback["differs"])
    expect(second.locator(".course-feedback")).to_contain_text(rest.explanation)
    expect(second.locator(".course-feedback")).to_contain_text(check.feedback["not_sure"])
    expect(third.locator(".course-feedback")).to_have_count(0)          # not answered: still no explanation
    expect(widget.locator(".course-feedback").last).to_contain_text(check.texts["saved"])
    expect(save).to_be_focused()                                         # the focus stays where the learner was
    assert not widget.inner_text().count("%")                            # no score, no percentage

    store = ProgressStore(lab_server.progress_db)
    saved = [(b.statement, b.answer, b.sureness) for b in store.beliefs("00_start_here")]
    assert saved[-2:] == [(scan.id, "agree", "very"), (rest.id, "not_sure", "")]
    assert_no_errors(page)
    assert not page.blocked_requests
