"""Progress that survives a reload in the live edition: whole copies of the progress file on the browser drive.

In the live edition (JupyterLite) the kernel's own files are in memory and are gone when the page reloads.
Only the browser drive lasts: the files of JupyterLab's file browser, kept in the browser's storage and
mounted in the kernel at ``/drive``. SQLite cannot safely work on that drive: it writes parts of a file,
the drive keeps whole files, and opening a file to rewrite it saves it empty first (JupyterLite's
``drivefs.ts``: ``O_TRUNC`` sets the size to 0, which is saved at once). So in the browser the progress
store keeps its SQLite file in memory and, after every change, ``DriveCopies.save`` writes a whole copy of
it to a *new* file on the drive, ``course-progress/progress-000042.sqlite3``, and reads it back.

An existing copy is never opened for writing again, so a reload at any moment leaves every earlier copy
whole: at worst the newest copy is empty (created, not yet written), and it is skipped. Only the newest
``KEEP`` copies are kept, and older ones are deleted only after a newer copy was written and read back.
Before every read or write the store loads the newest usable copy if it is newer than its own (another
notebook's kernel may have saved meanwhile). Two notebooks saving in the same instant: the later copy wins
and the earlier one stays on the drive until ``KEEP`` newer copies exist.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

DRIVE = Path("/drive")               # where JupyterLite's kernel mounts the browser drive
FOLDER_NAME = "course-progress"      # a visible folder in the file browser, so a learner can see it is there
KEEP = 3
COPY = re.compile(r"^progress-(\d{6,})\.sqlite3$")


def in_browser() -> bool:
    """True in the live edition's kernel (Pyodide, a WebAssembly build of Python)."""
    return sys.platform == "emscripten"


def drive_folder() -> Path | None:
    """``/drive/course-progress`` when the browser drive is mounted in this kernel, else None."""
    return DRIVE / FOLDER_NAME if in_browser() and DRIVE.is_dir() else None


class DriveCopies:
    """Numbered whole copies of one file in ``folder``; each save is a new file."""

    def __init__(self, folder: Path | str, keep: int = KEEP):
        self.folder = Path(folder)
        self.keep = keep

    def copies(self) -> list[tuple[int, Path]]:
        """Every copy, oldest first (an empty or damaged one too: the caller decides)."""
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return []
        found = [(int(m.group(1)), self.folder / name) for name in names if (m := COPY.match(name))]
        return sorted(found)

    def newest_number(self) -> int:
        copies = self.copies()
        return copies[-1][0] if copies else 0

    def save(self, source: Path) -> int:
        """Write ``source``'s bytes as the next copy, check it reads back the same, drop old copies.

        Returns the copy's number. Raises OSError if the copy cannot be written or reads back different
        (that copy is then left for ``restore`` to skip; no earlier copy is touched).
        """
        data = Path(source).read_bytes()
        self.folder.mkdir(parents=True, exist_ok=True)
        number = self.newest_number() + 1
        while True:
            path = self.folder / f"progress-{number:06d}.sqlite3"
            try:
                with open(path, "xb") as stream:     # a new file: never an earlier copy opened again
                    stream.write(data)
                break
            except FileExistsError:                  # another notebook took this number a moment ago
                number += 1
        if path.read_bytes() != data:
            raise OSError(f"the copy {path.name} on the browser drive did not read back the same")
        for old_number, old in self.copies():
            if old_number <= number - self.keep:
                old.unlink(missing_ok=True)
        return number

    def restore(self, target: Path, problem: Callable[[Path], str | None],
                newer_than: int = 0) -> tuple[int, list[tuple[Path, str]]]:
        """Copy the newest usable copy numbered above ``newer_than`` over ``target``; returns its number
        (0: none) and the copies set aside.

        ``problem(path)`` says why a copy cannot be used (None: it can). An empty copy (a save that a
        reload cut short) is skipped quietly; a damaged one is renamed ``….unreadable-N`` (kept, never
        deleted) and reported.
        """
        set_aside = []
        for number, path in reversed(self.copies()):
            if number <= newer_than:
                break
            try:
                data = path.read_bytes()
            except FileNotFoundError:                # deleted by another notebook meanwhile
                continue
            if not data:
                continue
            staged = target.with_name(target.name + ".restoring")
            staged.write_bytes(data)
            why = problem(staged)
            if why is None:
                os.replace(staged, target)
                return number, set_aside
            staged.unlink(missing_ok=True)
            set_aside.append((self._put_aside(path), why))
        return 0, set_aside

    def keep_copy(self, source: Path, label: str) -> Path:
        """A copy of ``source`` named ``progress.sqlite3.<label>-N`` (a new name, e.g. the backup before a reset)."""
        data = Path(source).read_bytes()
        self.folder.mkdir(parents=True, exist_ok=True)
        n = 1
        while True:
            path = self.folder / f"progress.sqlite3.{label}-{n}"
            try:
                with open(path, "xb") as stream:
                    stream.write(data)
                return path
            except FileExistsError:
                n += 1

    def _put_aside(self, path: Path) -> Path:
        n = 1
        while (target := path.with_name(f"{path.name}.unreadable-{n}")).exists():
            n += 1
        os.rename(path, target)
        return target
