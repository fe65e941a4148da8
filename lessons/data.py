"""Load course data files (YAML) and validate them against their JSON schema.

Every content file is checked when it is loaded. A problem raises ``ContentError``
whose message names the file, the item (for example the question id) and the field,
so an author can go straight to the line to fix.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
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


def _item_and_field(document: Any, error_path: list) -> tuple[str | None, str | None]:
    """Turn a jsonschema error path into (item id, dotted field name)."""
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
    validator = jsonschema.Draft202012Validator(schema(schema_name))
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    if error is None:
        return
    item, field = _item_and_field(document, list(error.absolute_path))
    message = error.message
    if error.validator == "required":
        missing = message.split("'")[1] if "'" in message else message
        field = f"{field}.{missing}" if field else missing
        message = "is required but missing"
    raise ContentError(display_name(path), message, item=item, field=field)


def load(path: Path | str, schema_name: str) -> Any:
    """Read a YAML data file and validate it against ``schema_name``."""
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = CONTENT_DIR / path
    document = read_yaml(path)
    validate(document, schema_name, path)
    return document
