"""Lesson 02c, The person behind the pain: everything its notebook (02c_the_person_behind_the_pain.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz, the
source note of a data table) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.person_behind_the_pain.figures import stratified_care_figure
from lessons.topics.person_behind_the_pain.widgets import ReflectionExercise

__all__ = ["quiz", "ReflectionExercise", "source_note", "stratified_care_figure"]
