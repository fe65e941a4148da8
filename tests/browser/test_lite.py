"""The live edition (JupyterLite, ``python3 course.py lite``): lesson 00 runs in the browser's own Python.

The site is served on 127.0.0.1 only; every request to another host is aborted and recorded, and any
such request fails the test (the runtime and every wheel must be inside ``_lite/``).
"""

from __future__ import annotations

import re

import pytest

from .lab_helpers import (
    NOTEBOOK,
    assert_no_errors,
    assert_plots_rendered,
    expect,
    run_all_cells,
    screenshot_notebook,
    wait_for_idle_kernel,
)
from .lite_fixtures import KERNEL_BOOT_TIMEOUT, LITE_RUN_TIMEOUT

pytestmark = pytest.mark.browser


def test_lesson_00_runs_offline_in_the_browser(lite_page, lite_site, screenshot_dir):
    page = lite_page
    page.goto(f"{lite_site}/")   # the front page opens lesson 00
    expect(page.locator(NOTEBOOK)).to_be_visible(timeout=60_000)
    current_tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel")
    expect(current_tab).to_have_text("00_start_here.ipynb")
    wait_for_idle_kernel(page, KERNEL_BOOT_TIMEOUT)
    run_all_cells(page, LITE_RUN_TIMEOUT)
    try:
        assert_no_errors(page)
        assert assert_plots_rendered(page) >= 1
        expect(page.locator(f"{NOTEBOOK} .jp-OutputArea .jupyter-widgets").first).to_be_visible()
        question = page.locator(f"{NOTEBOOK} .course-question").filter(
            has=page.locator("input[type=radio]")).first
        question.scroll_into_view_if_needed()
        question.locator(".widget-radio-box label").first.click()
        question.get_by_role("button", name="Check", exact=True).click()
        expect(question.locator(".course-feedback")).to_have_text(re.compile(r"^\s*[✔✘] "))
        expect(page.locator(f"{NOTEBOOK} .course-progress-message")).to_have_count(0)   # saved
        assert_no_errors(page)
        question.screenshot(path=str(screenshot_dir / "lite_00_quiz_answered.png"))
    finally:
        screenshot_notebook(page, screenshot_dir / "lite_00_start_here.png")
    assert not page.blocked_requests, f"requests left 127.0.0.1: {page.blocked_requests}"
    assert not page.console_errors, "console errors:\n" + "\n".join(page.console_errors)
