"""Lesson 14 widgets: a BMI and waist calculator, and an odds-ratio explainer.

The reasoning lives in pure functions of ``lessons.topics.weight.model`` (``calculate``, ``result_lines``,
``odds_explanation``), and the cards are pure functions here (``result_card``), so both are unit-tested
without a widget. Bad input never raises out of a widget: the message names the field and
the allowed range, and it is shown in the widget.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.inputs import NUMBER_RULE
from lessons.kit.widget import FEEDBACK_STYLE, CourseWidget, escape, feedback_html
from lessons.topics.weight.model import (
    CALCULATOR,
    LIMITS,
    LOWER_GROUPS,
    ODDS,
    Assessment,
    calculate,
    odds_explanation,
    odds_options,
    result_lines,
)


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
