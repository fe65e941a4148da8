"""Fixtures for the real-browser tests: an isolated JupyterLab server and Chromium pages.

The server runs on 127.0.0.1 with a random token, fresh settings/config/runtime
directories (news pop-up, update check and autosave switched off, every cell rendered)
and the ``python3`` kernel of this interpreter. Every page blocks requests that are not
for 127.0.0.1 and records them in ``page.blocked_requests``; console errors are kept in
``page.console_errors``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.browser.lab_helpers import local_only_page
from tests.browser.lite_fixtures import ensure_lite_site, serving
from tests.conftest import REPO

SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CHROMIUM_MISSING = (
    "Chromium not found: install Debian's chromium package (apt-get install chromium) "
    "or run `python3 course.py test` as root to enable the browser tests"
)
LAB_SETTINGS = {  # plugin id -> settings; names checked against JupyterLab 4.6's schemas
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none", "scrollPastEnd": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},  # never write the notebooks
}
SERVER_TIMEOUT = 60


def _unavailable(message: str) -> None:
    """Skip locally, but fail on CI, where the browser tests must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    try:
        import playwright  # noqa: F401
    except ImportError:
        _unavailable("Playwright is not installed: pip install playwright "
                     "(its browser download is not needed; Debian's chromium is used)")
    path = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
    if not path:
        _unavailable(CHROMIUM_MISSING)
    return path


@dataclass
class LabServer:
    port: int
    token: str
    log: Path

    @property
    def progress_db(self) -> Path:
        """The server's own progress store (``_server_env``): kernels save quiz answers here."""
        return self.log.parent / "progress" / "progress.sqlite3"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, **query: str) -> str:
        """Absolute URL of a server path (e.g. ``lab/tree/notebooks/x.ipynb``) with the token."""
        return f"{self.base_url}/{path.lstrip('/')}?{urlencode({**query, 'token': self.token})}"

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """End every notebook session, so each test starts from fresh kernels."""
        for session in self.api("api/sessions"):
            self.api(f"api/sessions/{session['id']}", method="DELETE")

    def log_tail(self, lines: int = 60) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var, name in [("JUPYTERLAB_SETTINGS_DIR", "lab-settings"),
                      ("JUPYTERLAB_WORKSPACES_DIR", "lab-workspaces"),
                      ("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                      ("JUPYTER_DATA_DIR", "data"), ("IPYTHONDIR", "ipython")]:
        env[var] = str(tmp / name)
        (tmp / name).mkdir()
    for plugin, settings in LAB_SETTINGS.items():
        path = tmp / "lab-settings" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    # The kernel inherits this environment: `lessons` imports even if not pip-installed.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("JUPYTER_PATH", None)
    env["BACKPAIN_PROGRESS_DB"] = str(tmp / "progress" / "progress.sqlite3")  # never a real learner's store
    return env


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory) -> LabServer:
    tmp = tmp_path_factory.mktemp("jupyterlab")
    server = LabServer(port=_free_port(), token=secrets.token_hex(24), log=tmp / "server.log")
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        f"--ServerApp.root_dir={REPO}", "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={server.port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={server.token}",
        "--LabApp.news_url=None",
        "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: the lesson test opens each notebook on one page
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",  # no PyPI look-ups from the server
        # JupyterLab checkpoints a notebook when it opens it: keep that out of the repo.
        f"--FileCheckpoints.checkpoint_dir={tmp / 'checkpoints'}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    with server.log.open("w") as log:
        process = subprocess.Popen(command, cwd=REPO, env=_server_env(tmp),
                                   stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_ready(process, server)
        _check_kernel(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_ready(process: subprocess.Popen, server: LabServer) -> None:
    deadline = time.monotonic() + SERVER_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"JupyterLab exited with code {process.returncode}. "
                        f"Server log ({server.log}):\n{server.log_tail()}", pytrace=False)
        try:
            server.api("api/status")
            return
        except OSError:
            time.sleep(0.25)
    pytest.fail(f"JupyterLab did not answer on {server.base_url} within {SERVER_TIMEOUT} s. "
                f"Server log ({server.log}):\n{server.log_tail()}", pytrace=False)


def _check_kernel(server: LabServer) -> None:
    """The python3 kernel must be this interpreter (jupyter_client runs a bare "python"
    with the server's own interpreter, which is ``sys.executable``)."""
    specs = server.api("api/kernelspecs")["kernelspecs"]
    if "python3" not in specs:
        pytest.fail(f"JupyterLab has no python3 kernel; kernelspecs: {sorted(specs)}", pytrace=False)
    program = specs["python3"]["spec"]["argv"][0]
    bare = {"python", f"python{sys.version_info[0]}", "python{}.{}".format(*sys.version_info[:2])}
    if program not in bare and Path(program).resolve() != Path(sys.executable).resolve():
        pytest.fail(f"The python3 kernel runs {program}, not {sys.executable}", pytrace=False)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, lab_server):
    """A fresh page that reaches only 127.0.0.1 and records what it blocked.

    Afterwards the kernels it started are shut down.
    """
    context, page = local_only_page(browser)
    yield page
    context.close()
    lab_server.shutdown_kernels()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def lesson_exports() -> Path:
    """``notebooks/exports``, where My progress saves a learner's results file; the files a test adds are
    removed after it (and the folder too, if the test made it)."""
    folder = REPO / "notebooks" / "exports"
    existed = folder.exists()
    before = set(folder.glob("results*.json")) if existed else set()
    yield folder
    for path in set(folder.glob("results*.json")) - before if folder.exists() else ():
        path.unlink()
    if not existed and folder.exists() and not any(folder.iterdir()):
        folder.rmdir()


# --- the live edition (JupyterLite) -----------------------------------------------------------------

@pytest.fixture(scope="session")
def lite_folder(chromium_path):
    try:
        folder, _ = ensure_lite_site()
    except FileNotFoundError as missing:
        _unavailable(f"The live edition's build tools are not installed: {missing}")
    except subprocess.CalledProcessError as failed:
        pytest.fail(f"Rebuilding _lite/ failed ({failed}); see .lite-cache/build.log. The tests block the "
                    "network: a build that needs new downloads must run first (python3 course.py lite)",
                    pytrace=False)
    return folder


@pytest.fixture(scope="session")
def lite_site(lite_folder):
    with serving(lite_folder) as base_url:
        yield base_url


@pytest.fixture
def lite_page(browser):
    """A page in a fresh browser context (empty cache and storage) that reaches only 127.0.0.1."""
    context, page = local_only_page(browser)
    yield page
    context.close()
