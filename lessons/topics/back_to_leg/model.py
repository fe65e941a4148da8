"""Lesson 02's facts as data: the nerve roots of the leg, the skin areas (dermatomes) they
supply, their muscles and reflexes (``content/nerve_roots.yml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data

CONTENT = Path(__file__).parent / "content"


@dataclass(frozen=True)
class NerveRoot:
    id: str
    numbness: str
    pain: str
    muscles: str
    reflex: str
    test: str
    areas: tuple[str, ...]
    refs: tuple[str, ...]


@cache
def _roots_file() -> dict:
    document = data.load(CONTENT / "nerve_roots.yml", "nerve_roots")
    area_ids = [area["id"] for area in document["areas"]]
    owners: dict[str, str] = {}
    for index, root in enumerate(document["roots"]):
        for area in root["areas"]:
            if area not in area_ids:
                raise data.ContentError("lessons/topics/back_to_leg/content/nerve_roots.yml", f"unknown area {area!r}",
                                        item=root["id"], field=f"roots.{index}.areas")
            if area in owners:
                raise data.ContentError("lessons/topics/back_to_leg/content/nerve_roots.yml",
                                        f"area {area!r} is already given to {owners[area]}",
                                        item=root["id"], field=f"roots.{index}.areas")
            owners[area] = root["id"]
    return document


@cache
def nerve_roots() -> tuple[NerveRoot, ...]:
    return tuple(NerveRoot(**{**r, "areas": tuple(r["areas"]), "refs": tuple(r["refs"])})
                 for r in _roots_file()["roots"])


def nerve_root(root_id: str) -> NerveRoot:
    for root in nerve_roots():
        if root.id == root_id.upper():
            return root
    raise KeyError(root_id)


@cache
def leg_areas() -> dict[str, str]:
    """Area id -> plain name, in map order."""
    return {area["id"]: area["name"] for area in _roots_file()["areas"]}


def root_for_area(area_id: str) -> NerveRoot:
    """The nerve root whose skin area (dermatome) usually includes ``area_id``."""
    for root in nerve_roots():
        if area_id in root.areas:
            return root
    raise KeyError(area_id)


def root_exiting_below(vertebra: str) -> str:
    """Lumbar roots leave below the vertebra of the same number: L4 -> the L4-L5 opening."""
    order = ["L1", "L2", "L3", "L4", "L5", "S1"]
    index = order.index(vertebra.upper())
    below = order[index + 1] if index + 1 < len(order) else "S2"
    return f"{vertebra.upper()}–{below}"


def root_table_markdown() -> str:
    """The nerve roots side by side: where they are felt, what they move, their reflex."""
    rows = ["| Root | Numbness or tingling usually | Pain usually travels to | Muscles | Reflex |",
            "|---|---|---|---|---|"]
    rows += [f"| **{r.id}** | {r.numbness} | {r.pain} | {r.muscles} | {r.reflex} |" for r in nerve_roots()]
    return "\n".join(rows)
