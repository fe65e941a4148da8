"""Lesson 02c: the person behind the pain. A reflection exercise with no score.

``reflect(selected)`` is a pure function. A learner ticks the common, changeable things that can slow
recovery from back pain ("yellow flags") that they recognise; it returns, for each one, why it is
understandable, what can help and who can help, in the order of the content file. It never counts,
scores or labels what was ticked, and it gives no risk group: the STarT Back tool (Keele University)
is used by clinicians as part of a full assessment, and this exercise is not it.

Bad input (an unknown id, or something that is not a list of ids) raises ``ReflectionError`` (a
``ValueError``) with a message written for the learner; the widget shows it instead of a traceback.

The words are data: ``content/reflection.yml`` (schema beside it), read and checked by ``load_reflection``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, references

CONTENT = Path(__file__).parent / "content"
REFLECTION_FILE = CONTENT / "reflection.yml"
MAX_SHOWN = 40           # characters of a bad id repeated back in a message


class ReflectionError(ValueError):
    """Input the exercise cannot use, with a message written for the learner."""


@dataclass(frozen=True)
class Factor:
    id: str
    label: str           # the tick box
    name: str            # plain name, medical term in brackets
    common: str          # why it is common and understandable
    helps: str           # what can help
    who: str             # who can help
    refs: tuple[str, ...]


@dataclass(frozen=True)
class ReflectionContent:
    start: str
    none_ticked: str
    closing: tuple[str, ...]
    plain_text: str
    factors: tuple[Factor, ...]


@dataclass(frozen=True)
class Reflection:
    """What the card shows: the chosen factors (in the content's order) and the closing lines. No score."""

    factors: tuple[Factor, ...]
    closing: tuple[str, ...]
    none_ticked: str | None      # the message for an empty choice, else None

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ref for factor in self.factors for ref in factor.refs))


def load_reflection(path: Path | str = REFLECTION_FILE) -> ReflectionContent:
    """Read and check a reflection file (the shipped one unless ``path`` is given)."""
    path = Path(path)
    name = data.display_name(path)
    document = data.load(path, "reflection")
    factors, seen = [], set()
    for index, entry in enumerate(document["factors"]):
        if entry["id"] in seen:
            raise data.ContentError(name, "duplicate factor id", item=entry["id"], field=f"factors.{index}.id")
        seen.add(entry["id"])
        refs = references.check_ids(entry["refs"], name, f"factors.{index}.refs", item=entry["id"])
        factors.append(Factor(entry["id"], entry["label"], entry["name"], entry["common"], entry["helps"],
                              entry["who"], refs))
    return ReflectionContent(document["start"], document["none_ticked"], tuple(document["closing"]),
                             document["plain_text"], tuple(factors))


@cache
def content() -> ReflectionContent:
    return load_reflection()


def factors() -> tuple[Factor, ...]:
    return content().factors


def _shown(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def reflect(selected: Iterable[str]) -> Reflection:
    """The kind, non-scoring text for the factors a learner recognises (``selected``: factor ids)."""
    if isinstance(selected, (str, bytes)) or not isinstance(selected, Iterable):
        raise ReflectionError("Choose from the list: tick the boxes of anything you recognise.")
    chosen = list(selected)
    known = {factor.id: factor for factor in factors()}
    for item in chosen:
        if not isinstance(item, str):      # never str() it: an odd object's text could fail or be huge
            raise ReflectionError("One of the choices is not from the list. Tick the boxes of anything you "
                                  "recognise.")
        if item not in known:
            raise ReflectionError(f"'{_shown(item)}' is not one of the choices. Tick the boxes of anything "
                                  "you recognise.")
    wanted = set(chosen)
    picked = tuple(factor for factor in factors() if factor.id in wanted)
    return Reflection(picked, content().closing, None if picked else content().none_ticked)
