"""Lesson 09, The causes compared: everything its notebook (09_causes_compared.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.quiz.widget import quiz
from lessons.topics.causes_compared.figures import clue_chart
from lessons.topics.causes_compared.model import comparison_table_markdown
from lessons.topics.causes_compared.widgets import CauseComparer

__all__ = ["CauseComparer", "clue_chart", "comparison_table_markdown", "quiz"]
