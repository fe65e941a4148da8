"""The Back Pain & Leg Pain course package: what the lesson notebooks import.

- ``lessons.quiz`` / ``lessons.quiz_widget``: question banks, grading and the quiz widget
- ``lessons.figures``: plotly figure builders, one module per topic
- ``lessons.widgets``: explorer widgets
- ``lessons.anatomy``, ``lessons.tables``, ``lessons.course``: course data, validated when loaded
"""

__version__ = "0.1.0"
