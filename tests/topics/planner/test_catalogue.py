"""Lesson 12 (stretching planner): the exercise catalogue, its rules, its sources and its pictures."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from lessons.kit import triage
from lessons.kit.data import ContentError, read_yaml
from lessons.kit.palette import OKABE_ITO
from lessons.kit.references import bibliography
from lessons.topics.planner.catalogue import (
    CATALOGUE_FILE,
    LEVELS,
    PHASES,
    PICTURE_DIR,
    POSITIONS,
    PROBLEMS,
    Exercise,
    exercise,
    load_catalogue,
    safety_texts,
)
from tests.conftest import broken_copy, load_error

SVG = "{http://www.w3.org/2000/svg}"
CATALOGUE = load_catalogue()


def suitable(problem: str) -> list[Exercise]:
    """Exercises a planner may offer for ``problem``: advised for it (or for any back pain), not marked unsuitable."""
    return [e for e in CATALOGUE
            if (problem in e.suits or "general" in e.suits) and problem not in e.avoid]


# --- the shipped catalogue ----------------------------------------------------------------------

def test_the_shipped_catalogue_loads_with_at_least_20_exercises():
    assert len(CATALOGUE) >= 20
    assert all(isinstance(item, Exercise) for item in CATALOGUE)
    assert len({item.id for item in CATALOGUE}) == len(CATALOGUE)
    assert load_catalogue() is CATALOGUE            # cached
    assert load_catalogue(CATALOGUE_FILE) is CATALOGUE


def test_every_field_uses_the_shared_vocabulary():
    for item in CATALOGUE:
        assert item.position in POSITIONS
        assert item.level in LEVELS
        assert item.phases and set(item.phases) <= set(PHASES)
        assert item.suits and set(item.suits) <= set(PROBLEMS)
        assert set(item.avoid) <= set(PROBLEMS)
        assert not set(item.suits) & set(item.avoid)
        assert item.steps and all(step.strip() for step in item.steps)
        assert item.image == f"pictures/stretches/{item.id}.svg"


def test_exactly_one_kind_of_dose_is_set():
    for item in CATALOGUE:
        kinds = [item.hold_seconds is not None, item.reps is not None, item.minutes is not None]
        assert kinds.count(True) == 1, item.id
        assert (item.seconds_per_rep is not None) == (item.reps is not None), item.id
        if item.minutes is not None:
            assert item.sets == 1
        assert item.sets >= 1 and item.rest_seconds >= 0
        assert item.set_seconds() > 0


def test_every_position_has_at_least_three_exercises():
    for position in POSITIONS:
        assert len([e for e in CATALOGUE if e.position == position]) >= 3, position


@pytest.mark.parametrize("problem", PROBLEMS)
def test_every_problem_can_fill_a_whole_session(problem):
    offered = suitable(problem)
    assert len(offered) >= 4
    for phase in PHASES:
        assert any(phase in e.phases for e in offered), (problem, phase)


def test_every_level_and_every_phase_is_used():
    assert {e.level for e in CATALOGUE} == set(LEVELS)
    for phase in PHASES:
        assert len([e for e in CATALOGUE if phase in e.phases]) >= 3, phase


def test_backward_bending_is_marked_unsuitable_for_spinal_stenosis_and_forward_bending_suits_it():
    # Stenosis symptoms are provoked by extension and eased by flexion (Katz 2022, Comer 2009).
    for item_id in ("prone-press-up", "standing-back-bend"):
        assert "spinal-stenosis" in exercise(item_id).avoid
    for item_id in ("knee-to-chest", "double-knee-to-chest", "seated-forward-bend", "seated-knee-pull"):
        assert "spinal-stenosis" in exercise(item_id).suits
    # The only avoid rule in the catalogue is that one.
    assert {problem for e in CATALOGUE for problem in e.avoid} == {"spinal-stenosis"}


def test_nerve_glides_suit_sciatica():
    sliders = [e for e in CATALOGUE if "nerve-slider" in e.id]
    assert len(sliders) >= 2
    assert all("sciatica" in e.suits for e in sliders)


def test_every_source_is_in_the_bibliography():
    refs = bibliography()
    raw = read_yaml(CATALOGUE_FILE)
    for item in raw["exercises"]:
        assert item["source"] in refs
        assert all(ref in refs for ref in item.get("evidence", []))
    assert all(ref in refs for ref in raw["safety_sources"])


def test_stop_rules_name_the_warning_signs():
    for item in CATALOGUE:
        text = item.stop_if.lower()
        assert "numbness" in text and "weakness" in text, item.id
        assert "further down your leg" in text and "see a doctor" in text, item.id
        assert triage.level("emergency").lead.lower() in text, item.id
        for sign_id in ("both-legs", "saddle-numbness", "bladder-bowel", "new-weakness"):
            assert triage.sign(sign_id).short.lower() in text, (item.id, sign_id)


def test_safety_fields_are_explicit_and_match_the_lesson():
    raw = read_yaml(CATALOGUE_FILE)
    for item in raw["exercises"]:
        assert {"spine", "prone", "balance", "sides"} <= set(item), item["id"]
    by_id = {item.id: item for item in CATALOGUE}
    # Back bends and front-lying exercises: the stenosis rule reads these fields.
    assert by_id["prone-press-up"].spine == "extension" and by_id["prone-press-up"].prone
    assert by_id["stomach-tone"].prone and by_id["standing-back-bend"].spine == "extension"
    assert {e.id for e in CATALOGUE if e.balance == "high"} == {"deep-lunge", "standing-thigh-stretch"}
    assert all(e.cue == safety_texts().balance_cue for e in CATALOGUE if e.balance == "high")
    assert all(e.cue is None for e in CATALOGUE if e.balance != "high")
    assert "chair" in safety_texts().balance_cue
    assert by_id["knee-rolls"].sides == 2 and by_id["walking"].sides == 1
    assert all(e.sets % 2 == 0 for e in CATALOGUE if e.sides == 2)
    assert safety_texts().thin_bones_sources == ("brooke-wavell-2022-osteoporosis-exercise",)


def test_doses_match_their_sources():
    # Spot checks against the numbers quoted in lessons/topics/planner/content/references.yml.
    assert (exercise("knee-rolls").hold_seconds, exercise("knee-rolls").sets) == (10, 6)   # 10 s, 3 each side
    assert (exercise("pelvic-tilt").hold_seconds, exercise("pelvic-tilt").sets) == (5, 5)
    assert (exercise("piriformis-stretch").hold_seconds, exercise("piriformis-stretch").sets) == (10, 3)
    assert (exercise("bottom-to-heels").reps, exercise("bottom-to-heels").sets) == (8, 1)
    assert (exercise("bird-dog").reps, exercise("bird-dog").sets) == (10, 2)
    assert exercise("seated-nerve-slider").seconds_per_rep == 5                          # "about 5 seconds"
    assert exercise("walking").minutes == 10


def test_exercise_looks_up_by_id():
    assert exercise("bridge").name == "Bridge"
    with pytest.raises(KeyError, match="no exercise"):
        exercise("handstand")


# --- set_seconds arithmetic ---------------------------------------------------------------------

def _make(**dose) -> Exercise:
    base = dict(id="x", name="X", purpose="p", position="lying", level="beginner", phases=("main",),
                hold_seconds=None, reps=None, seconds_per_rep=None, minutes=None, sets=1,
                rest_seconds=0, steps=("s",), feel="f", stop_if="s", suits=("general",), avoid=(),
                image="pictures/stretches/x.svg", alt="a", source="r")
    base.update(dose)
    return Exercise(**base)


def test_set_seconds_for_each_kind_of_dose():
    assert _make(hold_seconds=20, sets=3).set_seconds() == 20
    assert _make(reps=10, seconds_per_rep=6, sets=2).set_seconds() == 60
    assert _make(minutes=10).set_seconds() == 600
    assert exercise("bridge").set_seconds() == 10 * 6
    assert exercise("walking").set_seconds() == 600


def test_exercise_is_frozen():
    with pytest.raises(AttributeError):
        exercise("bridge").sets = 99  # type: ignore[misc]


# --- every rule gives an error naming the file, the exercise and the field ----------------------

NAME = "stretches_test.yml"


def _broken(tmp_path: Path, change) -> ContentError:
    """The error a copy of the catalogue gives after ``change(exercises)``."""
    return load_error(load_catalogue, broken_copy(tmp_path, CATALOGUE_FILE, lambda d: change(d["exercises"]), NAME))


def test_a_copy_of_the_shipped_file_loads(tmp_path):
    assert [e.id for e in load_catalogue(broken_copy(tmp_path, CATALOGUE_FILE, name=NAME))] == [e.id for e in CATALOGUE]


def _by_id(exercises, item_id):
    return next(item for item in exercises if item["id"] == item_id)


def _set(item_id, **fields):
    def change(exercises):
        _by_id(exercises, item_id).update(fields)
    return change


def _drop(item_id, field):
    def change(exercises):
        del _by_id(exercises, item_id)[field]
    return change


def _duplicate(exercises):
    twin = copy.deepcopy(exercises[0])
    exercises.append(twin)


@pytest.mark.parametrize("change, item, field", [
    (_duplicate, "knee-rolls", "id"),
    (_set("bridge", hold_seconds=5), "bridge", "hold_seconds"),                 # reps + hold
    (_drop("bridge", "seconds_per_rep"), "bridge", "seconds_per_rep"),          # reps need a pace
    (_set("knee-rolls", reps=5), "knee-rolls", "reps"),                          # hold + reps
    (_drop("knee-rolls", "hold_seconds"), "knee-rolls", "hold_seconds"),
    (_set("walking", hold_seconds=30), "walking", "hold_seconds"),
    (_set("walking", sets=2), "walking", "sets"),
    (_set("bridge", type="minutes"), "bridge", "reps"),
    (_set("bridge", image="pictures/stretches/no-such-picture.svg"), "bridge", "image"),
    (_set("bridge", source="no-such-reference"), "bridge", "source"),
    (_set("bridge", evidence=["nhs-inform-exercises-back-pain", "no-such-reference"]), "bridge", "evidence.1"),
    (_set("bridge", avoid=["general"]), "bridge", "avoid"),                      # overlaps suits
    (_set("bridge", position="upside-down"), "bridge", "position"),
    (_set("bridge", level="expert"), "bridge", "level"),
    (_set("bridge", phases=["main", "encore"]), "bridge", "phases"),
    (_set("bridge", suits=["general", "headache"]), "bridge", "suits"),
    (_set("bridge", avoid=["headache"]), "bridge", "avoid"),
    (_drop("bridge", "name"), "bridge", "name"),                                  # schema
    (_set("bridge", reps=0), "bridge", "reps"),                                   # schema
    (_set("bridge", type="stretch"), "bridge", "type"),                           # schema
    (_drop("bridge", "spine"), "bridge", "spine"),                                # schema: required
    (_set("bridge", spine="twisted"), "bridge", "spine"),                         # schema
    (_set("bridge", balance="wobbly"), "bridge", "balance"),                      # schema
    (_set("bridge", sides=3), "bridge", "sides"),                                 # schema
    (_set("bridge", sides=2, sets=3), "bridge", "sides"),                         # odd sets on two sides
    (_set("knee-rolls", spine="extension"), "knee-rolls", "suits"),               # suits stenosis
    (_set("knee-rolls", prone=True), "knee-rolls", "suits"),
])
def test_each_broken_rule_names_the_file_exercise_and_field(tmp_path, change, item, field):
    error = _broken(tmp_path, change)
    assert error.file.endswith("stretches_test.yml")
    assert error.item == item
    assert error.field and error.field.startswith("exercises.") and error.field.endswith("." + field)
    assert "stretches_test.yml" in str(error) and field in str(error)


def test_an_unknown_safety_source_is_named(tmp_path):
    error = load_error(load_catalogue, broken_copy(tmp_path, CATALOGUE_FILE,
                                                   lambda d: d["safety_sources"].append("no-such-reference")))
    assert error.field == f"safety_sources.{len(read_yaml(CATALOGUE_FILE)['safety_sources'])}"


# --- the schema and the pictures ----------------------------------------------------------------

def test_the_schema_is_draft_07():
    schema = json.loads((PICTURE_DIR / "stretches.schema.json").read_text())
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"


def _svg(item: Exercise) -> ET.Element:
    return ET.parse(PICTURE_DIR / item.image).getroot()


@pytest.mark.parametrize("item", CATALOGUE, ids=lambda item: item.id)
def test_every_picture_has_a_title_and_the_alt_text_as_its_desc(item):
    root = _svg(item)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 240 160"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == item.name
    assert desc is not None and desc.text == item.alt
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_pictures_use_only_okabe_ito_colours_black_and_white():
    allowed = {value.upper() for value in OKABE_ITO.values()} | {"#FFFFFF", "#000000"}
    for item in CATALOGUE:
        text = (PICTURE_DIR / item.image).read_text(encoding="utf-8")
        colours = {value.upper() for value in re.findall(r"#[0-9A-Fa-f]{6}\b", text)}
        assert colours <= allowed, (item.id, colours - allowed)


def test_picture_ids_are_unique_across_pictures():
    # Several pictures can sit in one page (the planner's cards), so element ids must not clash.
    seen: dict[str, str] = {}
    for item in CATALOGUE:
        for element in _svg(item).iter():
            element_id = element.get("id")
            if element_id:
                assert element_id not in seen, (element_id, item.id, seen.get(element_id))
                seen[element_id] = item.id


def test_no_picture_is_left_over():
    shipped = {path.stem for path in (PICTURE_DIR / "pictures/stretches").glob("*.svg")}
    assert shipped == {item.id for item in CATALOGUE}
