"""Lesson 17's checker words are data (content/red_flag_checker.yml): the file loads, its group headings take
their level's words from the triage file, and a broken copy names the file and the field."""

from __future__ import annotations

import re

import pytest

from lessons.kit import triage
from lessons.kit.data import ContentError
from lessons.topics.red_flags import model
from tests.conftest import broken_copy


def test_the_real_file_loads_and_its_headings_come_from_the_triage_file():
    loaded = model.read_words(model.WORDS)
    assert loaded == model.words()
    assert list(loaded.groups) == list(model.GROUPS)
    for key in model.GROUPS:
        assert model.group_heading(key) == f"Signs that need {triage.level(key).needs}"
    assert "{{" not in " ".join(loaded.groups.values())


@pytest.mark.parametrize("edit, field, words", [
    (lambda d: d["groups"].pop("soon"), "groups.soon", "is required but missing"),
    (lambda d: d["groups"].update(urgent="Signs that need a doctor the same day"), "groups.urgent",
     "must match pattern"),
    (lambda d: d.update(colour="red"), None, "must not contain {'colour'}"),
])
def test_a_schema_error_names_the_file_and_the_field(tmp_path, edit, field, words):
    where = f"red_flag_checker.yml, field '{field}'" if field else "red_flag_checker.yml: "
    with pytest.raises(ContentError, match=re.escape(where)) as caught:
        model.read_words(broken_copy(tmp_path, model.WORDS, edit))
    assert words in caught.value.problem


@pytest.mark.parametrize("edit, field, words", [
    (lambda d: d["groups"].update(urgent="Signs that need {{needs:soon}}"), "groups.urgent",
     "the heading of the 'urgent' signs must say what its own level needs through a triage placeholder such as "
     "{{needs:urgent}}; it names soon"),
    (lambda d: d["groups"].update(soon="Signs that need {{needs-of:fever}}"), "groups.soon", "it names urgent"),
    (lambda d: d["groups"].update(emergency="Signs that need {{sign:fever}}"), "groups.emergency",
     "it does not name it"),
    (lambda d: d["groups"].update(emergency="Signs that need {{needs:emergency}} {{colour:red}}"), "groups.emergency",
     "unknown placeholder"),
])
def test_a_loader_rule_names_the_file_and_the_field(tmp_path, edit, field, words):
    with pytest.raises(ContentError, match=re.escape(f"red_flag_checker.yml, field '{field}'")) as caught:
        model.read_words(broken_copy(tmp_path, model.WORDS, edit))
    assert words in caught.value.problem
