"""Lesson 04's explorer words are data (content/stenosis_explorers.yml): the file loads, and a broken
copy names the file, the item and the field."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.topics.spinal_stenosis import model
from lessons.topics.spinal_stenosis.widgets import narrowing_card
from tests.conftest import broken_copy, names


def test_the_real_file_loads():
    loaded = model.read(model.PATH)
    assert loaded == model.load()
    assert [item.id for item in loaded.activities] == ["walk-upright", "stand-still", "lean-on-trolley", "sit",
                                                       "bend-backward", "cycle"]
    assert [item.id for item in loaded.places] == ["central", "side"]
    assert [item.root for item in loaded.places] == [False, True]
    assert set(loaded.back) == set(model.BACK_POSITIONS)
    title, rows = model.narrowing_rows("side", "S1")
    assert title == "A side opening (lateral recess or foramen): the S1 root"
    assert rows[0] == ("What is squeezed", "Usually one nerve root on one side, here S1.")


def test_an_unknown_place_or_a_missing_root_is_a_plain_message():
    with pytest.raises(ValueError, match="Unknown place 'nowhere'. Choose one of: central, side."):
        narrowing_card("nowhere")
    with pytest.raises(ValueError, match="Choose a nerve root"):
        model.narrowing_rows("side")


@pytest.mark.parametrize("edit, item, field, words", [
    (lambda d: d["activity_explorer"]["activities"][0].pop("vessel"), "walk-upright",
     "activity_explorer.activities.0.vessel", "is required but missing"),
    (lambda d: d["activity_explorer"]["activities"][3].update(back="sideways"), "sit",
     "activity_explorer.activities.3.back", "must be one of"),
    (lambda d: d["narrowing_explorer"]["places"][1]["rows"][1].update(root_fact="reflex"), "side",
     "narrowing_explorer.places.1.rows.1.root_fact", "must be one of"),
    (lambda d: d["narrowing_explorer"]["places"][1]["rows"][1].update(text="Both."), "side",
     "narrowing_explorer.places.1.rows.1", "exactly by one"),
    (lambda d: d["activity_explorer"]["labels"].update(colour="Colour"), None, "activity_explorer.labels",
     "must not contain {'colour'}"),
])
def test_a_schema_error_names_the_file_and_the_field(tmp_path, edit, item, field, words):
    path = broken_copy(tmp_path, model.PATH, edit)
    with pytest.raises(ContentError, match=names("stenosis_explorers.yml", field, item)) as caught:
        model.read(path)
    assert words in caught.value.problem


@pytest.mark.parametrize("edit, item, field, words", [
    (lambda d: d["activity_explorer"]["activities"][1].update(id="walk-upright"), "walk-upright",
     "activity_explorer.activities.1.id", "duplicate id"),
    (lambda d: d["activity_explorer"]["activities"][2]["refs"].append("nobody-2099"), "lean-on-trolley",
     "activity_explorer.activities.2.refs.4", "unknown reference 'nobody-2099'"),
    (lambda d: d["narrowing_explorer"]["places"][0]["refs"].insert(0, "nobody-2099"), "central",
     "narrowing_explorer.places.0.refs.0", "unknown reference 'nobody-2099'"),
    (lambda d: d["sources"]["names"].update({"nobody-2099": "Nobody"}), None, "sources.names.nobody-2099",
     "unknown reference 'nobody-2099'"),
    (lambda d: d["narrowing_explorer"]["places"][1].update(title="{name}: the {rooot} root"), "side",
     "narrowing_explorer.places.1.title", "unknown placeholder {rooot}; this text may say {name} and {root}"),
    (lambda d: d["narrowing_explorer"]["places"][0]["rows"][0].update(text="Here {root}."), "central",
     "narrowing_explorer.places.0.rows.0.text", "unknown placeholder {root}; this text may say no placeholder"),
    (lambda d: d["narrowing_explorer"]["places"][0]["rows"][1].update(root_fact="pain", text=None)
     or d["narrowing_explorer"]["places"][0]["rows"][1].pop("text"), "central",
     "narrowing_explorer.places.0.rows.1.root_fact", "only a place with 'root: true'"),
])
def test_a_loader_rule_names_the_file_the_item_and_the_field(tmp_path, edit, item, field, words):
    path = broken_copy(tmp_path, model.PATH, edit)
    with pytest.raises(ContentError, match=names("stenosis_explorers.yml", field, item)) as caught:
        model.read(path)
    assert words in caught.value.problem
