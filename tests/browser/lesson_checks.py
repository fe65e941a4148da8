"""What a learner does in each lesson, shared by the JupyterLab test (test_notebooks_in_browser.py) and the
live edition's test (test_lite.py): answer the quiz with the mouse and the keyboard, use the explorers of 01, 02,
16 and 17, make a plan in 12."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from lessons.kit import triage

from .lab_helpers import expect, tab_to

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

FEEDBACK = re.compile(r"^\s*[✔✘] (Correct\.|Not quite\.)")


def code_calls(notebook: Path, pattern: str) -> bool:
    """Whether the notebook's code matches ``pattern`` (e.g. uses plotly, shows a quiz)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    return re.search(pattern, code) is not None


def answer_quiz(page: Page) -> None:
    """Answer one radio question with the mouse and another with the keyboard only."""
    quiz = page.locator(".course-quiz")
    expect(quiz).to_have_count(1)
    quiz.scroll_into_view_if_needed()
    score = quiz.locator(".course-quiz-score")
    expect(score).to_contain_text(re.compile(r"of \d+ answered"))   # drawn a moment after Run All ends
    # text_content: the notebook may not lay out a cell that is off screen, and inner_text is then empty
    total = int(re.search(r"of (\d+) answered", score.text_content()).group(1))
    radio_questions = quiz.locator(".course-question").filter(has=page.locator("input[type=radio]"))
    assert radio_questions.count() >= 1, "the quiz has no single-choice or true/false question"

    first = radio_questions.first
    first.scroll_into_view_if_needed()
    check_button(first).click()
    expect(feedback(first)).to_have_text(re.compile(r"^\s*ℹ \S"))
    expect(score).to_contain_text(f"(0 of {total} answered)")
    first.locator(".widget-radio-box label").first.click()
    check_button(first).click()
    expect(feedback(first)).to_have_text(FEEDBACK)
    expect(score).to_contain_text(f"(1 of {total} answered)")

    if radio_questions.count() > 1:
        second, answered = radio_questions.nth(1), 2
    else:  # only one radio question: clear it and answer it again with the keyboard
        second, answered = first, 1
        second.get_by_role("button", name="Try again", exact=True).click()
        expect(feedback(second)).to_have_count(0)
    # Keyboard only. Arrow keys cannot be used: JupyterLab binds ArrowDown/Up to "move to
    # the next cell", and ipywidgets radios have no shared name, so each one is a Tab stop.
    second.scroll_into_view_if_needed()
    radios = second.locator("input[type=radio]")
    radios.first.focus()
    page.keyboard.press("Space")
    expect(radios.first).to_be_checked()
    if radios.count() > 1:
        tab_to(page, radios.nth(1), max_presses=2)
        page.keyboard.press("Space")
        expect(radios.nth(1)).to_be_checked()
        expect(radios.first).not_to_be_checked()
    tab_to(page, check_button(second), max_presses=radios.count() + 1)
    page.keyboard.press("Enter")
    expect(feedback(second)).to_have_text(FEEDBACK)
    expect(score).to_contain_text(f"({answered} of {total} answered)")


def explore_anatomy(page: Page) -> None:
    """Lesson 01: choose a part with the keyboard only; the card and the figure follow."""
    explorer = page.locator(".course-anatomy-explorer")
    explorer.scroll_into_view_if_needed()
    option = explorer.locator("label").filter(has_text="Sciatic nerve").locator("input[type=radio]")
    explorer.locator("input[type=radio]").first.focus()
    tab_to(page, option, max_presses=15)
    page.keyboard.press("Space")
    expect(explorer.locator(".course-card")).to_contain_text("The big nerve of the leg (Sciatic nerve)")
    expect(explorer.locator(".js-plotly-plot")).to_be_visible()


def explore_nerve_roots(page: Page) -> None:
    """Lesson 02: from an area of the leg to its root, and from a root to its card (mouse)."""
    explorer = page.locator(".course-root-explorer")
    explorer.scroll_into_view_if_needed()
    explorer.locator("label").filter(has_text="Outer edge of the foot").click()
    expect(explorer.locator(".course-card")).to_contain_text("usually the S1 root")
    explorer.get_by_role("button", name="L4", exact=True).click()
    expect(explorer.locator(".course-card")).to_contain_text("The L4 nerve root")
    expect(explorer.locator(".js-plotly-plot .gtitle")).to_have_text("Where L4 is usually felt")


def make_a_plan(page: Page) -> None:
    """Lesson 12: choose a problem, ask for too few minutes (a message, not a traceback),
    then make a plan by clicking and see the cards, pictures and weeks chart."""
    planner = page.locator(".course-stretch-planner")
    planner.scroll_into_view_if_needed()
    planner.locator("label").filter(has_text="Spinal stenosis").first.click()
    minutes = planner.locator(".widget-text").filter(has_text="Minutes per session").locator("input")
    minutes.fill("4")
    minutes.press("Enter")
    planner.get_by_role("button", name="Make my plan").click()
    expect(planner.locator(".course-feedback").first).to_contain_text("5")
    minutes.fill("15")
    minutes.press("Enter")
    planner.get_by_role("button", name="Make my plan").click()
    expect(planner.locator(".course-plan-item").first).to_be_visible()
    assert planner.locator(".course-plan-item img[alt]").count() >= 3
    expect(planner.locator(".js-plotly-plot").first).to_be_visible()


def mark_a_symptom(page: Page) -> None:
    """Lesson 16: mark numbness on the top of the foot, explain, read the L5 rule; then mark the
    saddle area and see the emergency message come first."""
    explorer = page.locator(".course-symptom-explorer")
    explorer.scroll_into_view_if_needed()
    expect(explorer.locator(".course-not-a-diagnosis")).to_be_visible()
    explorer.locator(".course-area-top-of-foot input[type=checkbox]").check()
    explorer.locator("label").filter(has_text="Numbness").first.click()
    explorer.locator(".course-symptom-explain button, button.course-symptom-explain").first.click()
    rule = explorer.locator('.course-symptom-card section.course-symptom-rule[data-rule="numb-l5"]')
    expect(rule).to_contain_text("L5")
    explorer.locator(".course-area-saddle input[type=checkbox]").check()
    explorer.locator(".course-symptom-explain button, button.course-symptom-explain").first.click()
    expect(explorer.locator(".course-warning-box")).to_be_visible()


def tick_a_red_flag(page: Page) -> None:
    """Lesson 17: tick a red flag by clicking and read an unmistakable message."""
    checker = page.locator(".course-red-flag-checker")
    checker.scroll_into_view_if_needed()
    checker.get_by_role("checkbox", name=triage.sign("both-legs").question).check()
    verdict = checker.locator(".course-verdict")
    expect(verdict).to_contain_text("EMERGENCY")
    expect(verdict).to_contain_text("Call your local emergency number")
    expect(checker.locator(".course-verdict-emergency[role=alert]")).to_have_count(1)


EXPLORERS = {"01": explore_anatomy, "02": explore_nerve_roots, "12": make_a_plan, "16": mark_a_symptom,
             "17": tick_a_red_flag}


def check_button(question: Locator) -> Locator:
    return question.get_by_role("button", name="Check", exact=True)


def feedback(question: Locator) -> Locator:
    return question.locator(".course-feedback")
