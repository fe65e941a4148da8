"""Lesson 15b widget: one lift described two ways, HSE's guideline weights beside the NIOSH limit.

The widget only reads its controls and shows a card. Reading and checking the inputs and both methods'
answers are pure functions of ``lessons.topics.work.model`` (``compare``, ``hse_lines``, ``niosh_lines``); the
cards (``comparison_card``, ``problem_card``) are pure functions here. All are unit-tested without a widget.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.inputs import NUMBER_RULE
from lessons.kit.widget import CourseWidget, card_html, escape, feedback_html
from lessons.topics.posture.model import upper_bound
from lessons.topics.work.model import (
    ABOVE_DIAGRAM,
    BEYOND_REACH,
    REACHES,
    ZONES,
    Comparison,
    compare,
    hse_lines,
    niosh_lines,
    texts,
)

WORDS = texts()["widget"]
DEFAULTS = {"zone": "knuckle_to_elbow", "reach": "close", "v": "75", "h": "25"}
V_LABEL = f"V: height of the hands above the floor (cm, up to {upper_bound('vertical')[0]:g})"
H_LABEL = f"H: hands out in front of the ankles (cm, up to {upper_bound('horizontal')[0]:g})"


def _notes() -> str:
    return "".join(f"<p>{escape(WORDS[key])}</p>" for key in ("no_conversion", "hse_assumptions",
                                                               "niosh_assumptions"))


def comparison_card(result: Comparison) -> str:
    """Both methods' answers for one lift, the assumptions and the warning, as escaped HTML."""
    rows = [*hse_lines(result.hse), *niosh_lines(result.niosh)]
    warning = feedback_html(None, WORDS["not_a_guarantee"])
    return card_html("One lift, two methods", rows, after=_notes() + warning)


def problem_card(error: ValueError) -> str:
    """What is wrong with a box, as escaped HTML (never a traceback)."""
    return feedback_html(False, WORDS["problem"], notes=(str(error),))


def card_for(result: Comparison) -> str:
    return problem_card(result.error) if result.error is not None else comparison_card(result)


def compare_lift(zone: str, reach: str, v, h):
    """``comparison_markdown`` for a notebook cell."""
    from IPython.display import Markdown

    from lessons.topics.work.model import comparison_markdown

    return Markdown(comparison_markdown(zone, reach, v, h))


class LiftComparison(CourseWidget):
    """Choose HSE's zone and reach, type NIOSH's V and H, press Compare, read both answers side by side."""

    def __init__(self, **start: str):
        self.plain_text = WORDS["plain_text"]
        values = {**DEFAULTS, **start}
        zones, reaches = texts()["zones"], texts()["reaches"]
        style, layout = {"description_width": "20em"}, widgets.Layout(width="44em")
        self.zone = widgets.Dropdown(
            options=[(zones[key], key) for key in (ABOVE_DIAGRAM, *ZONES)], value=values["zone"],
            description="HSE: how high the hands are", style=style, layout=layout)
        self.reach = widgets.RadioButtons(
            options=[(reaches[key], key) for key in (*REACHES, BEYOND_REACH)], value=values["reach"],
            description="HSE: how far out the hands are", style=style, layout=widgets.Layout(width="auto"))
        self.v = widgets.Text(value=str(values["v"]), description=V_LABEL, style=style, layout=layout,
                              continuous_update=False, tooltip=NUMBER_RULE)
        self.h = widgets.Text(value=str(values["h"]), description=H_LABEL, style=style, layout=layout,
                              continuous_update=False, tooltip=NUMBER_RULE)
        self.button = widgets.Button(description="Compare", button_style="primary",
                                     tooltip="Show HSE's guideline weights and the NIOSH limit for this lift")
        self.card = widgets.HTML()
        self.button.on_click(lambda _button: self.compare())
        intro = widgets.HTML(f"<p>{escape(WORDS['how_to'])}</p><p>{escape(NUMBER_RULE)}</p>")
        super().__init__([intro, self.zone, self.reach, self.v, self.h, self.button, self.card])
        self.add_class("course-lift-comparison")
        self.compare()

    def compare(self) -> Comparison:
        result = compare(self.zone.value, self.reach.value, self.v.value, self.h.value)
        self.card.value = card_for(result)
        return result
