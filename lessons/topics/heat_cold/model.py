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
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lessons.kit import triage
from lessons.kit.inputs import NumberError, read_number, shown

HEAT, COLD = "heat", "cold"
KINDS = (HEAT, COLD)


@dataclass(frozen=True)
class Limits:
    advised: tuple[int, int]   # minutes the source suggests for one session
    maximum: int               # longest session this builder allows (the source's limit)
    limit_text: str            # the source's own words about the limit
    repeat: str                # how often the source says it may be repeated
    source: str                # reference id


LIMITS = {
    HEAT: Limits((10, 15), 15, "leave heat on for 10 to 15 minutes and then remove it",
                 "Heat may be repeated up to three times a day.", "mpft-safe-use-heat"),
    COLD: Limits((10, 15), 20, "leave cold on for 10 to 15 minutes, and never for longer than 20 minutes",
                 "Cold may be repeated every 2 to 3 hours, once the skin has gone back to its normal temperature.",
                 "mpft-safe-use-cold"),
}

NUMB_NOTE = ("Sciatica can leave parts of the leg numb (lessons 02 and 08). Never put heat or cold on a part "
             "that is numb or has less feeling than usual.")


@dataclass(frozen=True)
class Area:
    id: str
    label: str
    note: str


AREAS: tuple[Area, ...] = (
    Area("lower back", "Lower back",
         "You cannot easily see your own lower back: use a mirror or ask someone to look at the skin for you."),
    Area("buttock", "Buttock",
         "Do not sit or lie on the pack or bottle: rest it against the buttock instead."),
    Area("back of thigh", "Back of the thigh", NUMB_NOTE),
    Area("calf", "Calf (back of the lower leg)", NUMB_NOTE),
)
AREAS_BY_ID = {area.id: area for area in AREAS}


@dataclass(frozen=True)
class Concern:
    id: str
    label: str                # the tick box
    reason: str               # why the builder refuses
    sources: tuple[str, ...]  # reference ids


ASK_FIRST = "Talk to a doctor, nurse or physiotherapist before using heat or cold."
MPFT = ("mpft-safe-use-heat", "mpft-safe-use-cold")
CONCERNS: tuple[Concern, ...] = (
    Concern("numb", "This area is numb or has less feeling than usual (for example from sciatica or a scar)",
            "The area is numb or has less feeling: you would not feel heat or cold starting to burn the skin. "
            "Do not use heat or cold there.", MPFT + ("move-better-gwent-using-heat", "barnsley-applying-ice-packs")),
    Concern("skin", "The skin there is broken, has a wound, or has a rash such as eczema or dermatitis",
            "The skin is broken or has a skin condition: do not put heat on it, and ask a health professional "
            "before using cold.", MPFT + ("move-better-gwent-using-heat",)),
    Concern("diabetes", "I have diabetes with less feeling in my skin (nerve damage)",
            "Diabetes with less feeling in the skin: heat or cold can burn skin that cannot feel it.",
            MPFT + ("move-better-gwent-using-heat",)),
    Concern("circulation",
            "I have poor circulation or a blood-vessel disease (for example peripheral vascular disease)",
            "Poor circulation: do not use heat or cold without a health professional's advice.",
            MPFT + ("move-better-gwent-using-heat", "barnsley-applying-ice-packs")),
    Concern("infection", "I have a high temperature (fever) or an infection",
            "A high temperature or an infection: do not use heat, and ask a health professional before using "
            f"cold. Back pain with a fever also needs {triage.level(triage.sign('fever').level).needs}.",
            MPFT + ("move-better-gwent-using-heat",)),
    Concern("heart", "I have a heart condition, such as angina",
            "A heart condition: the guidance says to ask a health professional before using heat or cold.", MPFT),
    Concern("cancer", "I have had cancer or a tumour",
            "A history of cancer or a tumour: the guidance says to ask a health professional first.", MPFT),
    Concern("reaction", "I have had a bad reaction to heat or cold treatment before",
            "A bad reaction before: the guidance says to ask a health professional first.", MPFT),
    Concern("asleep", "I might fall asleep while it is on",
            "You might fall asleep: stay awake so you can take it off in time. The guidance says not to go to "
            "sleep while using heat, and never to leave cold on for longer than 20 minutes.", MPFT),
)
CONCERNS_BY_ID = {concern.id: concern for concern in CONCERNS}


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
    if kind == HEAT:
        return (
            "Warm a wheat bag or heat pack as its maker's instructions say, or fill a hot water bottle with "
            "hot, not boiling, water.",
            "Wrap it in a towel, with enough layers that it feels comfortably warm, never hot.",
            f"Look at the skin of the {place} first: it should look normal, with no broken skin or rash.",
            "Sit or lie where you will stay awake. Do not sit or lie on the pack or bottle.",
            f"Put it on the {place} and start a timer for {minutes} {unit}.",
            "Check the skin regularly for irritation or burns. Take it off at once if it hurts or burns.",
            "Take it off when the timer ends and look at the skin again.",
        )
    return (
        "Use an ice pack or a bag of frozen peas or vegetables (do not eat them afterwards).",
        "Wrap it in a damp towel or pillowcase: never put ice straight on the skin.",
        f"Look at the skin of the {place} first: it should look normal, with no broken skin or rash.",
        "Sit or lie where you will stay awake.",
        f"Put it on the {place} and start a timer for {minutes} {unit}.",
        "Check the skin regularly for irritation or ice burns. Take it off at once if it hurts or burns.",
        "Take it off when the timer ends and look at the skin again.",
    )


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
    if value < low:
        advice = (f"The guidance suggests {low} to {high} minutes; a shorter session is fine if it is enough.")
    else:
        advice = f"{value} minutes is within the {low} to {high} minutes the guidance suggests."
        if value > high:
            advice = (f"{value} minutes is more than the {low} to {high} minutes the guidance suggests, but under "
                      f"its {limits.maximum}-minute limit. Check the skin often.")
    area_obj = AREAS_BY_ID[area_id]
    after = ("After: look at the skin again. A scald or burn bigger than your own hand needs urgent medical care."
             if kind == HEAT else
             "After: look at the skin again. Before any more cold, let the skin go back to its normal temperature.")
    checks = (
        "Before: the skin looks normal and you can feel light touch, warm and cold there.",
        "During: look at the skin regularly; stop at once if it hurts or burns.",
        after,
    )
    sources = ((limits.source, "move-better-gwent-using-heat", "essex-hot-water-bottle-safety") if kind == HEAT
               else (limits.source, "barnsley-applying-ice-packs"))
    return Session(kind, area_id, value, limits.advised, limits.maximum, _steps(kind, area_obj, value), checks,
                   limits.repeat, area_obj.note, advice, sources)
