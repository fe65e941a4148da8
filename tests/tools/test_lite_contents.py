"""What the live edition serves beside the lessons: the progress folder's README names the right folder."""

from __future__ import annotations

from lessons.records import drive
from tools import lite


def test_the_served_progress_folder_is_the_one_the_store_writes_to():
    readme = lite.EXTRA_CONTENTS / drive.FOLDER_NAME / "README.md"
    assert readme.is_file()
    text = readme.read_text(encoding="utf-8")
    assert "progress-….sqlite3" in text and f"the {drive.KEEP} newest" in text.replace("three", str(drive.KEEP))


def test_the_extra_contents_are_inputs_of_the_build(tmp_path, monkeypatch):
    before = lite.input_digest()
    changed = tmp_path / "lite"
    (changed / drive.FOLDER_NAME).mkdir(parents=True)
    (changed / drive.FOLDER_NAME / "README.md").write_text("other words\n", encoding="utf-8")
    monkeypatch.setattr(lite, "EXTRA_CONTENTS", changed)
    assert lite.input_digest() != before
