"""Lesson 12's words as data: the plan's notes, the widget's sentences and the sheets' load and are checked.

Each content file loads; a broken copy (written to a temporary folder) raises ContentError naming the file
and the field, for a schema error and for each rule the loader adds.
"""

from __future__ import annotations

from datetime import date

import pytest

from lessons.kit import triage
from lessons.kit.data import ContentError
from lessons.kit.prose import fill
from lessons.kit.references import bibliography
from lessons.topics.planner.catalogue import PROBLEMS
from lessons.topics.planner.plan import PlanRequest, make_plan
from lessons.topics.planner.texts import (
    NOTES_FILE,
    SHEET_FILE,
    WIDGET_FILE,
    plan_notes,
    planner_texts,
    sheet_texts,
)
from tests.conftest import broken_copy, names

# --- the real files --------------------------------------------------------------------------------

def test_the_plan_notes_load_with_a_note_for_every_problem_and_known_signs_and_sources():
    notes = plan_notes()
    assert list(notes.problems) == list(PROBLEMS)
    assert all(triage.sign(sign_id) for sign_id in notes.stop_signs)
    known = bibliography()
    for note in (notes.stop, notes.pace, *notes.problems.values()):
        assert note.text and note.sources and all(ref in known for ref in note.sources)
    assert notes.red_flags.sources == triage.sources()
    assert "{{" not in notes.red_flags.text and triage.level("emergency").needs in notes.red_flags.text


def test_a_plan_shows_the_notes_of_the_file():
    notes = plan_notes()
    plan = make_plan(PlanRequest(problem="spinal-stenosis", minutes=20))
    by_kind = {note.kind: note for note in plan.notes}
    assert by_kind["stop"].text == fill(notes.stop.text, signs=triage.sentence(notes.stop_signs))
    assert by_kind["red-flags"].text == notes.red_flags.text
    assert (by_kind["pace"].text, by_kind["pace"].sources) == (notes.pace.text, notes.pace.sources)
    problem = notes.problems["spinal-stenosis"]
    assert (by_kind["problem"].text, by_kind["problem"].sources) == (problem.text, problem.sources)
    assert by_kind["left-out"].text.startswith("Left out as not advised for spinal stenosis (they bend")


def test_the_widget_and_sheet_texts_load():
    widget, sheet = planner_texts(), sheet_texts()
    assert widget.start.endswith("then press Make my plan.")
    assert fill(widget.calendar_start, start=date(2026, 3, 2)) == "The calendar starts on Monday 02 March 2026."
    assert "<code>exports</code>" in widget.saving_html
    assert sheet.not_advice.startswith("Made with the stretching-routine planner")


# --- plan_notes.yml broken -------------------------------------------------------------------------

def test_plan_notes_schema_error_names_the_file_and_field(tmp_path):
    path = broken_copy(tmp_path, NOTES_FILE, lambda doc: doc["pace"].pop("sources"))
    with pytest.raises(ContentError, match=names("plan_notes.yml", "pace.sources") + "is required"):
        plan_notes(path)
    path = broken_copy(tmp_path, NOTES_FILE, lambda doc: doc["problems"][2].update(sources="nice-ng59"))
    with pytest.raises(ContentError, match=names("plan_notes.yml", "problems.2.sources", "spinal-stenosis")):
        plan_notes(path)


@pytest.mark.parametrize("change, field, item, words", [
    (lambda doc: doc["stop"]["signs"].append("no-such-sign"), "stop.signs.6", None, "not a warning sign"),
    (lambda doc: doc["pace"]["sources"].append("made-up-2099"), "pace.sources.2", None, "'made-up-2099'"),
    (lambda doc: doc["problems"][1]["sources"].insert(0, "made-up-2099"), "problems.1.sources.0",
     "herniated-disc", "is not in lessons"),
    (lambda doc: doc["problems"][0].update(id="back-ache"), "problems.0.id", "back-ache",
     "not a problem of the catalogue"),
    (lambda doc: doc["problems"][1].update(id="general"), "problems.1.id", "general", "a second note"),
    (lambda doc: doc["problems"].pop(), "problems", None, "no note for sciatica"),
    (lambda doc: doc["stop"].update(text="Stop the exercises. {sign}"), "stop.text", None,
     r"uses \{sign\}, but must use exactly \{signs\}"),
    (lambda doc: doc.update(left_out="Left out: {exercises}."), "left_out", None,
     r"must use exactly \{exercises\}, \{problem\}"),
    (lambda doc: doc.update(dose_note="Do the {number} in bold."), "dose_note", None, "nothing is filled in here"),
    (lambda doc: doc["problems"][3].update(text="A lone { brace."), "problems.3.text", "degenerative-disc-disease",
     "nothing is filled in here"),
    (lambda doc: doc["red_flags"].update(text="Red flags need {{needs:very-soon}}."), "red_flags.text", None,
     "unknown triage level"),
])
def test_plan_notes_rules_name_the_file_item_and_field(tmp_path, change, field, item, words):
    with pytest.raises(ContentError, match=names("plan_notes.yml", field, item) + ".*" + words):
        plan_notes(broken_copy(tmp_path, NOTES_FILE, change))


# --- planner_widget.yml broken ---------------------------------------------------------------------

def test_widget_texts_schema_errors_name_the_file_and_field(tmp_path):
    path = broken_copy(tmp_path, WIDGET_FILE, lambda doc: doc.update(start="Press <b>Make my plan</b>."))
    with pytest.raises(ContentError, match=names("planner_widget.yml", "start") + "must match pattern"):
        planner_texts(path)
    path = broken_copy(tmp_path, WIDGET_FILE, lambda doc: doc.pop("no_plan"))
    with pytest.raises(ContentError, match=names("planner_widget.yml", "no_plan") + "is required"):
        planner_texts(path)


def test_widget_texts_templates_are_checked(tmp_path):
    path = broken_copy(tmp_path, WIDGET_FILE, lambda doc: doc.update(calendar_start="It starts on {day}."))
    with pytest.raises(ContentError, match=names("planner_widget.yml", "calendar_start") + r"uses \{day\}"):
        planner_texts(path)
    path = broken_copy(tmp_path, WIDGET_FILE, lambda doc: doc.update(calendar_start="It starts on {0}."))
    with pytest.raises(ContentError, match=names("planner_widget.yml", "calendar_start") + "is not a template"):
        planner_texts(path)


# --- plan_sheet.yml broken -------------------------------------------------------------------------

def test_sheet_texts_schema_error_names_the_file_and_field(tmp_path):
    path = broken_copy(tmp_path, SHEET_FILE, lambda doc: doc.update(tick_note=""))
    with pytest.raises(ContentError, match=names("plan_sheet.yml", "tick_note")):
        sheet_texts(path)
    path = broken_copy(tmp_path, SHEET_FILE, lambda doc: doc.update(footer="Printed by the course."))
    with pytest.raises(ContentError, match=r"^plan_sheet\.yml: must not contain \{'footer'\}"):
        sheet_texts(path)


def test_sheet_texts_may_not_hold_a_field(tmp_path):
    path = broken_copy(tmp_path, SHEET_FILE, lambda doc: doc.update(weeks_note="The {weeks} weeks."))
    with pytest.raises(ContentError, match=names("plan_sheet.yml", "weeks_note") + "has a brace, but nothing"):
        sheet_texts(path)
