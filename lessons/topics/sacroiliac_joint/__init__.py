"""Lesson 07, Sacroiliac joint dysfunction: everything its notebook (07_sacroiliac_joint_dysfunction.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.sacroiliac_joint.figures import provocation_accuracy_figure, referral_figure
from lessons.topics.sacroiliac_joint.widgets import ProvocationClusterExplorer

__all__ = [
    "leg_map_figure", "provocation_accuracy_figure", "ProvocationClusterExplorer", "quiz",
    "referral_figure", "source_note",
]
