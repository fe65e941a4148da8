"""The interactive parts of the course used with the keyboard only, in real JupyterLab.

Each notebook is started with Run > Run All Cells (the menu, to start the kernel and draw the
widgets). From then on only ``page.keyboard`` is used: Tab to move, Space to tick or choose,
Enter or Space to press a button, typing to fill a box. The one exception is where the keyboard
starts: ``focus()`` puts it on the widget's first control, as a learner's Tab presses from the top
of the page would, without tabbing through every cell before it.

Arrow keys are never used: JupyterLab binds them to "move to the next cell", and each ipywidgets
radio button is its own Tab stop. The quiz's single-choice and true/false questions are already
answered with the keyboard by ``answer_quiz`` in ``test_notebooks_in_browser.py``; this module
adds the kinds it does not cover: several ticks (multiple select), a typed number and "Try again".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from .lab_helpers import assert_no_errors, expect, open_notebook, run_all_cells, tab_to, wait_for_idle_kernel

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser


def press(page: Page, control: Locator, key: str, max_presses: int = 20) -> None:
    """Tab to ``control`` and press ``key`` on it, once the kernel has caught up.

    ipywidgets sends a control's new value only when the kernel has answered the one before,
    but a button's click at once: waiting for an idle kernel keeps a quick click from being
    handled before the last tick or choice reached the kernel.
    """
    tab_to(page, control, max_presses=max_presses)
    wait_for_idle_kernel(page)
    page.keyboard.press(key)


def test_stretching_planner_by_keyboard_only(page, lab_server):
    open_notebook(page, lab_server, "notebooks/12_stretching_planner.ipynb")
    run_all_cells(page)
    planner = page.locator(".course-stretch-planner")
    planner.scroll_into_view_if_needed()
    radios = planner.locator(".widget-radio-box input[type=radio]")
    sciatica = planner.locator(".widget-radio-box label").filter(has_text="Sciatica").locator("input[type=radio]")
    expect(sciatica).to_have_count(1)
    radios.first.focus()                                     # where the keyboard starts
    press(page, sciatica, "Space", max_presses=radios.count())
    expect(sciatica).to_be_checked()

    minutes = planner.locator(".widget-text").filter(has_text="Minutes per session").locator("input")
    tab_to(page, minutes, max_presses=radios.count() + 1)
    page.keyboard.press("Control+A")
    page.keyboard.type("15")
    intermediate = planner.get_by_role("button", name="Intermediate", exact=True)
    press(page, intermediate, "Space", max_presses=6)
    expect(intermediate).to_have_class(re.compile(r"\bmod-active\b"))

    make = planner.get_by_role("button", name="Make my plan")
    press(page, make, "Enter", max_presses=80)           # past the positions, leave-out and day boxes
    expect(planner.locator(".course-feedback").first).to_contain_text("Plan made")
    notes = planner.locator(".course-feedback").filter(has_text="Your plan:")
    expect(notes).to_contain_text("Sciatica · 15 minutes a session")
    expect(notes).to_contain_text("intermediate level")
    expect(planner.locator(".course-plan-item").first).to_be_visible()
    expect(planner.locator(".js-plotly-plot").first).to_be_visible()
    expect(make).to_be_focused()                             # the focus stays where the learner was

    page.keyboard.press("Space")                             # Space presses a button too
    expect(planner.locator(".course-plan-item").first).to_be_visible()
    assert_no_errors(page)
    assert not page.blocked_requests


def test_red_flag_checker_and_quiz_by_keyboard_only(page, lab_server):
    open_notebook(page, lab_server, "notebooks/17_red_flag_checker.ipynb")
    run_all_cells(page)
    checker = page.locator(".course-red-flag-checker")
    checker.scroll_into_view_if_needed()
    boxes = checker.locator("input[type=checkbox]")
    fever = checker.get_by_role("checkbox", name=re.compile(r"^Do you have a fever"))
    boxes.first.focus()
    press(page, fever, "Space", max_presses=boxes.count())
    expect(fever).to_be_checked()
    press(page, checker.get_by_role("button", name="Check"), "Enter", max_presses=boxes.count() + 1)
    verdict = checker.locator(".course-verdict-urgent[role=alert]")
    expect(verdict).to_have_count(1)
    expect(verdict).to_contain_text("URGENT: see a doctor today")
    expect(verdict).to_contain_text("Contact a doctor and ask to be seen today.")
    expect(checker.locator(".course-verdict-emergency")).to_have_count(0)

    press(page, checker.get_by_role("button", name="Untick all"), "Space", max_presses=2)
    expect(fever).not_to_be_checked()
    expect(checker.locator(".course-verdict")).to_have_count(0)

    answer_quiz_extras(page, page.locator(".course-quiz"))
    assert_no_errors(page)
    assert not page.blocked_requests


def answer_quiz_extras(page: Page, quiz: Locator) -> None:
    """Lesson 17's quiz: tick several boxes, check, try again; then type a number and check."""
    score = quiz.locator(".course-quiz-score")
    total = int(re.search(r"of (\d+) answered", score.inner_text()).group(1))
    several = quiz.locator(".course-question-which-are-urgent")
    several.scroll_into_view_if_needed()
    boxes = several.locator("input[type=checkbox]")
    expect(boxes).to_have_count(7)
    boxes.first.focus()
    page.keyboard.press("Space")
    for index in (1, 2, 3):                                  # the four right answers come first
        press(page, boxes.nth(index), "Space", max_presses=2)
    expect(several.locator("input[type=checkbox]:checked")).to_have_count(4)
    for index in (4, 5, 6):
        expect(boxes.nth(index)).not_to_be_checked()
    press(page, several.get_by_role("button", name="Check", exact=True), "Enter", max_presses=4)
    expect(several.locator(".course-feedback")).to_have_text(re.compile(r"^\s*✔ Correct\."))
    expect(score).to_contain_text(f"(1 of {total} answered)")
    press(page, several.get_by_role("button", name="Try again", exact=True), "Enter", max_presses=2)
    expect(several.locator(".course-feedback")).to_have_count(0)
    expect(several.locator("input[type=checkbox]:checked")).to_have_count(0)

    number = quiz.locator(".course-question-serious-cause-share")
    number.scroll_into_view_if_needed()
    answer = number.locator("input[type=text]")
    answer.focus()
    page.keyboard.insert_text("0.9")                       # typed as one input, so one update to the kernel
    press(page, number.get_by_role("button", name="Check", exact=True), "Space", max_presses=2)
    expect(number.locator(".course-feedback")).to_have_text(re.compile(r"^\s*✔ Correct\."))
    expect(score).to_contain_text(f"(2 of {total} answered)")
