"""Lesson 03, Herniated disc: everything its notebook (03_herniated_disc.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.herniated_disc.figures import disc_types_figure, regression_figure, slr_accuracy_figure
from lessons.topics.herniated_disc.widgets import HerniationExplorer

__all__ = [
    "disc_types_figure", "HerniationExplorer", "leg_map_figure", "quiz", "regression_figure",
    "slr_accuracy_figure", "source_note",
]
