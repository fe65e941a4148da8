"""Lesson 13's rules as data: content/heat_cold_sessions.yml loads, and a broken copy names the file and field."""

from __future__ import annotations

import copy

from lessons.kit import triage
from lessons.kit.data import ContentError
from lessons.kit.references import bibliography
from lessons.topics.heat_cold.model import (
    AREAS,
    COLD,
    CONCERNS,
    HEAT,
    KINDS,
    LIMITS,
    SESSIONS_FILE,
    load_rules,
    plan_session,
    rules,
)
from tests.conftest import broken_copy, load_error

NAME = "sessions_copy.yml"


def broken(tmp_path, change) -> ContentError:
    return load_error(load_rules, broken_copy(tmp_path, SESSIONS_FILE, change, NAME))


# --- the shipped file -------------------------------------------------------------------------

def test_the_shipped_file_gives_the_lesson_its_tables():
    loaded = rules()
    assert loaded.limits == LIMITS and loaded.areas == AREAS and loaded.concerns == CONCERNS
    known = bibliography()
    for kind in KINDS:
        assert LIMITS[kind].source == loaded.sources[kind][0] and set(loaded.sources[kind]) <= set(known)
    assert all(set(concern.sources) <= set(known) for concern in CONCERNS)
    # one note written once in the file (a YAML anchor) serves both leg areas
    assert AREAS[2].note == AREAS[3].note and "numb" in AREAS[2].note


def test_a_copy_of_the_shipped_file_loads_the_same(tmp_path):
    assert load_rules(broken_copy(tmp_path, SESSIONS_FILE, name=NAME)) == rules()


def test_placeholders_are_filled_in():
    session = plan_session(HEAT, "lower back", 12)
    assert "Put it on the lower back and start a timer for 12 minutes." in session.steps
    assert session.advice == "12 minutes is within the 10 to 15 minutes the guidance suggests."
    assert plan_session(COLD, "calf", 1).steps[4].endswith("start a timer for 1 minute.")
    infection = next(concern for concern in CONCERNS if concern.id == "infection")
    assert infection.reason.endswith(f"also needs {triage.level(triage.sign('fever').level).needs}.")
    assert "{" not in " ".join((*session.steps, *session.checks, session.advice, infection.reason))


# --- the schema -------------------------------------------------------------------------------

def test_a_kind_without_its_limit_breaks_the_schema(tmp_path):
    error = broken(tmp_path, lambda d: d["kinds"]["cold"].pop("maximum"))
    assert error.field == "kinds.cold.maximum" and "required" in error.problem


def test_minutes_that_are_not_whole_numbers_break_the_schema(tmp_path):
    error = broken(tmp_path, lambda d: d["kinds"]["heat"].update(advised=[10, "fifteen"]))
    assert error.field == "kinds.heat.advised.1"


def test_a_concern_without_sources_breaks_the_schema(tmp_path):
    error = broken(tmp_path, lambda d: d["concerns"][5].pop("sources"))
    assert error.item == "heart" and error.field == "concerns.5.sources"


# --- the loader's own rules -------------------------------------------------------------------

def test_an_unknown_reference_is_named(tmp_path):
    error = broken(tmp_path, lambda d: d["concerns"][0]["sources"].append("no-such-reference"))
    assert error.item == "numb" and error.field == "concerns.0.sources.4"
    error = broken(tmp_path, lambda d: d["kinds"]["cold"].update(limit_source="move-better-gwent-using-heat"))
    assert error.item == "cold" and error.field == "kinds.cold.limit_source"


def test_advised_minutes_must_stay_within_the_limit(tmp_path):
    error = broken(tmp_path, lambda d: d["kinds"]["heat"].update(advised=[10, 25]))
    assert error.item == "heat" and error.field == "kinds.heat.advised" and "limit of 15" in error.problem


def test_duplicate_ids_are_named(tmp_path):
    error = broken(tmp_path, lambda d: d["areas"].append(copy.deepcopy(d["areas"][1])))
    assert error.item == "buttock" and error.field == "areas.4.id"
    error = broken(tmp_path, lambda d: d["concerns"].append(copy.deepcopy(d["concerns"][0])))
    assert error.item == "numb" and error.field == f"concerns.{len(CONCERNS)}.id"


def test_only_the_models_placeholders_are_allowed(tmp_path):
    def change(document):
        document["kinds"]["cold"]["steps"][4] = "Put it on the {area} for {time}."
    error = broken(tmp_path, change)
    assert error.item == "cold" and error.field == "kinds.cold.steps.4" and "{area}" in error.problem
    error = broken(tmp_path, lambda d: d["advice"].update(within="{minutes} minutes at {place} is fine."))
    assert error.field == "advice.within" and "{place}" in error.problem
    error = broken(tmp_path, lambda d: d["concerns"][4].update(reason="A fever needs {{needs-of:no-such-sign}}."))
    assert error.item == "infection" and error.field == "concerns.4.reason" and "unknown warning sign" in error.problem
