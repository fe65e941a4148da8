"""Lesson 12, Stretching-routine planner: everything its notebook (12_stretching_planner.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.quiz.widget import quiz
from lessons.topics.planner.export import sheet_preview
from lessons.topics.planner.figures import weeks_figure
from lessons.topics.planner.plan import PlanRequest, make_plan
from lessons.topics.planner.widgets import StretchPlanner

__all__ = ["make_plan", "PlanRequest", "quiz", "sheet_preview", "StretchPlanner", "weeks_figure"]
