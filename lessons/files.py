"""Saving files so that nobody ever finds half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Let ``write(temp)`` fill a temporary file beside ``path``, flush it to disk, then move it
    onto ``path`` in one step (``os.replace``). On any failure the temporary file is removed and
    ``path`` is left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temp = Path(temporary)
    try:
        write(temp)
        with temp.open("r+b") as stream:
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path
