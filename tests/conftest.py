"""Shared helpers for the unit tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest


@pytest.fixture
def write_yaml(tmp_path: Path):
    """Write a YAML text (dedented) to a temporary file and return its path."""

    def write(text: str, name: str = "bank.yml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write
