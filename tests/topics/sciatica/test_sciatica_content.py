"""Lesson 08's content file: the clue set of "Follow the pain" (content/clues.yml, read by the course's
clue sorter with lesson 02's areas of the leg)."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.kit.sorter import load_clue_set
from lessons.topics.back_to_leg.model import leg_areas
from lessons.topics.sciatica.model import CONTENT, RADICULAR, REFERRED, clue_set, numb_areas
from tests.conftest import broken_copy

CLUES = CONTENT / "clues.yml"


def test_the_real_file_loads_with_lesson_02s_areas():
    clues = clue_set()
    assert [side.id for side in clues.sides] == [RADICULAR, REFERRED]
    assert [area.id for area in clues.areas] == list(leg_areas())
    assert {area.root for area in clues.areas} == {"L4", "L5", "S1"}
    assert clues.opposites == (("below-knee", "above-knee"), ("leg-worse", "back-worse"))
    assert clues.clue("weak").alert and clues.plain_text.startswith("Follow-the-pain explorer")


def test_a_clue_without_its_text_is_refused_by_the_schema(tmp_path):
    path = broken_copy(tmp_path, CLUES, lambda d: d["clues"][2].pop("text"))
    with pytest.raises(ContentError, match=r"clues\.yml, item 'shooting', field 'clues\.2\.text': is required"):
        load_clue_set(path, areas=numb_areas())


def test_opposites_must_name_clues_of_the_set(tmp_path):
    path = broken_copy(tmp_path, CLUES, lambda d: d["opposites"].append(["leg-worse", "tingly-toes"]))
    with pytest.raises(ContentError, match=r"clues\.yml, field 'opposites\.2': unknown clue 'tingly-toes'"):
        load_clue_set(path, areas=numb_areas())


def test_the_area_note_may_use_only_the_lessons_facts(tmp_path):
    path = broken_copy(tmp_path, CLUES, lambda d: d["area"].update(note=d["area"]["note"] + " Reflex: {reflex}."))
    with pytest.raises(ContentError, match=r"clues\.yml, field 'area\.note': unknown placeholder \{reflex\}"):
        load_clue_set(path, areas=numb_areas())
