"""Lesson 09's comparison words are data (content/causes_comparison.yml): the file loads, and a broken copy
names the file and the field."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.topics.causes_compared import model
from tests.conftest import broken_copy, names


def test_the_real_file_loads():
    loaded = model.read_comparison(model.COMPARISON)
    assert loaded == model.comparison()
    assert list(loaded.levels) == list(model.LEVELS) and list(loaded.fields) == list(model.FIELDS)
    assert model.level_words("possible") == "can happen"
    assert model.comparison_table_markdown().startswith(
        "| Cause | Where it is felt | Worse with | Better with | Typical age | Usual course |\n"
        "|---|---|---|---|---|---|\n")


def test_the_fields_come_in_the_order_of_the_table_whatever_the_order_of_the_file(tmp_path):
    path = broken_copy(tmp_path, model.COMPARISON, lambda d: d.update(fields=dict(reversed(list(d["fields"].items())))))
    assert list(model.read_comparison(path).fields) == list(model.FIELDS)


@pytest.mark.parametrize("edit, field, words", [
    (lambda d: d["levels"].pop("unusual"), "levels.unusual", "is required but missing"),
    (lambda d: d["fields"].update(colour="Colour"), "fields", "must not contain {'colour'}"),
    (lambda d: d["comparer"].update(start=""), "comparer.start", "must be longer than or equal to 1 characters"),
])
def test_a_schema_error_names_the_file_and_the_field(tmp_path, edit, field, words):
    with pytest.raises(ContentError, match=names("causes_comparison.yml", field)) as caught:
        model.read_comparison(broken_copy(tmp_path, model.COMPARISON, edit))
    assert words in caught.value.problem


@pytest.mark.parametrize("edit, field, words", [
    (lambda d: d["comparer"].update(more="More in lesson {lesson}."), "comparer.more",
     "unknown placeholder {lesson}; this text may say {number} and {title}"),
    (lambda d: d["comparer"].update(not_a_diagnosis="Only a {clinician} can tell."), "comparer.not_a_diagnosis",
     "unknown placeholder {clinician}; this text may say no placeholder"),
])
def test_a_loader_rule_names_the_file_and_the_field(tmp_path, edit, field, words):
    with pytest.raises(ContentError, match=names("causes_comparison.yml", field)) as caught:
        model.read_comparison(broken_copy(tmp_path, model.COMPARISON, edit))
    assert words in caught.value.problem
