"""Lesson 14, A healthy weight: everything its notebook (14_healthy_weight.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.kit.tables import source_note
from lessons.quiz.widget import quiz
from lessons.topics.weight.figures import low_back_pain_odds_figure, sciatica_odds_figure
from lessons.topics.weight.widgets import OddsRatioExplainer, WeightCalculator

__all__ = [
    "low_back_pain_odds_figure", "OddsRatioExplainer", "quiz", "sciatica_odds_figure",
    "source_note", "WeightCalculator",
]
