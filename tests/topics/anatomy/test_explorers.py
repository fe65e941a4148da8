"""The explorer widgets of lessons 01 and 02, driven from Python."""

from __future__ import annotations

from lessons.topics.anatomy.widgets import AnatomyExplorer, part_card
from lessons.topics.back_to_leg.widgets import NerveRootExplorer, area_card, root_card
from tests.conftest import shown_figure


def test_cards_explain_in_plain_words_then_terms():
    assert "Cushion between the bones (Intervertebral disc)" in part_card("disc")
    assert "Ankle jerk" in root_card("S1")
    assert "usually the L5 root" in area_card("top-of-foot")


def test_anatomy_explorer_follows_the_picker():
    explorer = AnatomyExplorer()
    explorer.picker.value = "sciatic"
    assert "Sciatic nerve" in explorer.card.value
    figure = shown_figure(explorer.figure)
    faded = {t["legendgroup"] for t in figure["data"] if t.get("opacity", 1) < 1}
    assert "sciatic" not in faded and "disc" in faded
    assert explorer._repr_mimebundle_()["text/plain"].startswith("Anatomy explorer")


def test_root_explorer_works_both_ways():
    explorer = NerveRootExplorer()
    explorer.area_picker.value = "outer-foot"
    assert explorer.root_picker.value == "S1"
    assert "usually the S1 root" in explorer.card.value
    explorer.root_picker.value = "L4"
    assert explorer.area_picker.value is None
    assert "The L4 nerve root" in explorer.card.value
    assert shown_figure(explorer.figure)["layout"]["title"]["text"] == "Where L4 is usually felt"
