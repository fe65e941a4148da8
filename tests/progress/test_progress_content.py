"""The "My progress" page's words as data: my_progress.yml loads, and a broken copy names the file and field."""

from __future__ import annotations

import pytest

from lessons.kit import course
from lessons.kit.data import ContentError
from lessons.kit.prose import fill
from lessons.progress.my_progress import TEXTS_FILE, ProgressDashboard, plans_html, progress_texts
from tests.conftest import broken_copy, names


def test_the_texts_load_and_the_page_uses_them():
    texts = progress_texts()
    assert course.lesson(texts.plans_lesson).ready
    assert fill(texts.completed, done=2, total=20) == "You have completed 2 of 20 lessons."
    assert texts.no_plans.split("{")[0] in plans_html([])
    widget = ProgressDashboard(None)
    assert texts.no_store.headline in widget.status.value and texts.no_store.text in widget.status.value


def test_a_schema_error_names_the_file_and_field(tmp_path):
    with pytest.raises(ContentError, match=names("my_progress.yml", "reset_done.text") + "is required"):
        progress_texts(broken_copy(tmp_path, TEXTS_FILE, lambda doc: doc["reset_done"].pop("text")))


def test_counted_words_are_a_pair(tmp_path):
    with pytest.raises(ContentError, match=names("my_progress.yml", "import_words.plans")):
        progress_texts(broken_copy(tmp_path, TEXTS_FILE, lambda doc: doc["import_words"].update(plans=["{n} plan"])))


def test_html_in_a_plain_text_is_refused(tmp_path):
    with pytest.raises(ContentError, match=names("my_progress.yml", "well_done") + "must match pattern"):
        progress_texts(broken_copy(tmp_path, TEXTS_FILE, lambda doc: doc.update(well_done="<b>Well done!</b>")))


@pytest.mark.parametrize("change, field, words", [
    (lambda doc: doc.update(plans_lesson="12_stretching_plans"), "plans_lesson",
     "'12_stretching_plans' is not a lesson of"),
    (lambda doc: doc.update(completed="You have completed {done} lessons."), "completed",
     r"uses \{done\}, but must use exactly \{done\}, \{total\}"),
    (lambda doc: doc["reset_done"].update(text="A copy is in {backup_file}."), "reset_done.text",
     r"uses \{backup_file\}, but must use exactly \{backup\}"),
    (lambda doc: doc.update(location="Your progress is kept in {file}:"), "location", "has a brace"),
    (lambda doc: doc.update(import_done="Opened the file."), "import_done",
     r"uses no field, but must use exactly \{file\}"),
    (lambda doc: doc["import_words"].update(answers=["{n} answer", "{count} answers"]), "import_words.answers.1",
     r"uses \{count\}, but must use exactly \{n\}"),
    (lambda doc: doc["import_added"].update(plans="Added {answers}."), "import_added.plans",
     r"uses \{answers\}, but must use exactly \{plans\}"),
])
def test_loader_rules_name_the_file_and_field(tmp_path, change, field, words):
    with pytest.raises(ContentError, match=names("my_progress.yml", field) + words):
        progress_texts(broken_copy(tmp_path, TEXTS_FILE, change))
