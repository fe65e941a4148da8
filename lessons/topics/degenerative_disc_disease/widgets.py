"""Lesson 05 widget: how many people WITHOUT back pain have a given finding on a scan, at a given age.

The words come from the pure ``model.explorer_choice`` (texts in ``content/scan_findings.yml``), unit-tested
without a widget; ``explorer_view`` turns them into HTML and a figure, and the widget only wires standard,
keyboard-usable controls to it.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.widget import CourseWidget, feedback_html, show_figure
from lessons.topics.degenerative_disc_disease.figures import people_icon_figure
from lessons.topics.degenerative_disc_disease.model import AGES, explorer_choice, finding_label, findings, load


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def explorer_view(finding, age):
    """(HTML message, figure or None) for a choice. Bad or unconfirmed choices give a clear message, no figure."""
    view = explorer_choice(finding, age)
    if view.kind == "problem":
        return feedback_html(False, view.headline, view.body), None
    html = feedback_html(None, view.headline, view.body, view.notes)
    return html, (people_icon_figure(finding, age) if view.kind == "number" else None)


class ScanFindingExplorer(CourseWidget):
    """Choose a scan finding and an age; see how many of 100 people without back pain have it."""

    def __init__(self, finding: str = "disc degeneration", age: int = 50):
        # Radio buttons, not a Dropdown: arrow keys on a focused Dropdown move between cells in JupyterLab.
        self.finding_picker = widgets.RadioButtons(
            options=[(_capital(finding_label(f.id)), f.id) for f in findings()], value=finding, description="Finding:",
            layout=widgets.Layout(width="max-content"))
        self.age_slider = widgets.IntSlider(
            value=age, min=min(AGES), max=max(AGES), step=10, description="Age:", continuous_update=False,
            style={"description_width": "initial"})
        self.message = widgets.HTML()
        self.figure = widgets.Output()
        self.finding_picker.observe(self._changed, names="value")
        self.age_slider.observe(self._changed, names="value")
        super().__init__([self.finding_picker, self.age_slider, self.message, self.figure])
        self.plain_text = load().texts["plain_text"]
        self.add_class("course-scan-finding-explorer")
        self.show(finding, age)

    def _changed(self, change) -> None:
        self.show(self.finding_picker.value, self.age_slider.value)

    def show(self, finding, age) -> None:
        html, figure = explorer_view(finding, age)
        self.message.value = html
        if figure is None:
            self.figure.outputs = ()
        else:
            show_figure(self.figure, figure)
