"""Lesson 17, Red-flag checker: everything its notebook (17_red_flag_checker.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.red_flags.figures import red_flag_share_figure
from lessons.topics.red_flags.model import check
from lessons.topics.red_flags.widgets import RedFlagChecker

__all__ = ["check", "quiz", "red_flag_share_figure", "RedFlagChecker", "source_note"]
