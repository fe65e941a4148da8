"""One folder per lesson topic. Each holds the lesson's rules (``model``), its plotly figures
(``figures``), its widgets (``widgets``) and its ``content/`` (YAML, data tables, pictures, schemas);
its ``__init__`` exports what the notebook calls. A topic imports the layers below
(kit, records, quiz, progress) and only topics of earlier lessons (checked by tests/course/test_import_graph.py).
"""
