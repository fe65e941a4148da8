"""Lesson 09: the six causes side by side, as data (``lessons/topics/causes_compared/content/causes.yml``),
and the words of the comparison (``content/causes_comparison.yml``: level words, column labels, the comparer's
texts)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, references, triage
from lessons.kit.course import lesson

LEVELS = ("typical", "possible", "unusual", "unknown")
FIELDS = ("where", "worse", "better", "age", "course")   # a cause's fields, in the order of the table
CONTENT = Path(__file__).parent / "content"
FILE = "lessons/topics/causes_compared/content/causes.yml"
COMPARISON = CONTENT / "causes_comparison.yml"
# The {fields} each text of the comparer may use.
COMPARER_FIELDS = {"plain_text": (), "start": (), "not_a_diagnosis": (), "more": ("number", "title")}


@dataclass(frozen=True)
class Cause:
    id: str
    lesson: str
    name: str
    where: str
    worse: str
    better: str
    age: str
    course: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class Clue:
    id: str
    name: str
    levels: dict  # cause id -> {"level": ..., "note": ...}


@cache
def _document() -> dict:
    document = triage.load(CONTENT / "causes.yml", "causes")
    ids = [cause["id"] for cause in document["causes"]]
    for index, cause in enumerate(document["causes"]):
        lesson(cause["lesson"])  # KeyError for a lesson not in the course map
        references.check_ids(cause["refs"], FILE, f"causes.{index}.refs", item=cause["id"], numbered=False)
    for index, clue in enumerate(document["clues"]):
        if sorted(clue["levels"]) != sorted(ids):
            raise data.ContentError(FILE, "needs exactly one level for every cause", item=clue["id"],
                                    field=f"clues.{index}.levels")
    return document


@dataclass(frozen=True)
class Comparison:
    levels: dict[str, str]      # level -> words: "possible" -> "can happen"
    cause: str                  # the first column's heading
    fields: dict[str, str]      # field of a cause -> label, in the order of FIELDS
    comparer: dict[str, str]    # the comparer's texts, by the names of COMPARER_FIELDS


def read_comparison(path: Path = COMPARISON) -> Comparison:
    """Load and check a comparison file (``comparison`` is the cached one of the package)."""
    file = data.display_name(path)
    document = data.load(path, "causes_comparison")
    for name, text in document["comparer"].items():
        prose.check_text(text, COMPARER_FIELDS[name], file, field=f"comparer.{name}")
    return Comparison(levels={level: document["levels"][level] for level in LEVELS}, cause=document["cause"],
                      fields={name: document["fields"][name] for name in FIELDS},
                      comparer=dict(document["comparer"]))


@cache
def comparison() -> Comparison:
    return read_comparison(COMPARISON)


def level_words(level: str) -> str:
    """How the chart and the cards say a level: "possible" -> "can happen"."""
    return comparison().levels[level]


def cause_rows(item: Cause) -> list[tuple[str, str]]:
    """A cause's fields as (label, text) rows, in the order of the table."""
    return [(label, getattr(item, name)) for name, label in comparison().fields.items()]


@cache
def causes() -> tuple[Cause, ...]:
    return tuple(Cause(**{**c, "refs": tuple(c["refs"])}) for c in _document()["causes"])


@cache
def clues() -> tuple[Clue, ...]:
    return tuple(Clue(**c) for c in _document()["clues"])


def cause(cause_id: str) -> Cause:
    for item in causes():
        if item.id == cause_id:
            return item
    raise KeyError(cause_id)


def clue(clue_id: str) -> Clue:
    for item in clues():
        if item.id == clue_id:
            return item
    raise KeyError(clue_id)


def causes_with(clue_id: str, level: str) -> list[Cause]:
    """The causes for which ``clue_id`` is at ``level`` (e.g. "typical"), in course order."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    levels = clue(clue_id).levels
    return [item for item in causes() if levels[item.id]["level"] == level]


def comparison_table_markdown() -> str:
    """The side-by-side table: where it hurts, what worsens and eases it, age, course."""
    headings = [comparison().cause, *comparison().fields.values()]
    rows = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    for item in causes():
        link = f"[{item.name}]({lesson(item.lesson).notebook})"
        rows.append(f"| **{link}** | " + " | ".join(text for _label, text in cause_rows(item)) + " |")
    return "\n".join(rows)
