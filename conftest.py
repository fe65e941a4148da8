"""For the whole pytest session: progress goes to a fresh temporary file, never a learner's own.

``BACKPAIN_PROGRESS_DB`` is set before any test runs, so unit tests and the kernels that nbval
starts (they inherit the environment) all save into it; the folder is removed at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from lessons.progress.store import ENV_VAR

_saved: dict[str, str | None] = {}


def pytest_configure(config):
    folder = Path(tempfile.mkdtemp(prefix="backpain-progress-"))
    _saved["previous"] = os.environ.get(ENV_VAR)
    _saved["folder"] = str(folder)
    os.environ[ENV_VAR] = str(folder / "progress.sqlite3")


def pytest_unconfigure(config):
    previous = _saved.pop("previous", None)
    if previous is None:
        os.environ.pop(ENV_VAR, None)
    else:
        os.environ[ENV_VAR] = previous
    shutil.rmtree(_saved.pop("folder", ""), ignore_errors=True)
