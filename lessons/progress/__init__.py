"""The learner's progress: ``store`` keeps it in SQLite, ``results`` exports and reads it back."""

from lessons.progress.store import ProgressStore, default_store

__all__ = ["ProgressStore", "default_store"]
