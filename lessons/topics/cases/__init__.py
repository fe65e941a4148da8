"""Lesson 18, Case studies: everything its notebook (18_case_studies.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.quiz.widget import quiz
from lessons.topics.cases.figures import cases_overview_figure
from lessons.topics.cases.widgets import case_study

__all__ = ["case_study", "cases_overview_figure", "quiz"]
