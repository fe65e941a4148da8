"""Lesson 15 (posture): Wilke's disc pressures, the revised NIOSH lifting equation, figures and widget."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import pytest

from lessons.kit.tables import load_table, source_note
from lessons.topics.posture import model as niosh
from lessons.topics.posture.figures import (
    DISC_TABLE,
    GROUP_STYLE,
    ONE_PERSON_NOTE,
    disc_pressure_figure,
    disc_rows,
    multiplier_figure,
    two_decimals,
)
from lessons.topics.posture.model import (
    COUPLING_TABLE,
    FREQUENCY_ROWS,
    FREQUENCY_TABLE,
    LiftAssessment,
    LiftInputError,
    OutsideEquationLimits,
    assess_lift,
    asymmetric_multiplier,
    coupling_multiplier,
    distance_multiplier,
    frequency_multiplier,
    horizontal_multiplier,
    lifting_index,
    limit_reasons,
    max_frequency,
    multipliers,
    parse_number,
    read_inputs,
    recommended_weight_limit,
    vertical_multiplier,
)
from lessons.topics.posture.widgets import (
    NOT_A_GUARANTEE,
    LiftingCalculator,
    calculate,
    coupling_table_markdown,
    frequency_table_markdown,
    lift_summary,
    niosh_table,
    problem_card,
    result_card,
)
from tests.conftest import shown_figure


def r2(value: float) -> Decimal:
    """Round half up to two decimals, as the manual's Tables 1-4 do."""
    return Decimal(f"{value:.10f}").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- Wilke et al. 1999: the published numbers ----------------------------------------------------

def test_disc_table_matches_the_wilke_abstract():
    # Spine 1999;24(8):755-62, abstract Results: ten values in MPa, one healthy L4-L5 disc of one man.
    assert [(row["activity"], row["pressure_mpa"]) for row in disc_rows()] == [
        ("Lying face down", 0.10), ("Lying on the side", 0.12),
        ("Standing relaxed", 0.50), ("Standing bent forward", 1.10),
        ("Sitting without a backrest", 0.46), ("Sitting bent forward as far as possible", 0.83),
        ("Sitting slouched", 0.30),
        ("Lifting 20 kg with a rounded back", 2.30), ("Lifting 20 kg with bent knees", 1.70),
        ("Lifting 20 kg held close to the body", 1.10)]
    table = load_table(DISC_TABLE)
    assert table.source == "wilke-1999-disc-pressure" and "Spine 1999" in table.citation
    assert "ONE PERSON, ONE DISC" in table.note and "did not measure pain" in table.note
    assert "Wilke" in source_note(DISC_TABLE).data


# --- the four formula multipliers: boundaries ------------------------------------------------------

def test_horizontal_multiplier_boundaries():
    assert horizontal_multiplier(25) == 1.0
    assert horizontal_multiplier(10) == 1.0          # H under 25 cm counts as 25 (p. 8)
    assert horizontal_multiplier(50) == 0.5
    assert horizontal_multiplier(63) == pytest.approx(25 / 63)
    assert horizontal_multiplier(63.01) == 0.0       # over 63 cm: HM = 0
    assert horizontal_multiplier(300) == 0.0  # the largest H this calculator takes (beyond it: an error)


def test_vertical_multiplier_boundaries():
    assert vertical_multiplier(75) == 1.0
    assert vertical_multiplier(0) == pytest.approx(0.775)   # V may be 0: hands at the floor
    assert vertical_multiplier(175) == pytest.approx(0.70)
    assert vertical_multiplier(175.01) == 0.0               # over 175 cm: VM = 0


def test_distance_multiplier_boundaries():
    assert distance_multiplier(25) == pytest.approx(1.0)
    assert distance_multiplier(5) == pytest.approx(1.0)     # D under 25 cm counts as 25
    assert distance_multiplier(175) == pytest.approx(0.82 + 4.5 / 175)
    assert distance_multiplier(175.01) == 0.0               # over 175 cm: DM = 0


def test_asymmetric_multiplier_boundaries():
    assert asymmetric_multiplier(0) == 1.0
    assert asymmetric_multiplier(90) == pytest.approx(0.712)
    assert asymmetric_multiplier(135) == pytest.approx(0.568)
    assert asymmetric_multiplier(135.01) == 0.0             # over 135 degrees: AM = 0
    assert asymmetric_multiplier(180) == 0.0


def test_formulas_reproduce_the_manuals_metric_tables_1_to_4():
    table_1 = {28: ".89", 30: ".83", 32: ".78", 34: ".74", 36: ".69", 38: ".66", 40: ".63", 42: ".60",
               44: ".57", 46: ".54", 48: ".52", 50: ".50", 52: ".48", 54: ".46", 56: ".45", 58: ".43",
               60: ".42", 63: ".40"}
    table_2 = {0: ".78", 10: ".81", 20: ".84", 30: ".87", 40: ".90", 50: ".93", 60: ".96", 70: ".99",
               80: ".99", 90: ".96", 100: ".93", 110: ".90", 120: ".87", 130: ".84", 140: ".81",
               150: ".78", 160: ".75", 170: ".72", 175: ".70"}
    table_3 = {40: ".93", 55: ".90", 70: ".88", 85: ".87", 100: ".87", 115: ".86", 145: ".85",
               160: ".85", 175: ".85"}  # D = 130: the table prints .86, the formula gives .8546 (a known
    table_4 = {0: "1.00", 15: ".95", 30: ".90", 45: ".86", 60: ".81", 75: ".76", 90: ".71",  # misprint)
               105: ".66", 120: ".62", 135: ".57"}
    for h, value in table_1.items():
        assert r2(horizontal_multiplier(h)) == Decimal(value), h
    for v, value in table_2.items():
        assert r2(vertical_multiplier(v)) == Decimal(value), v
    for d, value in table_3.items():
        assert r2(distance_multiplier(d)) == Decimal(value), d
    assert r2(distance_multiplier(130)) == Decimal(".85")
    for a, value in table_4.items():
        assert r2(asymmetric_multiplier(a)) == Decimal(value), a


# --- the two tables ---------------------------------------------------------------------------------

MANUAL_TABLE_5 = """\
0.2,1.00,1.00,.95,.95,.85,.85
0.5,.97,.97,.92,.92,.81,.81
1,.94,.94,.88,.88,.75,.75
2,.91,.91,.84,.84,.65,.65
3,.88,.88,.79,.79,.55,.55
4,.84,.84,.72,.72,.45,.45
5,.80,.80,.60,.60,.35,.35
6,.75,.75,.50,.50,.27,.27
7,.70,.70,.42,.42,.22,.22
8,.60,.60,.35,.35,.18,.18
9,.52,.52,.30,.30,.00,.15
10,.45,.45,.26,.26,.00,.13
11,.41,.41,.00,.23,.00,.00
12,.37,.37,.00,.21,.00,.00
13,.00,.34,.00,.00,.00,.00
14,.00,.31,.00,.00,.00,.00
15,.00,.28,.00,.00,.00,.00"""  # Table 5, p. 15 of the 2021 manual: F, then (V<75, V>=75) for <=1 h, <=2 h, <=8 h


def test_frequency_table_is_the_manuals_table_5():
    for line, frequency, *rows in zip(MANUAL_TABLE_5.splitlines(), FREQUENCY_ROWS,
                                      *FREQUENCY_TABLE.values(), strict=True):
        f, *values = line.split(",")
        assert float(f) == frequency
        assert [float(x) for x in values] == [m for row in rows for m in row]


def test_frequency_lookups_at_every_row():
    for index, frequency in enumerate(FREQUENCY_ROWS):
        for duration, rows in FREQUENCY_TABLE.items():
            low, high = rows[index]
            assert frequency_multiplier(frequency, duration, 30) == pytest.approx(low)
            assert frequency_multiplier(frequency, duration, 80) == pytest.approx(high)


def test_frequency_interpolation_and_edges():
    assert frequency_multiplier(2.4, "short", 30) == pytest.approx(0.91 + (0.88 - 0.91) * 0.4)
    assert frequency_multiplier(0.1, "long", 30) == 0.85       # under 0.2 counts as 0.2 (p. 14)
    assert frequency_multiplier(0.35, "short", 30) == pytest.approx(0.985)
    assert max_frequency("short", 30) == 12 and max_frequency("short", 80) == 15
    assert max_frequency("moderate", 30) == 10 and max_frequency("long", 80) == 10
    assert frequency_multiplier(12.5, "short", 30) == 0.0      # above the column's last non-zero row
    assert frequency_multiplier(15, "short", 80) == pytest.approx(0.28)
    assert frequency_multiplier(15.01, "short", 80) == 0.0     # above 15: FM = 0
    assert frequency_multiplier(9, "long", 74.9) == 0.0 and frequency_multiplier(9, "long", 75) == 0.15


def test_coupling_table_is_the_manuals_table_7():
    assert COUPLING_TABLE == {"good": (1.00, 1.00), "fair": (0.95, 1.00), "poor": (0.90, 0.90)}
    assert coupling_multiplier("fair", 74.9) == 0.95
    assert coupling_multiplier("fair", 75) == 1.00           # the V >= 75 cm column
    assert coupling_multiplier("poor", 120) == 0.90 and coupling_multiplier("good", 0) == 1.00


# --- worked examples ---------------------------------------------------------------------------------

def test_manual_example_4_package_inspection_origin():
    # Manual Example 4, Figure 14 (p. 46), U.S. units: 51 x 1.0 x .94 x .87 x 1.0 x .88 x .95 = 34.9 lb
    # with rounded multipliers, V = 22 in, D = 37 in, fair coupling. H <= 10 in and A = 0 give the printed
    # HM and AM of 1.0; F = 3 lifts/min for 1 hour or less gives the printed FM of .88 (the worksheet's own
    # F and duration were not seen).
    m = multipliers(10, 22, 37, 0, 3, "short", "fair", units="us")
    assert [r2(m[key]) for key in ("HM", "VM", "DM", "AM", "FM", "CM")] == [
        Decimal("1.00"), Decimal("0.94"), Decimal("0.87"), Decimal("1.00"), Decimal("0.88"), Decimal("0.95")]
    rounded = 51 * 1.0 * 0.94 * 0.87 * 1.0 * 0.88 * 0.95
    assert round(rounded, 1) == 34.9
    full = recommended_weight_limit(10, 22, 37, 0, 3, "short", "fair", units="us")
    assert round(full, 1) == 34.8 and abs(full - rounded) < 0.1   # p. 29: rounding differs in the last digit


def test_manual_example_4_destination_multipliers():
    # Destination of Example 4: V = 59 in, fair coupling: VM = 1 - .0075 x 29 = .7825, CM = 1.0 (V >= 30 in).
    assert vertical_multiplier(59, "us") == pytest.approx(0.7825)
    assert coupling_multiplier("fair", 59, "us") == 1.0


def test_ideal_lift_gives_the_load_constant():
    assert recommended_weight_limit(25, 75, 25, 0, 0.2, "short", "good") == pytest.approx(23.0)
    assert recommended_weight_limit(10, 30, 10, 0, 0.2, "short", "good", units="us") == pytest.approx(51.0)


def test_hand_worked_metric_example():
    # 12 kg, H 40, V 30, D 50, A 30, 2 lifts/min for over 2 hours, fair grip, worked out by hand:
    # HM 25/40 = .625; VM 1 - .003 x 45 = .865; DM .82 + 4.5/50 = .91; AM 1 - .0032 x 30 = .904;
    # FM (2/min, long, V < 75) = .65; CM (fair, V < 75) = .95.
    rwl = 23 * 0.625 * 0.865 * 0.91 * 0.904 * 0.65 * 0.95
    result = assess_lift(12, 40, 30, 50, 30, 2, "long", "fair")
    assert result.rwl == pytest.approx(rwl) and round(result.rwl, 2) == 6.32
    assert result.li == pytest.approx(12 / rwl) and round(result.li, 2) == 1.90
    assert result.band == "increased"


def test_lifting_index_and_bands():
    assert lifting_index(12, 8) == 1.5
    bands = {li: LiftAssessment(li, "metric", {}, 1.0, li).band for li in (0.5, 1.0, 1.01, 3.0, 3.01)}
    assert bands == {0.5: "goal", 1.0: "goal", 1.01: "increased", 3.0: "increased", 3.01: "high"}
    huge = assess_lift(300, 25, 75, 25, 0, 1, "short", "good")  # the heaviest load it takes
    assert huge.band == "high" and huge.li > 10


# --- rejections: outside the limits, and nonsense -----------------------------------------------------

def test_outside_the_limits_names_every_input():
    with pytest.raises(OutsideEquationLimits) as caught:
        assess_lift(10, 70, 180, 200, 140, 20, "short", "good")
    fields = [field for field, _reason in caught.value.reasons]
    assert fields == ["horizontal", "vertical", "distance", "asymmetry", "frequency"]
    message = str(caught.value)
    assert message.startswith("The recommended weight limit is 0")
    for limit in ("63 cm", "175 cm", "135 degrees", "above 15"):  # V 180 cm: the V >= 75 column
        assert limit in message
    assert isinstance(caught.value, ValueError) and caught.value.field == "horizontal"
    assert recommended_weight_limit(70, 30, 50, 0, 1, "short", "good") == 0.0   # the manual's RWL of 0
    assert limit_reasons(40, 30, 50, 0, 1, "short", "good") == []


def test_lifting_index_of_a_zero_rwl_is_rejected():
    with pytest.raises(OutsideEquationLimits, match="no lifting index"):
        lifting_index(10, 0)


@pytest.mark.parametrize(("call", "field", "words"), [
    (lambda: horizontal_multiplier(0), "horizontal", "more than 0"),
    (lambda: horizontal_multiplier(-5), "horizontal", "negative"),
    (lambda: horizontal_multiplier("40"), "horizontal", "not a number"),
    (lambda: horizontal_multiplier(None), "horizontal", "not a number"),
    (lambda: horizontal_multiplier(True), "horizontal", "not a number"),
    (lambda: vertical_multiplier(math.nan), "vertical", "finite"),
    (lambda: vertical_multiplier(-1), "vertical", "negative"),
    (lambda: distance_multiplier(0), "distance", "more than 0"),
    (lambda: distance_multiplier(math.inf), "distance", "finite"),
    (lambda: asymmetric_multiplier(-10), "asymmetry", "negative"),
    (lambda: asymmetric_multiplier(200), "asymmetry", "from 0 to 180 degrees"),
    (lambda: horizontal_multiplier(1e12), "horizontal", "up to 300 cm"),
    (lambda: lifting_index(1e308, 10), "load", "up to 300 kg"),
    (lambda: assess_lift(10**400, 40, 30, 50, 0, 1, "short", "fair"), "load", "too big"),
    (lambda: frequency_multiplier(61, "short", 30), "frequency", "up to 60 lifts per minute"),
    (lambda: frequency_multiplier(0, "short", 30), "frequency", "more than 0"),
    (lambda: frequency_multiplier(-2, "short", 30), "frequency", "negative"),
    (lambda: frequency_multiplier(2, "8+ hours", 30), "duration", "not in the table"),
    (lambda: frequency_multiplier(2, None, 30), "duration", "not in the table"),
    (lambda: frequency_multiplier(2, "Short", 30), "duration", "not in the table"),
    (lambda: coupling_multiplier("excellent", 30), "coupling", "not in the table"),
    (lambda: coupling_multiplier(1, 30), "coupling", "not in the table"),
    (lambda: horizontal_multiplier(40, units="imperial"), "units", "not one of"),
    (lambda: lifting_index(0, 10), "load", "more than 0"),
    (lambda: lifting_index(-3, 10), "load", "negative"),
    (lambda: assess_lift("12 kg", 40, 30, 50, 0, 1, "short", "fair"), "load", "not a number"),
])
def test_nonsense_is_rejected_with_the_field_and_the_reason(call, field, words):
    with pytest.raises(LiftInputError) as caught:
        call()
    assert caught.value.field == field and words in str(caught.value)
    assert str(caught.value).startswith(niosh.FIELD_NAMES[field])


def test_parse_number_reads_text_boxes():
    assert parse_number(" 12 ", "load") == 12.0
    assert parse_number("12,5", "load") == 12.5
    for text, words in (("", "empty"), (None, "empty"), ("ten", "not a number"), ("40 cm", "without units"),
                        ("nan", "finite"), ("inf", "finite")):
        with pytest.raises(LiftInputError, match=words):
            parse_number(text, "horizontal")


# --- figures ------------------------------------------------------------------------------------------

def test_disc_figure_plots_only_the_published_values():
    fig = disc_pressure_figure()
    assert [trace.meta for trace in fig.data] == list(GROUP_STYLE)
    plotted = {y: x for trace in fig.data for y, x in zip(trace.y, trace.x, strict=True)}
    assert plotted == {row["activity"]: row["pressure_mpa"] for row in disc_rows()}
    assert len({trace.marker.pattern.shape for trace in fig.data}) == 4     # never colour alone
    assert all(text.endswith("MPa") for trace in fig.data for text in trace.text)
    assert any(a.text == ONE_PERSON_NOTE for a in fig.layout.annotations)
    (line,) = fig.layout.shapes
    assert line.x0 == 0.5   # relaxed standing


def test_multiplier_figure_marks_the_smallest():
    values = multipliers(40, 30, 50, 0, 1, "short", "fair")
    (bar,) = multiplier_figure(values).data
    assert list(bar.x) == list(values.values())
    assert bar.text[0].startswith("0.63") and "smallest" in bar.text[0]
    assert sum("smallest" in text for text in bar.text) == 1
    assert list(bar.marker.pattern.shape).count("/") == 1
    (no_mark,) = multiplier_figure(dict.fromkeys(values, 1.0)).data
    assert not any("smallest" in text for text in no_mark.text)
    with pytest.raises(ValueError, match="missing multipliers: CM"):
        multiplier_figure({key: 1.0 for key in ("HM", "VM", "DM", "AM", "FM")})


def test_two_decimals_rounds_half_up_like_the_manual():
    assert two_decimals(0.625) == "0.63" and two_decimals(0.8686) == "0.87" and two_decimals(0.0) == "0.00"
    assert two_decimals(vertical_multiplier(10)) == "0.81"   # 0.805 in exact arithmetic, as in Table 2


# --- the calculator's pure text functions -------------------------------------------------------------

def test_calculate_and_cards():
    texts = {"load": "12", "horizontal": "40", "vertical": "30", "distance": "50", "asymmetry": "0",
             "frequency": "1"}
    assert read_inputs(texts, "short", "fair")["horizontal"] == 40.0
    result = calculate(texts, "short", "fair")
    assert result.error is None and round(result.assessment.rwl, 1) == 10.1
    card = result_card(result.assessment)
    assert "RWL): 10.1 kg" in card and "= 1.19" in card and "above 1.0" in card
    assert NOT_A_GUARANTEE[:40] in card and "not a personal safety guarantee" in card
    bad = calculate({**texts, "load": "<b>ten</b>"}, "short", "fair")
    assert bad.assessment is None and bad.error.field == "load"
    assert "&lt;b&gt;ten&lt;/b&gt;" in problem_card(bad.error) and "<b>ten" not in problem_card(bad.error)
    outside = calculate({**texts, "horizontal": "70"}, "short", "fair")
    card = problem_card(outside.error)
    assert "RWL is 0 kg" in card and "Horizontal distance (H): 70 cm" in card and 'role="alert"' in card
    assert calculate(texts, "forever", "fair").error.field == "duration"


def test_lift_summary_and_tables():
    text = lift_summary(12, 25, 30, 50, 0, 1, "short", "fair")
    assert "**16.2 kg**" in text and "**0.74**" in text and "1.0 or less" in text
    assert lift_summary(12, 70, 30, 50, 0, 1, "short", "fair").startswith("**Not worked out.**")
    table_5 = frequency_table_markdown().splitlines()
    assert len(table_5) == 2 + len(FREQUENCY_ROWS) + 1
    assert table_5[2] == "| 0.2 or fewer | 1.00 | 1.00 | 0.95 | 0.95 | 0.85 | 0.85 |"
    assert table_5[-1].startswith("| more than 15 |")
    assert "| 0.95 | 1.00 |" in coupling_table_markdown()
    assert niosh_table("coupling").data == coupling_table_markdown()
    with pytest.raises(ValueError, match="unknown table"):
        niosh_table("asymmetry")


# --- the widget, driven from Python --------------------------------------------------------------------

def test_calculator_widget_defaults_and_changes():
    calc = LiftingCalculator()
    assert "10.1 kg" in calc.card.value and "1.19" in calc.card.value
    assert shown_figure(calc.figure)["layout"]["title"]["text"] == "The six multipliers of this lift"
    calc.boxes["horizontal"].value = "25"
    calc.button.click()
    assert "16.2 kg" in calc.card.value and "0.74" in calc.card.value
    calc.duration.value = "long"
    calc.button.click()
    assert "<td>0.75</td>" in calc.card.value     # FM for 1 lift/min over 2 hours, V under 75 cm
    calc.coupling.value = "poor"
    calc.button.click()
    assert "<td>0.90</td>" in calc.card.value
    assert calc._repr_mimebundle_()["text/plain"].startswith("Lifting calculator")


def test_calculator_widget_reports_problems_without_a_traceback():
    calc = LiftingCalculator()
    calc.boxes["load"].value = "ten"
    calc.button.click()
    assert "Check this input" in calc.card.value and "Load weight" in calc.card.value
    assert calc.figure.outputs == ()
    calc.boxes["load"].value = "12"
    calc.boxes["horizontal"].value = "70"
    calc.button.click()
    assert "outside the equation" in calc.card.value and "63 cm" in calc.card.value
    assert calc.figure.outputs == ()
    calc.boxes["horizontal"].value = "-4"
    calc.button.click()
    assert "negative" in calc.card.value
    calc.boxes["horizontal"].value = ""
    calc.button.click()
    assert "is empty" in calc.card.value


def test_calculator_widget_accepts_starting_values():
    calc = LiftingCalculator(load="5", duration="moderate", coupling="good")
    assert calc.boxes["load"].value == "5" and calc.duration.value == "moderate"
    assert calc.coupling.value == "good" and "1.0 or less" in calc.card.value
