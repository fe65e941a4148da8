"""The course works offline.

1. Every notebook runs with the network blocked: the repository's ``conftest.py`` puts
   ``tests/offline`` (whose ``sitecustomize.py`` blocks any non-loopback connection) on the
   kernels' ``PYTHONPATH`` with ``COURSE_OFFLINE=1``, so the strict nbval run of every notebook in
   ``python3 course.py test`` is the offline run. The tests here prove the guard is on and works.
2. No output loads anything from a CDN or any other web address.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ALL_NOTEBOOKS, REPO

GUARD = REPO / "tests" / "offline"
REMOTE_LOAD = re.compile(r"""\b(?:src|srcset|data)\s*=\s*\\*["']?\s*(?:https?:)?//""", re.IGNORECASE)
CDN = re.compile(r"(?:https?:)?//(?:[\w-]+\.)*(?:cdn|unpkg|cdnjs|jsdelivr|googleapis|gstatic)[\w.-]*/", re.IGNORECASE)
TRY_THE_NETWORK = """
import urllib.request
try:
    urllib.request.urlopen("http://example.org", timeout=5)
    print("REACHED THE NETWORK")
except OSError as error:
    print("blocked" if "network access is blocked" in str(error) else f"other error: {error}")
"""


def offline_env() -> dict[str, str]:
    return {**os.environ, "COURSE_OFFLINE": "1",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(GUARD), os.environ.get("PYTHONPATH")]))}


def test_the_test_session_runs_kernels_offline():
    """conftest.py switched the guard on for everything this session starts, nbval's kernels included."""
    assert os.environ.get("COURSE_OFFLINE") == "1"
    assert str(GUARD) in os.environ.get("PYTHONPATH", "").split(os.pathsep)


def test_guard_blocks_name_lookups_and_connections_in_a_new_python():
    result = subprocess.run([sys.executable, "-c", TRY_THE_NETWORK], env=offline_env(),
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "blocked", result.stdout + result.stderr


def test_guard_blocks_a_raw_connection_to_an_ip_address():
    code = ("import socket\ns = socket.socket()\ntry:\n    s.connect(('192.0.2.1', 80))\n"
            "except OSError as e:\n    print('blocked' if 'blocked' in str(e) else e)")
    result = subprocess.run([sys.executable, "-c", code], env=offline_env(), capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "blocked", result.stdout + result.stderr


def test_guard_still_allows_loopback():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        code = f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=5).close()\nprint('ok')"
        result = subprocess.run([sys.executable, "-c", code], env=offline_env(), capture_output=True,
                                text=True, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr


def test_a_kernel_started_like_nbvals_cannot_reach_the_network():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(TRY_THE_NETWORK)])
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    assert nb.cells[0].outputs[0]["text"].strip() == "blocked"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=[p.stem for p in ALL_NOTEBOOKS])
def test_no_output_loads_anything_from_the_web(path):
    nb = nbformat.read(path, as_version=4)
    saved = json.dumps([cell.get("outputs", []) for cell in nb.cells]) + json.dumps(nb.metadata.get("widgets", {}))
    assert not CDN.search(saved), f"{path.name} refers to a CDN"
    assert not REMOTE_LOAD.search(saved), f"{path.name} loads something from a web address"


@pytest.mark.parametrize("text", ['<img src="https://example.org/x.png">', "<script src='//cdn.example/x.js'>",
                                  '{"html": "<img src=\\"http://example.org/a.png\\">"}'])
def test_remote_loads_are_recognised(text):
    assert REMOTE_LOAD.search(text) or CDN.search(text)
