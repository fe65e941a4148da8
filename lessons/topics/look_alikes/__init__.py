"""Lesson 09b, Older backs and look-alikes: everything its notebook (09b_older_backs_and_look_alikes.ipynb)
imports.

The code and content of this lesson live in this folder; names from other folders (the quiz) are
re-exported so the notebook imports one topic.
"""

from lessons.quiz.widget import quiz
from lessons.topics.look_alikes.figures import where_it_hurts_figure
from lessons.topics.look_alikes.widgets import LookAlikeExplorer, bone_safety_note

__all__ = ["bone_safety_note", "LookAlikeExplorer", "quiz", "where_it_hurts_figure"]
