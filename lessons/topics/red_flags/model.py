"""Lesson 17: the red-flag checker, as data and one pure function.

The checker asks one plain question for every warning sign of the course's one triage file,
``lessons/kit/content/red_flags.yml`` (read by ``lessons.kit.triage``), so the checker, the safety box of every
lesson and every other place that names a sign can never drift apart.

``check(ticked_ids)`` turns the ticked ids into a ``Verdict``: the most serious level among the ticked
signs ("emergency", then "urgent", then "soon"), otherwise "none".

The checker's own words (``content/red_flag_checker.yml``, read by ``words``) say nothing about a level in their
own words: a group heading names what its level needs through a triage placeholder (``{{needs:urgent}}``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, triage

GROUPS = triage.LEVELS
LEVELS = (*triage.LEVELS, "none")
WORDS = Path(__file__).parent / "content" / "red_flag_checker.yml"
# Placeholders that name a level ({{needs:urgent}}) and a sign's level ({{needs-of:fever}}).
LEVEL_PLACEHOLDERS = ("needs", "lead", "name", "heading", "action", "why", "signs", "bullets")
SIGN_LEVEL_PLACEHOLDERS = ("needs-of", "name-of")


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


@dataclass(frozen=True)
class Words:
    plain_text: str
    start: str
    not_a_diagnosis: str
    you_ticked: str
    groups: dict[str, str]      # level -> the heading above its tick boxes, placeholders filled in


def _levels_named(heading: str) -> set[str]:
    """The levels a heading names through placeholders ({{needs:urgent}}, {{needs-of:fever}})."""
    found = set()
    for match in triage.PLACEHOLDER.finditer(heading):
        kind, argument = match.group(1), (match.group(2) or "").strip()
        if kind in LEVEL_PLACEHOLDERS and argument in triage.LEVELS:
            found.add(argument)
        elif kind in SIGN_LEVEL_PLACEHOLDERS and argument in {item.id for item in triage.signs()}:
            found.add(triage.sign(argument).level)
    return found


def read_words(path: Path = WORDS) -> Words:
    """Load and check a checker words file; each group heading must name its own level, and only it."""
    file = data.display_name(path)
    document = data.load(path, "red_flag_checker")
    for key, heading in document["groups"].items():
        named = _levels_named(heading)
        if named != {key}:
            others = f"names {', '.join(sorted(named - {key}))}" if named - {key} else "does not name it"
            raise data.ContentError(file, f"the heading of the {key!r} signs must say what its own level needs "
                                    f"through a triage placeholder such as {{{{needs:{key}}}}}; it {others}",
                                    field=f"groups.{key}")
    document = triage.expand_all(document, file)
    return Words(plain_text=document["plain_text"], start=document["start"],
                 not_a_diagnosis=document["not_a_diagnosis"], you_ticked=document["you_ticked"],
                 groups={key: document["groups"][key] for key in GROUPS})


@cache
def words() -> Words:
    return read_words(WORDS)


def group_heading(level_key: str) -> str:
    """The heading above one level's tick boxes, its level words filled in from the triage file."""
    return words().groups[level_key]


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
