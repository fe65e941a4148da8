"""Lesson 15, Posture: everything its notebook (15_posture.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.posture.figures import disc_pressure_figure
from lessons.topics.posture.widgets import LiftingCalculator, explain_lift, niosh_table

__all__ = [
    "disc_pressure_figure", "explain_lift", "LiftingCalculator", "niosh_table", "quiz",
    "source_note",
]
