"""Lesson 02b: the "volume dial" picture and the learner's flare-up plan, as pure rules.

The volume dial (``turn_dial``) is a teaching picture, not a measurement: each factor a learner ticks
moves it one notch up or down, because the sources name the factors but give them no sizes. The factors
and their sources are data: ``content/volume_dial.yml`` (schema beside it), read by ``dial_content``.

The flare-up plan (``make_plan``) is three short texts the learner types: what helps, how they pace, and
whom they contact. It is kept in the learner's progress store (``lessons.records.store``) under the
fixed name ``PLAN_NAME`` as a dict with ``"kind": "flare-up"``, so My progress can list it and the
exported results file carries it unchanged. The warning signs shown with the plan are never stored or
typed here: they come from ``lessons/kit/content/red_flags.yml`` through ``lessons.kit.triage``.
Bad input raises ``PlanInputError`` or ``DialError`` (both ``ValueError``) with a message for the learner.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, references
from lessons.kit.names import BIDI_CONTROLS

CONTENT = Path(__file__).parent / "content"
DIAL_FILE = CONTENT / "volume_dial.yml"
PLAN_TEXTS_FILE = CONTENT / "flare_up_plan.yml"

LESSON = "02b_how_pain_works"
PLAN_NAME = "My flare-up plan"
PLAN_KIND = "flare-up"
FIELDS = ("helps", "pacing", "contact")
MAX_CHARS = 500                      # per part: a plan is a short list to keep, not a diary
UP, DOWN = "up", "down"


class PlanInputError(ValueError):
    """Text the flare-up plan cannot keep; the message says what to change."""


class DialError(ValueError):
    """A choice the volume dial does not know."""


# --- the volume dial ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Factor:
    id: str
    label: str
    direction: str            # UP or DOWN
    why: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class DialContent:
    note: str                 # says that the dial is a picture, not a measurement
    factors: tuple[Factor, ...]

    def factor(self, factor_id: str) -> Factor:
        for item in self.factors:
            if item.id == factor_id:
                return item
        raise KeyError(factor_id)

    def of(self, direction: str) -> tuple[Factor, ...]:
        return tuple(item for item in self.factors if item.direction == direction)


def dial_content(path: Path | str | None = None) -> DialContent:
    """The dial's factors, checked (the shipped file unless ``path`` is given)."""
    return _dial_content(str(Path(path or DIAL_FILE).resolve()))


@cache
def _dial_content(path_text: str) -> DialContent:
    path = Path(path_text)
    name = data.display_name(path)
    document = data.load(path, "volume_dial")
    seen: set[str] = set()
    factors = []
    for index, raw in enumerate(document["factors"]):
        if raw["id"] in seen:
            raise data.ContentError(name, "this id is used twice", item=raw["id"], field=f"factors.{index}.id")
        seen.add(raw["id"])
        refs = references.check_ids(raw["refs"], name, f"factors.{index}.refs", item=raw["id"])
        factors.append(Factor(raw["id"], raw["label"], raw["direction"], raw["why"], refs))
    for direction in (UP, DOWN):
        if not any(item.direction == direction for item in factors):
            raise data.ContentError(name, f"no factor turns the dial {direction}", field="factors")
    return DialContent(document["note"], tuple(factors))


@dataclass(frozen=True)
class Dial:
    """Where the picture's dial points: one notch per ticked factor, up or down."""

    up: tuple[Factor, ...]
    down: tuple[Factor, ...]
    most: int                 # how far it can go either way (the number of factors on the larger side)

    @property
    def notches(self) -> int:
        return len(self.up) - len(self.down)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ref for item in (*self.up, *self.down) for ref in item.refs))


def turn_dial(chosen: Iterable[str] = (), content: DialContent | None = None) -> Dial:
    """The dial for the ticked factor ids; ``DialError`` for anything that is not a list of known ids."""
    content = content or dial_content()
    if isinstance(chosen, (str, bytes)) or not isinstance(chosen, Iterable):
        raise DialError(f"The choices must be a list of factor ids, not {type(chosen).__name__}.")
    picked = []
    for item in chosen:
        if not isinstance(item, str):
            raise DialError(f"A choice must be a factor id, not {type(item).__name__}.")
        try:
            factor = content.factor(item)
        except KeyError:
            raise DialError(f"{item[:40]!r} is not one of the dial's factors.") from None
        if factor not in picked:
            picked.append(factor)
    most = max(len(content.of(UP)), len(content.of(DOWN)))
    return Dial(tuple(f for f in picked if f.direction == UP), tuple(f for f in picked if f.direction == DOWN), most)


def _notch_words(n: int) -> str:
    return f"{n} notch" if n == 1 else f"{n} notches"


def dial_words(dial: Dial) -> str:
    """The dial in words: what turned it up, what turned it down, and where it points in the picture."""
    parts = []
    if dial.up:
        parts.append(f"Turning it up ({_notch_words(len(dial.up))}): "
                     + ", ".join(item.label.lower() for item in dial.up) + ".")
    if dial.down:
        parts.append(f"Turning it down ({_notch_words(len(dial.down))}): "
                     + ", ".join(item.label.lower() for item in dial.down) + ".")
    if dial.notches > 0:
        parts.append(f"In this picture the volume is {_notch_words(dial.notches)} louder than usual.")
    elif dial.notches < 0:
        parts.append(f"In this picture the volume is {_notch_words(-dial.notches)} quieter than usual.")
    elif dial.up:
        parts.append("In this picture they balance out, so the dial stays in the middle.")
    else:
        parts.append("Nothing is ticked, so the dial is in the middle.")
    return " ".join(parts)


# --- the flare-up plan ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldText:
    label: str
    hint: str


@dataclass(frozen=True)
class PlanTexts:
    fields: dict[str, FieldText]
    seek_help_intro: str
    not_advice: str


@cache
def plan_texts() -> PlanTexts:
    """What the plan says around the learner's words (content/flare_up_plan.yml, checked)."""
    document = data.load(PLAN_TEXTS_FILE, "flare_up_plan")
    return PlanTexts({key: FieldText(**document["fields"][key]) for key in FIELDS},
                     document["seek_help_intro"], document["not_advice"])


@dataclass(frozen=True)
class FlareUpPlan:
    helps: str = ""
    pacing: str = ""
    contact: str = ""

    def record(self) -> dict:
        """The JSON-able dict kept in the progress store (and exported unchanged)."""
        return {"kind": PLAN_KIND, "lesson": LESSON, **{key: getattr(self, key) for key in FIELDS}}

    @property
    def empty(self) -> bool:
        return not any(getattr(self, key) for key in FIELDS)


_HIDDEN = set(BIDI_CONTROLS) | {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(value: object) -> str:
    """Typed text as the plan keeps it: Windows line ends made plain, control and invisible characters
    (other than line breaks) taken out, spaces at the ends trimmed and long runs of empty lines shortened."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or (ch not in _HIDDEN and unicodedata.category(ch) != "Cc"))
    return _BLANK_LINES.sub("\n\n", "\n".join(line.rstrip() for line in text.split("\n"))).strip()


def make_plan(helps: object = "", pacing: object = "", contact: object = "") -> FlareUpPlan:
    """A plan from the three typed parts; ``PlanInputError`` if a part is not text, is too long, or all are empty."""
    texts = plan_texts()
    values = {}
    for key, value in zip(FIELDS, (helps, pacing, contact), strict=True):
        label = texts.fields[key].label
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise PlanInputError(f"“{label}” must be text, not {type(value).__name__}.")
        cleaned = clean_text(value)
        if len(cleaned) > MAX_CHARS:
            raise PlanInputError(f"“{label}” is {len(cleaned)} characters long. Please keep it to {MAX_CHARS} "
                                 "characters or fewer: a short list is easier to use in a flare-up.")
        values[key] = cleaned
    plan = FlareUpPlan(**values)
    if plan.empty:
        raise PlanInputError("Write something in at least one part of the plan before you save it.")
    return plan


def plan_from_record(record: object) -> FlareUpPlan | None:
    """The plan in a stored dict, or None if it is not a flare-up plan. Never raises: a part that is not
    text is left empty and a part that is too long is cut to the limit (a file may have been edited)."""
    if not isinstance(record, dict) or record.get("kind") != PLAN_KIND:
        return None
    values = {}
    for key in FIELDS:
        value = record.get(key, "")
        values[key] = clean_text(value)[:MAX_CHARS] if isinstance(value, str) else ""
    return FlareUpPlan(**values)


def save_plan(store, plan: FlareUpPlan) -> None:
    """Keep the plan in ``store`` (a ``ProgressStore``) under ``PLAN_NAME``, replacing an earlier one."""
    store.save_plan(PLAN_NAME, plan.record())


def saved_plan(store) -> FlareUpPlan | None:
    """The plan kept in ``store`` under ``PLAN_NAME``, or None if there is none (errors are the store's)."""
    for item in store.plans():
        if item.name == PLAN_NAME:
            return plan_from_record(item.plan)
    return None
