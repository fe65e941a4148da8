"""Lesson 04 (spinal stenosis): data tables, figures, explorer rules and widgets."""

from __future__ import annotations

import pytest

from lessons.kit.tables import load_table
from lessons.topics.spinal_stenosis.figures import canal_posture_figure, stenosis_prevalence_figure
from lessons.topics.spinal_stenosis.widgets import (
    ActivityExplorer,
    NarrowingPlaceExplorer,
    activities,
    activity_card,
    narrowing_card,
)
from tests.conftest import shown_figure

# --- data: the numbers are the papers' ---------------------------------------------------------

def test_framingham_table_matches_the_abstract():
    table = load_table("kalichman_2009_stenosis_prevalence")
    assert table.column("group") == ["Under 40", "Aged 60 to 69", "Whole sample"]
    assert table.column("relative_pct") == [20.0, 47.2, 22.5]
    assert table.column("absolute_pct") == [4.0, 19.4, 7.3]
    assert table.source == "kalichman-2009-framingham-stenosis" and "Spine J 2009" in table.citation


def test_posture_table_matches_the_abstract():
    table = load_table("schmid_1999_canal_area_by_posture")
    assert dict(zip(table.column("back_position"), table.column("canal_area_mm2"), strict=True)) == {
        "flexion": 268.0, "extension": 224.0}
    assert table.source == "schmid-1999-canal-posture-mri" and "AJR" in table.citation


# --- figures ---------------------------------------------------------------------------------

def test_prevalence_figure_plots_the_table_with_labels_and_patterns():
    fig = stenosis_prevalence_figure()
    relative, absolute = fig.data
    assert list(relative.y) == [20.0, 47.2, 22.5] and list(absolute.y) == [4.0, 19.4, 7.3]
    assert list(absolute.text) == ["4.0%", "19.4%", "7.3%"]
    assert relative.marker.pattern.shape != absolute.marker.pattern.shape  # not colour alone


def test_posture_figure_shows_less_room_in_extension():
    fig = canal_posture_figure()
    (bars,) = fig.data
    assert list(bars.x) == [268.0, 224.0] and list(bars.meta) == ["flexion", "extension"]
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "44 mm² less room" in notes and "16%" in notes


@pytest.mark.parametrize("position", ["flexion", "extension"])
def test_posture_figure_highlights_one_posture(position):
    fig = canal_posture_figure(highlight=position)
    (bars,) = fig.data
    opacity = dict(zip(bars.meta, bars.marker.opacity, strict=True))
    assert opacity[position] == 1.0 and min(opacity.values()) < 1.0
    assert "closest measured posture" in " ".join(a.text for a in fig.layout.annotations)


def test_posture_figure_rejects_unknown_highlight():
    with pytest.raises(ValueError, match="highlight must be one of"):
        canal_posture_figure(highlight="sideways")


# --- pure rules ------------------------------------------------------------------------------

def test_postures_follow_the_sources():
    back = {item.id: item.back for item in activities()}
    assert back["walk-upright"] == back["stand-still"] == back["bend-backward"] == "extension"
    assert back["sit"] == back["lean-on-trolley"] == back["cycle"] == "flexion"


def test_activity_cards_contrast_the_two_kinds_of_claudication():
    card = activity_card("lean-on-trolley")
    assert "shopping-cart" in card and "more room for the nerves" in card
    assert "vascular claudication" in card and "Nadeau 2013" in card and "Schmid 1999" in card
    assert "Standing still usually eases" in activity_card("stand-still")
    assert "British Heart Foundation" in activity_card("walk-upright")


def test_narrowing_cards():
    assert "buttocks or legs on both sides" in narrowing_card("central")
    side = narrowing_card("side", "L5")
    assert "the L5 root" in side and "top of the foot" in side.lower()
    with pytest.raises(ValueError, match="Choose a nerve root"):
        narrowing_card("side")
    with pytest.raises(ValueError, match="Unknown place"):
        narrowing_card("everywhere")


# --- widgets, driven from Python ------------------------------------------------------------

def test_activity_explorer_follows_the_picker():
    explorer = ActivityExplorer()
    assert explorer.picker.value == "walk-upright"
    explorer.picker.value = "sit"
    assert "Sitting down" in explorer.card.value
    figure = shown_figure(explorer.figure)
    opacity = dict(zip(figure["data"][0]["meta"], figure["data"][0]["marker"]["opacity"], strict=True))
    assert opacity == {"flexion": 1.0, "extension": 0.3}
    assert explorer._repr_mimebundle_()["text/plain"].startswith("Activity explorer")


def test_activity_explorer_bad_start_gives_a_message_not_a_traceback():
    explorer = ActivityExplorer(start="fly")
    assert "not available" in explorer.card.value and "Choose one of" in explorer.card.value
    assert explorer.picker.value is None
    explorer.picker.value = "cycle"
    assert "bicycle test" in explorer.card.value


def test_narrowing_explorer_switches_between_central_and_one_root():
    explorer = NarrowingPlaceExplorer()
    assert explorer.root_picker.disabled and "central canal" in explorer.card.value
    assert shown_figure(explorer.figure)["layout"]["title"]["text"] == "Where L4, L5 and S1 are usually felt"
    explorer.place_picker.value = "side"
    assert not explorer.root_picker.disabled
    assert shown_figure(explorer.figure)["layout"]["title"]["text"] == "Where L5 is usually felt"
    explorer.root_picker.value = "S1"
    assert "the S1 root" in explorer.card.value
    assert shown_figure(explorer.figure)["layout"]["title"]["text"] == "Where S1 is usually felt"
