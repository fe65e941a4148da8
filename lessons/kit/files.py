"""Saving files so that nobody ever finds half of one, and reading files a stranger sent without hanging.

``write_atomically`` fills a temporary file beside the target, flushes it to disk and moves it onto the
target in one step; ``replace=False`` instead links it under the final name only if that name is free.
A new file gets the permissions the user's umask gives any new file (usually ``rw-r--r--``, so a teacher
collecting files from a shared folder can read them); a file that is replaced keeps its own mode.

``read_limited`` reads a file only if it is a regular file, never more than ``limit`` bytes, and never
waits on a pipe or a device.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

_umask_lock = threading.Lock()
_umask: int | None = None


def current_umask() -> int:
    """The process's umask. Read from ``/proc/self/status`` where there is one (changing nothing);
    otherwise set and restored at once under a lock (``os.umask`` can only be read by setting it)."""
    global _umask
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:
        if _umask is None:
            _umask = os.umask(0o022)
            os.umask(_umask)
        return _umask


def new_file_mode() -> int:
    """The mode an ordinary new file gets: ``0o666`` less the umask."""
    return 0o666 & ~current_umask()


class NameTaken(FileExistsError):
    """``write_atomically(..., replace=False)``: the name was taken (by someone else) meanwhile."""


def write_atomically(path: Path, write: Callable[[Path], object], *, replace: bool = True) -> Path:
    """Let ``write(temp)`` fill a temporary file beside ``path``, flush it to disk, then put it at
    ``path`` in one step. On any failure the temporary file is removed and ``path`` is left as it was.

    ``replace=True``: ``os.replace`` (an existing file is replaced, keeping its permissions).
    ``replace=False``: ``os.link``, which never overwrites; ``NameTaken`` if ``path`` exists.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem[:80]}-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temp = Path(temporary)
    try:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode) if replace else new_file_mode()
        except FileNotFoundError:
            mode = new_file_mode()
        write(temp)
        os.chmod(temp, mode)
        with temp.open("r+b") as stream:
            os.fsync(stream.fileno())
        if replace:
            os.replace(temp, path)
        else:
            _link_new(temp, path)
        _sync_folder(path.parent)
    finally:
        temp.unlink(missing_ok=True)
    return path


def _link_new(temp: Path, path: Path) -> None:
    """Give ``temp`` the name ``path`` only if nothing has that name (``temp`` is then removed by the caller)."""
    try:
        if not hasattr(os, "link"):   # the live edition's Python (Pyodide) has no hard links at all
            raise OSError(errno.ENOTSUP, "no hard links here")
        os.link(temp, path)
    except FileExistsError:
        raise NameTaken(errno.EEXIST, "a file of that name already exists", str(path)) from None
    except OSError as error:        # a file system without hard links: claim the name, then move onto it
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise NameTaken(errno.EEXIST, "a file of that name already exists", str(path)) from None
        try:
            os.replace(temp, path)
        except BaseException:
            path.unlink(missing_ok=True)
            raise


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry too, so the new name survives a power cut (not possible everywhere)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def copy_atomically(source: Path, target: Path) -> Path:
    """A copy of ``source`` as ``target``, which must not exist yet (``NameTaken`` if it does). The
    copy is written under a temporary name and linked into place, so ``target`` is never half a copy."""
    return write_atomically(Path(target), lambda temp: shutil.copyfile(source, temp), replace=False)


# --------------------------------------------------------------------------- reading

class NotReadable(OSError):
    """A file ``read_limited`` will not read: the message says why, in plain words."""


class TooLarge(NotReadable):
    """More than ``limit`` bytes (by its size, or by what could be read from it)."""


def describe_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Opened with ``O_NONBLOCK`` (a pipe with no writer does not hang the caller), then checked with
    ``fstat`` on what was actually opened (a symbolic link to ``/dev/zero`` is a device, whatever
    ``stat`` said before). At most ``limit + 1`` bytes are read, so a file growing while it is read
    cannot fill the memory. ``NotReadable`` says what is wrong; other ``OSError``s pass through.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    handle = os.open(path, flags)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(f"is {describe_kind(info.st_mode)}, not an ordinary file")
        if info.st_size > limit:
            raise TooLarge(f"is larger than {limit:,} bytes")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise TooLarge(f"is larger than {limit:,} bytes")
        return b"".join(chunks)
    finally:
        os.close(handle)
