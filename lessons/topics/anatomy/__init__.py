"""Lesson 01, Anatomy of the lower back: everything its notebook (01_anatomy_of_the_lower_back.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.quiz.widget import quiz
from lessons.topics.anatomy.figures import spine_figure
from lessons.topics.anatomy.widgets import AnatomyExplorer

__all__ = ["AnatomyExplorer", "quiz", "spine_figure"]
