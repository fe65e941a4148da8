"""Anatomy data and the rules built on it."""

from __future__ import annotations

import pytest

from lessons import anatomy


def test_every_leg_area_belongs_to_exactly_one_root():
    owners = {}
    for root in anatomy.nerve_roots():
        for area in root.areas:
            assert area not in owners
            owners[area] = root.id
    assert set(owners) == set(anatomy.leg_areas())


@pytest.mark.parametrize(("area", "root"), [
    ("inner-shin", "L4"), ("outer-shin", "L5"), ("top-of-foot", "L5"),
    ("outer-foot", "S1"), ("back-of-calf", "S1"),
])
def test_area_to_root(area, root):
    assert anatomy.root_for_area(area).id == root


def test_root_facts_match_the_usual_teaching():
    assert "knee" in anatomy.nerve_root("L4").reflex.lower()
    assert anatomy.nerve_root("L5").reflex == "No reliable reflex"
    assert "ankle" in anatomy.nerve_root("s1").reflex.lower()
    with pytest.raises(KeyError):
        anatomy.nerve_root("L9")


@pytest.mark.parametrize(("vertebra", "opening"), [("L1", "L1–L2"), ("L4", "L4–L5"), ("L5", "L5–S1")])
def test_root_leaves_below_its_vertebra(vertebra, opening):
    assert anatomy.root_exiting_below(vertebra) == opening


def test_parts_cover_the_anatomy_the_lesson_teaches():
    ids = {part.id for part in anatomy.parts()}
    assert {"vertebra", "disc", "nucleus", "facet", "canal", "root", "sacrum", "sacroiliac", "sciatic"} <= ids


def test_root_table_has_a_row_per_root():
    table = anatomy.root_table_markdown().splitlines()
    assert len(table) == 2 + len(anatomy.nerve_roots())
    assert table[2].startswith("| **L4** |")
