"""Lesson 18's words around the stories are data (content/case_study.yml): the file loads, and a broken copy
names the file and the field."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.kit.widget import escape
from lessons.topics.cases import model
from lessons.topics.cases.widgets import case_study, story_html
from tests.conftest import broken_copy, names


def test_the_real_file_loads_and_words_every_case():
    loaded = model.read_words(model.WORDS)
    assert loaded == model.words() and set(loaded) == set(model.WORD_FIELDS)
    sam = model.case("sam-l5")
    assert model.bank_for("sam-l5").title == "Questions on Sam's story"
    assert f"<h3>Case: {escape(sam.title)}</h3>" in story_html("sam-l5")
    assert case_study("sam-l5").plain_text.startswith(f"Case: {sam.title}. {sam.story} ({loaded['made_up']}) ")


@pytest.mark.parametrize("edit, field, words", [
    (lambda d: d.pop("made_up"), "made_up", "is required but missing"),
    (lambda d: d.update(heading=""), "heading", "must be longer than or equal to 1"),
    (lambda d: d.update(questions=["Questions"]), "questions", "must be string"),
])
def test_a_schema_error_names_the_file_and_the_field(tmp_path, edit, field, words):
    with pytest.raises(ContentError, match=names("case_study.yml", field)) as caught:
        model.read_words(broken_copy(tmp_path, model.WORDS, edit))
    assert words in caught.value.problem


@pytest.mark.parametrize("edit, field, words", [
    (lambda d: d.update(questions="Questions on {title}"), "questions",
     "unknown placeholder {title}; this text may say {name}"),
    (lambda d: d.update(made_up="A made-up {person}."), "made_up", "unknown placeholder {person}"),
    (lambda d: d.update(plain_text="Case: {title}. {story} ({count} questions, {answers} answers)"), "plain_text",
     "unknown placeholder {answers}; this text may say {title} and {story} and {made_up} and {count}"),
])
def test_a_loader_rule_names_the_file_and_the_field(tmp_path, edit, field, words):
    with pytest.raises(ContentError, match=names("case_study.yml", field)) as caught:
        model.read_words(broken_copy(tmp_path, model.WORDS, edit))
    assert words in caught.value.problem
