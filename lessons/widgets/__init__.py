"""Widgets the notebooks display. Each is thin: the logic lives in pure functions."""
