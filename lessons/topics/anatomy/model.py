"""Lesson 01's facts as data: the parts of the lower back (``content/anatomy.yml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data

CONTENT = Path(__file__).parent / "content"


@dataclass(frozen=True)
class Part:
    id: str
    plain: str
    term: str
    group: str
    what: str
    leg_link: str
    refs: tuple[str, ...]


@cache
def parts() -> tuple[Part, ...]:
    raw = data.load(CONTENT / "anatomy.yml", "anatomy")["parts"]
    return tuple(Part(**{**p, "refs": tuple(p["refs"])}) for p in raw)


def part(part_id: str) -> Part:
    for item in parts():
        if item.id == part_id:
            return item
    raise KeyError(part_id)
