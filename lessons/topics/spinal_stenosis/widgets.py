"""Explorer widgets for lesson 04 (spinal stenosis).

- ``ActivityExplorer``: choose an everyday activity or posture; read what tends to happen with
  neurogenic claudication (stenosis) and with vascular claudication (poor blood flow), and see
  the closest posture measured in an MRI study of canal size.
- ``NarrowingPlaceExplorer``: choose where the narrowing is (central canal or a side opening)
  and see on the leg map of lesson 02 where symptoms usually go.

The rules and words live in ``model`` (from ``content/stenosis_explorers.yml``); ``activity_card`` and
``narrowing_card`` only turn its rows into escaped HTML, unit-tested without a widget. Controls are standard
ipywidgets, usable from the keyboard.
Unknown choices give a clear message in the widget, never a traceback.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.data import ContentError
from lessons.kit.widget import CourseWidget, card_html, feedback_html, show_figure
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.back_to_leg.model import nerve_roots
from lessons.topics.spinal_stenosis.figures import canal_posture_figure
from lessons.topics.spinal_stenosis.model import (
    activities,
    activity,
    activity_rows,
    load,
    narrowing_rows,
    place,
    places,
)


def activity_card(activity_id: str) -> str:
    """HTML card: the back position, what tends to happen with each kind of claudication, and why."""
    return card_html(*activity_rows(activity_id))


def narrowing_card(place_id: str, root: str | None = None) -> str:
    """HTML card: where the narrowing is and where symptoms usually go."""
    return card_html(*narrowing_rows(place_id, root))


def _problem(message: str) -> str:
    return feedback_html(False, "That choice is not available.", message)


class ActivityExplorer(CourseWidget):
    """Lesson 04: pick an activity; see what tends to happen with each kind of claudication."""

    def __init__(self, start: str = "walk-upright"):
        self.picker = widgets.RadioButtons(
            options=[(item.label, item.id) for item in activities()], value=None, description="Activity:",
            layout=widgets.Layout(width="max-content"))
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self.picker.observe(lambda change: self.show(change["new"]), names="value")
        super().__init__([self.picker, self.card, self.figure])
        self.plain_text = load().activity_plain_text
        self.add_class("course-activity-explorer")
        self.show(start)

    def show(self, activity_id: str | None) -> None:
        try:
            item = activity(activity_id)
        except ValueError as error:
            self.card.value = _problem(str(error))
            show_figure(self.figure, canal_posture_figure())
            return
        if self.picker.value != item.id:
            self.picker.value = item.id  # calls show() again through the observer
            return
        self.card.value = activity_card(item.id)
        show_figure(self.figure, canal_posture_figure(highlight=item.back))


class NarrowingPlaceExplorer(CourseWidget):
    """Lesson 04: pick where the narrowing is; see where symptoms usually go on the leg map."""

    def __init__(self):
        self.place_picker = widgets.ToggleButtons(
            options=[(item.name, item.id) for item in places()], value=places()[0].id, description="Narrowing:",
            tooltips=[item.tooltip for item in places()], style={"button_width": "auto"})
        self.root_picker = widgets.ToggleButtons(
            options=[r.id for r in nerve_roots()], value="L5", description="Root:", disabled=True,
            tooltips=[f"The {r.id} root" for r in nerve_roots()])
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self.place_picker.observe(lambda change: self.show(), names="value")
        self.root_picker.observe(lambda change: self.show(), names="value")
        super().__init__([self.place_picker, self.root_picker, self.card, self.figure])
        self.plain_text = load().narrowing_plain_text
        self.add_class("course-narrowing-explorer")
        self.show()

    def show(self) -> None:
        root = self.root_picker.value
        try:
            chosen = place(self.place_picker.value)
            self.root_picker.disabled = not chosen.root
            self.card.value = narrowing_card(chosen.id, root if chosen.root else None)
        except (ValueError, ContentError) as error:
            self.root_picker.disabled = True
            self.card.value = _problem(str(error))
            return
        figure = leg_map_figure(root=root, buttons=False) if chosen.root else leg_map_figure(buttons=False)
        show_figure(self.figure, figure)
