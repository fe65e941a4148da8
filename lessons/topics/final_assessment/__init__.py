"""Lesson 19, Final assessment: everything its notebook (19_final_assessment.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.quiz.assessment_widget import final_assessment
from lessons.quiz.beliefs_widget import beliefs_check

__all__ = ["beliefs_check", "final_assessment"]
