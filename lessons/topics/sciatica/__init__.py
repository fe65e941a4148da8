"""Lesson 08, Sciatica: everything its notebook (08_sciatica.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.sciatica.figures import pregabalin_trial_figure, surgery_trial_figure
from lessons.topics.sciatica.widgets import FollowThePainExplorer

__all__ = [
    "FollowThePainExplorer", "pregabalin_trial_figure", "quiz", "source_note",
    "surgery_trial_figure",
]
