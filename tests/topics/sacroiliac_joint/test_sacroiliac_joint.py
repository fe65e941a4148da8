"""Lesson 07 (sacroiliac joint): data tables, figures and the provocation-test cluster explorer."""

from __future__ import annotations

import pytest

from lessons.kit.palette import OKABE_ITO
from lessons.kit.tables import load_table
from lessons.topics.sacroiliac_joint.figures import cluster_tally_figure, provocation_accuracy_figure, referral_figure
from lessons.topics.sacroiliac_joint.model import FOUR_TESTS, PROVOCATION_TESTS, REMINDER, cluster_result
from lessons.topics.sacroiliac_joint.widgets import ProvocationClusterExplorer, cluster_card
from tests.conftest import shown_figure

GAENSLEN = ("gaenslen-right", "gaenslen-left")


# --- the data are the papers' numbers -------------------------------------------------------

def test_provocation_table_matches_the_papers():
    table = load_table("sij_provocation_tests")
    by_test = {row["test"]: (row["sensitivity_pct"], row["specificity_pct"]) for row in table.rows}
    # Simpson & Gemmell 2006, Table 3 (Laslett et al. 2005, 48 subjects)
    assert by_test["Distraction"] == (60, 81)
    assert by_test["Thigh thrust"] == (88, 69)
    assert by_test["Compression"] == (69, 69)
    assert by_test["Sacral thrust"] == (63, 75)
    assert by_test["Gaenslen's test"] == (53, 71)
    # Laslett et al. 2005, abstract: three or more of six positive
    assert by_test["3 or more of the 6 tests"] == (94, 78)
    assert table.column("kind").count("cluster") == 1
    assert table.source == "laslett-2005-sij-provocation" and "Man Ther 2005" in table.citation


def test_referral_table_matches_the_review():
    table = load_table("sij_pain_referral")
    assert dict(zip(table.column("area"), table.column("patients_pct"), strict=True)) == {
        "Buttock": 94, "Lower back": 72, "Somewhere in the leg": 50, "Below the knee": 28, "Groin": 14}
    assert table.source == "thawrani-2019-sij-diagnosis" and "J Am Acad Orthop Surg 2019" in table.citation


# --- figures --------------------------------------------------------------------------------

def test_accuracy_figure_plots_the_table_with_two_cues():
    fig = provocation_accuracy_figure()
    sens = next(t for t in fig.data if t.meta == "sensitivity_pct")
    spec = next(t for t in fig.data if t.meta == "specificity_pct")
    assert list(sens.x) == [94, 53, 63, 69, 88, 60]  # bottom to top: the cluster row is last
    assert list(spec.x) == [78, 71, 75, 69, 69, 81]
    assert sens.marker.pattern.shape != spec.marker.pattern.shape
    assert {sens.marker.color, spec.marker.color} <= set(OKABE_ITO.values())
    assert list(sens.text)[0] == "94%" and "<b>" in sens.y[0]


def test_referral_figure_labels_every_bar():
    bar = referral_figure().data[0]
    assert list(bar.y)[-1] == "Buttock" and list(bar.x)[-1] == 94
    assert all(text.endswith("in 100") for text in bar.text)
    assert bar.marker.pattern.shape


@pytest.mark.parametrize(("six", "four"), [(0, 0), (3, 2), (6, 4)])
def test_tally_figure_shows_counts_and_cut_offs(six, four):
    bar, cut_offs = cluster_tally_figure(six, four).data
    assert list(bar.x) == [six, four]
    assert list(bar.text) == [f"{six} of 6", f"{four} of 4"]
    assert list(cut_offs.x) == [3, 2]


# --- the pure function: every count ---------------------------------------------------------

def _pattern(six: int, four: int) -> list[str]:
    """A set of positive tests with `six` positive in all and `four` among the four non-Gaenslen tests."""
    return list(FOUR_TESTS[:four]) + list(GAENSLEN[: six - four])


VALID = [(six, four) for six in range(7) for four in range(5) if 0 <= six - four <= 2]


@pytest.mark.parametrize(("six", "four"), VALID)
def test_every_count_gives_the_studys_finding(six, four):
    result = cluster_result(_pattern(six, four))
    assert (result.count_of_six, result.count_of_four) == (six, four)
    assert result.three_of_six == (six >= 3)
    assert result.two_of_four == (four >= 2)
    text = " ".join((result.headline, *result.notes))
    assert f"{six} of 6" in result.headline
    assert result.notes[-1] == REMINDER
    if six == 0:
        assert "ruled out" in text and "at least one" in text
        assert "any 2 of these 4" not in text
    elif six >= 3:
        assert "rule of 3 or more is met" in result.headline
        assert "94 in 100" in text and "78%" in text
    else:
        assert "rule is not met" in result.headline
        assert "78 in 100" in text and "6 in 100" in text
    if six:
        assert ("rule is also met" in text) == (four >= 2)
        assert f"{four} of the 4 tests" in text


def test_only_confirmed_numbers_appear():
    texts = " ".join(" ".join((r.headline, *r.notes)) for r in (cluster_result(_pattern(s, f)) for s, f in VALID))
    for unconfirmed in ("88%", "91%", "0.842"):
        assert unconfirmed not in texts


def test_input_is_cleaned_and_ordered():
    result = cluster_result(["Sacral-Thrust ", "distraction", "distraction"])
    assert result.positive == ("distraction", "sacral-thrust")
    assert cluster_result("compression").positive == ("compression",)
    assert cluster_result(None).count_of_six == 0
    assert cluster_result(PROVOCATION_TESTS).count_of_six == 6


def test_card_is_announced():  # its escaping: tests/course/test_every_lesson.py
    assert 'role="status"' in cluster_card(cluster_result(["distraction"]))


# --- the widget, driven from Python ---------------------------------------------------------

def test_widget_follows_the_tick_boxes():
    explorer = ProvocationClusterExplorer()
    assert "0 of 6" in explorer.card.value
    for key in ("distraction", "thigh-thrust", "compression"):
        explorer.checkboxes[key].value = True
    assert "3 of 6" in explorer.card.value and "rule is also met" in explorer.card.value
    figure = shown_figure(explorer.figure)
    assert figure["data"][0]["x"] == [3, 3]
    explorer.clear_button.click()
    assert not any(box.value for box in explorer.checkboxes.values())
    assert "0 of 6" in explorer.card.value
    assert explorer._repr_mimebundle_()["text/plain"].startswith("Provocation-test cluster explorer")


def test_widget_start_and_bad_input():
    explorer = ProvocationClusterExplorer(start=list(GAENSLEN) + ["sacral-thrust"])
    assert explorer.checkboxes["gaenslen-left"].value and explorer.checkboxes["sacral-thrust"].value
    assert "3 of 6" in explorer.card.value and "rule is not met" in explorer.card.value
    explorer.show(["kidney"])
    assert "not one of the six tests" in explorer.card.value
    assert explorer.checkboxes["sacral-thrust"].value  # a bad name leaves the ticks alone
    broken = ProvocationClusterExplorer(start=["<script>"])
    assert "<script>" not in broken.card.value and "&lt;script&gt;" in broken.card.value
