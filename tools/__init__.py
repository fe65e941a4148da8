"""Authoring and publishing tools that run from the repository and are not installed with the package:
the read-only site, ``sync``/``execute``, readability, the clinical review, hub links, teacher guides
and the sample class.
"""
