"""Lesson 13, Hot and cold therapy: everything its notebook (13_hot_and_cold_therapy.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.heat_cold.figures import evidence_figure, session_timeline_figure
from lessons.topics.heat_cold.model import plan_session
from lessons.topics.heat_cold.widgets import SessionBuilder

__all__ = [
    "evidence_figure", "plan_session", "quiz", "session_timeline_figure", "SessionBuilder",
    "source_note",
]
