"""Lesson 15's NIOSH constants and tables and the calculator's words as data: content/niosh.yml and
posture_texts.yml load, and a broken copy names the file and the field."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.kit.references import bibliography
from lessons.topics.posture.model import (
    NIOSH_FILE,
    TEXTS_FILE,
    UNITS,
    LiftAssessment,
    OutsideEquationLimits,
    assess_lift,
    load_niosh,
    load_texts,
    niosh,
    texts,
)
from lessons.topics.posture.widgets import NUMBERS_NOTE, frequency_table_markdown
from tests.conftest import broken_copy, load_error


def broken(tmp_path, loader, source, change) -> ContentError:
    return load_error(loader, broken_copy(tmp_path, source, change, f"copy_of_{source.name}"))


def niosh_broken(tmp_path, change) -> ContentError:
    return broken(tmp_path, load_niosh, NIOSH_FILE, change)


# --- the shipped files ------------------------------------------------------------------------

def test_the_shipped_constants_are_the_manuals():
    loaded = niosh()
    metric, us = loaded.units["metric"], loaded.units["us"]
    assert (metric["lc"], metric["h_ref"], metric["h_max"], metric["v_opt"], metric["v_coef"], metric["v_max"],
            metric["d_min"], metric["d_coef"], metric["d_max"], metric["v_split"]) == (
        23, 25, 63, 75, 0.003, 175, 25, 4.5, 175, 75)
    assert (us["lc"], us["h_ref"], us["v_coef"], us["d_coef"], us["v_split"]) == (51, 10, 0.0075, 1.8, 30)
    assert (loaded.distance_constant, loaded.asymmetry_coefficient, loaded.max_angle) == (0.82, 0.0032, 135)
    assert UNITS["metric"]["length_bound"] == 300  # the calculator's own bounds stay in Python
    assert [band for band, _above, _text in loaded.bands] == ["goal", "increased", "high"]
    known = bibliography()
    assert set(loaded.sources) <= set(known)


def test_copies_of_the_shipped_files_load_the_same(tmp_path):
    assert load_niosh(broken_copy(tmp_path, NIOSH_FILE, name="n.yml")) == niosh()
    assert load_texts(broken_copy(tmp_path, TEXTS_FILE, name="t.yml")) == texts()


def test_the_tables_and_sentences_are_built_from_the_file():
    table = frequency_table_markdown()
    assert table.splitlines()[2].startswith("| 0.2 or fewer | 1.00 | 1.00 | 0.95 |")
    assert table.splitlines()[-1].startswith("| more than 15 | 0.00")
    assert "up to 300 kg" in NUMBERS_NOTE and "{" not in NUMBERS_NOTE
    with pytest.raises(OutsideEquationLimits) as caught:
        assess_lift(12, 70, 30, 50, 0, 1, "short", "fair")
    assert caught.value.reasons[0][1].startswith("70 cm is farther than 63 cm")
    assert LiftAssessment(1, "metric", {}, 1, 3.01).band == "high"


# --- the schemas ------------------------------------------------------------------------------

def test_a_row_without_a_duration_breaks_the_schema(tmp_path):
    error = niosh_broken(tmp_path, lambda d: d["frequency_table"]["rows"][3].pop("moderate"))
    assert error.field == "frequency_table.rows.3.moderate" and "required" in error.problem


def test_a_multiplier_above_one_breaks_the_schema(tmp_path):
    error = niosh_broken(tmp_path, lambda d: d["coupling_table"]["couplings"]["fair"].update(multipliers=[1.5, 1]))
    assert error.field == "coupling_table.couplings.fair.multipliers.0"


def test_an_unknown_sentence_in_the_texts_breaks_their_schema(tmp_path):
    error = broken(tmp_path, load_texts, TEXTS_FILE, lambda d: d["calculator"].update(motto="Lift well."))
    assert error.field == "calculator" and "motto" in error.problem


# --- the loaders' own rules -------------------------------------------------------------------

def test_frequencies_must_rise_and_multipliers_must_not(tmp_path):
    error = niosh_broken(tmp_path, lambda d: d["frequency_table"]["rows"][5].update(per_minute=3))
    assert error.field == "frequency_table.rows.5.per_minute"
    error = niosh_broken(tmp_path, lambda d: d["frequency_table"]["rows"][4].update(long=[0.70, 0.70]))
    assert error.field == "frequency_table.rows.4.long" and "transcription" in error.problem


def test_an_unknown_reference_is_named(tmp_path):
    error = niosh_broken(tmp_path, lambda d: d["coupling_table"].update(source="no-such-reference"))
    assert error.field == "coupling_table.source" and "no-such-reference" in error.problem


def test_lifting_index_bands_must_rise(tmp_path):
    error = niosh_broken(tmp_path, lambda d: d["lifting_index"]["bands"][2].update(above=0.5))
    assert error.item == "high" and error.field == "lifting_index.bands.2.above"


def test_only_the_models_placeholders_are_allowed(tmp_path):
    error = niosh_broken(tmp_path, lambda d: d["outside_limits"].update(asymmetry="{value} {unit} is too far."))
    assert error.field == "outside_limits.asymmetry" and "{unit}" in error.problem
    error = broken(tmp_path, load_texts, TEXTS_FILE,
                   lambda d: d["calculator"].update(numbers_note="Type up to {load} {unit}."))
    assert error.field == "calculator.numbers_note" and "{unit}" in error.problem
