"""Lesson 09: the causes-compared data, chart and widget."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError, read_yaml
from lessons.topics.causes_compared import model as causes_module
from lessons.topics.causes_compared.figures import clue_chart
from lessons.topics.causes_compared.model import LEVELS, causes, causes_with, clue, clues, comparison_table_markdown
from lessons.topics.causes_compared.widgets import CauseComparer, cause_card, clue_card

SIX = ["herniated-disc", "spinal-stenosis", "degenerative-disc-disease", "muscle-strain",
       "sacroiliac-joint", "sciatica"]


def test_six_causes_in_course_order_each_with_a_level_for_every_clue():
    assert [c.id for c in causes()] == SIX
    for item in clues():
        assert sorted(item.levels) == sorted(SIX)
        assert {cell["level"] for cell in item.levels.values()} <= set(LEVELS)


def test_key_patterns_from_the_lessons():
    assert [c.id for c in causes_with("walking-sitting", "typical")] == ["spinal-stenosis"]
    assert [c.id for c in causes_with("below-knee", "typical")] == ["herniated-disc", "sciatica"]
    assert clue("better-in-weeks").levels["sacroiliac-joint"]["level"] == "unknown"
    assert clue("numbness-weakness").levels["muscle-strain"]["level"] == "unusual"
    with pytest.raises(ValueError):
        causes_with("below-knee", "often")


def test_table_links_every_cause_to_its_lesson():
    table = comparison_table_markdown()
    for item in causes():
        assert f"[{item.name}]({item.lesson}.ipynb)" in table
    assert len(table.splitlines()) == 2 + len(causes())


def test_chart_has_a_mark_per_cell_and_words_in_the_legend():
    fig = clue_chart()
    assert sum(len(trace.x) for trace in fig.data) == len(causes()) * len(clues())
    assert [trace.name for trace in fig.data] == ["typical", "can happen", "not the usual pattern", "not known"]
    assert len({trace.marker.symbol for trace in fig.data}) == 4  # shape, not only colour


def test_highlight_fades_the_other_rows():
    fig = clue_chart(highlight="both-legs")
    name = clue("both-legs").name
    for trace in fig.data:
        for y, opacity in zip(trace.y, trace.marker.opacity, strict=True):
            assert (opacity == 1.0) == (y == name)
    with pytest.raises(KeyError):
        clue_chart(highlight="nonsense")


def test_cards_and_widget():
    assert "Spinal stenosis" in clue_card("walking-sitting") and "do not prove one" in clue_card("walking-sitting")
    assert "More in lesson 07" in cause_card("sacroiliac-joint")
    widget = CauseComparer()
    widget.clue_picker.value = "below-knee"
    assert "Shooting pain below the knee" in widget.card.value
    widget.cause_picker.value = "sciatica"
    assert widget.clue_picker.value is None and "<h4>Sciatica</h4>" in widget.card.value


def test_a_clue_missing_a_cause_is_reported(monkeypatch):
    document = read_yaml(causes_module.CONTENT / "causes.yml")
    del document["clues"][0]["levels"]["sciatica"]
    monkeypatch.setattr(causes_module.triage, "load", lambda name, schema: document)
    causes_module._document.cache_clear()
    try:
        with pytest.raises(ContentError, match="item 'below-knee', field 'clues.0.levels'"):
            causes_module._document()
    finally:
        causes_module._document.cache_clear()
