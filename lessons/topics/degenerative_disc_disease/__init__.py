"""Lesson 05, Degenerative disc disease: everything its notebook (05_degenerative_disc_disease.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.degenerative_disc_disease.figures import back_pain_odds_figure, prevalence_by_age_figure
from lessons.topics.degenerative_disc_disease.widgets import ScanFindingExplorer

__all__ = [
    "back_pain_odds_figure", "leg_map_figure", "prevalence_by_age_figure", "quiz",
    "ScanFindingExplorer", "source_note",
]
