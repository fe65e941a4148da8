"""For the whole pytest session: progress goes to a fresh temporary file, and the network is off.

``BACKPAIN_PROGRESS_DB`` is set before any test runs, so unit tests and the kernels that nbval
starts (they inherit the environment) all save into it, never into a learner's own store; the
folder is removed at the end.

``COURSE_OFFLINE=1`` with ``tests/offline`` on ``PYTHONPATH`` makes every Python process the
session starts (nbval's kernels, the JupyterLab server of the browser tests and its kernels)
refuse any connection that is not to this machine: the strict nbval run is the offline test of
every notebook (tests/offline/sitecustomize.py, tests/course/test_offline.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from lessons.records.store import ENV_VAR

OFFLINE_GUARD = Path(__file__).resolve().parent / "tests" / "offline"
_saved: dict[str, str | None] = {}


def pytest_configure(config):
    folder = Path(tempfile.mkdtemp(prefix="backpain-progress-"))
    _saved["previous"] = os.environ.get(ENV_VAR)
    _saved["folder"] = str(folder)
    os.environ[ENV_VAR] = str(folder / "progress.sqlite3")
    for name in ("COURSE_OFFLINE", "PYTHONPATH"):
        _saved[name] = os.environ.get(name)
    os.environ["COURSE_OFFLINE"] = "1"
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(OFFLINE_GUARD), os.environ.get("PYTHONPATH")]))


def pytest_unconfigure(config):
    for name in ("COURSE_OFFLINE", "PYTHONPATH"):
        value = _saved.pop(name, None)
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    previous = _saved.pop("previous", None)
    if previous is None:
        os.environ.pop(ENV_VAR, None)
    else:
        os.environ[ENV_VAR] = previous
    shutil.rmtree(_saved.pop("folder", ""), ignore_errors=True)
