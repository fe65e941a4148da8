"""Lesson 08: "Follow the pain". Tick clues about a leg pain; see which kind of pain they fit
(radicular, as in sciatica, or referred) and, from where the leg is numb, which root usually
supplies that skin (lesson 02's leg map).

The widget is the course's clue sorter (``lessons.kit.sorter``) with this lesson's clue set; the
reasoning is in ``model`` (``sort_clues``, ``clues_card``) and unit-tested without a widget. It
teaches a clinician's reasoning and is not a diagnosis: every card says so.
"""

from __future__ import annotations

from lessons.kit.sorter import ClueSorter, Sorting
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.sciatica.model import clue_set


def _leg_map(sorting: Sorting):
    """The leg map of lesson 02, with the numb area (if one is chosen) and its root."""
    return leg_map_figure(area=sorting.area.id if sorting.area else None, buttons=False)


class FollowThePainExplorer(ClueSorter):
    """Tick clues about a leg pain and a numb area; read which kind of pain and which root they fit."""

    def __init__(self):
        super().__init__(clue_set(), _leg_map, css_class="course-follow-the-pain", clear_icon="eraser")

    def chosen(self) -> list[str]:
        """The ids of the ticked clues."""
        return self.selected()
