"""The live edition's progress: whole copies on the browser drive, a reload at any moment, two notebooks.

A folder of ``tmp_path`` stands in for the browser drive and another for the kernel's memory; a "reload" is
a new ``ProgressStore`` with an empty memory folder. The real browser is driven in tests/browser/test_lite.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lessons.records import drive
from lessons.records import store as store_module
from lessons.records.drive import KEEP, DriveCopies
from lessons.records.store import NOT_KEPT_IN_BROWSER, ProgressStore

LESSON = "03_herniated_disc"


class Browser:
    """A browser drive that lasts and a kernel memory that a reload empties."""

    def __init__(self, root: Path):
        self.root = root
        self.drive = root / "drive" / drive.FOLDER_NAME
        self.reloads = 0

    def open_store(self) -> ProgressStore:
        """A new kernel after a reload: nothing in memory, the drive as it was."""
        self.reloads += 1
        memory = self.root / f"memory-{self.reloads}"
        return ProgressStore(memory / "progress.sqlite3", copies=DriveCopies(self.drive))

    def copy_names(self) -> list[str]:
        return sorted(p.name for p in self.drive.iterdir())


@pytest.fixture
def browser(tmp_path) -> Browser:
    return Browser(tmp_path)


def answer(store: ProgressStore, question: str, attempt: int | None = None) -> int:
    attempt = attempt or store.new_attempt(LESSON, 3)
    store.record_answer(attempt, LESSON, question, True, ["a choice"])
    return attempt


def questions(store: ProgressStore) -> list[str]:
    return [a.question for a in store.answers()]


def test_answers_and_plans_survive_a_reload(browser):
    store = browser.open_store()
    attempt = answer(store, "q1")
    answer(store, "q2", attempt)
    store.save_plan("Morning", {"stretches": ["knee-to-chest"]})
    store.set_display_name("Sam")
    after = browser.open_store()
    assert questions(after) == ["q1", "q2"]
    assert [p.plan for p in after.plans()] == [{"stretches": ["knee-to-chest"]}]
    assert after.display_name() == "Sam"
    assert [(a.answered, a.correct) for a in after.attempts()] == [(2, 2)]
    assert after.notice is None


def test_every_change_is_a_new_numbered_copy_and_only_the_newest_are_kept(browser):
    store = browser.open_store()
    assert not browser.drive.exists()                              # opening and reading write nothing
    attempt = answer(store, "q1")
    assert store.copy_number == 2                                  # the attempt, then the answer
    for n in range(2, 7):
        answer(store, f"q{n}", attempt)
    assert store.copy_number == 7
    assert browser.copy_names() == [f"progress-{n:06d}.sqlite3" for n in range(7 - KEEP + 1, 8)]
    store.answers()
    store.attempts()
    assert store.copy_number == 7                                  # reads copy nothing


@pytest.mark.parametrize("cut_short", ["empty", "half", "not sqlite"])
def test_a_reload_in_the_middle_of_saving_loses_nothing_saved_before(browser, cut_short):
    store = browser.open_store()
    attempt = answer(store, "q1")
    answer(store, "q2", attempt)
    newest = browser.drive / f"progress-{store.copy_number + 1:06d}.sqlite3"
    whole = (browser.drive / f"progress-{store.copy_number:06d}.sqlite3").read_bytes()
    newest.write_bytes({"empty": b"", "half": whole[: len(whole) // 2], "not sqlite": b"{}\n"}[cut_short])
    after = browser.open_store()
    assert questions(after) == ["q1", "q2"]
    if cut_short == "empty":            # created but never written: skipped quietly, no notice
        assert after.notice is None
        assert newest.exists()
    else:                               # damaged: kept under another name, never deleted, and said so
        assert not newest.exists()
        kept = newest.with_name(newest.name + ".unreadable-1")
        assert kept.read_bytes() != b"" and after.set_aside == kept
        assert "could not be read" in after.notice and "the copy before it was used" in after.notice
    answer(after, "q3")                 # saving goes on above the cut-short copy
    assert after.copy_number > int(newest.name[9:15])
    assert questions(browser.open_store()) == ["q1", "q2", "q3"]


def test_only_damaged_copies_start_a_new_file_and_keep_them(browser):
    browser.drive.mkdir(parents=True)
    (browser.drive / "progress-000001.sqlite3").write_bytes(b"not a database at all, but kept" * 40)
    store = browser.open_store()
    assert store.answers() == []
    assert "a new progress file was started" in store.notice
    assert (browser.drive / "progress-000001.sqlite3.unreadable-1").exists()


def test_a_second_notebook_sees_the_first_ones_answers_before_it_saves(browser):
    first, second = browser.open_store(), browser.open_store()    # two kernels, one drive
    answer(first, "from the first notebook")
    answer(second, "from the second notebook")
    assert questions(first) == ["from the first notebook", "from the second notebook"]
    assert questions(browser.open_store()) == ["from the first notebook", "from the second notebook"]


def test_a_copy_that_fails_is_said_and_tried_again_with_the_next_change(browser, monkeypatch):
    store = browser.open_store()
    answer(store, "q1")
    real_save = DriveCopies.save

    def failing(self, source):
        raise OSError("the drive is full")

    monkeypatch.setattr(DriveCopies, "save", failing)
    answer(store, "q2")
    assert "could not be stored in this browser (the drive is full)" in store.not_kept
    assert questions(store) == ["q1", "q2"]                        # kept in memory meanwhile
    assert questions(browser.open_store()) == ["q1"]
    monkeypatch.setattr(DriveCopies, "save", real_save)
    store.answers()                                                # a read retries the copy too
    assert store.not_kept is None
    assert questions(browser.open_store()) == ["q1", "q2"]


def test_a_copy_that_reads_back_different_is_an_error_and_earlier_copies_stay(browser, monkeypatch):
    store = browser.open_store()
    answer(store, "q1")
    before = browser.copy_names()
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes",
                        lambda self: b"" if self.parent == browser.drive else real_read(self))
    with pytest.raises(OSError, match="did not read back the same"):
        store.copies.save(store.path)
    monkeypatch.undo()
    assert set(before) < set(browser.copy_names())                 # nothing earlier was dropped


def test_reset_keeps_its_backup_on_the_drive(browser):
    store = browser.open_store()
    answer(store, "q1")
    backup = store.reset()
    assert backup.parent == browser.drive and backup.name == "progress.sqlite3.backup-1"
    assert questions(ProgressStore(backup)) == ["q1"]
    assert questions(browser.open_store()) == []
    assert "course-progress" in store.location_text()


def test_the_default_store_uses_the_drive_in_the_browser(tmp_path, monkeypatch):
    monkeypatch.setenv(store_module.ENV_VAR, str(tmp_path / "memory" / "progress.sqlite3"))
    monkeypatch.setattr(store_module, "_stores", {})
    monkeypatch.setattr(store_module, "in_browser", lambda: True)
    monkeypatch.setattr(store_module, "drive_folder", lambda: tmp_path / "drive" / drive.FOLDER_NAME)
    store = store_module.open_default_store()
    answer(store, "q1")
    assert store.copies.folder == tmp_path / "drive" / drive.FOLDER_NAME and store.copy_number == 2
    assert store.notice is None


def test_without_a_drive_the_browser_store_says_answers_last_only_this_visit(tmp_path, monkeypatch):
    monkeypatch.setenv(store_module.ENV_VAR, str(tmp_path / "memory" / "progress.sqlite3"))
    monkeypatch.setattr(store_module, "_stores", {})
    monkeypatch.setattr(store_module, "in_browser", lambda: True)
    monkeypatch.setattr(store_module, "drive_folder", lambda: None)
    store = store_module.open_default_store()
    assert store.copies is None and store.notice == NOT_KEPT_IN_BROWSER


def test_outside_the_browser_there_is_no_drive(monkeypatch):
    assert not drive.in_browser() and drive.drive_folder() is None
    monkeypatch.setattr(drive.sys, "platform", "emscripten")
    monkeypatch.setattr(drive, "DRIVE", Path("/nonexistent-drive"))
    assert drive.in_browser() and drive.drive_folder() is None
