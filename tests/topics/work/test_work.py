"""Lesson 15b (back pain and work): HSE's guideline weights, the NIOSH best case, the comparison, figure and widget."""

from __future__ import annotations

import math

import pytest

from lessons.kit.data import ContentError
from lessons.kit.tables import load_table, source_note
from lessons.topics.posture.model import LiftInputError, multipliers, recommended_weight_limit
from lessons.topics.work import model
from lessons.topics.work.figures import REACH_STYLE, hse_weights_figure
from lessons.topics.work.model import (
    ABOVE_DIAGRAM,
    BEST_CASE,
    BEYOND_REACH,
    HSE_TABLE,
    REACHES,
    SEXES,
    TEXTS_FILE,
    ZONES,
    WorkInputError,
    compare,
    comparison_markdown,
    hse_filter,
    hse_weights,
    load_texts,
    niosh_limit,
    texts,
)
from lessons.topics.work.widgets import LiftComparison, card_for, comparison_card, problem_card
from tests.conftest import broken_copy, load_error

SCRIPT = "<script>alert(1)</script>"

# HSE's diagram as the NHS training booklet's text of it gives it (close, extended), top zone first; see
# lessons/topics/work/content/tables/hse_guideline_weights.yml for how each figure was checked.
DIAGRAM = {
    "women": [(7, 3), (13, 7), (16, 10), (13, 7), (7, 3)],
    "men": [(10, 5), (20, 10), (25, 15), (20, 10), (10, 5)],
}


# --- the published numbers -------------------------------------------------------------------------

def test_the_table_is_hses_diagram():
    weights = hse_weights()
    assert len(weights) == len(ZONES) * len(SEXES) * len(REACHES) == 20
    for sex, rows in DIAGRAM.items():
        for zone, (close, extended) in zip(ZONES, rows, strict=True):
            assert (weights[(zone, sex, "close")], weights[(zone, sex, "extended")]) == (close, extended)
    assert max(weights.values()) == 25 and weights[("knuckle_to_elbow", "women", "close")] == 16


def test_every_box_is_smaller_with_the_arms_extended_and_for_women():
    weights = hse_weights()
    for zone in ZONES:
        for sex in SEXES:
            assert weights[(zone, sex, "extended")] < weights[(zone, sex, "close")]
        for reach in REACHES:
            assert weights[(zone, "women", reach)] < weights[(zone, "men", reach)]


def test_the_source_note_says_filter_not_safe_limit():
    table = load_table(HSE_TABLE)
    note = source_note(HSE_TABLE).data
    assert "INDG143" in note and "NOT A SAFE LIMIT" in note and "not safe limits" in table.note


# --- HSE's filter ------------------------------------------------------------------------------------

def test_hse_filter_inside_and_outside_the_boxes():
    inside = hse_filter("elbow_to_shoulder", "extended")
    assert inside.inside and inside.weights == {"women": 7, "men": 10}
    for zone, reach in ((ABOVE_DIAGRAM, "close"), ("knuckle_to_elbow", BEYOND_REACH), (ABOVE_DIAGRAM, BEYOND_REACH)):
        outside = hse_filter(zone, reach)
        assert not outside.inside and outside.weights is None


@pytest.mark.parametrize("zone, reach, field", [
    ("kidney", "close", "zone"), (None, "close", "zone"), ("knuckle_to_elbow", "far", "reach"),
    ("knuckle_to_elbow", 3, "reach"), (["knuckle_to_elbow"], "close", "zone"),
])
def test_unknown_choices_are_refused_by_name(zone, reach, field):
    with pytest.raises(WorkInputError, match="not one of the choices") as caught:
        hse_filter(zone, reach)
    assert caught.value.field == field and isinstance(caught.value, ValueError)


# --- NIOSH's best case ---------------------------------------------------------------------------------

def test_the_best_case_leaves_only_hm_and_vm():
    m = multipliers(40, 30, BEST_CASE["d"], BEST_CASE["a"], BEST_CASE["frequency"], BEST_CASE["duration"],
                    BEST_CASE["coupling"])
    assert (m["DM"], m["AM"], m["FM"], m["CM"]) == (1, 1, 1, 1)


@pytest.mark.parametrize("v, h, rwl", [
    (75, 25, 23.0),                               # the ideal lift: the load constant itself
    (30, 40, 23 * (25 / 40) * (1 - 0.003 * 45)),  # lesson 15's worked example, hand position only
    (0, 25, 23 * (1 - 0.003 * 75)),               # from the floor
    (75, 10, 23.0),                               # H under 25 cm counts as 25
])
def test_niosh_limit_is_23_kg_times_hm_times_vm(v, h, rwl):
    result = niosh_limit(v, h)
    assert result.inside and math.isclose(result.rwl, rwl)
    assert math.isclose(result.rwl, recommended_weight_limit(h, v, 25, 0, 0.2, "short", "good"))


def test_niosh_limit_outside_the_equation_names_each_input():
    result = niosh_limit(180, 70)
    assert not result.inside and result.rwl == 0
    assert [field for field, _why in result.outside] == ["horizontal", "vertical"]
    assert [field for field, _why in niosh_limit(75, 64).outside] == ["horizontal"]
    assert niosh_limit(175, 63).inside                        # the limits themselves are inside


# --- one lift, two methods ----------------------------------------------------------------------------

def test_compare_gives_both_answers_and_no_conversion():
    result = compare("knuckle_to_elbow", "close", "75", "25")
    assert result.error is None and result.hse.weights == {"women": 16, "men": 25}
    assert math.isclose(result.niosh.rwl, 23)
    # The HSE zone never changes the NIOSH answer, and V never changes HSE's: no conversion either way.
    other = compare("floor_to_lower_leg", "extended", "75", "25")
    assert other.niosh == result.niosh and other.hse.weights == {"women": 3, "men": 5}
    assert compare("knuckle_to_elbow", "close", "0", "60").hse == result.hse


@pytest.mark.parametrize("zone, reach, v, h, field", [
    ("knuckle_to_elbow", "close", "abc", "25", "vertical"),
    ("knuckle_to_elbow", "close", "", "25", "vertical"),
    ("knuckle_to_elbow", "close", "-5", "25", "vertical"),
    ("knuckle_to_elbow", "close", "75", "1e308", "horizontal"),
    ("knuckle_to_elbow", "close", "75", "nan", "horizontal"),
    ("knuckle_to_elbow", "close", "75", "0", "horizontal"),
    ("knuckle_to_elbow", "close", "75", SCRIPT, "horizontal"),
    ("kidney", "close", "75", "25", "zone"),
])
def test_bad_input_comes_back_as_a_message(zone, reach, v, h, field):
    result = compare(zone, reach, v, h)
    assert result.hse is None and result.niosh is None
    assert isinstance(result.error, (LiftInputError, WorkInputError)) and result.error.field == field
    assert 0 < len(str(result.error)) <= 500 and "inf" not in str(result.error).split()


def test_the_markdown_always_carries_the_warning():
    words = texts()["widget"]
    for text in (comparison_markdown("knuckle_to_elbow", "close", 75, 25),
                 comparison_markdown(ABOVE_DIAGRAM, BEYOND_REACH, 180, 70)):
        assert words["not_a_guarantee"] in text
    outside = comparison_markdown(ABOVE_DIAGRAM, BEYOND_REACH, 180, 70)
    assert words["hse_outside"] in outside and words["niosh_outside"] in outside and "63 cm" in outside
    assert words["h_counts_as_25"] in comparison_markdown("knuckle_to_elbow", "close", 75, 10)
    assert comparison_markdown("knuckle_to_elbow", "close", "x", 25).startswith("**Not worked out.**")


# --- cards and widget ---------------------------------------------------------------------------------

def test_cards_escape_what_they_show():
    bad = compare("knuckle_to_elbow", "close", "75", SCRIPT)
    html = card_for(bad)
    assert "<script" not in html and "&lt;script&gt;" in html and 'role="status"' in html
    assert problem_card(WorkInputError("zone", "'<b>x</b>' is not one of the choices")).count("<b>") == 0
    good = comparison_card(compare("knuckle_to_elbow", "extended", "75", "50"))
    assert "16" not in good.split("women")[1][:30]       # the extended value, 10 kg, not the close one
    assert "10 kg" in good and "15 kg" in good and "11.5 kg" in good
    assert "HSE&#x27;s" in good   # course text is escaped too


def test_the_widget_compares_and_never_raises():
    widget = LiftComparison()
    assert "16 kg" in widget.card.value and "23.0 kg" in widget.card.value
    widget.reach.value = BEYOND_REACH
    widget.h.value = "70"
    widget.button.click()
    assert texts()["widget"]["hse_outside"].replace("'", "&#x27;") in widget.card.value
    assert "63 cm" in widget.card.value
    widget.v.value = "ten"
    result = widget.compare()
    assert result.error is not None and "Compare again" in widget.card.value
    assert widget.plain_text == texts()["widget"]["plain_text"]


def test_the_widget_offers_every_zone_and_reach_in_order():
    widget = LiftComparison(zone="floor_to_lower_leg", reach="extended", v="10", h="50")
    assert [value for _label, value in widget.zone.options] == [ABOVE_DIAGRAM, *ZONES]
    assert [value for _label, value in widget.reach.options] == [*REACHES, BEYOND_REACH]
    assert "3 kg" in widget.card.value and "5 kg" in widget.card.value


# --- figure -------------------------------------------------------------------------------------------

def test_the_figure_draws_every_box_with_words_and_patterns():
    fig = hse_weights_figure()
    assert len(fig.data) == 4
    words = texts()
    for trace in fig.data:
        sex, reach = trace.meta.split("/")
        assert list(trace.x) == [hse_weights()[(zone, sex, reach)] for zone in ZONES]
        assert list(trace.y) == [words["zones"][zone] for zone in ZONES]
        assert list(trace.text) == [f"{value:g} kg" for value in trace.x]
        assert trace.marker.pattern.shape == REACH_STYLE[reach]["pattern"]
        assert trace.name == words["reaches"][reach]
    assert {trace.marker.pattern.shape for trace in fig.data} == {"", "/"}
    assert words["figures"]["filter_note"] in [a.text for a in fig.layout.annotations]


# --- content file -------------------------------------------------------------------------------------

def test_the_texts_load_and_a_broken_copy_names_the_field(tmp_path):
    assert load_texts(broken_copy(tmp_path, TEXTS_FILE, name="w.yml")) == texts()

    def drop_warning(document):
        del document["widget"]["not_a_guarantee"]

    error = load_error(load_texts, broken_copy(tmp_path, TEXTS_FILE, drop_warning, "broken_w.yml"))
    assert "not_a_guarantee" in str(error)

    def add_brace(document):
        document["widget"]["problem"] = "Check {box}"

    assert isinstance(load_error(load_texts, broken_copy(tmp_path, TEXTS_FILE, add_brace, "brace_w.yml")),
                      ContentError)


def test_every_zone_and_reach_has_words():
    words = texts()
    assert set(words["zones"]) == {ABOVE_DIAGRAM, *ZONES}
    assert set(words["reaches"]) == {*REACHES, BEYOND_REACH}
    assert model.SEXES == ("women", "men")
