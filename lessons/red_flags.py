"""Lesson 17: the red-flag checker, as data and one pure function.

The warning signs themselves live in ``lessons/content/red_flags.yml`` (shared by every lesson's
safety box). ``lessons/content/red_flag_checker.yml`` adds, for each sign, a plain question, an id and
its references, and the verdict text for each level. The loader checks that every sign in
red_flags.yml has exactly one question, in the same group, so the checker and the safety box can
never drift apart.

``check(ticked_ids)`` turns the ticked ids into a ``Verdict``: "emergency" if any emergency sign is
ticked, otherwise "urgent" if any urgent sign is ticked, otherwise "none".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from lessons import data
from lessons.course import bibliography, red_flags

FILE = "lessons/content/red_flag_checker.yml"
GROUPS = ("emergency", "urgent")
LEVELS = ("emergency", "urgent", "none")


class UnknownFlagError(ValueError):
    """``check`` was given something that is not a list of checker ids."""


@dataclass(frozen=True)
class Flag:
    id: str
    group: str        # "emergency" or "urgent", as in red_flags.yml
    question: str     # what the learner is asked
    sign: str         # the sign's exact text in red_flags.yml
    refs: tuple[str, ...]
    note: str = ""    # extra advice shown when this box is ticked


@dataclass(frozen=True)
class Level:
    key: str
    symbol: str
    headline: str
    when: str
    how_fast: str
    action: str


@dataclass(frozen=True)
class Verdict:
    level: str                    # "emergency", "urgent" or "none"
    symbol: str
    headline: str
    how_fast: str
    action: str
    why: str                      # from red_flags.yml ("" for none)
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


def build_flags(document: dict, signs: dict, known_refs: Iterable[str]) -> tuple[Flag, ...]:
    """Check the checker document against red_flags.yml and the bibliography; return the flags.

    Raises ContentError naming the item and field for a duplicate id, a sign not in red_flags.yml,
    a sign in the wrong group, a sign asked twice or never, or an unknown reference.
    """
    known_refs = set(known_refs)
    flags, seen_ids, asked = [], set(), {}
    for index, item in enumerate(document["items"]):
        where = f"items.{index}"
        if item["id"] in seen_ids:
            raise data.ContentError(FILE, "duplicate id", item=item["id"], field=f"{where}.id")
        seen_ids.add(item["id"])
        group = next((key for key in GROUPS if item["sign"] in signs[key]["signs"]), None)
        if group is None:
            raise data.ContentError(FILE, "sign is not, word for word, a sign in lessons/content/red_flags.yml",
                                    item=item["id"], field=f"{where}.sign")
        if group != item["group"]:
            raise data.ContentError(FILE, f"group should be {group!r}, as in lessons/content/red_flags.yml",
                                    item=item["id"], field=f"{where}.group")
        if item["sign"] in asked:
            raise data.ContentError(FILE, f"sign is already asked by item {asked[item['sign']]!r}",
                                    item=item["id"], field=f"{where}.sign")
        asked[item["sign"]] = item["id"]
        for ref in item["refs"]:
            if ref not in known_refs:
                raise data.ContentError(FILE, f"unknown reference {ref!r}", item=item["id"], field=f"{where}.refs")
        flags.append(Flag(item["id"], item["group"], item["question"], item["sign"], tuple(item["refs"]),
                          item.get("note", "")))
    for key in GROUPS:
        for sign in signs[key]["signs"]:
            if sign not in asked:
                raise data.ContentError(FILE, f"no question for the {key} sign {sign!r} in "
                                        "lessons/content/red_flags.yml", field="items")
    for ref in document["sources"]:
        if ref not in known_refs:
            raise data.ContentError(FILE, f"unknown reference {ref!r}", field="sources")
    return tuple(flags)


@cache
def _document() -> dict:
    return data.load("red_flag_checker.yml", "red_flag_checker")


@cache
def flags() -> tuple[Flag, ...]:
    """Every checker item, emergency signs first, in the order of the data file."""
    return build_flags(_document(), red_flags(), bibliography())


@cache
def levels() -> dict[str, Level]:
    return {key: Level(key=key, **_document()["levels"][key]) for key in LEVELS}


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
    """The verdict for the ticked checker ids: emergency beats urgent, urgent beats none.

    An empty list (or None) gives the "none" verdict. Anything that is not a list of known ids raises
    ``UnknownFlagError`` with a plain-English message.
    """
    chosen = _ticked_ids(ticked_ids)
    ticked = tuple(item for item in flags() if item.id in chosen)
    groups = {item.group for item in ticked}
    key = next((group for group in GROUPS if group in groups), "none")
    level = levels()[key]
    why = red_flags()[key]["why"] if key in GROUPS else ""
    notes = tuple(item.note for item in ticked if item.note)
    return Verdict(key, level.symbol, level.headline, level.how_fast, level.action, why, ticked, notes)
