"""Lesson 06 (muscle strain): published data, figures, and the two widgets driven from Python."""

from __future__ import annotations

import pytest

from lessons.kit import triage
from lessons.kit.tables import load_table
from lessons.topics.muscle_strain.figures import (
    FIRST_MONTH_TABLE,
    JOIN_NOTE,
    TIME_POINTS,
    first_month_figure,
    recovery_figure,
    recovery_points,
)
from lessons.topics.muscle_strain.model import (
    RECOVERY_TABLE,
    clue_card,
    clue_set,
    sort_clues,
    timepoint_text,
)
from lessons.topics.muscle_strain.widgets import RecoveryTimeline, ReferredOrRootSorter
from tests.conftest import shown_figure

CLUES = clue_set().clues
NOT_A_DIAGNOSIS = clue_set().closing

# --- the published numbers -------------------------------------------------------------------

def test_recovery_table_matches_the_menezes_costa_abstract():
    # CMAJ 2012;184(11):E613-24, abstract: mean pain (0-100) with 95% CI.
    assert [(r["pain"], r["lower"], r["upper"]) for r in recovery_points("acute")] == [
        (52, 48, 57), (23, 21, 25), (12, 9, 15), (6, 3, 10)]
    assert [(r["pain"], r["lower"], r["upper"]) for r in recovery_points("persistent")] == [
        (51, 44, 59), (33, 29, 38), (26, 20, 33), (23, 16, 30)]
    assert [r["week"] for r in recovery_points("acute")] == [0, 6, 26, 52]
    table = load_table(RECOVERY_TABLE)
    assert table.source == "menezes-costa-2012-prognosis" and "CMAJ 2012" in table.citation


def test_first_month_table_matches_the_pengel_abstract():
    # BMJ 2003;327:323: 58% pain, 58% disability, 82% back at work in one month; 73% recurrence.
    table = load_table(FIRST_MONTH_TABLE)
    assert dict(zip(table.column("measure"), table.column("percent"), strict=True)) == {
        "pain_fall_first_month": 58, "disability_fall_first_month": 58,
        "back_at_work_first_month": 82, "recurrence_12_months": 73}
    assert table.source == "pengel-2003" and "BMJ 2003" in table.citation


# --- figures ---------------------------------------------------------------------------------

def test_recovery_figure_plots_only_published_points():
    fig = recovery_figure()
    assert len(fig.data) == 2
    for trace in fig.data:
        rows = recovery_points(trace.meta)
        assert list(trace.x) == [r["week"] for r in rows]
        assert list(trace.y) == [r["pain"] for r in rows]
        assert list(trace.error_y.array) == [r["upper"] - r["pain"] for r in rows]
        assert list(trace.error_y.arrayminus) == [r["pain"] - r["lower"] for r in rows]
    # never colour alone: different markers and line styles, and the joining lines are explained
    assert {t.marker.symbol for t in fig.data} == {"circle", "square"}
    assert {t.line.dash for t in fig.data} == {"solid", "dash"}
    assert any(a.text == JOIN_NOTE for a in fig.layout.annotations)


def test_recovery_figure_highlights_a_time_point():
    fig = recovery_figure(highlight="26 weeks")
    (band,) = fig.layout.shapes
    assert band.x0 < 26 < band.x1
    with pytest.raises(ValueError, match="unknown time point"):
        recovery_figure(highlight="3 days")


def test_first_month_figure_labels_every_bar():
    (bar,) = first_month_figure().data
    assert list(bar.x) == [58, 58, 82, 73]
    assert list(bar.text) == ["58%", "58%", "82%", "73%"]
    assert list(bar.marker.pattern.shape) == ["", "", "", "/"]  # the 12-month bar differs by pattern too


# --- the clue sorter: pure logic ---------------------------------------------------------------

def test_referred_clues_fit_referred_pain():
    result = sort_clues(["buttock-ache", "hard-to-place"])
    assert result.ok is True and "referred pain" in result.headline and not result.show_map


def test_numbness_points_to_a_root_and_the_map():
    result = sort_clues(["numb-top-foot"])
    assert result.root == "L5" and result.show_map and "nerve-root" in result.headline
    assert sort_clues(["weak-tiptoe", "numb-outer-foot"]).root == "S1"


def test_mixed_clues_say_so():
    result = sort_clues(["buttock-ache", "weak-foot-lift"])
    assert result.headline.startswith("A mix") and "not caused by referred pain" in result.headline
    two_roots = sort_clues(["numb-top-foot", "weak-tiptoe"])
    assert two_roots.root is None and "more than one root" in two_roots.headline


def test_neutral_clues_do_not_decide():
    assert "do not tell" in sort_clues(["bending-hurts", "after-lifting"]).headline


@pytest.mark.parametrize("clue, level", [("saddle-bladder", "emergency"), ("both-legs", "emergency"),
                                         ("worse-weakness", "emergency"), ("fever", "urgent"),
                                         ("major-injury", "emergency")])
def test_warning_signs_override_everything_with_their_triage_level(clue, level):
    result = sort_clues(["buttock-ache", clue])
    assert result.urgent and result.ok is False and triage.level(level).lead in result.headline
    assert "role=\"alert\"" in clue_card(result)


def test_bad_input_gives_a_message_not_an_error():
    assert sort_clues(None).ok is None
    assert sort_clues([]).ok is None
    assert "Unknown clue" in sort_clues(["made-up"]).headline
    assert "Unknown clue" in sort_clues([42]).headline
    assert "list of clue names" in sort_clues("shooting").headline
    assert "list of clue names" in sort_clues(7).headline


def test_every_card_says_it_is_not_a_diagnosis():  # its escaping: tests/course/test_every_lesson.py
    for clue in CLUES:
        card = clue_card(sort_clues([clue.id]))
        assert "This is not a diagnosis" in card and NOT_A_DIAGNOSIS.startswith("This is not")


def test_clue_ids_are_unique():
    assert len({clue.id for clue in CLUES}) == len(CLUES)


# --- the widgets -----------------------------------------------------------------------------

def test_sorter_widget_follows_the_ticks():
    sorter = ReferredOrRootSorter()
    assert "Tick the clues" in sorter.card.value and sorter.figure.outputs == ()
    sorter.boxes["numb-outer-foot"].value = True
    assert "S1 area" in sorter.card.value
    assert shown_figure(sorter.figure)["layout"]["title"]["text"] == "Where S1 is usually felt"
    sorter.boxes["fever"].value = True
    assert triage.level("urgent").lead in sorter.card.value
    sorter.clear_button.click()
    assert sorter.selected() == [] and sorter.figure.outputs == ()
    assert sorter._repr_mimebundle_()["text/plain"].startswith("Referred or nerve root?")


def test_timeline_text_and_bad_input():
    assert "23 out of 100 (95% CI 21 to 25)" in timepoint_text("6 weeks")
    assert "23 (16 to 30)" in timepoint_text("52 weeks")
    assert timepoint_text("tomorrow").startswith("Unknown time point")


def test_timeline_widget_moves_the_highlight():
    timeline = RecoveryTimeline()
    assert timeline.slider.options == TIME_POINTS
    timeline.slider.value = "26 weeks"
    assert "At 26 weeks" in timeline.text.value
    figure = shown_figure(timeline.figure)
    (band,) = figure["layout"]["shapes"]
    assert band["x0"] < 26 < band["x1"]
    timeline.show("never")  # a bad value from code: a message, no traceback, figure unchanged
    assert "Unknown time point" in timeline.text.value
    assert timeline._repr_mimebundle_()["text/plain"].startswith("Recovery timeline")
