"""Lesson 16, Symptom explorer: everything its notebook (16_symptom_explorer.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.quiz.widget import quiz
from lessons.topics.symptom_explorer.figures import symptom_map_figure
from lessons.topics.symptom_explorer.model import rules_table_markdown
from lessons.topics.symptom_explorer.widgets import SymptomExplorer

__all__ = ["quiz", "rules_table_markdown", "symptom_map_figure", "SymptomExplorer"]
