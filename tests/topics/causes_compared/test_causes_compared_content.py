"""Lesson 09's comparison words are data (content/causes_comparison.yml): the file loads, and a broken copy
names the file and the field."""

from __future__ import annotations

import re

import pytest
import yaml

from lessons.kit.data import ContentError
from lessons.topics.causes_compared import model


def broken_copy(tmp_path, edit):
    """A copy of the real file in tmp_path, changed by ``edit(document)``."""
    document = yaml.safe_load(model.COMPARISON.read_text(encoding="utf-8"))
    edit(document)
    path = tmp_path / model.COMPARISON.name
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_the_real_file_loads():
    loaded = model.read_comparison(model.COMPARISON)
    assert loaded == model.comparison()
    assert list(loaded.levels) == list(model.LEVELS) and list(loaded.fields) == list(model.FIELDS)
    assert model.level_words("possible") == "can happen"
    assert model.comparison_table_markdown().startswith(
        "| Cause | Where it is felt | Worse with | Better with | Typical age | Usual course |\n"
        "|---|---|---|---|---|---|\n")


def test_the_fields_come_in_the_order_of_the_table_whatever_the_order_of_the_file(tmp_path):
    path = broken_copy(tmp_path, lambda d: d.update(fields=dict(reversed(list(d["fields"].items())))))
    assert list(model.read_comparison(path).fields) == list(model.FIELDS)


@pytest.mark.parametrize("edit, field, words", [
    (lambda d: d["levels"].pop("unusual"), "levels.unusual", "is required but missing"),
    (lambda d: d["fields"].update(colour="Colour"), "fields", "must not contain {'colour'}"),
    (lambda d: d["comparer"].update(start=""), "comparer.start", "must be longer than or equal to 1 characters"),
])
def test_a_schema_error_names_the_file_and_the_field(tmp_path, edit, field, words):
    with pytest.raises(ContentError, match=re.escape(f"causes_comparison.yml, field '{field}'")) as caught:
        model.read_comparison(broken_copy(tmp_path, edit))
    assert words in caught.value.problem


@pytest.mark.parametrize("edit, field, words", [
    (lambda d: d["comparer"].update(more="More in lesson {lesson}."), "comparer.more",
     "unknown placeholder {lesson}; this text may say {number} and {title}"),
    (lambda d: d["comparer"].update(not_a_diagnosis="Only a {clinician} can tell."), "comparer.not_a_diagnosis",
     "unknown placeholder {clinician}; this text may say no placeholder"),
])
def test_a_loader_rule_names_the_file_and_the_field(tmp_path, edit, field, words):
    with pytest.raises(ContentError, match=re.escape(f"causes_comparison.yml, field '{field}'")) as caught:
        model.read_comparison(broken_copy(tmp_path, edit))
    assert words in caught.value.problem
