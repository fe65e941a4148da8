"""Lesson 06's content files: the clue set of "Referred or nerve root?" (content/clues.yml, read by the
course's clue sorter) and the recovery timeline's words (content/recovery_timeline.yml)."""

from __future__ import annotations

import pytest

from lessons.kit import triage
from lessons.kit.data import ContentError
from lessons.kit.sorter import load_clue_set
from lessons.topics.muscle_strain.model import (
    CONTENT,
    TIME_POINTS,
    clue_set,
    load_timeline_words,
    timeline_words,
    timepoint_text,
)
from tests.conftest import broken_copy

ROOTS = ["L4", "L5", "S1"]


def test_the_real_files_load():
    clues = clue_set()
    assert [side.id for side in clues.sides] == ["referred", "root"]
    assert len(clues.clues) == 16 and clues.plain_text.startswith("Referred or nerve root?")
    warnings = [clue for clue in clues.clues if clue.signs]
    assert [clue.text for clue in warnings][1:] == [triage.sign(sign).text for sign in
                                                    ("both-legs", "worsening-weakness", "fever", "serious-injury")]
    words = timeline_words()
    assert tuple(words.openings) == TIME_POINTS and words.plain_text.startswith("Recovery timeline")
    assert timepoint_text("baseline").startswith("At the start (baseline), average pain was 52 out of 100")


def test_a_clue_set_with_a_bad_field_is_refused_by_the_schema(tmp_path):
    path = broken_copy(tmp_path, CONTENT / "clues.yml", lambda d: d["clues"][3].update(leans=["root"]))
    with pytest.raises(ContentError, match=r"clues\.yml, item 'shooting', field 'clues\.3\.leans'"):
        load_clue_set(path, roots=ROOTS)


def test_a_clue_with_an_unknown_warning_sign_is_refused_by_the_loader(tmp_path):
    path = broken_copy(tmp_path, CONTENT / "clues.yml", lambda d: d["clues"][-1].update(signs=["falling-piano"]))
    with pytest.raises(ContentError, match=r"clues\.yml, item 'major-injury', field 'clues\.15\.signs': "
                                           r"unknown warning sign 'falling-piano'"):
        load_clue_set(path, roots=ROOTS)


def test_a_clue_with_a_root_not_on_lesson_02s_map_is_refused_by_the_loader(tmp_path):
    path = broken_copy(tmp_path, CONTENT / "clues.yml", lambda d: d["clues"][5].update(root="L3"))
    with pytest.raises(ContentError, match=r"clues\.yml, item 'numb-top-foot', field 'clues\.5\.root': "
                                           r"unknown nerve root 'L3'"):
        load_clue_set(path, roots=ROOTS)


def test_timeline_words_with_a_missing_field_are_refused_by_the_schema(tmp_path):
    path = broken_copy(tmp_path, CONTENT / "recovery_timeline.yml", lambda d: d.pop("reading"))
    with pytest.raises(ContentError, match=r"recovery_timeline\.yml, field 'reading': is required but missing"):
        load_timeline_words(path)


def test_timeline_openings_must_name_the_figures_time_points(tmp_path):
    path = broken_copy(tmp_path, CONTENT / "recovery_timeline.yml", lambda d: d["openings"].pop("26 weeks"))
    with pytest.raises(ContentError, match=r"recovery_timeline\.yml, field 'openings': needs one opening per time"):
        load_timeline_words(path)


def test_the_timeline_reading_may_use_only_its_slots(tmp_path):
    path = broken_copy(tmp_path, CONTENT / "recovery_timeline.yml",
                       lambda d: d.update(reading=d["reading"].replace("{acute_pain}", "{acute_mean}")))
    with pytest.raises(ContentError,
                       match=r"recovery_timeline\.yml, field 'reading': unknown placeholder \{acute_mean\}"):
        load_timeline_words(path)
