"""Lesson 00, Start here: everything its notebook (00_start_here.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.beliefs_widget import beliefs_check
from lessons.quiz.widget import quiz
from lessons.topics.start_here.figures import burden_figure

__all__ = ["beliefs_check", "burden_figure", "quiz", "source_note"]
