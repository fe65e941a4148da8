"""Lesson 14 widgets: a BMI and waist calculator, and an odds-ratio explainer.

The reasoning lives in pure functions (``calculate``, ``result_card``, ``odds_explanation``) so it is
unit-tested without a widget. Bad input never raises out of a widget: the message names the field and
the allowed range, and it is shown in the widget.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from lessons.kit.inputs import NUMBER_RULE, shown
from lessons.kit.widget import FEEDBACK_STYLE, CourseWidget, escape, feedback_html
from lessons.topics.weight.figures import all_rows, interval_text
from lessons.topics.weight.model import (
    BMI_LIMITS,
    CM_PER_INCH,
    KG_PER_LB,
    LIMITS,
    UNITS,
    Category,
    Limits,
    MeasurementError,
    WaistBand,
    bmi,
    bmi_category,
    fill,
    height_in_inches,
    measures,
    read_number,
    risk_with_odds_ratio,
    round_half_up,
    waist_band,
    waist_to_height_ratio,
)

CALCULATOR = measures().calculator     # the calculator's sentences (content/weight_measures.yml)
ODDS = measures().odds                 # the odds-ratio explainer's sentences
ADULTS_ONLY = CALCULATOR["adults_only"]
NOT_A_JUDGEMENT = CALCULATOR["not_a_judgement"]
LOWER_GROUPS = measures().lower_groups


@dataclass(frozen=True)
class Assessment:
    errors: tuple[str, ...] = ()          # one plain message per bad field
    bmi: float | None = None
    category: Category | None = None
    ratio: float | None = None
    band: WaistBand | None = None
    conversion: str = ""                  # the imperial input in metric, to show the arithmetic
    lower_thresholds: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and self.bmi is not None


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def calculate(units: str = "metric", weight="", height="", waist="", feet="", inches="",
              lower_thresholds: bool = False) -> Assessment:
    """Check the typed values and work out BMI (and the waist-to-height ratio if a waist is given).

    Metric: ``weight`` in kg, ``height`` in cm, ``waist`` in cm. Imperial: ``weight`` in lb, ``feet`` and
    ``inches`` for height, ``waist`` in inches. Never raises for bad input: errors come back as messages.
    """
    if units not in UNITS:
        return Assessment(errors=(f"Units must be metric or imperial, not {shown(units)}.",))
    errors: list[str] = []

    def attempt(function, *args):
        try:
            return function(*args)
        except MeasurementError as problem:
            errors.append(str(problem))
            return None

    weight_value = attempt(read_number, weight, LIMITS["weight", units])
    if units == "metric":
        height_cm = attempt(read_number, height, LIMITS["height_cm", "metric"])
        height_value = None if height_cm is None else height_cm / 100  # metres, as bmi() expects
    else:
        height_value = attempt(height_in_inches, feet, inches)
        if height_value is not None:
            height_value = attempt(read_number, height_value, LIMITS["height", "imperial"])
    waist_value = None if _blank(waist) else attempt(read_number, waist, LIMITS["waist", units])
    if errors:
        return Assessment(errors=tuple(errors), lower_thresholds=lower_thresholds)

    value = attempt(bmi, weight_value, height_value, units)
    if value is not None and not BMI_LIMITS.low <= value <= BMI_LIMITS.high:
        errors.append(f"This weight and height give a BMI of {value:.0f}, which is not possible for an adult "
                      f"(this calculator shows a BMI {BMI_LIMITS.describe()}): check both numbers and their units.")
    ratio = None if waist_value is None else attempt(waist_to_height_ratio, waist_value, height_value, units)
    if errors:
        return Assessment(errors=tuple(errors), lower_thresholds=lower_thresholds)
    conversion = ""
    if units == "imperial":
        conversion = (f"{weight_value:g} lb = {weight_value * KG_PER_LB:.1f} kg; height {height_value:g} inches = "
                      f"{height_value * CM_PER_INCH:.1f} cm"
                      + ("" if waist_value is None else f"; waist {waist_value:g} inches = "
                                                        f"{waist_value * CM_PER_INCH:.1f} cm") + ".")
    return Assessment(bmi=value, category=bmi_category(value, lower_thresholds),
                      ratio=ratio, band=None if ratio is None else waist_band(ratio),
                      conversion=conversion, lower_thresholds=lower_thresholds)


def result_lines(result: Assessment) -> tuple[str, list[str]]:
    """(headline, paragraphs) for a result, in plain and kind words."""
    if result.errors:
        return "Please check what you typed:", list(result.errors)
    if not result.ok:
        return CALCULATOR["prompt"], [ADULTS_ONLY]
    category = result.category
    headline = fill(CALCULATOR["headline"], bmi=f"{round_half_up(result.bmi, 1):.1f}", name=category.name,
                    band=category.band)
    lines = [category.meaning]
    if result.lower_thresholds:
        overweight, obesity = measures().thresholds["lower"]
        lines.append(fill(CALCULATOR["lower_thresholds"], groups=LOWER_GROUPS, overweight=f"{overweight:g}",
                          obesity=f"{obesity:g}"))
    if result.band is not None:
        lines.append(fill(CALCULATOR["waist"], ratio=f"{round_half_up(result.ratio, 2):.2f}", name=result.band.name,
                          band=result.band.band, meaning=result.band.meaning))
        if round_half_up(result.bmi, 1) >= measures().waist_bmi_below:
            lines.append(fill(CALCULATOR["waist_above_bmi_limit"], limit=f"{measures().waist_bmi_below:g}"))
    else:
        lines.append(CALCULATOR["add_waist"])
    if result.conversion:
        lines.append(fill(CALCULATOR["conversion"], conversion=result.conversion))
    lines += [ADULTS_ONLY, NOT_A_JUDGEMENT]
    return headline, lines


def result_card(result: Assessment) -> str:
    """The result as HTML (all text escaped): a problem box, a prompt, or the result with its meaning."""
    headline, lines = result_lines(result)
    if result.errors:
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        return (f'<div class="course-feedback course-feedback-wrong" role="alert" '
                f'style="{FEEDBACK_STYLE["wrong"]}"><strong>✘ {escape(headline)}</strong><ul>{items}</ul></div>')
    if not result.ok:
        return feedback_html(None, headline, lines[0])
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return (f'<div class="course-feedback course-feedback-info" role="status" aria-live="polite" '
            f'style="{FEEDBACK_STYLE["info"]}"><strong>ℹ {escape(headline)}</strong>{body}</div>')


NUMBERS_NOTE = f"{CALCULATOR['numbers_note']} {NUMBER_RULE}"


def hint(key: tuple[str, str], example: float, optional: bool = False) -> str:
    """A box's placeholder: its range and an example, "20 to 450, e.g. 70"."""
    limits = LIMITS[key]
    return f"{'optional, ' if optional else ''}{limits.low:g} to {limits.high:g}, e.g. {example:g}"


def _text(description: str, placeholder: str) -> widgets.Text:
    return widgets.Text(value="", description=description, placeholder=placeholder, continuous_update=False,
                        tooltip=f"{placeholder}. {NUMBER_RULE}",
                        style={"description_width": "9em"}, layout=widgets.Layout(width="22em"))


class WeightCalculator(CourseWidget):
    """Lesson 14: BMI and waist-to-height ratio, metric or imperial, with a kind, plain-words result."""

    def __init__(self):
        self.plain_text = CALCULATOR["plain_text"]
        self.units = widgets.ToggleButtons(
            options=[("Metric (kg, cm)", "metric"), ("Imperial (lb, ft, in)", "imperial")], value="metric",
            description="Units:", tooltips=["Kilograms and centimetres", "Pounds, feet and inches"])
        self.weight_kg = _text("Weight (kg):", hint(("weight", "metric"), 70))
        self.height_cm = _text("Height (cm):", hint(("height_cm", "metric"), 175))
        self.waist_cm = _text("Waist (cm):", hint(("waist", "metric"), 80, optional=True))
        self.weight_lb = _text("Weight (lb):", hint(("weight", "imperial"), 154))
        self.height_ft = _text("Height (feet):", hint(("feet", "imperial"), 5))
        self.height_in = _text("and inches:", hint(("inches", "imperial"), 9))
        self.waist_in = _text("Waist (inches):", hint(("waist", "imperial"), 32, optional=True))
        self.rule = widgets.HTML(f"<p>{escape(NUMBERS_NOTE)}</p>")
        self.lower = widgets.Checkbox(
            value=False, indent=False, layout=widgets.Layout(width="max-content"),
            description=f"Use NICE's lower BMI thresholds ({LOWER_GROUPS})")
        self.button = widgets.Button(description="Calculate", button_style="primary",
                                     tooltip="Work out BMI and waist-to-height ratio")
        self.fields = widgets.VBox()
        self.card = widgets.HTML()
        self.units.observe(lambda _change: self.show_fields(), names="value")
        self.button.on_click(lambda _button: self.calculate())
        super().__init__([self.units, self.rule, self.fields, self.lower, self.button, self.card])
        self.add_class("course-weight-calculator")
        self.show_fields()

    def show_fields(self) -> None:
        if self.units.value == "imperial":
            self.fields.children = (self.weight_lb, self.height_ft, self.height_in, self.waist_in)
        else:
            self.fields.children = (self.weight_kg, self.height_cm, self.waist_cm)
        self.card.value = result_card(Assessment())

    def result(self) -> Assessment:
        if self.units.value == "imperial":
            return calculate("imperial", self.weight_lb.value, waist=self.waist_in.value, feet=self.height_ft.value,
                             inches=self.height_in.value, lower_thresholds=self.lower.value)
        return calculate("metric", self.weight_kg.value, self.height_cm.value, self.waist_cm.value,
                         lower_thresholds=self.lower.value)

    def calculate(self) -> None:
        self.card.value = result_card(self.result())


# --- what an odds ratio means ---------------------------------------------------------------------------

COMPARED_WITH = ODDS["compared_with"]
LIMITS_PER_100 = Limits("Starting number", "in 100", 1, 60)


def odds_options() -> list[tuple[str, int]]:
    """(label, index) for every confirmed odds ratio, for a radio-button list."""
    return [(f"{row['label']}: {row['weight_group']} ({'Shiri 2010' if row['paper'] == '2010' else 'Shiri 2014'})",
             index) for index, row in enumerate(all_rows())]


def odds_explanation(index, baseline_per_100) -> str:
    """A plain-words sentence for one odds ratio, with a made-up starting number to show it in people."""
    rows = all_rows()
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(rows):
        return f"Choose one of the {len(rows)} results in the list."
    try:
        start = read_number(baseline_per_100, LIMITS_PER_100)
    except MeasurementError as problem:
        return str(problem)
    row = rows[index]
    odds_ratio, low, high = row["odds_ratio"], row["ci_lower"], row["ci_upper"]
    group = "people with overweight or obesity" if row["weight_group"] == "overweight or obesity" else \
        f"people with {row['weight_group']}"
    outcome = row["label"][0].lower() + row["label"][1:]
    in_people = [100 * risk_with_odds_ratio(start / 100, value) for value in (odds_ratio, low, high)]
    return fill(ODDS["explanation"], interval=interval_text(row), group=group, odds_ratio=f"{odds_ratio:.2f}",
                percent=f"{(odds_ratio - 1) * 100:.0f}", outcome=outcome, compared_with=COMPARED_WITH,
                start=f"{start:g}", in_people=f"{in_people[0]:.0f}", low=f"{in_people[1]:.0f}",
                high=f"{in_people[2]:.0f}")


class OddsRatioExplainer(CourseWidget):
    """Lesson 14: pick a published odds ratio and see what it would mean in 100 people."""

    def __init__(self, start: int = 0, baseline: int = 20):
        self.plain_text = ODDS["plain_text"]
        self.picker = widgets.RadioButtons(options=odds_options(), value=start, description="Result:",
                                           layout=widgets.Layout(width="max-content"))
        self.baseline = widgets.IntSlider(value=baseline, min=1, max=60, step=1, continuous_update=False,
                                          description="Made-up starting number (in 100):",
                                          style={"description_width": "initial"},
                                          layout=widgets.Layout(width="34em"))
        self.text = widgets.HTML()
        self.picker.observe(lambda _change: self.show(), names="value")
        self.baseline.observe(lambda _change: self.show(), names="value")
        super().__init__([self.picker, self.baseline, self.text])
        self.add_class("course-odds-explainer")
        self.show()

    def show(self) -> None:
        self.text.value = f"<p>{escape(odds_explanation(self.picker.value, self.baseline.value))}</p>"
