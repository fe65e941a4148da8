"""Topic-free machinery every lesson uses: loading and validating content (``data``), the course map
and navigation (``course``), data tables (``tables``), the widget base and HTML helpers (``widget``),
the colour-blind-safe palette (``palette``), the one triage source (``triage``, reading
``content/red_flags.yml``: every warning sign, its wording and its level), learner input
(``inputs``), names (``names``), safe file writing (``files``) and the clue sorter that lessons 06 and 08
share (``sorter``: a clue set from a topic's ``content/clues.yml``, its rules and its widget).
Nothing here imports a topic, the quiz, records or progress layers.
"""
