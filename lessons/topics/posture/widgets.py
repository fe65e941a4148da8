"""Lesson 15 widget: a lifting calculator built on the revised NIOSH lifting equation.

The widget only reads the text boxes and shows results. Reading and checking the inputs
(``read_inputs``), the calculation (``calculate``) and the card texts (``result_card``,
``problem_card``) are pure functions, unit-tested without a widget.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from lessons.kit.inputs import NUMBER_RULE
from lessons.kit.widget import FEEDBACK_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.topics.posture.figures import MULTIPLIER_NAMES, multiplier_figure, two_decimals
from lessons.topics.posture.model import (
    COUPLING_TABLE,
    COUPLINGS,
    DURATIONS,
    FIELD_NAMES,
    FREQUENCY_ROWS,
    FREQUENCY_TABLE,
    LiftAssessment,
    LiftInputError,
    OutsideEquationLimits,
    assess_lift,
    parse_number,
    upper_bound,
)


def _label(field: str, words: str) -> str:
    """A box's label with its unit and upper bound: "Load weight (kg, up to 300)"."""
    bound, unit = upper_bound(field)
    return f"{words} ({unit + ', ' if unit != 'lifts per minute' else ''}up to {bound:g})"


TEXT_FIELDS = (
    ("load", _label("load", "Load weight")),
    ("horizontal", _label("horizontal", "H: hands out in front of the ankles")),
    ("vertical", _label("vertical", "V: height of the hands above the floor at the start")),
    ("distance", _label("distance", "D: how far the load moves up or down")),
    ("asymmetry", _label("asymmetry", "A: twist away from straight ahead")),
    ("frequency", _label("frequency", "F: lifts per minute")),
)
NUMBERS_NOTE = ("Type each measurement as a number, without units: the load up to "
                f"{upper_bound('load')[0]:g} kg; H, V and D up to {upper_bound('distance')[0]:g} cm; A up to "
                f"{upper_bound('asymmetry')[0]:g} degrees; F up to {upper_bound('frequency')[0]:g} lifts per "
                f"minute. {NUMBER_RULE}")
DEFAULTS = {"load": "12", "horizontal": "40", "vertical": "30", "distance": "50", "asymmetry": "0",
            "frequency": "1", "duration": "short", "coupling": "fair"}

BAND_TEXT = {
    "goal": ("The lifting index is 1.0 or less. NIOSH's goal is to design all lifting jobs to reach an LI "
             "of 1.0 or less."),
    "increased": ("The lifting index is above 1.0. NIOSH says lifting tasks with an LI above 1.0 are likely "
                  "to pose an increased risk of lifting-related low back pain for some fraction of the "
                  "workforce: the task is a candidate for redesign."),
    "high": ("The lifting index is above 3.0. The manual reports that experts agree nearly all workers "
             "would be at increased risk of a work-related injury in tasks with an LI above 3.0."),
}
NOT_A_GUARANTEE = (
    "The equation is a tool for designing and checking workplace lifting tasks for a working population. "
    "It is not a personal safety guarantee: it has not been fully validated, the shape of the risk is not "
    "known, and the manual says it is impossible to predict the risk for a given person. It does not apply "
    "to one-handed, seated or kneeling lifts, unstable loads, slippery floors or very fast lifts.")
WHERE_MEASURED = ("Worked out for where the hands start the lift. If the load must be placed carefully at the "
                  "end, the manual works out the limit there too and uses the lower one.")


@dataclass(frozen=True)
class Calculation:
    assessment: LiftAssessment | None = None
    error: LiftInputError | None = None


def read_inputs(texts: dict[str, str], duration: str, coupling: str) -> dict:
    """The typed texts as numbers, ready for ``assess_lift``; raises LiftInputError for the first bad box."""
    values = {}
    for field, _label in TEXT_FIELDS:
        values[field] = parse_number(texts.get(field, ""), field)
    values["duration"], values["coupling"] = duration, coupling
    return values


def calculate(texts: dict[str, str], duration: str, coupling: str) -> Calculation:
    """Read and check the inputs, then run the equation. Problems come back as the error, never raised."""
    try:
        v = read_inputs(texts, duration, coupling)
        return Calculation(assessment=assess_lift(v["load"], v["horizontal"], v["vertical"], v["distance"],
                                                  v["asymmetry"], v["frequency"], v["duration"], v["coupling"]))
    except LiftInputError as error:
        return Calculation(error=error)


def result_card(result: LiftAssessment) -> str:
    """RWL, LI, each multiplier and what the LI means, as escaped HTML."""
    rows = "".join(f"<tr><td>{escape(MULTIPLIER_NAMES[key])}</td><td>{two_decimals(value)}</td></tr>"
                   for key, value in result.multipliers.items())
    headline = (f"Recommended weight limit (RWL): {result.rwl:.1f} kg. Lifting index (LI): {result.load:g} kg "
                f"÷ {result.rwl:.1f} kg = {result.li:.2f}.")
    box = feedback_html(None if result.band == "goal" else False, headline, notes=(BAND_TEXT[result.band],))
    return (box + f"<table><tr><th>Multiplier</th><th>Value</th></tr>{rows}</table>"
            f"<p>{escape(WHERE_MEASURED)}</p><p><em>{escape(NOT_A_GUARANTEE)}</em></p>")


def problem_card(error: LiftInputError) -> str:
    """What is wrong with the inputs (or why the lift is outside the equation), as escaped HTML."""
    if isinstance(error, OutsideEquationLimits):
        items = "".join(f"<li>{escape(FIELD_NAMES.get(field, field))}: {escape(reason)}</li>"
                        for field, reason in error.reasons)
        return (f'<div class="course-feedback course-feedback-warning" role="alert" '
                f'style="{FEEDBACK_STYLE["wrong"]}"><strong>✘ RWL is 0 kg: this lift is outside the '
                f"equation's limits, so no lifting index can be worked out.</strong><ul>{items}</ul></div>"
                f"<p><em>{escape(NOT_A_GUARANTEE)}</em></p>")
    return feedback_html(False, "Check this input and press Calculate again.", notes=(str(error),))


def lift_summary(load, h, v, d, a, frequency, duration, coupling) -> str:
    """One lift in words (Markdown): the multiplication, the RWL and LI, or why it cannot be worked out."""
    try:
        result = assess_lift(load, h, v, d, a, frequency, duration, coupling)
    except LiftInputError as error:
        return f"**Not worked out.** {error}"
    factors = " × ".join(two_decimals(value) for value in result.multipliers.values())
    return (f"RWL = 23 kg × {factors} = **{result.rwl:.1f} kg** (multiplied before rounding). "
            f"LI = {result.load:g} kg ÷ {result.rwl:.1f} kg = **{result.li:.2f}**. {BAND_TEXT[result.band]}")


def explain_lift(load, h, v, d, a, frequency, duration, coupling):
    """``lift_summary`` for a notebook cell."""
    from IPython.display import Markdown

    return Markdown(lift_summary(load, h, v, d, a, frequency, duration, coupling))


def frequency_table_markdown() -> str:
    """Table 5 of the NIOSH manual (frequency multiplier) as a Markdown table."""
    header = ("| Lifts per minute | 1 hour or less: V under 75 cm | V 75 cm or more | over 1, up to 2 hours: "
              "V under 75 cm | V 75 cm or more | over 2, up to 8 hours: V under 75 cm | V 75 cm or more |")
    lines = [header, "|---|---|---|---|---|---|---|"]
    for index, frequency in enumerate(FREQUENCY_ROWS):
        label = "0.2 or fewer" if index == 0 else f"{frequency:g}"
        cells = [f"{FREQUENCY_TABLE[duration][index][column]:.2f}" for duration in DURATIONS for column in (0, 1)]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append("| more than 15 | " + " | ".join(["0.00"] * 6) + " |")
    return "\n".join(lines)


def coupling_table_markdown() -> str:
    """Table 7 of the NIOSH manual (coupling multiplier) as a Markdown table."""
    lines = ["| Grip (coupling) | V under 75 cm | V 75 cm or more |", "|---|---|---|"]
    lines += [f"| {COUPLINGS[key]} | {low:.2f} | {high:.2f} |" for key, (low, high) in COUPLING_TABLE.items()]
    return "\n".join(lines)


def niosh_table(name: str):
    """Show Table 5 ("frequency") or Table 7 ("coupling") in a notebook cell."""
    from IPython.display import Markdown

    tables = {"frequency": frequency_table_markdown, "coupling": coupling_table_markdown}
    if name not in tables:
        raise ValueError(f"unknown table {name!r}; choose frequency or coupling")
    return Markdown(tables[name]())


class LiftingCalculator(CourseWidget):
    """Lesson 15: type a lift's measurements, press Calculate, read the RWL, LI and multipliers."""

    plain_text = ("Lifting calculator (revised NIOSH lifting equation): type a lift's measurements and press "
                  "Calculate (run in JupyterLab).")

    def __init__(self, **start: str):
        values = {**DEFAULTS, **start}
        style, layout = {"description_width": "22em"}, widgets.Layout(width="34em")
        self.boxes = {field: widgets.Text(value=str(values[field]), description=label, style=style,
                                          layout=layout, continuous_update=False, tooltip=NUMBERS_NOTE)
                      for field, label in TEXT_FIELDS}
        self.duration = widgets.RadioButtons(
            options=[(f"{key}: {label}", key) for key, label in DURATIONS.items()], value=values["duration"],
            description="How long the lifting goes on:", style=style, layout=widgets.Layout(width="auto"))
        self.coupling = widgets.RadioButtons(
            options=[(label, key) for key, label in COUPLINGS.items()], value=values["coupling"],
            description="Grip (coupling):", style=style, layout=widgets.Layout(width="auto"))
        self.button = widgets.Button(description="Calculate", button_style="primary",
                                     tooltip="Work out the recommended weight limit and lifting index")
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self.button.on_click(lambda _button: self.calculate())
        note = widgets.HTML(f"<p>{escape(NUMBERS_NOTE)}</p>")
        super().__init__([note, *self.boxes.values(), self.duration, self.coupling, self.button, self.card,
                          self.figure])
        self.add_class("course-lifting-calculator")
        self.calculate()

    def texts(self) -> dict[str, str]:
        return {field: box.value for field, box in self.boxes.items()}

    def calculate(self) -> Calculation:
        result = calculate(self.texts(), self.duration.value, self.coupling.value)
        if result.assessment is not None:
            self.card.value = result_card(result.assessment)
            show_figure(self.figure, multiplier_figure(result.assessment.multipliers))
        else:
            self.card.value = problem_card(result.error)
            self.figure.outputs = ()
        return result
