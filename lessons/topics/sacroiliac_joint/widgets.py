"""Lesson 07: the provocation-test cluster explorer.

Tick which of the sacroiliac provocation tests brought on the familiar pain; the card says how
many were positive and what Laslett et al. (2005) found for that pattern. The tests and the words
are data (``content/provocation_tests.yml``) and the rule is the pure function ``model.cluster_result``,
unit-tested without a widget.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import ipywidgets as widgets

from lessons.kit.widget import CourseWidget, escape, feedback_html, show_figure
from lessons.topics.sacroiliac_joint.figures import cluster_tally_figure
from lessons.topics.sacroiliac_joint.model import ClusterResult, cluster_result, cluster_words


def cluster_card(result: ClusterResult) -> str:
    """The result as escaped HTML: the headline, then one paragraph per note."""
    # "Info" style whatever the count: meeting a rule is a finding, not a right or wrong answer.
    return feedback_html(None, result.headline, notes=result.notes)


class ProvocationClusterExplorer(CourseWidget):
    """Lesson 07: tick the tests that brought on the pain; read what the study found for that pattern."""

    def __init__(self, start: Iterable[str] | None = None):
        words = cluster_words()
        self.plain_text = words.plain_text
        self.checkboxes = {
            test.id: widgets.Checkbox(value=False, description=test.name, indent=False,
                                      tooltip=test.what, layout=widgets.Layout(width="max-content"))
            for test in words.tests}
        intro = "".join(f"<li><strong>{escape(test.name)}</strong>: {escape(test.what)}</li>" for test in words.tests)
        # The guide is text, not an attribute value: its apostrophe needs no escaping.
        self.guide = widgets.HTML(f"<p>{html.escape(words.guide, quote=False)}</p><ul>{intro}</ul>")
        self.clear_button = widgets.Button(description="Clear all", tooltip="Untick every test")
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self._busy = False
        for box in self.checkboxes.values():
            box.observe(lambda _change: self._on_tick(), names="value")
        self.clear_button.on_click(lambda _button: self.show([]))
        super().__init__([self.guide, *self.checkboxes.values(), self.clear_button, self.card, self.figure])
        self.add_class("course-sij-cluster-explorer")
        self.show(start)

    def _on_tick(self) -> None:
        if not self._busy:
            self.show([key for key, box in self.checkboxes.items() if box.value])

    def show(self, positive: Iterable[str] | None) -> None:
        """Tick these tests and show the result; a bad name gives a message, never a traceback."""
        try:
            result = cluster_result(positive)
        except ValueError as problem:
            self.card.value = feedback_html(False, "That is not one of the six tests.", str(problem))
            return
        self._busy = True
        for key, box in self.checkboxes.items():
            box.value = key in result.positive
        self._busy = False
        self.card.value = cluster_card(result)
        show_figure(self.figure, cluster_tally_figure(result.count_of_six, result.count_of_four))
