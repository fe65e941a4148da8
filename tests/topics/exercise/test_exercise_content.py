"""Lesson 11's words as data: content/exercise_check.yml and exercise_kinds.yml load, and a broken copy
names the file and the field."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from lessons.kit import triage
from lessons.kit.data import ContentError
from lessons.kit.references import bibliography
from lessons.topics.exercise import figures
from lessons.topics.exercise.model import (
    CATEGORIES,
    CHECK_FILE,
    KINDS_FILE,
    STEP_UP,
    check_content,
    check_exercise,
    kinds_content,
    load_check,
    load_kinds,
)
from tests.conftest import broken_copy, load_error


def check_broken(tmp_path, change) -> ContentError:
    return load_error(load_check, broken_copy(tmp_path, CHECK_FILE, change, f"copy_of_{CHECK_FILE.name}"))


def kinds_broken(tmp_path, change) -> ContentError:
    return load_error(load_kinds, broken_copy(tmp_path, KINDS_FILE, change, f"copy_of_{KINDS_FILE.name}"))


# --- the shipped files ------------------------------------------------------------------------

def test_the_shipped_check_has_every_category_with_known_named_sources():
    content = check_content()
    assert list(content.categories) == list(CATEGORIES)
    known = bibliography()
    for category in content.categories.values():
        assert category.name and category.headline and category.sources
        assert all(ref in known and ref in content.source_names for ref in category.sources)
    assert set(content.used_to_it) == {"yes", "no", "not_sure"}   # quoted in the file: YAML would read yes as True
    assert all(triage.sign(sign_id) for sign_id in content.clinician_signs)


def test_copies_of_the_shipped_files_load_the_same(tmp_path):
    assert load_check(broken_copy(tmp_path, CHECK_FILE, name="check.yml")) == check_content()
    assert load_kinds(broken_copy(tmp_path, KINDS_FILE, name="kinds.yml")) == kinds_content()


def test_the_advice_fills_in_the_placeholders():
    words = check_content().categories[STEP_UP]
    result = check_exercise(pain_after="less_or_same", weeks_at_this_amount=3, used_to_it="yes")
    assert result.reasons[1] == words.reasons["used_to_it"].replace("{weeks}", "3 weeks")
    result = check_exercise(emergency_signs=["both-legs"])
    assert result.reasons[0].startswith(triage.sign("both-legs").text + ": ")


def test_the_kinds_diagram_is_the_file_with_a_colour_per_card():
    assert [card["id"] for card in figures.KINDS] == [kind.id for kind in kinds_content().kinds]
    assert all(card["aim"] == "<br>".join(kind.aim) for card, kind in zip(figures.KINDS, kinds_content().kinds,
                                                                          strict=True))
    assert kinds_content().plan_note == figures.PLAN_NOTE


# --- the schemas ------------------------------------------------------------------------------

def test_a_missing_headline_breaks_the_check_schema(tmp_path):
    error = check_broken(tmp_path, lambda d: d["categories"]["ease_back"].pop("headline"))
    assert error.field == "categories.ease_back.headline" and "required" in error.problem


def test_an_unknown_answer_breaks_the_check_schema(tmp_path):
    error = check_broken(tmp_path, lambda d: d["answers"]["used_to_it"].update(maybe="Maybe"))
    assert error.field == "answers.used_to_it" and "maybe" in error.problem


def test_a_kind_without_examples_breaks_the_kinds_schema(tmp_path):
    error = kinds_broken(tmp_path, lambda d: d["kinds"][2].pop("examples"))
    assert error.item == "core" and error.field == "kinds.2.examples"


# --- the loaders' own rules -------------------------------------------------------------------

def test_an_unknown_or_unnamed_source_is_named(tmp_path):
    error = check_broken(tmp_path, lambda d: d["categories"]["step_up"]["sources"].append("no-such-reference"))
    assert error.item == "step_up" and error.field == "categories.step_up.sources.2"
    error = check_broken(tmp_path, lambda d: d["source_names"].pop("rjah-back-pain-self-care"))
    assert error.field == "categories.step_up.sources.1" and "no short name" in error.problem
    error = check_broken(tmp_path, lambda d: d["source_names"].update({"no-such-reference": "Nobody"}))
    assert error.field == "source_names.no-such-reference"


def test_a_clinician_sign_must_be_a_triage_sign_outside_the_cauda_equina_group(tmp_path):
    error = check_broken(tmp_path, lambda d: d["clinician_signs"].append("sore-toe"))
    assert error.field == "clinician_signs.4" and "unknown warning sign" in error.problem
    error = check_broken(tmp_path, lambda d: d["clinician_signs"].append("both-legs"))
    assert error.field == "clinician_signs.4" and "cauda-equina" in error.problem


def test_placeholders_must_be_the_ones_the_model_fills_in(tmp_path):
    error = check_broken(tmp_path, lambda d: d["categories"]["step_up"]["reasons"].update(
        used_to_it="You have kept to this amount for a while."))
    assert error.item == "step_up" and error.field == "categories.step_up.reasons.used_to_it"
    assert "needs the placeholder {weeks}" in error.problem
    error = check_broken(tmp_path, lambda d: d["categories"]["ease_back"].update(headline="Rest for {days}."))
    assert error.field == "categories.ease_back.headline" and "{days}" in error.problem


def test_a_duplicate_kind_or_unknown_kinds_source_is_named(tmp_path):
    error = kinds_broken(tmp_path, lambda d: d["kinds"].append(copy.deepcopy(d["kinds"][0])))
    assert error.item == "aerobic" and error.field == "kinds.6.id"
    error = kinds_broken(tmp_path, lambda d: d["sources"].append("no-such-reference"))
    assert error.field == "sources.2"


def test_a_kind_without_a_colour_is_named(monkeypatch):
    content = kinds_content()
    extra = replace(content.kinds[0], id="dance")
    monkeypatch.setattr(figures, "kinds_content", lambda: type(content)(content.kinds + (extra,), content.sources,
                                                                         content.effects_note, content.plan_note))
    with pytest.raises(ContentError) as caught:
        figures.kind_cards()
    assert caught.value.item == "dance" and caught.value.field == "kinds.6.id"
    assert "exercise_kinds.yml" in str(caught.value)
