"""The README's first command, exactly as a learner types it: ``python3 course.py lab``.

It runs from the repository root with no server options. Only the environment is set: a free
port (``JUPYTER_PORT``), no browser to open (``BROWSER=true``), fresh Jupyter config and runtime
folders, a temporary progress store, and the virtual environment these tests run in (which
``python3 course.py test`` installed, so nothing is installed here and nothing is downloaded).
It must work as root too (CI runs as root): then course.py says so and adds ``--allow-root``.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from lessons.records.store import ENV_VAR
from tests.conftest import REPO

FIRST_PAGE = "/lab/tree/notebooks/00_start_here.ipynb"
URL = re.compile(r"http://127\.0\.0\.1:(\d+)(/\S*)\?token=([0-9a-f]+)")
START_TIMEOUT = 90


def _course_script():
    spec = importlib.util.spec_from_file_location("course_script", REPO / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _get(url: str) -> tuple[int, str]:
    """Status and Location header of a GET, without following redirects."""
    try:
        with _opener.open(url, timeout=10) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def _signal_group(pid: int, signal_number: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.killpg(pid, signal_number)


def _wait_until_answering(url: str, lines: list[str], timeout: float = 30) -> None:
    """JupyterLab prints its URL a moment before it accepts connections."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            _get(url)
            return
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                said = "\n".join(lines)
                raise AssertionError(f"nothing answers at the printed URL; course.py said:\n{said}") from None
            time.sleep(0.2)


@pytest.fixture
def first_run(tmp_path):
    """Start ``python3 course.py lab``; yield (port, token, printed path, output lines); stop it."""
    python3 = shutil.which("python3")
    assert python3, "python3 is not on PATH, so the README's commands cannot run"
    venv = os.environ.get("COURSE_VENV", sys.prefix)
    script = _course_script()
    script.VENV = Path(venv)
    if not (script.install_stamp("requirements.txt").exists()
            or script.install_stamp("requirements-test.txt").exists()):
        pytest.fail(f"{venv} is not an installed course environment: run the tests with "
                    "`python3 course.py test`, which installs it (this test must not download anything)",
                    pytrace=False)
    env = dict(os.environ, COURSE_VENV=venv, JUPYTER_PORT=str(_free_port()), BROWSER="true")
    env[ENV_VAR] = str(tmp_path / "progress.sqlite3")
    for var, name in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                      ("JUPYTERLAB_WORKSPACES_DIR", "workspaces")]:
        (tmp_path / name).mkdir()
        env[var] = str(tmp_path / name)
    started = time.monotonic()
    process = subprocess.Popen([python3, "course.py", "lab"], cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    lines: list[str] = []
    found: queue.Queue = queue.Queue()

    def read() -> None:
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            match = URL.search(line)
            if match:
                found.put(match)
        found.put(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        try:
            match = found.get(timeout=START_TIMEOUT)
        except queue.Empty:
            match = None
        output = "\n".join(lines)
        assert match, f"course.py printed no URL with a token (it stopped, or took over {START_TIMEOUT} s):\n{output}"
        port, token = int(match.group(1)), match.group(3)
        _wait_until_answering(f"http://127.0.0.1:{port}/api/status?token={token}", lines)
        print(f"python3 course.py lab answered after {time.monotonic() - started:.1f} s")
        yield port, token, match.group(2), lines
    finally:
        # Stop course.py and JupyterLab together (their own process group), as Ctrl-C would.
        _signal_group(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        reader.join(timeout=30)  # the output ends when JupyterLab has exited
        if reader.is_alive():
            _signal_group(process.pid, signal.SIGKILL)
            reader.join(timeout=10)
    assert "pip install" not in "\n".join(lines), "course.py installed packages: the test environment was not ready"
    assert any("shutting down" in line.lower() for line in lines), "JupyterLab did not shut down cleanly"


def test_the_readme_command_serves_the_whole_course_at_lesson_00(first_run):
    port, token, printed_path, lines = first_run
    base = f"http://127.0.0.1:{port}"
    assert printed_path == FIRST_PAGE  # the link JupyterLab prints opens lesson 00
    # The whole repository is served, not only notebooks/.
    assert _get(f"{base}/api/contents/teachers?token={token}")[0] == 200
    assert _get(f"{base}/api/contents/notebooks/00_start_here.ipynb?token={token}")[0] == 200
    assert _get(f"{base}/api/contents/README.md?token={token}")[0] == 200
    assert _get(f"{base}/api/contents/teachers/class_results.ipynb?token={token}")[0] == 200
    # The front page sends you to lesson 00, and the page is there.
    status, location = _get(f"{base}/?token={token}")
    assert status == 302 and urlsplit(location).path == FIRST_PAGE
    assert _get(f"{base}{FIRST_PAGE}?token={token}")[0] == 200
    # Token protection is kept: without it the API refuses and the page asks to log in.
    assert _get(f"{base}/api/contents/teachers")[0] == 403
    status, location = _get(f"{base}{FIRST_PAGE}")
    assert status == 302 and urlsplit(location).path == "/login"
    assert _get(f"{base}/api/contents/teachers?token={'0' * len(token)}")[0] == 403
    said_root = any("running as root" in line for line in lines)
    assert said_root == (os.geteuid() == 0)
