"""Lesson 10, Medical treatment: everything its notebook (10_medical_treatment.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.medical_treatment.figures import pace_trial_figure, pathway_figure
from lessons.topics.medical_treatment.widgets import TreatmentPathwayExplorer
from lessons.topics.sciatica.figures import surgery_trial_figure

__all__ = [
    "pace_trial_figure", "pathway_figure", "quiz", "source_note", "surgery_trial_figure",
    "TreatmentPathwayExplorer",
]
