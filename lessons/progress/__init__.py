"""The learner's and the class's progress: the summary of a learner's answers (``summary``), the
"My progress" dashboard (``my_progress``), the teacher's class results (``classroom``,
``classroom_figures``, ``classroom_widget``) and the quiz exports for an LMS or Anki (``exports``).
The answers themselves are saved by ``lessons.records``.
"""

from lessons.progress.classroom_widget import ClassResultsWidget, QuizExportWidget
from lessons.progress.my_progress import dashboard

__all__ = ["ClassResultsWidget", "QuizExportWidget", "dashboard"]
