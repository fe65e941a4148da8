"""Load course data files (YAML) and validate them against their JSON schema.

Every content file is checked when it is loaded. A problem raises ``ContentError``
whose message names the file, the item (for example the question id) and the field,
so an author can go straight to the line to fix.

Schemas are JSON Schema draft-07, checked with ``fastjsonschema`` (compiled once per kernel).
The ``jsonschema`` package is not used here: importing it loads optional format checkers
that take seconds to build, on every cold start of every notebook.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import yaml

CONTENT_DIR = Path(__file__).parent / "content"
SCHEMA_DIR = CONTENT_DIR / "schema"


class ContentError(ValueError):
    """A course data file is missing, unreadable or does not match its schema."""

    def __init__(self, file: Path | str, message: str, *, item: str | None = None,
                 field: str | None = None):
        self.file = str(file)
        self.item = item
        self.field = field
        self.problem = message
        where = [f"{self.file}"]
        if item is not None:
            where.append(f"item '{item}'")
        if field:
            where.append(f"field '{field}'")
        super().__init__(", ".join(where) + f": {message}")


def display_name(path: Path) -> str:
    """A path relative to the package, so messages never show absolute paths."""
    try:
        return str(path.resolve().relative_to(CONTENT_DIR.parent.parent))
    except ValueError:
        return path.name


@cache
def schema(name: str) -> dict:
    """The JSON schema ``lessons/content/schema/<name>.schema.json``."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@cache
def _compiled(name: str):
    return fastjsonschema.compile(schema(name))


def _item_and_field(document: Any, error_path: list) -> tuple[str | None, str | None]:
    """Turn an error path (["questions", 3, "prompt"]) into (item id, dotted field name)."""
    item = None
    node = document
    for step in error_path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "id" in node:
            item = str(node["id"])
    field = ".".join(str(step) for step in error_path) or None
    return item, field


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning any failure into a ContentError naming the file."""
    name = display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(name, f"cannot be read ({exc.strerror})") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise ContentError(name, f"is not valid YAML{line}") from exc


def validate(document: Any, schema_name: str, path: Path) -> None:
    """Check ``document`` against a schema; raise ContentError naming file, item and field."""
    try:
        _compiled(schema_name)(document)
    except fastjsonschema.JsonSchemaValueException as error:
        steps = [int(step) if step.isdigit() else step for step in error.path[1:]]  # drop "data"
        item, field = _item_and_field(document, steps)
        message = error.message[len(error.name):].strip()
        if error.rule == "required" and isinstance(error.value, dict):
            missing = [key for key in error.rule_definition if key not in error.value]
            field = ".".join(filter(None, [field, missing[0] if missing else None]))
            message = "is required but missing"
        raise ContentError(display_name(path), message, item=item, field=field) from None


def load(path: Path | str, schema_name: str, *, expand: bool = True) -> Any:
    """Read a YAML data file, validate it against ``schema_name`` and fill in its triage placeholders.

    Placeholders such as ``{{sign:both-legs}}`` name a warning sign or a triage level of the course's one
    triage file (``lessons/triage.py``); only that file itself is loaded with ``expand=False``.
    """
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = CONTENT_DIR / path
    document = read_yaml(path)
    validate(document, schema_name, path)
    if expand:
        from lessons import triage  # triage loads its own file through this module

        document = triage.expand_all(document, display_name(path))
    return document
