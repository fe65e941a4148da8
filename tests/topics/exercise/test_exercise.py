"""Lesson 11 (exercise and stretching): published data, figures, the advice checker and its widget."""

from __future__ import annotations

import math

import pytest

from lessons.kit import triage
from lessons.kit.references import bibliography
from lessons.kit.tables import load_table, source_note
from lessons.topics.exercise.figures import (
    CERTAINTY_SYMBOL,
    EFFECTS_TABLE,
    KINDS,
    PLAN_NOTE,
    effect_rows,
    effects_figure,
    kinds_figure,
    plan_figure,
)
from lessons.topics.exercise.model import (
    CATEGORIES,
    CLINICIAN_SIGN_IDS,
    EASE_BACK,
    EMERGENCY,
    KEEP_STEADY,
    SEE_CLINICIAN,
    SOURCE_NAMES,
    SOURCES,
    STEP_UP,
    ExerciseInputError,
    check_exercise,
    example_plan,
)
from lessons.topics.exercise.widgets import ExerciseCheck, advice_card, run_check

CALM = {"pain_after": "less_or_same", "weeks_at_this_amount": 2, "used_to_it": "yes"}


# --- the published numbers -------------------------------------------------------------------

def test_effects_table_matches_the_cochrane_summary_of_findings():
    # Hayden 2021, CD009790, Summary of findings tables 1 and 2 (PMC8477273).
    rows = {(r["comparison"], r["outcome"]): r for r in load_table(EFFECTS_TABLE).rows}
    expected = {
        ("no_treatment_usual_care_placebo", "pain"): (15, 12, 18, 35, 2746, "moderate", 15),
        ("no_treatment_usual_care_placebo", "function"): (7, 5, 8, 38, 2942, "moderate", 10),
        ("other_conservative_treatment", "pain"): (9, 6, 13, 64, 6295, "low", 15),
        ("other_conservative_treatment", "function"): (4, 2, 6, 52, 6004, "moderate", 10),
    }
    assert set(rows) == set(expected)
    for key, values in expected.items():
        r = rows[key]
        assert (r["points_better"], r["lower"], r["upper"], r["studies"], r["participants"], r["certainty"],
                r["review_threshold"]) == values
        assert r["lower"] <= r["points_better"] <= r["upper"]
    table = load_table(EFFECTS_TABLE)
    assert table.source == "hayden-2021-exercise-chronic-lbp" and "CD009790" in table.citation
    assert "Hayden" in source_note(EFFECTS_TABLE).data


def test_every_rule_names_known_sources():
    bib = bibliography()
    assert set(SOURCES) == set(CATEGORIES)
    for ids in SOURCES.values():
        assert ids and all(i in bib and i in SOURCE_NAMES for i in ids)


# --- figures ---------------------------------------------------------------------------------

def test_effects_figure_plots_only_the_published_numbers():
    fig = effects_figure()
    assert len(fig.data) == 2
    for trace in fig.data:
        rows = [r for r in effect_rows() if r["outcome"] == trace.meta]
        assert list(trace.x) == [r["points_better"] for r in rows]
        assert list(trace.error_x.array) == [r["upper"] - r["points_better"] for r in rows]
        assert list(trace.error_x.arrayminus) == [r["points_better"] - r["lower"] for r in rows]
        assert list(trace.marker.symbol) == [CERTAINTY_SYMBOL[r["certainty"]] for r in rows]
        assert all("certainty" in text for text in trace.text)  # certainty in words, not only by symbol
    lines = [shape for shape in fig.layout.shapes if shape.type == "line"]
    assert sorted(line.x0 for line in lines) == [10, 15]
    assert {line.line.dash for line in lines} == {"dash", "dot"}  # line style, not colour alone


def test_kinds_figure_has_six_labelled_cards():
    fig = kinds_figure()
    texts = " ".join(a.text for a in fig.layout.annotations)
    assert len(KINDS) == 6 and len({k["id"] for k in KINDS}) == 6
    for kind in KINDS:
        assert kind["name"] in texts
    assert texts.count("Works on") == 6
    assert fig.layout.xaxis.visible is False


def test_plan_figure_is_labelled_an_example():
    fig = plan_figure()
    assert fig.layout.title.text.startswith("EXAMPLE ONLY")
    assert any(a.text == PLAN_NOTE for a in fig.layout.annotations)
    assert "not data and not a prescription" in PLAN_NOTE
    weeks = sorted(w for trace in fig.data for w in trace.x)
    assert weeks == list(range(1, 11))
    assert len({trace.marker.pattern.shape for trace in fig.data}) == len(fig.data)  # a pattern per rule


# --- the example plan ------------------------------------------------------------------------

def test_example_plan_follows_the_rules():
    plan = example_plan()
    assert [w.minutes for w in plan] == [5, 7, 9, 11, 13, 5, 5, 7, 9, 11]
    assert [w.action for w in plan] == ["start", STEP_UP, STEP_UP, STEP_UP, STEP_UP, EASE_BACK, KEEP_STEADY,
                                        STEP_UP, STEP_UP, STEP_UP]
    no_flare = example_plan(start_minutes=10, step_minutes=5, weeks=3, flare_weeks=())
    assert [w.minutes for w in no_flare] == [10, 15, 20]


@pytest.mark.parametrize("kwargs, field", [
    ({"start_minutes": 0}, "start_minutes"), ({"start_minutes": -5}, "start_minutes"),
    ({"start_minutes": "five"}, "start_minutes"), ({"start_minutes": math.nan}, "start_minutes"),
    ({"start_minutes": 10_000}, "start_minutes"), ({"step_minutes": True}, "step_minutes"),
    ({"weeks": 0}, "weeks"), ({"weeks": 2.5}, "weeks"), ({"weeks": 500}, "weeks"),
    ({"flare_weeks": (11,)}, "flare_weeks"), ({"flare_weeks": 3}, "flare_weeks"),
    ({"flare_weeks": ("5",)}, "flare_weeks"),
])
def test_example_plan_rejects_bad_input(kwargs, field):
    with pytest.raises(ExerciseInputError, match=f"^{field}: ") as caught:
        example_plan(**kwargs)
    assert caught.value.field == field and isinstance(caught.value, ValueError)


# --- the checker: every branch -----------------------------------------------------------------

@pytest.mark.parametrize("sign", list(triage.group("cauda-equina")))
def test_emergency_signs_come_first(sign):
    result = check_exercise(emergency_signs=[sign], clinician_signs=["new-numbness"], **CALM)
    assert result.category == EMERGENCY and "emergency" in result.headline
    assert "cauda equina" in result.reasons[0] and result.sources == ("bass-2018-cauda-equina",)


def test_emergency_signs_are_not_hidden_by_missing_later_answers():
    assert check_exercise(emergency_signs=["both-legs"]).category == EMERGENCY


@pytest.mark.parametrize("sign", list(CLINICIAN_SIGN_IDS))
def test_clinician_signs_stop_the_exercise(sign):
    result = check_exercise(clinician_signs=[sign], pain_after="more", weeks_at_this_amount=0, used_to_it="no")
    assert result.category == SEE_CLINICIAN and result.reasons[0].startswith(triage.sign(sign).text)
    assert check_exercise(clinician_signs=[sign]).category == SEE_CLINICIAN


def test_pain_higher_afterwards_means_ease_back():
    result = check_exercise(pain_after="more", weeks_at_this_amount=3, used_to_it="yes")
    assert result.category == EASE_BACK and "much lower amount" in result.headline


@pytest.mark.parametrize("weeks, used, reason", [
    (0, "yes", "less than a week"), (0.5, "yes", "less than a week"),
    (2, "no", "not yet got used"), (2, "not_sure", "not sure"), (0, "no", "less than a week"),
])
def test_keep_steady_until_a_week_and_used_to_it(weeks, used, reason):
    result = check_exercise(pain_after="less_or_same", weeks_at_this_amount=weeks, used_to_it=used)
    assert result.category == KEEP_STEADY and any(reason in r for r in result.reasons)


@pytest.mark.parametrize("weeks", [1, 1.0, 6, 104])
def test_step_up_after_a_settled_week(weeks):
    result = check_exercise(**{**CALM, "weeks_at_this_amount": weeks})
    assert result.category == STEP_UP and "small" in result.headline
    assert result.name == "Take a small step up"


def test_sign_order_and_repeats_do_not_matter():
    result = check_exercise(clinician_signs=("fever", "new-weakness", "fever"), **CALM)
    assert [reason.split(" (")[0] for reason in result.reasons] == [
        triage.sign("new-weakness").text, triage.sign("fever").text]
    assert check_exercise(emergency_signs=None, clinician_signs=None, **CALM).category == STEP_UP


@pytest.mark.parametrize("kwargs, field, words", [
    ({"emergency_signs": ["made-up"]}, "emergency_signs", "unknown sign"),
    ({"emergency_signs": "both-legs"}, "emergency_signs", "list of sign names"),
    ({"clinician_signs": [42]}, "clinician_signs", "unknown sign"),
    ({"clinician_signs": 7}, "clinician_signs", "list of sign names"),
    ({"pain_after": None}, "pain_after", "missing"),
    ({"pain_after": "awful"}, "pain_after", "not an allowed answer"),
    ({"weeks_at_this_amount": None}, "weeks_at_this_amount", "missing"),
    ({"weeks_at_this_amount": -1}, "weeks_at_this_amount", "outside the allowed range"),
    ({"weeks_at_this_amount": 1e9}, "weeks_at_this_amount", "outside the allowed range"),
    ({"weeks_at_this_amount": math.inf}, "weeks_at_this_amount", "outside the allowed range"),
    ({"weeks_at_this_amount": math.nan}, "weeks_at_this_amount", "outside the allowed range"),
    ({"weeks_at_this_amount": "two"}, "weeks_at_this_amount", "not a number"),
    ({"weeks_at_this_amount": True}, "weeks_at_this_amount", "not a number"),
    ({"used_to_it": "maybe"}, "used_to_it", "not an allowed answer"),
    ({"used_to_it": None}, "used_to_it", "missing"),
])
def test_bad_input_raises_a_clear_error(kwargs, field, words):
    with pytest.raises(ExerciseInputError) as caught:
        check_exercise(**{**CALM, **kwargs})
    assert caught.value.field == field and words in caught.value.problem
    assert str(caught.value).startswith(f"{field}: ")


# --- the card and the widget -------------------------------------------------------------------

def test_cards_name_sources_and_say_not_advice():  # the error card's escaping: tests/course/test_every_lesson.py
    card = advice_card(check_exercise(**CALM))
    assert "Take a small step up" in card and "Sherwood Forest" in card and "not advice for you" in card
    urgent = advice_card(check_exercise(emergency_signs=["bladder-bowel"]))
    assert 'role="alert"' in urgent and "⚠" in urgent
    assert isinstance(run_check(**{**CALM, "pain_after": "<script>alert(1)</script>"}), ExerciseInputError)


def test_widget_follows_the_answers():
    check = ExerciseCheck()
    assert "Keep to the same amount" in check.card.value  # the starting answers: 0 weeks, not sure
    check.weeks.value = 3
    check.used_to_it.value = "yes"
    assert "Take a small step up" in check.card.value
    check.pain_after.value = "more"
    assert "Ease back" in check.card.value
    check.clinician_boxes["new-weakness"].value = True
    assert "see a clinician" in check.card.value and 'role="alert"' in check.card.value
    check.emergency_boxes["saddle-numbness"].value = True
    assert "Get emergency help now" in check.card.value
    check.reset_button.click()
    assert check.answers() == {"emergency_signs": [], "clinician_signs": [], "pain_after": "less_or_same",
                               "weeks_at_this_amount": 0, "used_to_it": "not_sure"}
    assert "Keep to the same amount" in check.card.value
    assert check._repr_mimebundle_()["text/plain"].startswith("How did that exercise go?")


def test_widget_shows_a_message_for_bad_input_not_a_traceback():
    check = ExerciseCheck()
    check.weeks.value = -4
    assert "Please check an answer" in check.card.value and "Question 3" in check.card.value
    check.weeks.value = 500
    assert "outside the allowed range" in check.card.value
    check.weeks.value = 2
    check.used_to_it.value = "yes"
    assert "Take a small step up" in check.card.value
