"""Lesson 13: build a safe home heat or cold session, or refuse with a clear reason.

``plan_session(kind, area, minutes, concerns)`` is a pure function. It returns a ``Session``
(steps, checks, timer minutes) or raises a ``SessionError`` (a ``ValueError``) whose message
names the field and says what is allowed:

- ``InvalidSessionInput`` for impossible input (unknown kind or area, minutes that are not a
  whole number, zero, negative or over the limit, an unknown safety question);
- ``UnsafeSession`` when a safety question is ticked: every ticked reason is listed.

Every rule comes from a cited NHS patient page (ids in ``lessons/topics/heat_cold/content/references.yml``):
``mpft-safe-use-heat`` and ``mpft-safe-use-cold`` (times, wrapping, skin checks, who should ask a
clinician first), ``move-better-gwent-using-heat`` (when not to use heat) and
``essex-hot-water-bottle-safety`` (hot water bottles) and
``barnsley-applying-ice-packs`` (when not to use an ice pack). This is education, not treatment advice.

The rules and their words are data: ``content/heat_cold_sessions.yml`` (times, limits, steps, checks, body
areas, safety questions and their sources; schema beside it), read and checked by ``load_rules``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, references, triage
from lessons.kit.inputs import NumberError, read_number, shown

CONTENT = Path(__file__).parent / "content"
SESSIONS_FILE = CONTENT / "heat_cold_sessions.yml"

HEAT, COLD = "heat", "cold"
KINDS = (HEAT, COLD)


@dataclass(frozen=True)
class Limits:
    advised: tuple[int, int]   # minutes the source suggests for one session
    maximum: int               # longest session this builder allows (the source's limit)
    limit_text: str            # the source's own words about the limit
    repeat: str                # how often the source says it may be repeated
    source: str                # reference id


@dataclass(frozen=True)
class Area:
    id: str
    label: str
    note: str


@dataclass(frozen=True)
class Concern:
    id: str
    label: str                # the tick box
    reason: str               # why the builder refuses
    sources: tuple[str, ...]  # reference ids


@dataclass(frozen=True)
class SessionRules:
    """The builder's rules and words, from ``content/heat_cold_sessions.yml``."""

    limits: dict[str, Limits]
    steps: dict[str, tuple[str, ...]]     # kind -> step templates ({place}, {time})
    after: dict[str, str]                 # kind -> the last skin check
    sources: dict[str, tuple[str, ...]]   # kind -> every reference a session rests on
    checks: tuple[str, ...]
    advice: dict[str, str]                # shorter / within / longer ({minutes}, {low}, {high}, {limit})
    areas: tuple[Area, ...]
    concerns: tuple[Concern, ...]
    ask_first: str
    not_advice: str
    start: str
    plain_text: str
    cold_evidence: tuple[str, ...]        # the lines under the evidence figure
    timeline_note: str


# The {fields} each text may hold (the model fills them in with ``prose.fill``); any other "{" or "}" is an error.
STEP_FIELDS = ("place", "time")
ADVICE_FIELDS = ("minutes", "low", "high", "limit")


def _unique(entries: list[dict], name: str, field: str) -> None:
    seen = set()
    for index, entry in enumerate(entries):
        if entry["id"] in seen:
            raise data.ContentError(name, f"duplicate {field[:-1]} id", item=entry["id"], field=f"{field}.{index}.id")
        seen.add(entry["id"])


def load_rules(path: Path | str = SESSIONS_FILE) -> SessionRules:
    """Read and check a session-builder file (the shipped one unless ``path`` is given)."""
    path = Path(path)
    name = data.display_name(path)
    document = triage.load(path, "heat_cold_sessions")   # fills in the triage placeholders

    def refs(ids: list[str], field: str, item: str | None = None) -> tuple[str, ...]:
        return references.check_ids(ids, name, field, item=item)

    limits, steps, after, sources = {}, {}, {}, {}
    for kind in KINDS:
        entry, where = document["kinds"][kind], f"kinds.{kind}"
        low, high = entry["advised"]
        if not low <= high <= entry["maximum"]:
            raise data.ContentError(name, f"the advised minutes ({low} to {high}) must run upwards and stay within "
                                    f"the limit of {entry['maximum']}", item=kind, field=f"{where}.advised")
        sources[kind] = refs(entry["sources"], f"{where}.sources", kind)
        if entry["limit_source"] not in sources[kind]:
            raise data.ContentError(name, f"{entry['limit_source']!r} is not among the kind's sources", item=kind,
                                    field=f"{where}.limit_source")
        for field in ("limit_text", "repeat", "after"):
            prose.check_text(entry[field], (), name, item=kind, field=f"{where}.{field}")
        limits[kind] = Limits((low, high), entry["maximum"], entry["limit_text"], entry["repeat"],
                              entry["limit_source"])
        for index, text in enumerate(entry["steps"]):
            prose.check_text(text, STEP_FIELDS, name, item=kind, field=f"{where}.steps.{index}")
        steps[kind] = tuple(entry["steps"])
        after[kind] = entry["after"]
    for key, text in document["advice"].items():
        prose.check_text(text, ADVICE_FIELDS, name, field=f"advice.{key}")
    _unique(document["areas"], name, "areas")
    _unique(document["concerns"], name, "concerns")
    for index, concern in enumerate(document["concerns"]):
        refs(concern["sources"], f"concerns.{index}.sources", concern["id"])
        for field in ("label", "reason"):
            prose.check_text(concern[field], (), name, item=concern["id"], field=f"concerns.{index}.{field}")
    for index, area in enumerate(document["areas"]):
        for field in ("label", "note"):
            prose.check_text(area[field], (), name, item=area["id"], field=f"areas.{index}.{field}")
    for index, text in enumerate(document["checks"]):
        prose.check_text(text, (), name, field=f"checks.{index}")
    for field in ("ask_first", "not_advice", "start", "plain_text", "timeline_note"):
        prose.check_text(document[field], (), name, field=field)
    return SessionRules(
        limits=limits, steps=steps, after=after, sources=sources, checks=tuple(document["checks"]),
        advice=dict(document["advice"]),
        areas=tuple(Area(a["id"], a["label"], a["note"]) for a in document["areas"]),
        concerns=tuple(Concern(c["id"], c["label"], c["reason"], tuple(c["sources"])) for c in document["concerns"]),
        ask_first=document["ask_first"], not_advice=document["not_advice"], start=document["start"],
        plain_text=document["plain_text"], cold_evidence=tuple(document["cold_evidence"]),
        timeline_note=document["timeline_note"])


@cache
def rules() -> SessionRules:
    """The shipped rules, loaded once."""
    return load_rules()


# The names the lesson (and its tests) use, from the shipped file.
LIMITS = rules().limits
AREAS: tuple[Area, ...] = rules().areas
AREAS_BY_ID = {area.id: area for area in AREAS}
CONCERNS: tuple[Concern, ...] = rules().concerns
CONCERNS_BY_ID = {concern.id: concern for concern in CONCERNS}
ASK_FIRST = rules().ask_first


class SessionError(ValueError):
    """Why no session could be built. ``field`` names the input at fault."""

    def __init__(self, field: str, message: str, reasons: tuple[str, ...] = ()):
        super().__init__(message)
        self.field = field
        self.reasons = reasons or (message,)


class InvalidSessionInput(SessionError):
    """The input is impossible: unknown kind or area, or minutes that are not allowed."""


class UnsafeSession(SessionError):
    """A safety question was ticked: the builder refuses and says why."""


@dataclass(frozen=True)
class Session:
    kind: str
    area: str
    minutes: int
    advised: tuple[int, int]
    limit: int
    steps: tuple[str, ...]
    checks: tuple[str, ...]
    repeat: str
    area_note: str
    advice: str
    sources: tuple[str, ...]

    @property
    def timer_minutes(self) -> int:
        return self.minutes

    @property
    def title(self) -> str:
        unit = "minute" if self.minutes == 1 else "minutes"
        return f"{self.kind.capitalize()} on the {AREAS_BY_ID[self.area].label.lower()} for {self.minutes} {unit}"


def check_kind(kind: object) -> str:
    if not isinstance(kind, str) or kind.strip().lower() not in KINDS:
        raise InvalidSessionInput("kind", f"Type: {shown(kind)} is not a choice. Choose 'heat' or 'cold'.")
    return kind.strip().lower()


def check_area(area: object) -> str:
    if not isinstance(area, str) or area.strip().lower() not in AREAS_BY_ID:
        names = ", ".join(a.id for a in AREAS)
        raise InvalidSessionInput("area", f"Body area: {shown(area)} is not on the list. Choose one of: {names}.")
    return area.strip().lower()


def minutes_hint(kind: str) -> str:
    """What the minutes box takes for this kind: "a whole number from 1 to 15, e.g. 10"."""
    return f"a whole number from 1 to {LIMITS[kind].maximum}, e.g. 10"


def parse_minutes(minutes: object, kind: str) -> int:
    """A whole number of minutes from 1 to the limit for this kind, or a clear error.

    Typed text follows the course's rule for numbers (``lessons.kit.inputs.read_number``), so a huge
    paste or thousands of digits is refused before it is read.
    """
    limit = LIMITS[kind].maximum
    allowed = f"Type a whole number of minutes from 1 to {limit}."
    if minutes is None or (isinstance(minutes, str) and not minutes.strip()):
        raise InvalidSessionInput("minutes", f"Minutes: nothing was typed. {allowed}")
    if isinstance(minutes, bool) or not isinstance(minutes, (str, int, float)):
        raise InvalidSessionInput("minutes", f"Minutes: {shown(minutes)} is not a number. {allowed}")
    try:
        value = int(read_number(minutes, "Minutes", 1, limit, whole=True, allowed=allowed))
    except NumberError as problem:
        number = problem.number
        if problem.kind == "not a number" and isinstance(minutes, str):
            raise InvalidSessionInput("minutes", f"Minutes: {shown(minutes.strip())} is not a number: type digits "
                                                 f"only, with no units. {allowed}") from None
        if problem.kind == "not finite":
            raise InvalidSessionInput("minutes",
                                      f"Minutes: {shown(minutes)} is not a whole number. {allowed}") from None
        if problem.kind == "too small" and number is not None and number < 0:
            raise InvalidSessionInput("minutes", f"Minutes: {number:g} is negative. {allowed}") from None
        if problem.kind == "too small" and number == 0:
            raise InvalidSessionInput("minutes", f"Minutes: 0 minutes is not a session. {allowed}") from None
        if problem.kind == "too big" and number is not None:
            raise InvalidSessionInput(
                "minutes", f"Minutes: {number:g} is longer than the {limit}-minute limit for {kind}. "
                f"The NHS guidance says to {LIMITS[kind].limit_text}. {allowed}") from None
        raise InvalidSessionInput("minutes", str(problem)) from None
    return value


def check_concerns(concerns: Iterable[str] | None) -> tuple[str, ...]:
    if concerns is None:
        return ()
    if isinstance(concerns, str) or not isinstance(concerns, Iterable):
        raise InvalidSessionInput("safety questions", "Safety questions: give a list of ticked question names.")
    ticked = tuple(concerns)
    unknown = [c for c in ticked if not isinstance(c, str) or c not in CONCERNS_BY_ID]
    if unknown:
        names = ", ".join(CONCERNS_BY_ID)
        raise InvalidSessionInput("safety questions",
                                  f"Safety questions: {shown(unknown[0])} is not a question. Use: {names}.")
    return tuple(c.id for c in CONCERNS if c.id in ticked)


def _steps(kind: str, area: Area, minutes: int) -> tuple[str, ...]:
    place = area.label.lower()
    unit = "minute" if minutes == 1 else "minutes"
    return tuple(prose.fill(step, place=place, time=f"{minutes} {unit}") for step in rules().steps[kind])


def plan_session(kind: object, area: object, minutes: object,
                 concerns: Iterable[str] | None = ()) -> Session:
    """Build one home heat or cold session, or raise a ``SessionError`` saying why not.

    ``kind`` is "heat" or "cold"; ``area`` one of ``AREAS``; ``minutes`` a whole number (or the
    text of one) from 1 to the limit (heat 15, cold 20); ``concerns`` the ids of ticked safety
    questions (``CONCERNS``): any tick refuses the session with every reason listed.
    """
    kind = check_kind(kind)
    area_id = check_area(area)
    ticked = check_concerns(concerns)
    if ticked:
        reasons = tuple(CONCERNS_BY_ID[c].reason for c in ticked)
        raise UnsafeSession("safety questions",
                            f"Not safe to build this {kind} session: " + " ".join(reasons) + " " + ASK_FIRST,
                            reasons)
    value = parse_minutes(minutes, kind)
    limits = LIMITS[kind]
    low, high = limits.advised
    which = "shorter" if value < low else "longer" if value > high else "within"
    said = prose.fill(rules().advice[which], minutes=value, low=low, high=high, limit=limits.maximum)
    area_obj = AREAS_BY_ID[area_id]
    checks = (*rules().checks, rules().after[kind])
    sources = rules().sources[kind]
    return Session(kind, area_id, value, limits.advised, limits.maximum, _steps(kind, area_obj, value), checks,
                   limits.repeat, area_obj.note, said, sources)
