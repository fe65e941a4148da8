"""Lesson 09: the six causes side by side, as data (``lessons/topics/causes_compared/content/causes.yml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, triage
from lessons.kit.course import lesson
from lessons.kit.references import bibliography

LEVELS = ("typical", "possible", "unusual", "unknown")
LEVEL_WORDS = {"typical": "typical", "possible": "can happen", "unusual": "not the usual pattern",
               "unknown": "not known"}
CONTENT = Path(__file__).parent / "content"
FILE = "lessons/topics/causes_compared/content/causes.yml"


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
    known_refs = bibliography()
    for index, cause in enumerate(document["causes"]):
        lesson(cause["lesson"])  # KeyError for a lesson not in the course map
        for ref in cause["refs"]:
            if ref not in known_refs:
                raise data.ContentError(FILE, f"unknown reference {ref!r}", item=cause["id"],
                                        field=f"causes.{index}.refs")
    for index, clue in enumerate(document["clues"]):
        if sorted(clue["levels"]) != sorted(ids):
            raise data.ContentError(FILE, "needs exactly one level for every cause", item=clue["id"],
                                    field=f"clues.{index}.levels")
    return document


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
    rows = ["| Cause | Where it is felt | Worse with | Better with | Typical age | Usual course |",
            "|---|---|---|---|---|---|"]
    for item in causes():
        link = f"[{item.name}]({lesson(item.lesson).notebook})"
        rows.append(f"| **{link}** | {item.where} | {item.worse} | {item.better} | {item.age} | {item.course} |")
    return "\n".join(rows)
