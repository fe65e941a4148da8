"""The live (JupyterLite) edition, built once (or reused while its inputs are unchanged) and served over http.

``python3 course.py test`` builds ``_lite/`` before the tests (they block the network). ``ensure_lite_site``
reuses it if it was built from the current sources, else rebuilds it with the pinned tools of ``.venv-lite/``
(``COURSE_LITE_VENV``) from the download cache, which needs no network;
``serving`` serves a folder on 127.0.0.1 with the MIME types Pyodide needs (on a given port, to serve two
sites at one address in turn); ``next_edition`` makes a copy of a built site as the next edition would be
published (its notebooks in another folder). The benchmark (``tests/benchmark_lite.py``) uses them too.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from tests.browser.lab_helpers import NOTEBOOK, expect, run_all_cells, wait_for_idle_kernel
from tests.conftest import REPO
from tools import lite

KERNEL_BOOT_TIMEOUT = 120_000   # Pyodide loads ~30 MB of runtime and wheels on a cold start
LITE_RUN_TIMEOUT = 180_000
TIMINGS_FILE = "lite_lesson_seconds.json"   # in tests/browser/screenshots/: written by test_lite_lessons.py
LITE_VENV = Path(os.environ.get("COURSE_LITE_VENV", REPO / ".venv-lite"))


def lite_python() -> Path:
    return LITE_VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def site_edition(folder: Path) -> str:
    """The edition folder a built site serves its notebooks in (written by the build)."""
    return json.loads((folder / lite.STAMP).read_text())["edition"]


def lesson_url(base_url: str, folder: Path, notebook: str) -> str:
    return f"{base_url}/{lite.lab_page(site_edition(folder), notebook)}"


def ensure_lite_site(out: Path = lite.DEFAULT_OUT) -> tuple[Path, float | None]:
    """The built site and how long building it took (None: a fresh build was reused).

    Raises FileNotFoundError when the build tools are not installed.
    """
    if lite.is_fresh(out):
        return out, None
    python = lite_python()
    if not python.exists():
        raise FileNotFoundError(f"{python} (run `python3 course.py lite` or `python3 course.py test` once)")
    start = time.monotonic()
    subprocess.run([str(python), "-m", "tools.lite", "--out", str(out)], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL, timeout=900)
    return out, time.monotonic() - start


def next_edition(site: Path, dest: Path, name: str = "course-9.9.9-abcdef") -> Path:
    """A copy of ``site`` (hard links, except the files changed) that serves its notebooks in ``name``.

    Only the edition's name differs: it is what a newer edition of the course changes for a learner's browser.
    """
    old = site_edition(site)
    shutil.copytree(site, dest, copy_function=os.link)
    for sub in ("files", "api/contents"):
        (dest / sub / old).rename(dest / sub / name)
    for path in dest.rglob("*"):
        if path.suffix in {".html", ".json"} and path.is_file() and old in (text := path.read_text(encoding="utf-8")):
            path.unlink()   # a hard link: never write through to the original site
            path.write_text(text.replace(old, name), encoding="utf-8")
    return dest


@contextlib.contextmanager
def serving(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 from a thread; yields the base URL (no trailing slash)."""
    server = lite.make_server(folder, port)
    thread = threading.Thread(target=server.serve_forever, name="lite-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def open_lite_lesson(page, base_url: str, folder: Path, notebook: str, run_all: bool = True) -> None:
    """Open a lesson (e.g. ``12_stretching_planner.ipynb``) of the site built in ``folder``, wait for its
    in-browser kernel, and Run All (unless told not to)."""
    page.goto(lesson_url(base_url, folder, notebook))
    expect(page.locator(NOTEBOOK)).to_be_visible(timeout=60_000)
    wait_for_idle_kernel(page, KERNEL_BOOT_TIMEOUT)
    if run_all:
        run_all_cells(page, LITE_RUN_TIMEOUT)


def add_cell_and_run(page, code: str) -> None:
    """Add a code cell after the last one, type ``code`` into it and run it (Ctrl+Enter), as a learner would."""
    last = page.locator(f"{NOTEBOOK} .jp-Cell").last
    last.scroll_into_view_if_needed()
    last.locator(".jp-InputPrompt").click()          # selects the cell without entering its editor
    page.keyboard.press("Escape")
    page.keyboard.press("b")                         # a new cell below, selected
    page.keyboard.press("Enter")                     # edit it
    page.keyboard.insert_text(code)
    page.keyboard.press("Control+Enter")            # run it and stay on it


def last_cell_output(page, timeout: float = LITE_RUN_TIMEOUT) -> str:
    """The text the last code cell printed, once it has finished."""
    cell = page.locator(f"{NOTEBOOK} .jp-CodeCell").last
    expect(cell.locator(".jp-InputPrompt")).to_have_text(re.compile(r"\[\d+\]"), timeout=timeout)
    return cell.locator(".jp-OutputArea").inner_text()
