"""The Back Pain & Leg Pain course package: what the lesson notebooks import.

Layers, each importing only the ones before it (tests/course/test_import_graph.py checks this):

- ``lessons.kit``: topic-free machinery (content loading and validation, course map, tables, widget base)
  and the one triage source (``kit.triage`` reads ``kit/content/red_flags.yml``: every warning sign,
  its wording and its level)
- ``lessons.records``: the learner's saved answers and the results file
- ``lessons.quiz``: questions, grading, the quiz widget and the final assessment
- ``lessons.progress``: the learner's dashboard, the class results and the quiz exports
- ``lessons.topics.<topic>``: one folder per lesson (model, figures, widgets, content); a notebook
  imports its own topic only
"""

__version__ = "0.1.0"
