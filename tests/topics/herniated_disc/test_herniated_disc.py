"""Lesson 03 (herniated disc): the root rule, the published tables, the figures and the explorer."""

from __future__ import annotations

import pytest

from lessons.kit.palette import OKABE_ITO, ROOT_COLOURS
from lessons.kit.tables import load_table
from lessons.topics.herniated_disc.figures import (
    DISC_TYPES,
    disc_from_above_figure,
    disc_types_figure,
    regression_figure,
    slr_accuracy_figure,
)
from lessons.topics.herniated_disc.model import root_pressed, where_felt
from lessons.topics.herniated_disc.widgets import HerniationExplorer, herniation_card
from tests.conftest import shown_figure

# level, position -> (roots usually pressed, kind). Radiopaedia: subarticular -> the root below
# (traversing); foraminal/extraforaminal -> the root at the same level (exiting); central -> several.
EXPECTED = {
    ("L3-L4", "paracentral"): (("L4",), "traversing"),
    ("L4-L5", "paracentral"): (("L5",), "traversing"),
    ("L5-S1", "paracentral"): (("S1",), "traversing"),
    ("L3-L4", "foraminal"): (("L3",), "exiting"),
    ("L4-L5", "foraminal"): (("L4",), "exiting"),
    ("L5-S1", "foraminal"): (("L5",), "exiting"),
    ("L3-L4", "central"): (("L4", "L5", "S1"), "several"),
    ("L4-L5", "central"): (("L5", "S1"), "several"),
    ("L5-S1", "central"): (("S1",), "several"),
}


@pytest.mark.parametrize(("level", "position"), sorted(EXPECTED))
def test_root_pressed_for_every_level_and_position(level, position):
    pressed = root_pressed(level, position)
    assert (pressed.roots, pressed.kind) == EXPECTED[(level, position)]
    assert pressed.emergency == (position == "central")
    assert pressed.exiting == level[:2] and pressed.traversing == level[3:]


def test_root_pressed_accepts_the_usual_ways_of_writing():
    assert root_pressed("L4–L5", "far lateral").roots == ("L4",)
    assert root_pressed("l4/l5", "Subarticular").roots == ("L5",)
    assert root_pressed(" L5-S1 ", "extraforaminal").roots == ("L5",)
    assert root_pressed("L4-L5", "posterolateral").level_label == "L4–L5"


def test_chiu_table_matches_the_paper():
    table = load_table("chiu_2015_disc_regression")
    values = {(row["herniation_type"], row["measure"]): row["percent"] for row in table.rows}
    assert values == {
        ("sequestration", "any_regression"): 96, ("extrusion", "any_regression"): 70,
        ("protrusion", "any_regression"): 41, ("bulging", "any_regression"): 13,
        ("sequestration", "complete_resolution"): 43, ("extrusion", "complete_resolution"): 15,
    }
    assert table.source == "chiu-2015-disc-regression" and "Clin Rehabil 2015" in table.citation


def test_deville_table_matches_the_paper():
    table = load_table("deville_2000_slr_accuracy")
    values = {(row["test"], row["measure"]): (row["estimate"], row["lower"], row["upper"]) for row in table.rows}
    assert values == {
        ("straight_leg_raise", "sensitivity"): (0.91, 0.82, 0.94),
        ("straight_leg_raise", "specificity"): (0.26, 0.16, 0.38),
        ("crossed_straight_leg_raise", "sensitivity"): (0.29, 0.24, 0.34),
        ("crossed_straight_leg_raise", "specificity"): (0.88, 0.86, 0.90),
    }
    assert table.source == "deville-2000"


def test_disc_types_figure_shows_four_shapes_with_pattern_and_words():
    fig = disc_types_figure()
    escaped = [t for t in fig.data if t.meta]
    assert [t.meta[0] for t in escaped] == [kind for kind, _, _ in DISC_TYPES]
    assert all(t.fillpattern.shape == "x" for t in escaped)
    titles = " ".join(a.text for a in fig.layout.annotations)
    for word in ("Bulge", "Protrusion", "Extrusion", "Sequestration", "back"):
        assert word in titles


def test_regression_figure_draws_the_table_with_numbers_on_the_bars():
    fig = regression_figure()
    bars = {t.meta[0]: t for t in fig.data}
    assert list(bars["any_regression"].x) == [13, 41, 70, 96]
    assert list(bars["complete_resolution"].x) == [15, 43]
    assert list(bars["any_regression"].text) == ["13%", "41%", "70%", "96%"]
    assert bars["any_regression"].marker.pattern.shape != bars["complete_resolution"].marker.pattern.shape
    assert {bars[m].marker.color for m in bars} <= set(OKABE_ITO.values())
    notes = [a.text for a in fig.layout.annotations]
    assert notes.count("went away completely: not reported") == 2


def test_slr_figure_shows_estimates_and_confidence_intervals():
    fig = slr_accuracy_figure()
    bars = {t.meta[0]: t for t in fig.data}
    assert list(bars["sensitivity"].x) == pytest.approx([91, 29])
    assert list(bars["specificity"].x) == pytest.approx([26, 88])
    assert list(bars["sensitivity"].text) == ["91 in 100", "29 in 100"]
    assert list(bars["specificity"].error_x.array) == pytest.approx([12, 2])
    assert list(bars["specificity"].error_x.arrayminus) == pytest.approx([10, 2])


def test_disc_from_above_marks_the_pressed_root_in_words_and_outline():
    fig = disc_from_above_figure(root_pressed("L4-L5", "foraminal"))
    roots = [t for t in fig.data if t.meta and t.meta[0] in ("L4", "L5")]
    pressed = [t for t in roots if t.meta[2] == "pressed"]
    assert [(t.meta[0], t.meta[1]) for t in pressed] == [("L4", "exiting root")]
    assert pressed[0].fillcolor == ROOT_COLOURS["L4"] and pressed[0].line.width > 2
    assert any(a.text == "<b>L4 pressed</b>" for a in fig.layout.annotations)
    herniation = [t for t in fig.data if t.meta and t.meta[0] == "herniation"]
    assert herniation[0].meta[1] == "foraminal"


def test_central_herniation_presses_both_sides_and_warns():
    fig = disc_from_above_figure(root_pressed("L5-S1", "central"))
    pressed = [t for t in fig.data if t.meta and len(t.meta) == 3 and t.meta[2] == "pressed"]
    assert [t.meta[0] for t in pressed] == ["S1", "S1"]
    assert any("cauda equina" in a.text for a in fig.layout.annotations)
    l3 = disc_from_above_figure(root_pressed("L3-L4", "foraminal"))
    assert [t.fillcolor for t in l3.data if t.meta and t.meta[0] == "L3" and t.meta[2] == "pressed"] == [
        OKABE_ITO["reddish_purple"]]


def test_card_names_the_root_explains_and_warns_only_when_central():
    card = herniation_card("L4-L5", "paracentral")
    assert "usually the L5 root" in card and "traversing root" in card and "Where L5 is usually felt" in card
    assert "Emergency" not in card
    central = herniation_card("L4-L5", "central")
    assert 'role="alert"' in central and "Warning: pressure on the cauda equina" in central
    assert "Where L5 is usually felt" in central and "Where S1 is usually felt" in central
    assert "front of the thigh" in herniation_card("L3-L4", "foraminal")
    assert "<script" not in card


def test_where_felt_uses_the_leg_map_data():
    assert "top of the foot" in where_felt("L5")
    assert "front of the thigh" in where_felt("L3")


def test_explorer_follows_the_pickers():
    explorer = HerniationExplorer()
    assert "usually the L5 root" in explorer.card.value
    assert shown_figure(explorer.leg_figure)["layout"]["title"]["text"] == "Where L5 is usually felt"
    explorer.level_picker.value = "L5-S1"
    assert "usually the S1 root" in explorer.card.value
    explorer.position_picker.value = "foraminal"
    assert "usually the L5 root" in explorer.card.value
    assert shown_figure(explorer.disc_figure)["layout"]["title"]["text"] == "The L5–S1 disc seen from above"
    explorer.position_picker.value = "central"
    assert "Warning: pressure on the cauda equina" in explorer.card.value
    assert shown_figure(explorer.leg_figure)["layout"]["title"]["text"] == "Where L4, L5 and S1 are usually felt"
    explorer.level_picker.value = "L3-L4"
    explorer.position_picker.value = "foraminal"
    assert "usually the L3 root" in explorer.card.value
    assert explorer.leg_figure.outputs == ()  # L3 is not on the leg map
    assert shown_figure(explorer.disc_figure)["layout"]["title"]["text"] == "The L3–L4 disc seen from above"


def test_explorer_shows_a_message_not_a_traceback_for_bad_input():
    explorer = HerniationExplorer()
    explorer.show("L2-L3", "central")
    assert "not a disc level" in explorer.card.value
    assert explorer.disc_figure.outputs == () and explorer.leg_figure.outputs == ()
    explorer.position_picker.value = None
    assert "not a position" in explorer.card.value
    explorer.position_picker.value = "paracentral"
    assert "usually the L5 root" in explorer.card.value


def test_explorer_plain_text_and_keyboard_controls():
    explorer = HerniationExplorer()
    assert explorer._repr_mimebundle_()["text/plain"].startswith("Herniated disc explorer")
    assert type(explorer.position_picker).__name__ == "RadioButtons"
    assert [label for label, _ in explorer.level_picker.options] == ["L3–L4", "L4–L5", "L5–S1"]
