"""Lesson 11, Exercise and stretching: everything its notebook (11_exercise_and_stretching.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.exercise.figures import effects_figure, kinds_figure, plan_figure
from lessons.topics.exercise.widgets import ExerciseCheck

__all__ = ["effects_figure", "ExerciseCheck", "kinds_figure", "plan_figure", "quiz", "source_note"]
