"""Lesson 02's explorer: pick a nerve root or an area of the leg and see how they match.

The card text comes from pure functions (``root_card``, ``area_card``) so it is unit-tested without
a widget. Controls are standard ipywidgets, usable by keyboard.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.widget import CourseWidget, card_html, show_figure
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.back_to_leg.model import leg_areas, nerve_root, nerve_roots, root_for_area


def root_card(root_id: str) -> str:
    root = nerve_root(root_id)
    return card_html(f"The {root.id} nerve root", [
        ("Numbness or tingling usually felt", root.numbness),
        ("Pain usually travels to", root.pain),
        ("Muscles it works", root.muscles),
        ("Reflex", root.reflex),
        ("What a clinician may ask you to do", root.test),
    ])


def area_card(area_id: str) -> str:
    root = root_for_area(area_id)
    name = leg_areas()[area_id]
    return card_html(f"{name}: usually the {root.id} root", [
        ("Why", f"The skin here is usually supplied by the {root.id} nerve root (its dermatome)."),
        ("The same root also", f"works these muscles: {root.muscles.lower()}. Reflex: {root.reflex.lower()}."),
        ("Remember", "Maps differ between people and areas overlap, so a clinician checks feeling, "
                     "strength and reflexes together."),
    ])


class NerveRootExplorer(CourseWidget):
    """Lesson 02: choose a nerve root to see where it is felt, or an area to find its root."""

    plain_text = "Nerve root explorer: pick a root or a leg area to see how they match (run in JupyterLab)."

    def __init__(self):
        self.root_picker = widgets.ToggleButtons(
            options=[r.id for r in nerve_roots()], value=None, description="Nerve root:",
            tooltips=[f"Show where the {r.id} root is felt" for r in nerve_roots()])
        self.area_picker = widgets.RadioButtons(
            options=[(name, key) for key, name in leg_areas().items()],
            value=None, description="Or an area:", layout=widgets.Layout(width="max-content"))
        self.card = widgets.HTML(
            "<p>Choose a nerve root to see where its pain and numbness usually go, or choose an "
            "area of the leg to see which root usually supplies it.</p>")
        self.figure = widgets.Output()
        self._busy = False
        self.root_picker.observe(self._on_root, names="value")
        self.area_picker.observe(self._on_area, names="value")
        super().__init__([self.root_picker, self.area_picker, self.card, self.figure])
        self.add_class("course-root-explorer")
        show_figure(self.figure, leg_map_figure(buttons=False))

    def _on_root(self, change) -> None:
        if self._busy or change["new"] is None:
            return
        self._busy = True
        self.area_picker.value = None
        self._busy = False
        self.card.value = root_card(change["new"])
        show_figure(self.figure, leg_map_figure(root=change["new"], buttons=False))

    def _on_area(self, change) -> None:
        if self._busy or change["new"] is None:
            return
        self._busy = True
        self.root_picker.value = root_for_area(change["new"]).id
        self._busy = False
        self.card.value = area_card(change["new"])
        show_figure(self.figure, leg_map_figure(area=change["new"], buttons=False))
