"""Lesson 15 widget: a lifting calculator built on the revised NIOSH lifting equation.

The widget only reads the text boxes and shows results. Reading and checking the inputs
(``read_inputs``), the calculation (``calculate``), the lift in words (``lift_summary``) and the NIOSH
tables (``frequency_table_markdown``, ``coupling_table_markdown``) are pure functions of
``lessons.topics.posture.model``; the cards (``result_card``, ``problem_card``) are pure functions here. All
are unit-tested without a widget.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit import prose
from lessons.kit.inputs import NUMBER_RULE
from lessons.kit.widget import FEEDBACK_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.topics.posture.figures import MULTIPLIER_NAMES, multiplier_figure
from lessons.topics.posture.model import (
    BAND_TEXT,
    COUPLINGS,
    DURATIONS,
    FIELD_NAMES,
    TEXT_INPUTS,
    Calculation,
    LiftAssessment,
    LiftInputError,
    OutsideEquationLimits,
    calculate,
    coupling_table_markdown,
    frequency_table_markdown,
    lift_summary,
    texts,
    two_decimals,
    upper_bound,
)

TEXTS = texts()   # the calculator's sentences (content/posture_texts.yml)


def _label(field: str, words: str) -> str:
    """A box's label with its unit and upper bound: "Load weight (kg, up to 300)"."""
    bound, unit = upper_bound(field)
    return f"{words} ({unit + ', ' if unit != 'lifts per minute' else ''}up to {bound:g})"


BOX_WORDS = {
    "load": "Load weight",
    "horizontal": "H: hands out in front of the ankles",
    "vertical": "V: height of the hands above the floor at the start",
    "distance": "D: how far the load moves up or down",
    "asymmetry": "A: twist away from straight ahead",
    "frequency": "F: lifts per minute",
}
TEXT_FIELDS = tuple((field, _label(field, BOX_WORDS[field])) for field in TEXT_INPUTS)   # (field, box label)
NUMBERS_NOTE = prose.fill(TEXTS["numbers_note"], load=f"{upper_bound('load')[0]:g}",
                          length=f"{upper_bound('distance')[0]:g}", angle=f"{upper_bound('asymmetry')[0]:g}",
                          frequency=f"{upper_bound('frequency')[0]:g}") + f" {NUMBER_RULE}"
DEFAULTS = {"load": "12", "horizontal": "40", "vertical": "30", "distance": "50", "asymmetry": "0",
            "frequency": "1", "duration": "short", "coupling": "fair"}

NOT_A_GUARANTEE = TEXTS["not_a_guarantee"]
WHERE_MEASURED = TEXTS["where_measured"]


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
                f'style="{FEEDBACK_STYLE["wrong"]}"><strong>✘ {escape(TEXTS["outside_limits"])}</strong>'
                f"<ul>{items}</ul></div>"
                f"<p><em>{escape(NOT_A_GUARANTEE)}</em></p>")
    return feedback_html(False, "Check this input and press Calculate again.", notes=(str(error),))


def explain_lift(load, h, v, d, a, frequency, duration, coupling):
    """``lift_summary`` for a notebook cell."""
    from IPython.display import Markdown

    return Markdown(lift_summary(load, h, v, d, a, frequency, duration, coupling))


def niosh_table(name: str):
    """Show Table 5 ("frequency") or Table 7 ("coupling") in a notebook cell."""
    from IPython.display import Markdown

    tables = {"frequency": frequency_table_markdown, "coupling": coupling_table_markdown}
    if name not in tables:
        raise ValueError(f"unknown table {name!r}; choose frequency or coupling")
    return Markdown(tables[name]())


class LiftingCalculator(CourseWidget):
    """Lesson 15: type a lift's measurements, press Calculate, read the RWL, LI and multipliers."""

    def __init__(self, **start: str):
        self.plain_text = TEXTS["plain_text"]
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
