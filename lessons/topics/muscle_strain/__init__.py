"""Lesson 06, Muscle strain: everything its notebook (06_muscle_strain.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.muscle_strain.figures import first_month_figure, recovery_figure
from lessons.topics.muscle_strain.widgets import RecoveryTimeline, ReferredOrRootSorter

__all__ = [
    "first_month_figure", "leg_map_figure", "quiz", "recovery_figure", "RecoveryTimeline",
    "ReferredOrRootSorter", "source_note",
]
