"""Lesson 15b, Back pain and work: everything its notebook (15b_back_pain_and_work.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz, the source
note of a data table) are re-exported so the notebook imports one topic. The NIOSH equation is lesson 15's
(``lessons.topics.posture``).
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.work.figures import hse_weights_figure
from lessons.topics.work.widgets import LiftComparison, compare_lift

__all__ = ["compare_lift", "hse_weights_figure", "LiftComparison", "quiz", "source_note"]
