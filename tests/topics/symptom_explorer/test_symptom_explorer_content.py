"""Lesson 16's words around the rules are data (content/symptom_explorer.yml): the file loads, and a broken
copy names the file and the field."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.topics.symptom_explorer import model
from lessons.topics.symptom_explorer.widgets import SymptomExplorer
from tests.conftest import broken_copy, names


def test_the_real_file_loads():
    loaded = model.read_words(model.WORDS)
    assert loaded == model.words()
    assert [name for name, _heading, _hint in model.steps()] == list(model.STEPS)
    assert loaded["messages.nothing_selected"] == model.words()["messages.nothing_selected"]
    assert model.words()["not_a_diagnosis.text"].startswith("This explorer is for learning.")
    assert model.text("messages.matches", count=3).startswith("3 patterns from the course fit what you marked.")
    with pytest.raises(AttributeError):
        model.NOTHING_AT_ALL  # noqa: B018


def test_the_widget_asks_the_questions_of_the_file_in_order():
    html = [child.value for child in SymptomExplorer().children if isinstance(getattr(child, "value", None), str)]
    asked = [value.removeprefix("<strong>").split("</strong>")[0] for value in html if value.startswith("<strong>")]
    assert asked == [heading for _name, heading, _hint in model.steps()]


@pytest.mark.parametrize("edit, field, words", [
    (lambda d: d["steps"].pop("onset"), "steps.onset", "is required but missing"),
    (lambda d: d["labels"].update(colour="Colour"), "labels", "must not contain {'colour'}"),
    (lambda d: d["steps"]["kind"].update(hint=""), "steps.kind.hint", "must be longer than or equal to 1"),
])
def test_a_schema_error_names_the_file_and_the_field(tmp_path, edit, field, words):
    with pytest.raises(ContentError, match=names("symptom_explorer.yml", field)) as caught:
        model.read_words(broken_copy(tmp_path, model.WORDS, edit))
    assert words in caught.value.problem


@pytest.mark.parametrize("edit, field, words", [
    (lambda d: d["messages"].update(matches="{number} patterns fit."), "messages.matches",
     "unknown placeholder {number}; this text may say {count}"),
    (lambda d: d.update(root="{root}: {dermatome}."), "root",
     "unknown placeholder {dermatome}; this text may say {root} and {numbness} and {muscles} and {reflex}"),
    (lambda d: d["no_cause"].update(other="None ({lead})"), "no_cause.other",
     "unknown placeholder {lead}; this text may say no placeholder"),
])
def test_a_loader_rule_names_the_file_and_the_field(tmp_path, edit, field, words):
    with pytest.raises(ContentError, match=names("symptom_explorer.yml", field)) as caught:
        model.read_words(broken_copy(tmp_path, model.WORDS, edit))
    assert words in caught.value.problem
