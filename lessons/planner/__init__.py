"""The stretching-routine planner of lesson 12.

- ``catalogue``: the exercises (``lessons/content/stretches.yml``), validated when loaded.
- ``plan``: ``PlanRequest`` -> ``make_plan`` -> ``Plan``, pure and deterministic; ``PlanError`` for
  inputs it cannot honour, with the field to change and a plain message.
- ``export``: printable HTML and Markdown sheets, CSV and an iCalendar file, written atomically
  into ``exports/`` with names that never overwrite an earlier plan.
- ``widget``: the ``StretchPlanner`` widget (controls, cards with pictures, the weeks chart,
  follow-along countdown, export buttons).
"""
