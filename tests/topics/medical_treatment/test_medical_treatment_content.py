"""Lesson 10's pathway as data: content/treatment_pathway.yml loads, and a broken copy names the file and field."""

from __future__ import annotations

import copy

from lessons.kit import triage
from lessons.kit.data import ContentError, read_yaml
from lessons.kit.references import bibliography
from lessons.topics.medical_treatment.model import (
    COMPLAINTS,
    DURATIONS,
    PATHWAY_FILE,
    load_pathways,
    pathway,
    pathways,
    see_a_clinician,
    texts,
)
from tests.conftest import broken_copy, load_error

NAME = "pathway_copy.yml"


def broken(tmp_path, change) -> ContentError:
    return load_error(load_pathways, broken_copy(tmp_path, PATHWAY_FILE, change, NAME))


def step_entry(document: dict, step_id: str) -> dict:
    return next(entry for entry in document["steps"] if entry["id"] == step_id)


# --- the shipped file -------------------------------------------------------------------------

def test_the_shipped_file_gives_every_situation_its_steps():
    loaded = pathways()
    assert set(loaded.steps) == {(d, c) for d in DURATIONS for c in COMPLAINTS}
    known = bibliography()
    for steps in loaded.steps.values():
        for step in steps:
            assert step.stage and step.who and step.what and step.see_clinician
            assert set(step.refs) <= set(known)
            assert "{" not in " ".join((step.see_clinician, *step.what, *step.what_not, *step.notes))


def test_a_copy_of_the_shipped_file_loads_the_same(tmp_path):
    assert load_pathways(broken_copy(tmp_path, PATHWAY_FILE, name=NAME)) == pathways()


def test_placeholders_are_filled_in_from_the_triage_file_and_the_worse_sentence():
    document = read_yaml(PATHWAY_FILE)
    assert see_a_clinician().startswith("See a GP, physiotherapist or other clinician " + document["worse"] + ".")
    assert see_a_clinician().endswith(triage.sentence(level_key="emergency"))
    assert texts().card_lead_warning_signs == triage.expand(document["card"]["lead_warning_signs"])
    assert triage.level("urgent").needs in texts().card_lead_warning_signs
    first = pathway("acute", "back pain", False)[0]
    assert first.see_clinician == f"See a clinician {document['worse']}."


# --- the schema -------------------------------------------------------------------------------

def test_a_step_without_its_references_breaks_the_schema(tmp_path):
    error = broken(tmp_path, lambda d: d["warning_signs"].pop("refs"))
    assert error.field == "warning_signs.refs" and "required" in error.problem


def test_an_unknown_duration_breaks_the_schema(tmp_path):
    error = broken(tmp_path, lambda d: d["pathways"][0].update(duration="chronic"))
    assert error.field == "pathways.0.duration"


def test_an_unknown_field_on_a_step_breaks_the_schema(tmp_path):
    error = broken(tmp_path, lambda d: step_entry(d, "surgery").update(dose="400 mg"))
    assert error.item == "surgery" and error.field == "steps.7" and "dose" in error.problem


# --- the loader's own rules -------------------------------------------------------------------

def test_an_unknown_reference_is_named(tmp_path):
    error = broken(tmp_path, lambda d: step_entry(d, "epidural")["refs"].append("no-such-reference"))
    assert error.item == "epidural" and error.field == "steps.6.refs.3"
    assert "no-such-reference" in error.problem


def test_a_duplicate_step_id_is_named(tmp_path):
    error = broken(tmp_path, lambda d: d["steps"].append(copy.deepcopy(d["steps"][0])))
    assert error.item == "first-visit" and error.field == f"steps.{len(read_yaml(PATHWAY_FILE)['steps'])}.id"


def test_a_pathway_naming_an_unknown_step_is_named(tmp_path):
    error = broken(tmp_path, lambda d: d["pathways"][1]["steps"].append("massage"))
    assert error.field == "pathways.1.steps.5" and "massage" in error.problem


def test_a_situation_given_twice_or_missing_is_named(tmp_path):
    error = broken(tmp_path, lambda d: d["pathways"].append(copy.deepcopy(d["pathways"][0])))
    assert error.field == "pathways.4" and "acute back pain" in error.problem
    error = broken(tmp_path, lambda d: d["pathways"].pop())
    assert error.field == "pathways" and "persistent sciatica" in error.problem


def test_a_step_must_match_exactly_one_version(tmp_path):
    error = broken(tmp_path, lambda d: step_entry(d, "medicines")["versions"][1].update(duration="acute"))
    assert error.item == "medicines" and error.field == "steps.2.versions" and "found 2" in error.problem


def test_a_field_missing_from_both_step_and_version_is_named(tmp_path):
    error = broken(tmp_path, lambda d: step_entry(d, "exercise")["versions"][0].pop("stage"))
    assert error.item == "exercise" and error.field == "steps.1.versions.0.stage"


def test_an_unknown_placeholder_is_named(tmp_path):
    error = broken(tmp_path, lambda d: step_entry(d, "if-it-lasts").update(see_clinician="See a GP {wrose}."))
    assert error.item == "if-it-lasts" and error.field == "steps.3.see_clinician"
    assert "unknown placeholder {wrose}; this text may say {worse}" in error.problem
    error = broken(tmp_path, lambda d: d["card"].update(lead="{{sign:no-such-sign}}"))
    assert error.field == "card.lead" and "unknown warning sign" in error.problem
