"""The glossary: everything its notebook (glossary.ipynb) imports.

The code and content of this lesson live in this folder; names from other folders (the quiz,
a figure of an earlier lesson) are re-exported so the notebook imports one topic.
"""

from lessons.topics.glossary.model import glossary_lookup

__all__ = ["glossary_lookup"]
