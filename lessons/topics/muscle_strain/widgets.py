"""Lesson 06 widgets: sort leg-pain clues into "referred" or "nerve root" (the course's clue sorter,
``lessons.kit.sorter``, with this lesson's clue set), and step through the published recovery time points.

The reasoning lives in ``model`` (``sort_clues``, ``clue_card``, ``timepoint_text``) so it is unit-tested
without a widget. Education, not diagnosis: every card says so.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.sorter import ClueSorter, Sorting
from lessons.kit.widget import CourseWidget, escape, show_figure
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.muscle_strain.figures import recovery_figure
from lessons.topics.muscle_strain.model import TIME_POINTS, clue_set, timeline_words, timepoint_text


def _leg_map(sorting: Sorting):
    """Nerve-root clues show the leg map of lesson 02, with the one root they point to."""
    return leg_map_figure(root=sorting.root, buttons=False) if sorting.show_map else None


class ReferredOrRootSorter(ClueSorter):
    """Lesson 06: tick clues from a story of back and leg pain; see which pattern each one fits."""

    def __init__(self):
        super().__init__(clue_set(), _leg_map, css_class="course-clue-sorter")


class RecoveryTimeline(CourseWidget):
    """Lesson 06: step through the four published time points of the recovery figure."""

    def __init__(self, start: str = "baseline"):
        self.plain_text = timeline_words().plain_text
        self.slider = widgets.SelectionSlider(options=list(TIME_POINTS), value=start,
                                              description="Time point:", continuous_update=False,
                                              style={"description_width": "initial"})
        self.text = widgets.HTML()
        self.figure = widgets.Output()
        self.slider.observe(lambda change: self.show(change["new"]), names="value")
        super().__init__([self.slider, self.text, self.figure])
        self.add_class("course-recovery-timeline")
        self.show(start)

    def show(self, time_point: str) -> None:
        self.text.value = f"<p>{escape(timepoint_text(time_point))}</p>"
        if time_point in TIME_POINTS:
            show_figure(self.figure, recovery_figure(highlight=time_point))
