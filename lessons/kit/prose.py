"""Learner-facing sentences kept in content files, with ``{name}`` fields that the code fills in.

The course keeps its prose in YAML ("content is data"). A sentence that carries a number or a name
worked out at run time is a template, such as ``"You have completed {done} of {total} lessons."``.

``load(path, schema_name, fields)`` reads such a file (``data.load``, so its schema is checked; with
``placeholders=True`` it is ``triage.load``, which fills in the triage placeholders such as
``{{needs:emergency}}`` first) and then checks every string against ``fields``: a map from a dotted field
path (``"completed"``, ``"problems.*.text"``, where ``*`` stands for any one key or list index) to the names
its template must use, no more and no fewer. Every other string must have no brace at all. So a misspelt
``{totl}``, a forgotten field or a lone brace is a ``ContentError`` naming the file, the item and the field
when the file is loaded, never a ``KeyError`` when a learner presses a button.

``check_text(text, allowed, file, item=, field=)`` checks one text that may use some of ``allowed``
(for loaders that walk their own documents). ``fill(template, **values)`` fills a template in
(``str.format``: ``{start:%A %d %B %Y}`` formats a date).
The names are checked when the file is loaded; a format after the colon is not (it depends on the value).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from string import Formatter
from typing import Any

from lessons.kit import data, triage


def names_in(text: str) -> set[str]:
    """The field names of a template; ValueError for a lone brace or a field that is not a plain name."""
    found = set()
    for _literal, name, _spec, _conversion in Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"{{{name}}} is not a field name (a word such as {{total}})")
        found.add(name)
    return found


def _expected(fields: Mapping[str, frozenset[str] | set[str]], steps: list[str]) -> set[str] | None:
    for pattern, names in fields.items():
        parts = pattern.split(".")
        if len(parts) == len(steps) and all(part in ("*", step) for part, step in zip(parts, steps, strict=True)):
            return set(names)
    return None


def _listed(names) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names)) or "no field"


def check(document: Any, file: str, fields: Mapping[str, frozenset[str] | set[str]]) -> None:
    """Raise ContentError for the first string whose ``{fields}`` are not the ones the code fills in."""

    def walk(node, steps: list[str], item: str | None) -> None:
        if isinstance(node, dict):
            item = node["id"] if isinstance(node.get("id"), str) else item
            for key, value in node.items():
                walk(value, [*steps, str(key)], item)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, [*steps, str(index)], item)
        elif isinstance(node, str):
            where = ".".join(steps) or None
            expected = _expected(fields, steps)
            if expected is None:
                if "{" in node or "}" in node:
                    raise data.ContentError(file, "has a brace, but nothing is filled in here: write the text "
                                            "without '{' and '}'", item=item, field=where)
                return
            try:
                found = names_in(node)
            except ValueError as error:
                raise data.ContentError(file, f"is not a template the course can fill in: {error}", item=item,
                                        field=where) from None
            if found != expected:
                raise data.ContentError(file, f"uses {_listed(found)}, but must use exactly {_listed(expected)}",
                                        item=item, field=where)

    walk(document, [], None)


def load(path: Path | str, schema_name: str, fields: Mapping[str, frozenset[str] | set[str]] | None = None, *,
         placeholders: bool = False) -> Any:
    """A content file of texts, checked against its schema and its templates' fields (see the module doc)."""
    path = Path(path)
    document = triage.load(path, schema_name) if placeholders else data.load(path, schema_name)
    check(document, data.display_name(data.PACKAGE_DIR / path), fields or {})
    return document


def flatten(texts: dict, prefix: str = "") -> dict[str, str]:
    """Nested texts as one level, by dotted name: ``{"messages": {"start": s}}`` -> ``{"messages.start": s}``."""
    found = {}
    for key, value in texts.items():
        if isinstance(value, dict):
            found.update(flatten(value, f"{prefix}{key}."))
        else:
            found[f"{prefix}{key}"] = value
    return found


def check_text(text: str, allowed, file: str, *, item: str | None = None, field: str | None = None) -> None:
    """Raise ContentError if one text uses a ``{field}`` that is not ``allowed`` (it may use fewer).

    For loaders that check their texts one by one (``check`` above checks a whole document exactly)."""
    allowed = tuple(allowed)
    may = " and ".join("{" + key + "}" for key in allowed) or "no placeholder"
    if "{}" in text:
        found = {""}
    else:
        try:
            found = names_in(text)
        except ValueError:
            raise data.ContentError(file, "has a { or } that is not part of a {field}", item=item,
                                    field=field) from None
    for name in sorted(found):
        if name not in allowed:
            raise data.ContentError(file, f"unknown placeholder {{{name}}}; this text may say {may}", item=item,
                                    field=field)


def fill(template: str, **values: object) -> str:
    """The template with its ``{fields}`` filled in."""
    return template.format(**values)
