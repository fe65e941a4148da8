"""Anatomy data and the rules built on it."""

from __future__ import annotations

import pytest

from lessons.topics.anatomy import model as anatomy
from lessons.topics.back_to_leg import model as back_to_leg


def test_every_leg_area_belongs_to_exactly_one_root():
    owners = {}
    for root in back_to_leg.nerve_roots():
        for area in root.areas:
            assert area not in owners
            owners[area] = root.id
    assert set(owners) == set(back_to_leg.leg_areas())


@pytest.mark.parametrize(("area", "root"), [
    ("inner-shin", "L4"), ("outer-shin", "L5"), ("top-of-foot", "L5"),
    ("outer-foot", "S1"), ("back-of-calf", "S1"),
])
def test_area_to_root(area, root):
    assert back_to_leg.root_for_area(area).id == root


def test_root_facts_match_the_usual_teaching():
    assert "knee" in back_to_leg.nerve_root("L4").reflex.lower()
    assert back_to_leg.nerve_root("L5").reflex == "No reliable reflex"
    assert "ankle" in back_to_leg.nerve_root("s1").reflex.lower()
    with pytest.raises(KeyError):
        back_to_leg.nerve_root("L9")


@pytest.mark.parametrize(("vertebra", "opening"), [("L1", "L1–L2"), ("L4", "L4–L5"), ("L5", "L5–S1")])
def test_root_leaves_below_its_vertebra(vertebra, opening):
    assert back_to_leg.root_exiting_below(vertebra) == opening


def test_parts_cover_the_anatomy_the_lesson_teaches():
    ids = {part.id for part in anatomy.parts()}
    assert {"vertebra", "disc", "nucleus", "facet", "canal", "root", "sacrum", "sacroiliac", "sciatic"} <= ids


def test_root_table_has_a_row_per_root():
    table = back_to_leg.root_table_markdown().splitlines()
    assert len(table) == 2 + len(back_to_leg.nerve_roots())
    assert table[2].startswith("| **L4** |")
