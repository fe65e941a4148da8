"""Lesson 14's cut-offs and words as data: content/weight_measures.yml loads, and a broken copy names the
file and the field."""

from __future__ import annotations

from lessons.kit.data import ContentError
from lessons.kit.prose import fill
from lessons.kit.references import bibliography
from lessons.topics.weight.model import (
    MEASURES_FILE,
    bmi_category,
    load_measures,
    measures,
    waist_band,
)
from lessons.topics.weight.widgets import calculate, odds_explanation, result_lines
from tests.conftest import broken_copy, load_error

NAME = "measures_copy.yml"


def broken(tmp_path, change) -> ContentError:
    return load_error(load_measures, broken_copy(tmp_path, MEASURES_FILE, change, NAME))


# --- the shipped file -------------------------------------------------------------------------

def test_the_shipped_cut_offs_are_nices_with_known_sources():
    loaded = measures()
    assert loaded.healthy_from == 18.5
    assert loaded.thresholds == {"standard": (25.0, 30.0), "lower": (23.0, 27.5)}
    assert loaded.waist_from == (0.4, 0.5, 0.6) and loaded.waist_bmi_below == 35
    known = bibliography()
    assert set(loaded.bmi_sources) | set(loaded.waist_sources) <= set(known)
    assert all(set(meaning.sources) <= set(known) for meaning in loaded.categories.values())


def test_a_copy_of_the_shipped_file_loads_the_same(tmp_path):
    assert load_measures(broken_copy(tmp_path, MEASURES_FILE, name=NAME)) == measures()


def test_the_bands_are_written_from_the_cut_offs():
    assert [bmi_category(v).band for v in (18, 20, 27, 31)] == ["below 18.5", "18.5 to 24.9", "25 to 29.9",
                                                                  "30 or more"]
    assert [bmi_category(v, True).band for v in (20, 25)] == ["18.5 to 22.9", "23 to 27.4"]
    assert [waist_band(r).band for r in (0.3, 0.45, 0.55, 0.7)] == ["below 0.4", "0.4 to 0.49", "0.5 to 0.59",
                                                                      "0.6 or more"]


def test_the_sentences_fill_in_their_placeholders():
    headline, lines = result_lines(calculate("metric", "70", "175", "80", lower_thresholds=True))
    assert headline == "Your BMI is 22.9: in the healthy range (18.5 to 22.9)."
    assert "overweight from 23, obesity from 27.5." in lines[1]
    assert "{" not in headline + " ".join(lines) + odds_explanation(0, 20)
    assert fill("{a} and {b}", a=1, b="two") == "1 and two"


# --- the schema -------------------------------------------------------------------------------

def test_a_category_without_its_meaning_breaks_the_schema(tmp_path):
    error = broken(tmp_path, lambda d: d["bmi"]["categories"]["obesity"].pop("meaning"))
    assert error.field == "bmi.categories.obesity.meaning" and "required" in error.problem


def test_a_cut_off_that_is_not_a_number_breaks_the_schema(tmp_path):
    error = broken(tmp_path, lambda d: d["bmi"]["thresholds"]["lower"].update(obesity_from="27.5"))
    assert error.field == "bmi.thresholds.lower.obesity_from"


# --- the loader's own rules -------------------------------------------------------------------

def test_cut_offs_must_rise(tmp_path):
    error = broken(tmp_path, lambda d: d["bmi"]["thresholds"]["standard"].update(obesity_from=24.0))
    assert error.item == "standard" and error.field == "bmi.thresholds.standard" and "rise" in error.problem
    error = broken(tmp_path, lambda d: d["waist"].update(high_from=0.45))
    assert error.field == "waist"


def test_an_unknown_reference_is_named(tmp_path):
    error = broken(tmp_path, lambda d: d["bmi"]["categories"]["healthy"]["sources"].append("no-such-reference"))
    assert error.item == "healthy" and error.field == "bmi.categories.healthy.sources.2"
    error = broken(tmp_path, lambda d: d["waist"]["sources"].append("no-such-reference"))
    assert error.field == "waist.sources.1"


def test_only_the_widgets_placeholders_are_allowed(tmp_path):
    error = broken(tmp_path, lambda d: d["calculator"].update(headline="Your BMI is {bmi} ({ratio})."))
    assert error.field == "calculator.headline" and "{ratio}" in error.problem
    error = broken(tmp_path, lambda d: d["waist"]["bands"]["high"].update(meaning="See {who}."))
    assert error.field == "waist.bands.high.meaning" and "{who}; this text may say no placeholder" in error.problem
