"""The teacher's class results notebook in real JupyterLab: the sample class loads, its skipped files are
listed, the figures draw, and choosing another question (from the keyboard) redraws the wrong-answers figure."""

from __future__ import annotations

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
NOTEBOOK = "teachers/class_results.ipynb"


def option_label(picker, index: int) -> str:
    """The question's short label ("11 build-up-rules"); ipywidgets shows spaces in options as no-break spaces."""
    return picker.locator("option").nth(index).inner_text().replace("\xa0", " ").split(":")[0]


def wrong_answers_title(widget) -> str:
    return widget.locator(".js-plotly-plot").nth(2).locator(".gtitle").text_content()


def test_class_results_in_browser(page, lab_server, screenshot_dir):
    try:
        open_notebook(page, lab_server, NOTEBOOK)
        run_all_cells(page)
        assert_no_errors(page)
        widget = page.locator(".course-class-results")
        expect(widget.locator(".course-feedback")).to_contain_text("Loaded the results of 12 learners")
        skipped = widget.locator(".course-class-skipped li")
        expect(skipped).to_have_count(2)
        expect(skipped.first).to_contain_text("notes-from-learner-13.json")
        expect(skipped.nth(1)).to_contain_text("answers.2.correct")
        expect(widget.locator(".js-plotly-plot")).to_have_count(4)   # progress, most missed, wrong answers, beliefs
        assert assert_plots_rendered(page) == 4
        expect(widget.locator(".js-plotly-plot").nth(3).locator(".gtitle")).to_have_text(
            "The class's answers to the beliefs check, at the start and at the end")
        expect(widget.locator(".course-class-beliefs table")).to_be_visible()
        expect(widget.locator(".js-plotly-plot").first.locator(".gtitle")).to_have_text(
            "Class progress by lesson (12 learners)")

        before = wrong_answers_title(widget)
        picker = widget.locator("select")
        assert option_label(picker, 0) in before
        picker.focus()
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        expect(widget.locator(".js-plotly-plot").nth(2).locator(".gtitle")).to_contain_text(option_label(picker, 1))
        assert wrong_answers_title(widget) != before
        assert_no_errors(page)
        assert not page.blocked_requests, f"The notebook tried to reach the network: {page.blocked_requests}"
    finally:
        screenshot_notebook(page, screenshot_dir / "class_results.png")
        if page.console_errors:
            print("Browser console errors:", *page.console_errors, sep="\n  ")
