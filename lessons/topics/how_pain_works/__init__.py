"""Lesson 02b, How pain works: everything its notebook (02b_how_pain_works.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz)
are re-exported so the notebook imports one topic.
"""

from lessons.quiz.widget import quiz
from lessons.topics.how_pain_works.figures import volume_dial_figure
from lessons.topics.how_pain_works.model import turn_dial
from lessons.topics.how_pain_works.widgets import FlareUpPlanner, VolumeDial

__all__ = ["FlareUpPlanner", "quiz", "turn_dial", "volume_dial_figure", "VolumeDial"]
