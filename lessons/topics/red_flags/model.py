"""Lesson 17: the red-flag checker, as data and one pure function.

The checker asks one plain question for every warning sign of the course's one triage file,
``lessons/kit/content/red_flags.yml`` (read by ``lessons.kit.triage``), so the checker, the safety box of every
lesson and every other place that names a sign can never drift apart.

``check(ticked_ids)`` turns the ticked ids into a ``Verdict``: the most serious level among the ticked
signs ("emergency", then "urgent", then "soon"), otherwise "none".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from lessons.kit import triage

GROUPS = triage.LEVELS
LEVELS = (*triage.LEVELS, "none")


class UnknownFlagError(ValueError):
    """``check`` was given something that is not a list of checker ids."""


@dataclass(frozen=True)
class Flag:
    id: str
    group: str        # the sign's triage level: "emergency", "urgent" or "soon"
    question: str     # what the learner is asked
    sign: str         # the sign's full text in the triage file
    refs: tuple[str, ...]
    note: str = ""    # extra advice shown when this box is ticked


@dataclass(frozen=True)
class Verdict:
    level: str                    # "emergency", "urgent", "soon" or "none"
    symbol: str
    headline: str
    how_fast: str
    action: str
    why: str                      # the level's "why" in the triage file ("" for none)
    ticked: tuple[Flag, ...]      # in checker order
    notes: tuple[str, ...]        # extra advice of the ticked items

    @property
    def message(self) -> str:
        """The whole verdict as plain text: headline, action, how fast, why and notes."""
        parts = [f"{self.symbol} {self.headline}.", self.action, self.how_fast]
        if self.why:
            parts.append(self.why)
        parts += list(self.notes)
        return " ".join(parts)


@cache
def flags() -> tuple[Flag, ...]:
    """Every checker item, most serious level first, in the order of the triage file."""
    return tuple(Flag(item.id, item.level, item.question, item.text, item.refs, item.note)
                 for item in triage.signs())


@cache
def levels() -> dict[str, triage.Level | triage.NoSign]:
    """What the checker says for each level, and for "none" (no sign ticked), from the triage file."""
    return {**triage.levels(), "none": triage.no_sign()}


def flag(flag_id: str) -> Flag:
    for item in flags():
        if item.id == flag_id:
            return item
    raise UnknownFlagError(f"Unknown red flag {flag_id!r}. Known ids: {', '.join(f.id for f in flags())}.")


def _ticked_ids(ticked_ids) -> set[str]:
    if ticked_ids is None:
        return set()
    if isinstance(ticked_ids, (str, bytes)):
        raise UnknownFlagError(f"Ticked flags must be a list of ids, not the single text {ticked_ids!r}; "
                               f"write [{ticked_ids!r}].")
    try:
        ids = list(ticked_ids)
    except TypeError:
        raise UnknownFlagError(f"Ticked flags must be a list of ids, not {type(ticked_ids).__name__}.") from None
    for item in ids:
        if not isinstance(item, str):
            raise UnknownFlagError(f"Each ticked flag must be an id (text), not {item!r}.")
        flag(item)  # raises UnknownFlagError for an unknown id
    return set(ids)


def check(ticked_ids: Iterable[str] | None) -> Verdict:
    """The verdict for the ticked checker ids: emergency beats urgent, urgent beats soon, soon beats none.

    An empty list (or None) gives the "none" verdict. Anything that is not a list of known ids raises
    ``UnknownFlagError`` with a plain-English message.
    """
    chosen = _ticked_ids(ticked_ids)
    ticked = tuple(item for item in flags() if item.id in chosen)
    groups = {item.group for item in ticked}
    key = next((group for group in GROUPS if group in groups), "none")
    level = levels()[key]
    why = triage.level(key).why if key in GROUPS else ""
    notes = tuple(item.note for item in ticked if item.note)
    return Verdict(key, level.symbol, level.headline, level.how_fast, level.action, why, ticked, notes)
