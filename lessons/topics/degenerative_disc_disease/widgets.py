"""Lesson 05 widget: how many people WITHOUT back pain have a given finding on a scan, at a given age.

The text comes from pure functions (``finding_sentence``, ``explorer_view``) that are unit-tested
without a widget; the widget only wires standard, keyboard-usable controls to them.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.widget import CourseWidget, feedback_html, show_figure
from lessons.topics.degenerative_disc_disease.figures import (
    AGES,
    FINDINGS,
    check_age,
    confirmed_ages,
    finding_label,
    people_icon_figure,
    people_out_of_100,
    prevalence_table,
)

# The copy of the paper's table shows no studies (sample size 0) for these: the numbers are model estimates.
EXTRAPOLATED = {("facet degeneration", 20), ("facet degeneration", 30),
                ("spondylolisthesis", 20), ("spondylolisthesis", 30)}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _list_ages(ages: list[int]) -> str:
    words = [str(a) for a in ages]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def finding_sentence(finding: str, age) -> str:
    """'Out of 100 people aged 50 WITHOUT back pain, about 80 have ... on a scan.' (ValueError if not confirmed)."""
    count = people_out_of_100(finding, age)
    if count is None:
        raise ValueError(f"No confirmed number for {finding} at age {check_age(age)}.")
    return (f"Out of 100 people aged {check_age(age)} WITHOUT back pain, about {count} have "
            f"{finding_label(finding)} on a scan.")


def explorer_view(finding, age):
    """(HTML message, figure or None) for a choice. Bad or unconfirmed choices give a clear message, no figure."""
    try:
        finding_label(finding)
        age = check_age(age)
    except ValueError as problem:
        return feedback_html(False, "That choice does not work.", str(problem)), None
    if people_out_of_100(finding, age) is None:
        ages = _list_ages(confirmed_ages(finding))
        return feedback_html(
            None, f"No confirmed number for {finding} at age {age}.",
            f"The paper gives one, but we could not check it, so we leave it out rather than guess. "
            f"Ages with a confirmed number for this finding: {ages}."), None
    _, where = prevalence_table()[finding][age]
    notes = []
    if (finding, age) in EXTRAPOLATED:
        notes.append("No study in the review measured this at this age: the number is the authors' model estimate.")
    if where == "summary":
        notes.append("This number was confirmed in published summaries of the paper, not in its table.")
    body = ("These people had no back pain. So finding this on the scan of someone who does have pain "
            "does not, on its own, show that it is the cause.")
    return feedback_html(None, finding_sentence(finding, age), body, tuple(notes)), people_icon_figure(finding, age)


class ScanFindingExplorer(CourseWidget):
    """Choose a scan finding and an age; see how many of 100 people without back pain have it."""

    plain_text = ("Scan findings explorer: choose a finding and an age to see how many of 100 people "
                  "without back pain have it on a scan (run in JupyterLab).")

    def __init__(self, finding: str = "disc degeneration", age: int = 50):
        # Radio buttons, not a Dropdown: arrow keys on a focused Dropdown move between cells in JupyterLab.
        self.finding_picker = widgets.RadioButtons(
            options=[(_capital(finding_label(f)), f) for f in FINDINGS], value=finding, description="Finding:",
            layout=widgets.Layout(width="max-content"))
        self.age_slider = widgets.IntSlider(
            value=age, min=min(AGES), max=max(AGES), step=10, description="Age:", continuous_update=False,
            style={"description_width": "initial"})
        self.message = widgets.HTML()
        self.figure = widgets.Output()
        self.finding_picker.observe(self._changed, names="value")
        self.age_slider.observe(self._changed, names="value")
        super().__init__([self.finding_picker, self.age_slider, self.message, self.figure])
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
