"""Reusable JupyterLab steps for the browser tests: open a notebook, run it, check outputs.

Everything here drives the page the way a learner does (menus, clicks, keys) and waits
with Playwright locators or DOM polling; the only fixed pause lets the layout settle
before a screenshot.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

try:
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)  # widgets and plots render a moment after their cell ran
except ImportError:  # the chromium_path fixture then skips (or fails on CI) with a clear message
    expect = None
if TYPE_CHECKING:
    from playwright.sync_api import Page

KERNEL_START_TIMEOUT = 60_000
RUN_TIMEOUT = 120_000
KERNEL_STATUS = '.jp-StatusBar-TextItem[title^="Change kernel"]'  # "Python 3 (ipykernel) | Idle"
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
ERROR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
PLOT = f"{NOTEBOOK} .jp-OutputArea .js-plotly-plot"  # jupyterlab-plotly, also inside widget outputs
BROKEN_OUTPUT_TEXTS = ("Traceback", "Error displaying widget", "No renderer could be found")

# Set before "Run All Cells": records that some prompt showed [*], so a notebook saved
# with execution counts cannot look finished before the run has even started.
WATCH_PROMPTS = """notebook => {
  notebook.courseRunStarted = false;
  const busy = () => [...notebook.querySelectorAll('.jp-InputPrompt')]
    .some(prompt => prompt.textContent.includes('*'));
  new MutationObserver(() => { if (busy()) notebook.courseRunStarted = true; })
    .observe(notebook, {childList: true, subtree: true, characterData: true});
}"""
RUN_FINISHED = """notebook => {
  const prompts = [...notebook.querySelectorAll('.jp-InputPrompt')].map(p => p.textContent);
  return notebook.courseRunStarted && !prompts.some(t => t.includes('*'))
    && prompts.some(t => /\\[\\d+\\]/.test(t));
}"""


def open_notebook(page: Page, server, path: str | Path) -> None:
    """Open ``path`` (relative to the repo root) in JupyterLab and wait for an idle kernel."""
    page.goto(server.url(f"lab/tree/{Path(path).as_posix()}", reset=""))  # no restored tabs
    expect(page.locator(NOTEBOOK)).to_be_visible(timeout=KERNEL_START_TIMEOUT)
    wait_for_idle_kernel(page, KERNEL_START_TIMEOUT)


def wait_for_idle_kernel(page: Page, timeout: float = RUN_TIMEOUT) -> None:
    expect(page.locator(KERNEL_STATUS)).to_have_text(re.compile(r"\| Idle$"), timeout=timeout)


def run_all_cells(page: Page, timeout: float = RUN_TIMEOUT) -> None:
    """Run > Run All Cells from the menu bar, then wait until every cell has finished."""
    notebook = page.locator(NOTEBOOK)
    notebook.evaluate(WATCH_PROMPTS)
    page.get_by_role("menubar").get_by_role("menuitem", name="Run", exact=True).click()
    page.locator(".lm-Menu").get_by_text("Run All Cells", exact=True).click()
    page.wait_for_function(RUN_FINISHED, arg=notebook.element_handle(), timeout=timeout,
                           polling=250)
    wait_for_idle_kernel(page, timeout)


def assert_no_errors(page: Page) -> None:
    """No output shows an error, stderr, a traceback or a widget/renderer failure."""
    problems = page.locator(ERROR_OUTPUT).all_inner_texts()
    outputs = page.locator(f"{NOTEBOOK} .jp-OutputArea").all_inner_texts()
    problems += [text for text in outputs if any(bad in text for bad in BROKEN_OUTPUT_TEXTS)]
    problems = list(dict.fromkeys(text.strip() for text in problems))
    assert not problems, "Outputs show errors:\n\n" + "\n---\n".join(t[:2000] for t in problems)


def tab_to(page: Page, target, max_presses: int = 20) -> None:
    """Press Tab until ``target`` has the keyboard focus (as a keyboard-only learner does)."""
    for _ in range(max_presses):
        if target.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(target).to_be_focused()


def assert_plots_rendered(page: Page) -> int:
    """Every Plotly figure in the outputs is drawn and visible; returns how many there are."""
    plots = page.locator(PLOT)
    for index in range(plots.count()):
        plot = plots.nth(index)
        plot.scroll_into_view_if_needed()
        expect(plot).to_be_visible()
        expect(plot.locator(".main-svg").first).to_be_visible()
    return plots.count()


def screenshot_notebook(page: Page, path: Path, max_height: int = 15_000) -> None:
    """Save the whole notebook: grow the window to the notebook's height, then restore it."""
    size = page.viewport_size
    scroller = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer")
    if scroller.count() != 1:  # no notebook open (e.g. it failed to load): show what there is
        page.screenshot(path=str(path))
        return
    extra = scroller.evaluate("el => { el.scrollTop = 0; return el.scrollHeight - el.clientHeight; }")
    page.set_viewport_size({"width": size["width"],
                            "height": min(size["height"] + max(extra, 0), max_height)})
    try:
        page.wait_for_timeout(300)  # let JupyterLab relayout before the capture
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)


EXPECTED_404 = re.compile(r"/api/(contents/(.+/)?)?all\.json$|/favicon\.ico$")


def is_expected_404(message) -> bool:
    """The live edition asks the web server for the listing of every folder it opens; a folder made in the
    browser (``exports``, a new folder) has none, so the request fails with 404 and JupyterLite says "don't
    worry, ... nothing's broken" (seen: ``api/contents/exports/all.json``, and ``api/all.json`` when the file
    browser opens such a folder). Chromium also asks for ``/favicon.ico`` when a file is downloaded.
    Those 404s are expected; any other failed request is an error."""
    url = (message.location or {}).get("url", "")
    return message.text.startswith("Failed to load resource") and "404" in message.text \
        and EXPECTED_404.search(url) is not None


def local_only_context(browser, blocked: list[str]):
    """A fresh browser context (empty cache and storage) that reaches only 127.0.0.1.

    Every request to another host is aborted and its address added to ``blocked``. The route is on the
    context, so it also covers web workers (JupyterLite's kernel runs in one).
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000})

    def only_local(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    return context


def record_console_errors(page) -> None:
    """Keep the page's console errors (but not the expected 404s) and page errors in ``page.console_errors``."""
    def record(message) -> None:
        if message.type == "error" and not is_expected_404(message):
            url = (message.location or {}).get("url", "")
            page.console_errors.append(f"{message.text} ({url})" if url else message.text)

    page.on("console", record)
    page.on("pageerror", lambda error: page.console_errors.append(f"page error: {error}"))


def local_only_page(browser):
    """(context, page): a page of a fresh ``local_only_context`` that records what it blocked
    (``page.blocked_requests``) and its console errors (``page.console_errors``). Close the context after."""
    blocked: list[str] = []
    context = local_only_context(browser, blocked)
    page = context.new_page()
    page.blocked_requests = blocked
    page.set_default_timeout(30_000)
    page.console_errors = []
    record_console_errors(page)
    return context, page
