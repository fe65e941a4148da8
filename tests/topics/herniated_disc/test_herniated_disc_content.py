"""Lesson 03's content file: the root rule and the explorer's words (content/herniation.yml)."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.topics.back_to_leg.model import nerve_roots
from lessons.topics.herniated_disc.model import CONTENT, herniation, load_herniation
from tests.conftest import broken_copy

HERNIATION = CONTENT / "herniation.yml"


def test_the_real_file_loads():
    rules = herniation()
    assert rules.levels == {"L3-L4": ("L3", "L4"), "L4-L5": ("L4", "L5"), "L5-S1": ("L5", "S1")}
    assert [p.presses for p in rules.positions] == ["traversing", "exiting", "several"]
    assert rules.aliases["far lateral"] == "foraminal" and rules.aliases["subarticular"] == "paracentral"
    assert set(rules.roots) == {root.id for root in nerve_roots()} | set(rules.off_map)
    assert rules.plain_text.startswith("Herniated disc explorer")


def test_a_position_with_an_unknown_kind_is_refused_by_the_schema(tmp_path):
    path = broken_copy(tmp_path, HERNIATION, lambda d: d["positions"][0].update(presses="both"))
    with pytest.raises(ContentError, match=r"herniation\.yml, item 'paracentral', field 'positions\.0\.presses'"):
        load_herniation(path)


def test_a_card_without_its_warning_is_refused_by_the_schema(tmp_path):
    path = broken_copy(tmp_path, HERNIATION, lambda d: d["card"].pop("warning"))
    with pytest.raises(ContentError, match=r"herniation\.yml, field 'card\.warning': is required but missing"):
        load_herniation(path)


@pytest.mark.parametrize("change, words", [
    (lambda d: d["levels"][1].update(traversing="S1"),
     r"item 'L4-L5', field 'levels\.1\.traversing': the traversing root must be the root just below L4"),
    (lambda d: d["levels"][0].update(exiting="L2"), r"item 'L3-L4', field 'levels\.0\.exiting': 'L2' is not in roots"),
    (lambda d: d["positions"][2]["aliases"].append("lateral"),
     r"item 'central', field 'positions\.2\.aliases\.0': 'lateral' already names the position 'foraminal'"),
    (lambda d: d["positions"][1].update(explanation="It presses {exited}."),
     r"item 'foraminal', field 'positions\.1\.explanation': unknown placeholder \{exited\}"),
    (lambda d: d.update(off_map=[]), r"field 'roots': 'L3' is not on the leg map of lesson 02"),
    (lambda d: d["off_map"][0].update(refs=["no-such-page"]), r"field 'off_map\.0\.refs': unknown reference"),
    (lambda d: d.update(sources=["no-such-page"]), r"field 'sources': unknown reference 'no-such-page'"),
    (lambda d: d["card"].update(warning_signs="no-such-group"), r"field 'card\.warning_signs': unknown group"),
    (lambda d: d["card"].update(one_root="{level}: {roots}"), r"field 'card\.one_root': unknown placeholder \{roots\}"),
])
def test_the_loader_refuses_what_the_schema_cannot_check(tmp_path, change, words):
    with pytest.raises(ContentError, match=rf"herniation\.yml, {words}"):
        load_herniation(broken_copy(tmp_path, HERNIATION, change))
