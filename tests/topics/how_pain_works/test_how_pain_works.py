"""Lesson 02b: the volume dial (a picture with no invented sizes) and the flare-up plan kept in the progress store."""

from __future__ import annotations

import json
import sqlite3

import pytest

from lessons.kit import triage
from lessons.kit.references import bibliography
from lessons.kit.widget import escape
from lessons.progress.my_progress import ProgressDashboard, plans_html
from lessons.records.results import export_results, merge_results, results_from_bytes
from lessons.records.store import ENV_VAR, ProgressStore, SavedPlan
from lessons.topics.how_pain_works.figures import volume_dial_figure
from lessons.topics.how_pain_works.model import (
    DIAL_FILE,
    DOWN,
    FIELDS,
    MAX_CHARS,
    PLAN_KIND,
    PLAN_NAME,
    UP,
    DialError,
    FlareUpPlan,
    PlanInputError,
    clean_text,
    dial_content,
    dial_words,
    make_plan,
    plan_from_record,
    save_plan,
    saved_plan,
    turn_dial,
)
from lessons.topics.how_pain_works.widgets import FlareUpPlanner, VolumeDial, plan_card_html, seek_help_html
from tests.conftest import broken_copy, load_error, shown_figure

SCRIPT = "<script>alert(1)</script>"


# --- the volume dial ----------------------------------------------------------------------------------

def test_the_dial_content_has_both_directions_and_known_sources():
    content = dial_content()
    known = bibliography()
    assert content.of(UP) and content.of(DOWN)
    assert all(item.refs and set(item.refs) <= set(known) for item in content.factors)
    assert "not a measurement" in content.note


def test_each_ticked_factor_moves_the_dial_one_notch_and_duplicates_count_once():
    dial = turn_dial(["poor-sleep", "worry", "pacing", "worry"])
    assert [f.id for f in dial.up] == ["poor-sleep", "worry"] and [f.id for f in dial.down] == ["pacing"]
    assert dial.notches == 1
    assert turn_dial([]).notches == 0
    assert turn_dial(["active", "pacing"]).notches == -2
    assert set(dial.sources) == {ref for f in (*dial.up, *dial.down) for ref in f.refs}


def test_the_dial_in_words():
    assert "1 notch louder" in dial_words(turn_dial(["poor-sleep", "worry", "pacing"]))
    assert "2 notches quieter" in dial_words(turn_dial(["active", "pacing"]))
    assert "balance out" in dial_words(turn_dial(["stress", "pacing"]))
    assert "Nothing is ticked" in dial_words(turn_dial())


@pytest.mark.parametrize("bad, words", [
    (["kidney"], "not one of the dial's factors"),
    ("poor-sleep", "must be a list"),
    ([None], "must be a factor id"),
    (5, "must be a list"),
])
def test_unknown_choices_are_refused_with_a_message(bad, words):
    with pytest.raises(DialError, match=words):
        turn_dial(bad)


def test_the_figure_shows_no_number_and_says_it_is_an_illustration():
    fig = volume_dial_figure(turn_dial(["poor-sleep", "stress"])).to_plotly_json()
    (gauge,) = fig["data"]
    assert gauge["mode"] == "gauge"                          # the needle only: no number is shown
    assert gauge["value"] == 2
    assert gauge["gauge"]["axis"]["ticktext"] == ["quieter", "usual", "louder"]
    assert "illustration, not a measurement" in fig["layout"]["title"]["text"]
    texts = " ".join(a["text"] for a in fig["layout"]["annotations"])
    assert "louder than usual" in texts and "not a measurement" in texts
    quiet = volume_dial_figure(turn_dial(["pacing"])).to_plotly_json()["data"][0]["gauge"]["bar"]["color"]
    assert quiet != gauge["gauge"]["bar"]["color"]            # and the words say which way


def test_a_broken_dial_file_names_the_file_and_the_field(tmp_path):
    def twice(doc):
        doc["factors"][1]["id"] = doc["factors"][0]["id"]
    assert "used twice" in str(load_error(dial_content, broken_copy(tmp_path, DIAL_FILE, twice, "dial_a.yml")))

    def only_up(doc):
        doc["factors"] = [f for f in doc["factors"] if f["direction"] == UP]
    assert "no factor turns the dial down" in str(
        load_error(dial_content, broken_copy(tmp_path, DIAL_FILE, only_up, "dial_b.yml")))

    def unknown_ref(doc):
        doc["factors"][0]["refs"] = ["no-such-paper"]
    error = load_error(dial_content, broken_copy(tmp_path, DIAL_FILE, unknown_ref, "dial_c.yml"))
    assert "no-such-paper" in str(error) and "factors.0.refs" in str(error)


def test_the_dial_widget_redraws_at_every_tick():
    widget = VolumeDial()
    assert shown_figure(widget.chart)["data"][0]["value"] == 0 and widget.reasons.value == ""
    widget.boxes["poor-sleep"].value = True
    widget.boxes["worry"].value = True
    assert shown_figure(widget.chart)["data"][0]["value"] == 2
    assert "Poor sleep" in widget.reasons.value and "(up)" in widget.reasons.value
    widget.boxes["pacing"].value = True
    assert shown_figure(widget.chart)["data"][0]["value"] == 1


# --- the flare-up plan: pure rules --------------------------------------------------------------------

def test_typed_text_is_cleaned_but_keeps_its_lines():
    assert clean_text("  walk\r\nshower\u202e\x00  ") == "walk\nshower"
    assert clean_text("a\n\n\n\n\nb") == "a\n\nb"
    assert clean_text("a\tb\u200b") == "a b"


def test_a_plan_is_kept_as_a_flare_up_record():
    plan = make_plan("walk\r\nwarm shower", "", "my physio")
    assert plan == FlareUpPlan("walk\nwarm shower", "", "my physio")
    record = plan.record()
    assert record["kind"] == PLAN_KIND == "flare-up" and record["lesson"] == "02b_how_pain_works"
    assert {key: record[key] for key in FIELDS} == {"helps": "walk\nwarm shower", "pacing": "", "contact": "my physio"}
    json.dumps(record)                                         # JSON-able, as the store needs


@pytest.mark.parametrize("args, words", [
    (("", "  ", "\n"), "at least one part"),
    ((), "at least one part"),
    (("x" * (MAX_CHARS + 1),), f"{MAX_CHARS + 1} characters long.*{MAX_CHARS}"),
    (("ok", 42), "“How I pace” must be text, not int"),
    (("ok", "ok", ["a"]), "must be text, not list"),
])
def test_bad_input_is_refused_with_a_clear_message(args, words):
    with pytest.raises(PlanInputError, match=words) as info:
        make_plan(*args)
    assert isinstance(info.value, ValueError) and len(str(info.value)) < 300


def test_exactly_the_limit_is_allowed():
    assert make_plan("x" * MAX_CHARS).helps == "x" * MAX_CHARS


@pytest.mark.parametrize("record, expected", [
    ({"kind": "flare-up", "helps": "a", "pacing": "b", "contact": "c"}, FlareUpPlan("a", "b", "c")),
    ({"kind": "flare-up", "helps": 5, "pacing": None}, FlareUpPlan()),
    ({"kind": "flare-up", "helps": "y" * 900}, FlareUpPlan("y" * MAX_CHARS)),
    ({"weeks": 2, "problem": "general"}, None),                # a stretching plan
    ({"kind": "other"}, None),
    ("not a dict", None),
])
def test_a_stored_record_is_read_without_raising(record, expected):
    assert plan_from_record(record) == expected


# --- the flare-up plan: the progress store ------------------------------------------------------------

def test_save_and_load_round_trip_and_a_second_save_replaces(store):
    assert saved_plan(store) is None
    save_plan(store, make_plan("walk", "chunks", "GP"))
    save_plan(store, make_plan("walk more", "chunks", "GP"))
    (kept,) = store.plans()
    assert kept.name == PLAN_NAME and kept.plan["kind"] == "flare-up"
    assert saved_plan(store) == FlareUpPlan("walk more", "chunks", "GP")


def test_a_stretching_plan_beside_it_is_left_alone(store):
    store.save_plan("stretching-plan-general-20min", {"problem": "general", "minutes": 20})
    save_plan(store, make_plan("walk"))
    assert saved_plan(store) == FlareUpPlan("walk")
    assert [p.name for p in store.plans()] == ["stretching-plan-general-20min", PLAN_NAME]


def test_the_exported_results_file_carries_the_plan_unchanged_and_brings_it_back(store, tmp_path):
    save_plan(store, make_plan(f"walk {SCRIPT}", "chunks", "GP"))
    path = export_results(store, tmp_path / "exports", "json")
    exported = json.loads(path.read_text(encoding="utf-8"))
    (plan,) = exported["plans"]
    assert plan["name"] == PLAN_NAME and plan["plan"] == make_plan(f"walk {SCRIPT}", "chunks", "GP").record()
    other = ProgressStore(tmp_path / "other.sqlite3")
    merge_results(other, results_from_bytes(path.read_bytes(), path.name))
    assert saved_plan(other) == saved_plan(store)


def test_my_progress_shows_the_plan_escaped_with_its_parts(store):
    save_plan(store, make_plan(f"walk {SCRIPT}\nshower", "", "GP"))
    store.save_plan("stretching <b>plan</b>", {"weeks": 2})
    html = ProgressDashboard(store).plans.value
    assert "<script" not in html and "<b>" not in html
    assert "walk &lt;script&gt;" in html and "<br>shower" in html and "What helps me" in html
    assert "How I pace" not in html                            # an empty part is left out
    assert "02b_how_pain_works.ipynb" in html and "stretching &lt;b&gt;plan&lt;/b&gt;" in html


def test_my_progress_does_not_break_on_an_edited_flare_up_plan():
    html = plans_html([SavedPlan(PLAN_NAME, {"kind": "flare-up", "helps": 3, "pacing": ["x"]}, "2026-01-01T00:00:00Z"),
                       SavedPlan("odd", {"kind": ["not", "a", "name"]}, "2026-01-01T00:00:00Z")])
    assert "(empty)" in html and "<li>odd</li>" in html


# --- the flare-up plan: the widget --------------------------------------------------------------------

def test_the_warning_signs_come_from_the_triage_source():
    html = seek_help_html()
    for key in triage.LEVELS:
        assert triage.sentence(level_key=key).split(" if ")[0] in html
    assert escape(triage.sign("saddle-numbness").short) in html   # cauda equina's first sign, in its own words


def test_the_card_escapes_typed_text_and_keeps_lines():
    html = plan_card_html(FlareUpPlan(f"{SCRIPT}\nrest", "", "Dr \"O'Neil\" & co"))
    assert "<script" not in html and "&lt;script&gt;" in html and "<br>rest" in html
    assert "Dr &quot;O&#x27;Neil&quot; &amp; co" in html and "(not filled in)" in html


def test_the_widget_saves_and_a_new_one_loads_the_plan_back(store):
    planner = FlareUpPlanner(store=store)
    assert all(box.value == "" for box in planner.boxes.values()) and planner.card.value == ""
    planner.boxes["helps"].value = f"walk {SCRIPT}"
    planner.boxes["contact"].value = "GP"
    assert planner.save() == FlareUpPlan(f"walk {SCRIPT}", "", "GP")
    assert "Saved as" in planner.status.value and "&lt;script&gt;" in planner.card.value
    assert "<script" not in planner.card.value
    again = FlareUpPlanner(store=store)
    assert again.boxes["helps"].value == f"walk {SCRIPT}" and again.boxes["contact"].value == "GP"
    assert "back in the boxes" in again.status.value


def test_bad_input_in_the_widget_is_a_message_and_nothing_is_saved(store):
    planner = FlareUpPlanner(store=store)
    assert planner.save() is None and "at least one part" in planner.status.value
    planner.boxes["pacing"].value = "z" * (MAX_CHARS + 10)
    assert planner.save() is None and f"keep it to {MAX_CHARS}" in planner.status.value
    assert store.plans() == []


class BrokenStore:
    not_kept = None

    def plans(self):
        raise sqlite3.OperationalError("disk I/O error")

    def save_plan(self, name, plan):
        raise OSError("read-only file system")


def test_a_store_that_fails_is_a_message_never_a_traceback():
    planner = FlareUpPlanner(store=BrokenStore())
    assert "could not be read" in planner.status.value and "disk I/O error" in planner.status.value
    planner.boxes["helps"].value = "walk"
    assert planner.save() is None
    assert "could not be kept" in planner.status.value and "read-only" in planner.status.value
    assert "walk" in planner.card.value                        # the plan is still shown to read or copy


def test_opening_the_lesson_without_a_progress_file_creates_none(tmp_path, monkeypatch):
    path = tmp_path / "fresh" / "progress.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    planner = FlareUpPlanner()
    assert not path.exists() and planner.store is None
    planner.boxes["helps"].value = "walk"
    assert planner.save() is not None and path.exists()
    assert saved_plan(ProgressStore(path)) == FlareUpPlan("walk")
