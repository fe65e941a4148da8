"""Lesson 08 (sciatica): its data tables, figures, clue-sorting logic and explorer widget."""

from __future__ import annotations

from lessons.kit import triage
from lessons.kit.palette import OKABE_ITO
from lessons.kit.tables import load_table
from lessons.topics.sciatica.figures import pregabalin_trial_figure, surgery_trial_figure
from lessons.topics.sciatica.model import (
    NO_NUMBNESS,
    RADICULAR,
    REFERRED,
    clue_set,
    clues_card,
    sort_clues,
)
from lessons.topics.sciatica.widgets import FollowThePainExplorer
from tests.conftest import shown_figure

CLUES = clue_set().clues

# --- data: the numbers must be the papers' -------------------------------------------------

def test_peul_table_matches_the_abstract():
    table = load_table("peul_2007_sciatica_surgery")
    assert table.column("group") == ["early_surgery", "prolonged_conservative"]
    assert table.column("group_size") == [141, 142]                 # 283 randomised
    assert table.column("had_surgery") == [125, 55]
    assert table.column("had_surgery_percent") == [89.0, 39.0]
    assert table.column("recovered_at_one_year_percent") == [95.0, 95.0]
    assert table.source == "peul-2007-early-surgery" and "N Engl J Med 2007" in table.citation


def test_peul_percentages_agree_with_the_head_counts():
    for row in load_table("peul_2007_sciatica_surgery").rows:
        assert round(100 * row["had_surgery"] / row["group_size"]) == row["had_surgery_percent"]


def test_mathieson_table_matches_the_abstract():
    table = load_table("mathieson_2017_pregabalin_sciatica")
    rows = {(r["group"], r["week"]): r for r in table.rows}
    assert rows[("pregabalin", 8)]["leg_pain_mean"] == 3.7 and rows[("placebo", 8)]["leg_pain_mean"] == 3.1
    assert rows[("pregabalin", 52)]["leg_pain_mean"] == 3.4 and rows[("placebo", 52)]["leg_pain_mean"] == 3.0
    assert (rows[("placebo", 8)]["adjusted_difference"], rows[("placebo", 8)]["difference_lower"],
            rows[("placebo", 8)]["difference_upper"]) == (0.5, -0.2, 1.2)
    assert (rows[("placebo", 52)]["adjusted_difference"], rows[("placebo", 52)]["difference_lower"],
            rows[("placebo", 52)]["difference_upper"]) == (0.3, -0.5, 1.0)
    assert table.source == "mathieson-2017-pregabalin-sciatica" and "2017;376" in table.citation


# --- figures --------------------------------------------------------------------------------

def test_surgery_figure_plots_the_table_with_labels_and_patterns():
    fig = surgery_trial_figure()
    bars = {trace.meta: trace for trace in fig.data}
    assert list(bars["early_surgery"].x) == [89, 95]
    assert list(bars["prolonged_conservative"].x) == [39, 95]
    assert bars["early_surgery"].text[0] == "89% (125 of 141)"
    assert bars["early_surgery"].marker.pattern.shape != bars["prolonged_conservative"].marker.pattern.shape
    assert {t.marker.color for t in fig.data} <= set(OKABE_ITO.values())
    assert fig.layout.xaxis.range[0] == 0 and fig.layout.xaxis.range[1] >= 100


def test_pregabalin_figure_plots_the_table_and_says_no_difference():
    fig = pregabalin_trial_figure()
    bars = {trace.meta: trace for trace in fig.data}
    assert list(bars["pregabalin"].y) == [3.7, 3.4] and list(bars["placebo"].y) == [3.1, 3.0]
    assert list(bars["pregabalin"].text) == ["3.7", "3.4"]
    assert bars["pregabalin"].marker.pattern.shape != bars["placebo"].marker.pattern.shape
    notes = [a.text for a in fig.layout.annotations]
    assert len(notes) == 2 and all("not a significant difference" in note for note in notes)
    assert "+0.5" in notes[0] and "-0.2 to +1.2" in notes[0]
    assert tuple(fig.layout.yaxis.range) == (0, 10)


# --- pure logic -----------------------------------------------------------------------------

def test_typical_l5_sciatica_sorts_as_radicular():
    result = sort_clues(["below-knee", "leg-worse", "shooting"], "top-of-foot")
    assert result.verdict == RADICULAR and result.root.id == "L5"
    card = clues_card(result)
    assert "fit radicular pain" in card and "<strong>L5</strong>" in card and "not a diagnosis" in card


def test_referred_clues_sort_as_referred_and_ties_are_mixed():
    assert sort_clues(["dull-ache", "above-knee", "back-worse"]).verdict == REFERRED
    assert sort_clues(["dull-ache", "shooting"]).verdict == "mixed"
    assert sort_clues([], NO_NUMBNESS).verdict == "none"
    assert sort_clues(None, None).verdict == "none"


def test_numbness_alone_counts_as_a_radicular_clue():
    result = sort_clues([], "outer-foot")
    assert result.verdict == RADICULAR and result.root.id == "S1"


def test_every_clue_has_a_side_and_a_reason():
    assert {c.leans for c in CLUES} == {RADICULAR, REFERRED}
    assert all(c.why and c.text for c in CLUES)
    assert len({c.id for c in CLUES}) == len(CLUES)


def test_weakness_brings_the_warning():
    assert triage.sentence(triage.group("cauda-equina")) in clues_card(sort_clues(["weak"]))
    assert triage.sentence(triage.group("cauda-equina")) not in clues_card(sort_clues(["shooting"]))


# --- the widget, driven from Python ---------------------------------------------------------

def test_explorer_follows_the_clues_and_the_map():
    explorer = FollowThePainExplorer()
    assert "Tick the clues" in explorer.card.value
    explorer.boxes["below-knee"].value = True
    explorer.boxes["leg-worse"].value = True
    explorer.area_picker.value = "back-of-calf"
    assert "fit radicular pain" in explorer.card.value and "<strong>S1</strong>" in explorer.card.value
    assert shown_figure(explorer.figure)["layout"]["title"]["text"] == "Where S1 is usually felt"
    assert explorer._repr_mimebundle_()["text/plain"].startswith("Follow-the-pain explorer")


def test_explorer_shows_a_message_for_contradicting_clues_then_recovers():
    explorer = FollowThePainExplorer()
    explorer.boxes["below-knee"].value = True
    explorer.boxes["above-knee"].value = True
    assert "cannot both be true" in explorer.card.value and "✘" in explorer.card.value
    explorer.boxes["above-knee"].value = False
    assert "fit radicular pain" in explorer.card.value


def test_explorer_show_handles_bad_values_without_a_traceback():
    explorer = FollowThePainExplorer()
    explorer.show(["no-such-clue"], "nowhere")
    assert "no clue called" in explorer.card.value


def test_clear_button_resets_everything():
    explorer = FollowThePainExplorer()
    explorer.boxes["dull-ache"].value = True
    explorer.area_picker.value = "inner-shin"
    explorer.clear_button.click()
    assert explorer.chosen() == [] and explorer.area_picker.value == NO_NUMBNESS
    assert "Tick the clues" in explorer.card.value
    assert shown_figure(explorer.figure)["layout"]["title"]["text"] == "Where L4, L5 and S1 are usually felt"
