"""Lesson 14 (a healthy weight): published data, figures, the BMI/waist calculator and the widgets."""

from __future__ import annotations

import math
import re

import pytest

from lessons.kit.tables import load_table
from lessons.topics.weight.figures import (
    GROUP_STYLE,
    low_back_pain_odds_figure,
    sciatica_odds_figure,
)
from lessons.topics.weight.model import (
    ADULTS_ONLY,
    CM_PER_INCH,
    KG_PER_LB,
    LBP_TABLE,
    SCIATICA_TABLE,
    MeasurementError,
    all_rows,
    bmi,
    bmi_category,
    height_in_inches,
    low_back_pain_rows,
    read_number,
    risk_with_odds_ratio,
    sciatica_rows,
    to_metric,
    waist_band,
    waist_to_height_ratio,
)
from lessons.topics.weight.widgets import (
    Assessment,
    OddsRatioExplainer,
    WeightCalculator,
    calculate,
    odds_explanation,
    odds_options,
    result_card,
    result_lines,
)

# The numbers exactly as in the abstracts (see lessons/topics/weight/content/: tables/*.yml and references.yml).
SHIRI_2010 = {  # Am J Epidemiol 2010;171:135-54: obesity, pooled OR (95% CI)
    "low back pain in the past 12 months": (1.33, 1.14, 1.54),
    "seeking care for low back pain": (1.56, 1.46, 1.67),
    "chronic low back pain": (1.43, 1.28, 1.60),
    "new low back pain (at least 1 day in the past 12 months)": (1.53, 1.22, 1.92),
}
SHIRI_2014 = {  # Am J Epidemiol 2014;179:929-37: pooled OR (95% CI), n
    ("lumbar radicular pain", "overweight"): (1.23, 1.14, 1.33, 19165),
    ("lumbar radicular pain", "obesity"): (1.40, 1.27, 1.55, 19165),
    ("sciatica diagnosed by a doctor", "overweight"): (1.12, 1.04, 1.20, 109724),
    ("sciatica diagnosed by a doctor", "obesity"): (1.31, 1.07, 1.62, 115661),
    ("hospital stay for sciatica", "overweight"): (1.16, 1.09, 1.24, 358328),
    ("hospital stay for sciatica", "obesity"): (1.38, 1.23, 1.54, 358328),
    ("surgery for lumbar disc herniation", "overweight or obesity"): (1.89, 1.25, 2.86, 73982),
}


# --- the published numbers -------------------------------------------------------------------------------

def test_shiri_2010_table_is_the_abstract():
    table = load_table(LBP_TABLE)
    assert {r["outcome"]: (r["odds_ratio"], r["ci_lower"], r["ci_upper"]) for r in table.rows} == SHIRI_2010
    assert table.source == "shiri-2010-obesity-lbp-meta" and "Am J Epidemiol 2010;171(2):135" in table.citation
    assert [r["design"] for r in table.rows] == ["cross-sectional"] * 3 + ["cohort"]


def test_shiri_2014_table_is_the_abstract():
    table = load_table(SCIATICA_TABLE)
    found = {(r["outcome"], r["weight_group"]): (r["odds_ratio"], r["ci_lower"], r["ci_upper"], r["people"])
             for r in table.rows}
    assert found == SHIRI_2014
    assert table.source == "shiri-2014-obesity-sciatica-meta" and "Am J Epidemiol 2014;179(8):929" in table.citation


def test_every_interval_contains_its_estimate_and_lies_above_one():
    for row in all_rows():
        assert 1 < row["ci_lower"] < row["odds_ratio"] < row["ci_upper"]


# --- figures ---------------------------------------------------------------------------------------------

def _points(fig):
    return sorted((x, y) for trace in fig.data for x, y in zip(trace.x, trace.y, strict=True))


@pytest.mark.parametrize("figure, rows", [(low_back_pain_odds_figure, low_back_pain_rows),
                                          (sciatica_odds_figure, sciatica_rows)])
def test_forest_plots_draw_only_the_published_intervals(figure, rows):
    fig = figure()
    drawn = []
    for trace in fig.data:
        for x, plus, minus in zip(trace.x, trace.error_x.array, trace.error_x.arrayminus, strict=True):
            drawn.append((x, round(x - minus, 2), round(x + plus, 2)))
    assert sorted(drawn) == sorted((r["odds_ratio"], r["ci_lower"], r["ci_upper"]) for r in rows())
    assert fig.layout.xaxis.type == "log"
    (line,) = fig.layout.shapes
    assert line.x0 == line.x1 == 1 and line.line.dash == "dash"  # the reference line at 1
    texts = [a.text for a in fig.layout.annotations]
    for row in rows():  # every number is written out, so nothing depends on colour or hovering
        assert f"{row['odds_ratio']:.2f} ({row['ci_lower']:.2f} to {row['ci_upper']:.2f})" in texts


def test_weight_groups_differ_by_shape_and_words_not_colour_alone():
    fig = sciatica_odds_figure()
    symbols = {trace.meta[0]: trace.marker.symbol for trace in fig.data}
    assert symbols == {"overweight": "circle-open", "obesity": "square", "overweight or obesity": "diamond"}
    assert {trace.name for trace in fig.data} == {style[0] for style in GROUP_STYLE.values()}
    assert all("overweight" in t or "obesity" in t for t in fig.layout.yaxis.ticktext)


# --- the calculator: worked examples ---------------------------------------------------------------------

def test_metric_worked_examples():
    assert round(bmi(70, 1.75), 1) == 22.9        # 70 / 1.75^2 = 22.857
    assert bmi(70, 1.75) == pytest.approx(70 / 3.0625)
    assert round(bmi(95, 1.80), 2) == 29.32       # the NICE-consistent toolkit example: 95 / 3.24
    assert round(bmi("70,5", " 1.75 "), 1) == 23.0  # typed text, decimal comma


def test_imperial_uses_the_exact_conversion():
    assert KG_PER_LB == 0.45359237 and CM_PER_INCH == 2.54
    # 154 lb, 5 ft 9 in: 69.85322498 kg / 1.7526 m squared
    assert height_in_inches(5, 9) == 69
    assert bmi(154, 69, "imperial") == pytest.approx(154 * 0.45359237 / (69 * 0.0254) ** 2, rel=1e-12)
    assert round(bmi(154, 69, "imperial"), 1) == 22.7
    assert bmi(154, 69, "imperial") == pytest.approx(bmi(154 * 0.45359237, 1.7526))
    # the familiar "703" factor is only an approximation of the exact one
    factor = KG_PER_LB / (CM_PER_INCH / 100) ** 2
    assert factor == pytest.approx(703.0696, abs=1e-4)
    assert to_metric(220, 72, "imperial") == pytest.approx((99.7903214, 1.8288))


@pytest.mark.parametrize("value, key", [(18.4, "underweight"), (18.45, "healthy"), (18.5, "healthy"),
                                        (24.9, "healthy"), (24.94, "healthy"), (24.95, "overweight"),
                                        (25, "overweight"), (29.9, "overweight"), (30, "obesity"), (45, "obesity")])
def test_bmi_categories_follow_who_and_nice(value, key):
    assert bmi_category(value).key == key


@pytest.mark.parametrize("value, key", [(22.9, "healthy"), (23, "overweight"), (27.4, "overweight"),
                                        (27.5, "obesity"), (18.4, "underweight")])
def test_nice_lower_thresholds(value, key):
    assert bmi_category(value, lower_thresholds=True).key == key


def test_category_words_are_kind_and_say_what_bmi_cannot_do():
    for value in (17, 22, 27, 33):
        meaning = bmi_category(value).meaning.lower()
        for word in ("lazy", "fat person", "ugly", "failure", "should be ashamed"):
            assert word not in meaning
    assert "how anyone looks" in bmi_category(33).meaning and "how anyone looks" in bmi_category(27).meaning
    assert "muscle from fat" in bmi_category(27).meaning
    assert "see a GP" in bmi_category(17).meaning  # weight loss you cannot explain


@pytest.mark.parametrize("weight, words", [(50, "in the range NICE calls underweight (below 18.5)"),
                                           (70, "in the healthy range (18.5 to 24.9)"),
                                           (85, "in the range NICE calls overweight (25 to 29.9)"),
                                           (95, "in the range NICE calls obesity (30 or more)")])
def test_the_result_describes_the_number_not_the_person(weight, words):
    headline, _ = result_lines(calculate("metric", str(weight), "175"))
    assert headline == f"Your BMI is {round(weight / 1.75 ** 2, 1):.1f}: {words}."
    assert not re.search(r": (underweight|overweight|obese|obesity|healthy weight)\b", headline)


def test_waist_to_height_ratio_examples():
    # the news reports of NICE's 2022 update: 5 ft 4 in with a 29 in waist is healthy, 32 in is not;
    # 5 ft 10 in with a 36 in waist has an increased risk
    assert waist_band(waist_to_height_ratio(29, 64, "imperial")).key == "healthy"
    assert waist_band(waist_to_height_ratio(32, 64, "imperial")).key == "increased"
    assert waist_band(waist_to_height_ratio(36, 70, "imperial")).key == "increased"
    assert waist_to_height_ratio(80, 1.60, "metric") == pytest.approx(0.5)  # waist cm, height m
    assert waist_band(waist_to_height_ratio(110, 1.70)).key == "high"


@pytest.mark.parametrize("ratio, key", [(0.39, "below"), (0.4, "healthy"), (0.49, "healthy"), (0.494, "healthy"),
                                        (0.495, "increased"), (0.5, "increased"), (0.59, "increased"),
                                        (0.6, "high"), (0.8, "high")])
def test_waist_bands_follow_nice(ratio, key):
    assert waist_band(ratio).key == key


# --- the calculator: every kind of bad input -------------------------------------------------------------

@pytest.mark.parametrize("weight, height, units, field, words", [
    (0, 1.75, "metric", "Weight", "more than zero"),
    (-70, 1.75, "metric", "Weight", "more than zero"),
    (2000, 1.75, "metric", "Weight", "between 20 and 450 kg"),
    (70, 30, "metric", "Height", "between 0.5 and 2.5 m"),
    (70, 175, "metric", "Height", "Did you type centimetres?"),
    (70, 0, "metric", "Height", "more than zero"),
    ("", 1.75, "metric", "Weight", "missing"),
    ("   ", 1.75, "metric", "Weight", "missing"),
    (None, 1.75, "metric", "Weight", "missing"),
    (70, None, "metric", "Height", "missing"),
    ("seventy", 1.75, "metric", "Weight", "is not a number"),
    ("70kg", 1.75, "metric", "Weight", "is not a number"),
    (float("nan"), 1.75, "metric", "Weight", "ordinary number"),
    (float("inf"), 1.75, "metric", "Weight", "ordinary number"),
    ("nan", 1.75, "metric", "Weight", "ordinary number"),
    (True, 1.75, "metric", "Weight", "must be a number"),
    ([70], 1.75, "metric", "Weight", "must be a number"),
    (5000, 69, "imperial", "Weight", "between 44 and 990 lb"),
    (154, 175, "imperial", "Height", "between 20 and 98 inches"),
    (154, 69, "stones", "Units", "metric' or 'imperial"),
])
def test_bad_input_names_the_field_and_the_range(weight, height, units, field, words):
    with pytest.raises(MeasurementError, match=words) as caught:
        bmi(weight, height, units)
    assert caught.value.field == field
    assert isinstance(caught.value, ValueError)
    assert field.split()[0] in str(caught.value)


def test_feet_and_inches_are_checked():
    assert height_in_inches("5", "") == 60 and height_in_inches(6, None) == 72
    with pytest.raises(MeasurementError, match="Height \\(inches\\)"):
        height_in_inches(5, 14)
    with pytest.raises(MeasurementError, match="Height \\(feet\\)"):
        height_in_inches(12, 0)
    with pytest.raises(MeasurementError, match="missing"):
        height_in_inches("", 9)


def test_waist_must_be_possible():
    with pytest.raises(MeasurementError, match="Waist"):
        waist_to_height_ratio(0, 1.75)
    with pytest.raises(MeasurementError, match="not possible for an adult"):
        waist_to_height_ratio(200, 0.6)
    with pytest.raises(MeasurementError, match="Waist is missing"):
        waist_to_height_ratio("", 1.75)


def test_read_number_rejects_what_is_not_a_measurement():
    from lessons.topics.weight.model import LIMITS

    assert read_number(" 1,75 ", LIMITS["height", "metric"]) == 1.75
    with pytest.raises(MeasurementError):
        read_number("1.7.5", LIMITS["height", "metric"])


def test_risk_with_odds_ratio():
    assert risk_with_odds_ratio(0.2, 1) == pytest.approx(0.2)
    assert risk_with_odds_ratio(0.2, 1.3) == pytest.approx(0.325 / 1.325)  # nearly 25 in 100
    assert round(100 * risk_with_odds_ratio(0.2, 1.3), 1) == 24.5
    with pytest.raises(MeasurementError, match="Odds ratio"):
        risk_with_odds_ratio(0.2, -1)


# --- the calculator: pure result logic -------------------------------------------------------------------

def test_calculate_metric_uses_centimetres_for_height():
    result = calculate("metric", "70", "175", "80")
    assert result.ok and round(result.bmi, 1) == 22.9 and result.category.key == "healthy"
    assert result.ratio == pytest.approx(80 / 175) and result.band.key == "healthy"


def test_calculate_imperial_shows_the_conversion():
    result = calculate("imperial", "154", waist="32", feet="5", inches="9")
    assert round(result.bmi, 1) == 22.7
    assert "154 lb = 69.9 kg" in result.conversion and "69 inches = 175.3 cm" in result.conversion
    headline, lines = result_lines(result)
    assert headline == "Your BMI is 22.7: in the healthy range (18.5 to 24.9)."
    assert any(line.startswith("Exact conversion used") for line in lines) and ADULTS_ONLY in lines


def test_calculate_collects_every_problem_and_never_raises():
    result = calculate("metric", "abc", "", "-5")
    assert not result.ok and len(result.errors) == 3
    assert "Weight" in result.errors[0] and "Height is missing" in result.errors[1] and "Waist" in result.errors[2]
    assert calculate("metric", "70", "1.75").errors[0].endswith("Did you type metres? 1.75 m is 175 cm.")
    assert calculate("kelvin").errors
    assert calculate("imperial", "154", feet="", inches="9").errors == ("Height (feet) is missing: type a number "
                                                                        "between 1 and 8 feet.",)
    assert calculate("metric", "70", "60", "200").errors  # waist-to-height ratio impossible


def test_lower_thresholds_and_high_bmi_notes():
    result = calculate("metric", "72", "170", lower_thresholds=True)  # BMI 24.9
    assert result.category.key == "overweight"
    assert any("lower thresholds NICE advises" in line for line in result_lines(result)[1])
    high = calculate("metric", "130", "170", "120")  # BMI 45
    assert any("BMI under 35" in line for line in result_lines(high)[1])


def test_result_card_asks_for_numbers_then_announces_the_result():  # escaping: tests/course/test_every_lesson.py
    assert "Type your weight and height" in result_card(Assessment())
    assert 'role="status"' in result_card(calculate("metric", "70", "175"))


# --- the widgets, driven from Python ---------------------------------------------------------------------

def test_calculator_widget_metric():
    widget = WeightCalculator()
    assert "Type your weight and height" in widget.card.value
    widget.weight_kg.value, widget.height_cm.value, widget.waist_cm.value = "70", "175", "80"
    widget.button.click()
    assert "Your BMI is 22.9" in widget.card.value and "0.46: healthy" in widget.card.value


def test_calculator_widget_imperial_and_bad_input():
    widget = WeightCalculator()
    widget.units.value = "imperial"
    assert widget.weight_lb in widget.fields.children and widget.weight_kg not in widget.fields.children
    widget.weight_lb.value, widget.height_ft.value, widget.height_in.value = "154", "5", "9"
    widget.button.click()
    assert "Your BMI is 22.7" in widget.card.value and "Exact conversion" in widget.card.value
    widget.weight_lb.value = "a lot"
    widget.button.click()
    assert "Please check what you typed" in widget.card.value and "Traceback" not in widget.card.value
    assert "&#x27;a lot&#x27; is not a number" in widget.card.value


def test_calculator_widget_lower_thresholds():
    widget = WeightCalculator()
    widget.weight_kg.value, widget.height_cm.value = "70", "170"  # BMI 24.2
    widget.lower.value = True
    widget.button.click()
    assert "in the range NICE calls overweight (23 to 27.4)" in widget.card.value


def test_odds_explainer_pure_text():
    text = odds_explanation(0, 20)
    assert "1.33 (1.14 to 1.54)" in text and "33% higher odds" in text and "about 25 in 100" in text
    assert "not proof" in text
    assert "Choose one of the 11 results" in odds_explanation(99, 20)
    assert "Starting number" in odds_explanation(0, 0)
    assert len(odds_options()) == 11


def test_odds_explainer_widget():
    widget = OddsRatioExplainer()
    assert "1.33" in widget.text.value
    widget.picker.value = 10
    assert "1.89 (1.25 to 2.86)" in widget.text.value and "surgery for a herniated disc" in widget.text.value
    widget.baseline.value = 10
    expected = round(100 * risk_with_odds_ratio(0.10, 1.89))
    assert f"about {expected} in 100" in widget.text.value


def test_widgets_have_readable_plain_text():
    for widget in (WeightCalculator(), OddsRatioExplainer()):
        bundle = widget._repr_mimebundle_()
        assert "JupyterLab" in bundle["text/plain"]
        assert not math.isnan(len(bundle["text/plain"]))


def test_shown_number_and_category_always_agree():
    from lessons.topics.weight.model import round_half_up

    assert round_half_up(24.95, 1) == 25.0 and round_half_up(18.45, 1) == 18.5 and round_half_up(0.495, 2) == 0.5
    headline, _ = result_lines(Assessment(bmi=24.95, category=bmi_category(24.95)))
    assert headline == "Your BMI is 25.0: in the range NICE calls overweight (25 to 29.9)."
