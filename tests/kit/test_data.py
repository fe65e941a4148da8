"""The YAML loader and its error messages."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError, display_name, load, validate


def test_error_message_names_file_item_and_field():
    error = ContentError("lessons/content/x.yml", "is required but missing", item="q1", field="questions.0.prompt")
    assert str(error) == "lessons/content/x.yml, item 'q1', field 'questions.0.prompt': is required but missing"
    assert (error.file, error.item, error.field) == ("lessons/content/x.yml", "q1", "questions.0.prompt")


def test_required_field_is_reported_by_its_full_name(write_yaml, tmp_path):
    document = {"parts": [{"id": "disc", "plain": "Cushion"}]}
    with pytest.raises(ContentError) as error:
        validate(document, "anatomy", tmp_path / "anatomy.yml")
    assert "item 'disc'" in str(error.value)
    assert "field 'parts.0." in str(error.value) and "required but missing" in str(error.value)


def test_messages_never_show_absolute_paths(tmp_path):
    assert display_name(tmp_path / "bank.yml") == "bank.yml"


def test_load_reads_relative_names_from_the_package_folder():
    assert load("kit/content/red_flags.yml", "red_flags")["signs"]
