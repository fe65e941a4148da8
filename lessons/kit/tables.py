"""Data tables from published papers: ``<name>.csv`` plus ``<name>.yml`` in the ``content/tables/``
folder of the topic that draws them (``lessons/topics/sciatica/content/tables/``). A table is found by
its name, which is unique across the course.

The YAML names the source (a reference id) and the columns with their types; the loader
checks both and the rows, and raises ContentError naming the file, the row and the column.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data
from lessons.kit.references import bibliography

TABLE_PATTERN = "topics/*/content/tables/*.yml"   # package data: shipped in the wheel (pyproject.toml)
CASTS = {"integer": int, "number": float, "string": str}


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    source: str
    note: str
    units: dict[str, str]
    rows: tuple[dict, ...]

    def column(self, name: str) -> list:
        return [row[name] for row in self.rows]

    @property
    def citation(self) -> str:
        return bibliography()[self.source]["citation"]


def _cast(value: str, column: dict, where: str, row_number: int):
    try:
        result = CASTS[column["type"]](value.strip())
    except ValueError:
        raise data.ContentError(where, f"{value!r} is not a valid {column['type']}",
                                item=f"row {row_number}", field=column["name"]) from None
    if "allowed" in column and result not in column["allowed"]:
        raise data.ContentError(where, f"{value!r} is not one of {column['allowed']}",
                                item=f"row {row_number}", field=column["name"])
    return result


@cache
def table_files() -> dict[str, Path]:
    """Every table's metadata file, by table name; a name used twice is an error naming both files."""
    found: dict[str, Path] = {}
    for path in data.content_files(TABLE_PATTERN):
        if path.stem in found:
            raise data.ContentError(data.display_name(path), f"a second table called {path.stem!r} "
                                    f"(the first is {data.display_name(found[path.stem])})", field="name")
        found[path.stem] = path
    return found


def table_folder(name: str) -> Path:
    """The folder holding table ``name``; a name no topic has is a ContentError."""
    try:
        return table_files()[name].parent
    except KeyError:
        raise data.ContentError(f"{name}.yml", "no topic has a data table with this name",
                                field="name") from None


def load_table(name: str, folder: Path | None = None) -> Table:
    folder = table_folder(name) if folder is None else folder
    meta_path, csv_path = folder / f"{name}.yml", folder / f"{name}.csv"
    meta = data.read_yaml(meta_path)
    data.validate(meta, "table", meta_path)
    if meta["source"] not in bibliography():
        raise data.ContentError(data.display_name(meta_path), "is not a reference id of the course",
                                field="source")
    where = data.display_name(csv_path)
    try:
        with csv_path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            expected = [column["name"] for column in meta["columns"]]
            if reader.fieldnames != expected:
                raise data.ContentError(where, f"header {reader.fieldnames} should be {expected}", field="header")
            rows = tuple(
                {c["name"]: _cast(raw[c["name"]] or "", c, where, n) for c in meta["columns"]}
                for n, raw in enumerate(reader, start=2)
            )
    except OSError as exc:
        raise data.ContentError(where, f"cannot be read ({exc.strerror})") from exc
    if not rows:
        raise data.ContentError(where, "has no rows")
    units = {c["name"]: c.get("unit", "") for c in meta["columns"]}
    return Table(name, meta["title"], meta["source"], meta["note"], units, rows)


def source_note(name: str):
    """A caption for a figure drawn from a table: what it shows and where the numbers come from."""
    from IPython.display import Markdown

    table = load_table(name)
    return Markdown(f"*Source:* {table.citation} *{table.note}*")
