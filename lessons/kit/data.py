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
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import yaml

PACKAGE_DIR = Path(__file__).parent.parent      # lessons/
CONTENT_DIR = Path(__file__).parent / "content"  # the kit's own content: course map, triage file, shared references
SCHEMA_DIR = CONTENT_DIR / "schema"              # schemas shared by several folders (quiz, table, references...)


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
        return str(path.resolve().relative_to(PACKAGE_DIR.parent))
    except ValueError:
        return path.name


def content_files(pattern: str) -> list[Path]:
    """Content files anywhere in the package (``"topics/*/content/tables/*.yml"``), sorted."""
    return sorted(PACKAGE_DIR.glob(pattern))


def schema_path(name: str | Path, folder: Path | None = None) -> Path:
    """A schema given by its path, or the schema ``<name>.schema.json``: beside the content it checks
    (in ``folder``) if there is one, else the kit's shared one, else the one topic folder that has it
    (so a copy of a content file elsewhere, as in a test, is still checked against its schema)."""
    if isinstance(name, Path):
        return name
    if folder is not None and (folder / f"{name}.schema.json").exists():
        return folder / f"{name}.schema.json"
    if (SCHEMA_DIR / f"{name}.schema.json").exists():
        return SCHEMA_DIR / f"{name}.schema.json"
    found = content_files(f"**/content/{name}.schema.json")
    if len(found) != 1:
        raise ContentError(f"{name}.schema.json", f"{len(found)} schemas with this name in the package "
                           "(there must be exactly one)")
    return found[0]


@cache
def _schema_at(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def schema(name: str, folder: Path | None = None) -> dict:
    """The JSON schema called ``name``: the one beside the content in ``folder``, or the kit's."""
    return _schema_at(schema_path(name, folder))


@cache
def _compiled_at(path: Path):
    return fastjsonschema.compile(_schema_at(path))


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


def validate(document: Any, schema_name: str | Path, path: Path) -> None:
    """Check ``document`` against a schema; raise ContentError naming file, item and field.

    The schema is ``<schema_name>.schema.json`` beside ``path`` if there is one, else the kit's shared one.
    """
    try:
        _compiled_at(schema_path(schema_name, Path(path).parent))(document)
    except fastjsonschema.JsonSchemaValueException as error:
        steps = [int(step) if step.isdigit() else step for step in error.path[1:]]  # drop "data"
        item, field = _item_and_field(document, steps)
        message = error.message[len(error.name):].strip()
        if error.rule == "required" and isinstance(error.value, dict):
            missing = [key for key in error.rule_definition if key not in error.value]
            field = ".".join(filter(None, [field, missing[0] if missing else None]))
            message = "is required but missing"
        raise ContentError(display_name(path), message, item=item, field=field) from None


def load(path: Path | str, schema_name: str | Path) -> Any:
    """Read a YAML data file and validate it against ``schema_name``; nothing is filled in.

    Content with triage placeholders (``{{sign:both-legs}}``) is loaded with ``lessons.kit.triage.load``,
    which calls this and then fills them in from the course's one triage file.
    A relative ``path`` is relative to the package folder (``kit/content/course.yml``).
    """
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = PACKAGE_DIR / path
    document = read_yaml(path)
    validate(document, schema_name, path)
    return document


def by_id(items: Iterable[Any], wanted: str, what: str) -> Any:
    """The item whose ``id`` is ``wanted``; otherwise a ValueError that names the choices
    ("Unknown place 'x'. Choose one of: a, b.")."""
    items = tuple(items)
    for item in items:
        if item.id == wanted:
            return item
    raise ValueError(f"Unknown {what} {wanted!r}. Choose one of: {', '.join(item.id for item in items)}.")
