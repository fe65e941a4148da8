"""Lesson 02, From back to leg: everything its notebook (02_from_back_to_leg.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.quiz.widget import quiz
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.back_to_leg.model import root_table_markdown
from lessons.topics.back_to_leg.widgets import NerveRootExplorer

__all__ = ["leg_map_figure", "NerveRootExplorer", "quiz", "root_table_markdown"]
