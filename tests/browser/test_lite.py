"""The live edition (JupyterLite, ``python3 course.py lite``): lesson 00 runs in the browser's own Python.

The site is served on 127.0.0.1 only; every request to another host is aborted and recorded, and any
such request fails the test (the runtime and every wheel must be inside ``_lite/``). The test server sends
no COOP/COEP headers, as GitHub Pages cannot: the page is not cross-origin isolated, so the kernel reaches
the browser's files through JupyterLite's service worker, as it will on Pages.

The second test is what the edition folders are for (README, "Run in your browser"): a learner's changed
copy of a lesson stays in this browser, in its edition's folder; deleting it brings the published lesson
back, renaming it keeps it beside the published one; and a newer edition opens in a new folder, with the
old folder and the learner's copies still listed and both kernels starting.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from lessons.records.drive import FOLDER_NAME

from .lab_helpers import (
    NOTEBOOK,
    assert_no_errors,
    assert_plots_rendered,
    expect,
    local_only_page,
    run_all_cells,
    screenshot_notebook,
    wait_for_idle_kernel,
)
from .lite_fixtures import KERNEL_BOOT_TIMEOUT, LITE_RUN_TIMEOUT, next_edition, serving, site_edition

pytestmark = pytest.mark.browser
FIRST = "00_start_here.ipynb"

# JupyterLite exposes its app as window.jupyterapp (exposeAppInBrowser, set by tools/lite.py for its script).
CURRENT_PATH = "() => window.jupyterapp.shell.currentWidget.context.path"
READ = """async path => JSON.stringify((await window.jupyterapp.serviceManager.contents.get(path,
  {content: true})).content)"""
LIST = """async path => (await window.jupyterapp.serviceManager.contents.get(path, {content: true}))
  .content.map(item => item.name).sort()"""
DELETE = "async path => { await window.jupyterapp.serviceManager.contents.delete(path); }"
RENAME = "async ([from, to]) => { await window.jupyterapp.serviceManager.contents.rename(from, to); }"
KERNELS = """() => [...window.jupyterapp.shell.widgets('main')].filter(w => w.sessionContext)
  .map(w => [w.context.path, w.sessionContext.kernelDisplayStatus])"""
ALL_IDLE = """() => { const panels = [...window.jupyterapp.shell.widgets('main')].filter(w => w.sessionContext);
  return panels.length >= 2 && panels.every(w => w.sessionContext.kernelDisplayStatus === 'idle'); }"""
RUN = """async code => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const out = [];
  const future = kernel.requestExecute({code});
  future.onIOPub = msg => { if (msg.header.msg_type === 'stream') out.push(msg.content.text); };
  await future.done;
  return out.join('');
}"""


def test_lesson_00_runs_offline_in_the_browser(lite_page, lite_site, lite_folder, screenshot_dir):
    page = lite_page
    page.goto(f"{lite_site}/")   # the front page opens lesson 00, in the edition's folder
    expect(page.locator(NOTEBOOK)).to_be_visible(timeout=60_000)
    current_tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel")
    expect(current_tab).to_have_text(FIRST)
    edition = site_edition(lite_folder)
    assert page.evaluate(CURRENT_PATH) == f"{edition}/{FIRST}"
    wait_for_idle_kernel(page, KERNEL_BOOT_TIMEOUT)
    # What GitHub Pages gives too: no cross-origin isolation, so the files come through the service worker,
    # which already controls the page on this first visit: the kernel works in the lesson's folder.
    assert page.evaluate("() => self.crossOriginIsolated") is False
    assert page.evaluate("() => navigator.serviceWorker.controller !== null")
    listing = json.loads(page.evaluate(RUN, "import json, os\nopen('from_python.txt', 'w').write('x')\n"
                                            "print(json.dumps([os.getcwd(), sorted(os.listdir())]))"))
    assert listing[0] == f"/drive/{edition}" and FIRST in listing[1]
    assert "from_python.txt" in page.evaluate(LIST, edition)   # in the file browser, with no reload
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


def add_note(page, text: str) -> None:
    """As a learner: a new markdown cell under the title, typed from the keyboard, then Ctrl+S."""
    page.locator(f"{NOTEBOOK} .jp-Cell").nth(1).locator(".jp-InputPrompt").click()   # not on a link
    page.keyboard.press("Escape")
    for key in ("b", "m", "Enter"):   # new cell below, make it markdown, edit it
        page.keyboard.press(key)
    page.keyboard.type(text)
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    path = page.evaluate(CURRENT_PATH)
    page.wait_for_function(f"async () => ({READ})({json.dumps(path)}).then(t => t.includes({json.dumps(text)}))",
                           polling=250, timeout=15_000)


def open_front_page(page, base_url: str) -> None:
    page.goto(f"{base_url}/")
    expect(page.locator(NOTEBOOK)).to_be_visible(timeout=60_000)


def test_a_learners_changes_stay_in_their_edition_folder(browser, lite_folder, tmp_path_factory, screenshot_dir):
    old = site_edition(lite_folder)
    lesson = f"{old}/{FIRST}"
    context, page = local_only_page(browser)
    try:
        with serving(lite_folder) as base_url:
            port = urlsplit(base_url).port
            open_front_page(page, base_url)
            assert page.evaluate(CURRENT_PATH) == lesson
            add_note(page, "My first note")
            page.reload()   # the learner's copy is what the lesson shows from now on
            expect(page.locator(NOTEBOOK)).to_contain_text("My first note", timeout=60_000)

            page.evaluate(DELETE, lesson)   # deleting the copy brings the published lesson back
            assert "My first note" not in page.evaluate(READ, lesson)
            assert FIRST in page.evaluate(LIST, old)

            open_front_page(page, base_url)
            add_note(page, "My second note")
            page.evaluate(RENAME, [lesson, f"{old}/00_my_copy.ipynb"])   # renaming keeps the copy ...
            assert "My second note" in page.evaluate(READ, f"{old}/00_my_copy.ipynb")
            assert "My second note" not in page.evaluate(READ, lesson)   # ... and the lesson comes back
            assert {FIRST, "00_my_copy.ipynb"} <= set(page.evaluate(LIST, old))

            # a lesson the learner never changed cannot be removed: deleting does nothing, renaming copies it
            unchanged = f"{old}/01_anatomy_of_the_lower_back.ipynb"
            page.evaluate(DELETE, unchanged)
            assert "01_anatomy_of_the_lower_back.ipynb" in page.evaluate(LIST, old)
            page.evaluate(RENAME, [f"{old}/02_from_back_to_leg.ipynb", f"{old}/02_renamed.ipynb"])
            assert {"02_from_back_to_leg.ipynb", "02_renamed.ipynb"} <= set(page.evaluate(LIST, old))
            page.evaluate(DELETE, f"{old}/02_renamed.ipynb")

            open_front_page(page, base_url)
            add_note(page, "My third note")   # this copy's tab stays open for the next visit

        newer = next_edition(lite_folder, tmp_path_factory.mktemp("lite-next") / "site")
        new = site_edition(newer)
        assert new != old
        with serving(newer, port) as base_url:   # the same address, so the same browser storage
            open_front_page(page, base_url)
            # the newer lesson is not hidden: it is in front, once the last visit's tabs are restored too
            in_front = f"() => ({CURRENT_PATH})() === {json.dumps(f'{new}/{FIRST}')}"
            page.wait_for_function(in_front, polling=250, timeout=30_000)
            expect(page.locator(NOTEBOOK)).not_to_contain_text("My third note")
            assert "My third note" not in page.evaluate(READ, f"{new}/{FIRST}")
            assert page.evaluate(LIST, "") == sorted([old, new, FOLDER_NAME])   # progress is beside, in neither
            assert page.evaluate(LIST, old) == ["00_my_copy.ipynb", FIRST]   # only the learner's copies
            assert "My third note" in page.evaluate(READ, lesson)
            # the learner's old lesson 00 (same file name) was restored beside the new one: every kernel starts
            page.wait_for_function(ALL_IDLE, polling=500, timeout=2 * KERNEL_BOOT_TIMEOUT)
            assert {lesson, f"{new}/{FIRST}"} <= {path for path, _ in page.evaluate(KERNELS)}
            assert page.evaluate(in_front)
            page.screenshot(path=str(screenshot_dir / "lite_new_edition.png"))
        assert not page.blocked_requests, f"requests left 127.0.0.1: {page.blocked_requests}"
    finally:
        context.close()


NO_SERVICE_WORKER = "Object.defineProperty(Navigator.prototype, 'serviceWorker', {get: () => undefined});"


def test_without_a_service_worker_python_cannot_see_the_files(browser, lite_site, lite_folder):
    """What a browser without service workers gives (README): the lesson runs, its files are out of Python's reach."""
    context, page = local_only_page(browser)
    try:
        context.add_init_script(NO_SERVICE_WORKER)   # as in a private window that has none
        warnings = []
        page.on("console", lambda msg: "will NOT be synced" in msg.text and warnings.append(msg.text))
        open_front_page(page, lite_site)
        wait_for_idle_kernel(page, KERNEL_BOOT_TIMEOUT)
        listing = json.loads(page.evaluate(RUN, "import json, os\nopen('from_python.txt', 'w').write('x')\n"
                                                "print(json.dumps([os.getcwd(), sorted(os.listdir())]))"))
        assert not listing[0].startswith("/drive") and FIRST not in listing[1]
        assert "from_python.txt" not in page.evaluate(LIST, site_edition(lite_folder))
        assert warnings, "JupyterLite says the files are not synced"
    finally:
        context.close()
