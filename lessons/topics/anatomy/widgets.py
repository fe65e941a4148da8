"""Lesson 01's explorer: pick a part of the lower back, read about it, see it on the figure.

The card text comes from a pure function (``part_card``) so it is unit-tested without a widget.
Controls are standard ipywidgets, usable by keyboard.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.widget import CourseWidget, card_html, show_figure
from lessons.topics.anatomy.figures import spine_figure
from lessons.topics.anatomy.model import part, parts


def part_card(part_id: str) -> str:
    item = part(part_id)
    return card_html(f"{item.plain} ({item.term})",
                     [("What it is", item.what), ("Why it matters for leg pain", item.leg_link)])


class AnatomyExplorer(CourseWidget):
    """Lesson 01: choose a part of the lower back; read about it and see it highlighted."""

    plain_text = "Anatomy explorer: choose a part of the lower back to read about it (run in JupyterLab)."

    def __init__(self, start: str = "disc"):
        options = [(f"{p.plain} ({p.term})", p.id) for p in parts()]
        # Radio buttons, not a Dropdown: in JupyterLab the arrow keys on a focused Dropdown move
        # between cells (ipywidgets issue #3912); every radio option is its own Tab stop.
        self.picker = widgets.RadioButtons(options=options, value=start, description="Part:",
                                           layout=widgets.Layout(width="max-content"))
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self.picker.observe(lambda change: self.show(change["new"]), names="value")
        super().__init__([self.picker, self.card, self.figure])
        self.add_class("course-anatomy-explorer")
        self.show(start)

    def show(self, part_id: str) -> None:
        self.card.value = part_card(part_id)
        show_figure(self.figure, spine_figure(highlight=part_id))
