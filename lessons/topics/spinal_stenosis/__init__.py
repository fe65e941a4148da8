"""Lesson 04, Spinal stenosis: everything its notebook (04_spinal_stenosis.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.spinal_stenosis.figures import canal_posture_figure, stenosis_prevalence_figure
from lessons.topics.spinal_stenosis.widgets import ActivityExplorer, NarrowingPlaceExplorer

__all__ = [
    "ActivityExplorer", "canal_posture_figure", "leg_map_figure", "NarrowingPlaceExplorer",
    "quiz", "source_note", "stenosis_prevalence_figure",
]
