"""Lesson 12: build a safe, personal stretching and exercise routine from the exercise catalogue.

``make_plan(PlanRequest(...))`` returns a ``Plan``; inputs it cannot honour raise ``PlanError``
(a ``ValueError``) whose ``field`` names the input to change and whose message says how.
Everything here is pure and deterministic: no randomness, no clock, and no dependence on the
order of dicts or sets, so the same request always gives the same plan.

The rules (the lesson explains them in plain words):

1. **Which exercises.** An exercise can be used only if it is not "not advised" for the chosen problem
   (``not_advised``: the catalogue's ``avoid`` list, and for spinal stenosis every exercise that bends
   the back backwards, ``spine: extension``, or is done lying on the front, ``prone``) and the catalogue
   advises it for that problem or for any back
   pain (its ``suits`` list has the problem or "general"), the learner has not left it out, its
   position is one the learner ticked, and its level is at or below the learner's level.
   Candidates are taken in a fixed order: first those advised for the problem itself, then those
   for any back pain; ties go to exercises that fit fewer parts of a session
   (so flexible ones stay free for the other parts), then to the id in alphabetical order.
2. **The three parts.** A session is a gentle start (warm-up, 20% of the seconds, rounded down),
   an easy finish (cool-down, the same) and a main part (the rest, about 60%). An item takes
   ``sets x set time + (sets - 1) x rest``. In week 1 each part first gets one exercise (the part
   with the fewest candidates choosing first, so a flexible exercise cannot leave another part
   empty); then each part takes candidates while they fit its share, each at the catalogue's dose
   (fewer holds or sets, or minutes, if that is all that fits), about one exercise for every two
   minutes of the part (at most 3 in the warm-up and cool-down, 8 in the main part). Then the
   doses grow one step at a time, first within each part's share and then across the session
   (the warm-up and cool-down up to 30% each before the limit is lifted if the session would
   otherwise fall short): always the item whose dose would then be the smallest multiple of
   the catalogue's, so all grow in proportion (ties: main part, warm-up, cool-down, order of
   choice). A step is one more hold or set, or two for an exercise done on each side (its sets
   count both sides), or one more minute of a timed activity such as walking; doses stop at three
   times the catalogue's (``MAX_SET_FACTOR``, ``TIMED_FACTOR``). Only if the session is still more
   than a minute short does a further exercise join. Every week must end within one minute
   (``TOLERANCE_SECONDS``) of the requested minutes, or the request is refused with a message.
3. **Progression.** The minutes of a session stay the same every week. The rest between holds and
   sets starts at twice the catalogue's rest and falls by a quarter of it every two weeks (2, 1.75,
   1.5, 1.25 and, from week 9, 1 times), so each amount is kept for two weeks (the second week is
   exactly the first again) and nothing changes by more than one step a week. The time the shorter
   rests free goes into more holds and sets of the same exercises, at most one step per exercise
   in a week (more only if the session would otherwise fall short): the time spent holding and
   moving never goes down from one week to the next, an exercise in the plan stays in it, and its
   dose never goes down.
4. **Days.** Without chosen days the sessions are spread across the week (day ``i * 7 // n``,
   Monday first: 3 sessions are Monday, Wednesday, Friday); chosen days must be exactly as many as
   the sessions per week.
5. **Order within a part.** Standing exercises first, then sitting, hands-and-knees and lying, so
   you get down to the floor once; then the candidate order above.
6. **Safety notes and cues.** Every plan says when to stop and lists the warning signs (both from the
   triage file, ``lessons/kit/content/red_flags.yml``), how to pace, and a note for the chosen problem; a
   plan with a forward-bending exercise (``spine: flexion``) adds the thin-bones caution; every
   exercise with ``balance: high`` carries the catalogue's balance cue (``Exercise.cue``) wherever the
   plan is shown or exported. The notes' words, sign ids and sources are in
   ``lessons/topics/planner/content/plan_notes.yml`` (``lessons.topics.planner.texts.plan_notes``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lessons.kit.inputs import NumberError, read_number, shown
from lessons.kit.prose import fill
from lessons.topics.planner.catalogue import LEVELS, PHASES, POSITIONS, PROBLEMS, Exercise, load_catalogue, safety_texts
from lessons.topics.planner.texts import plan_notes

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MINUTES_RANGE = (5, 60)
SESSIONS_RANGE = (1, 7)
WEEKS_RANGE = (1, 12)
TOLERANCE_SECONDS = 60
PHASE_SHARES = {"warm-up": 20, "main": 60, "cool-down": 20}      # percent of the session
POSITION_ORDER = ("standing", "sitting", "hands-and-knees", "lying")
REST_QUARTERS = (8, 7, 6, 5, 4)   # rest between sets, in quarters of the catalogue's rest, step by step
WEEKS_PER_STEP = 2
MAX_SET_FACTOR = 3                # sets may grow up to 3 times the catalogue's (long sessions) ...
TIMED_FACTOR = 3                  # ... and timed activities up to 3 times the catalogue's minutes
SECONDS_PER_ITEM = 120            # week 1 starts with about one exercise per two minutes of a part ...
MAX_ITEMS = {"warm-up": 3, "main": 8, "cool-down": 3}   # ... and at most this many in each part

PROBLEM_LABELS = {
    "general": "General back pain",
    "herniated-disc": "Herniated disc",
    "spinal-stenosis": "Spinal stenosis",
    "degenerative-disc-disease": "Degenerative disc disease",
    "muscle-strain": "Muscle strain",
    "sacroiliac-joint": "Sacroiliac joint pain",
    "sciatica": "Sciatica",
}
LEVEL_LABELS = {"beginner": "Beginner", "intermediate": "Intermediate", "advanced": "Advanced"}
POSITION_LABELS = {"standing": "Standing", "sitting": "Sitting", "hands-and-knees": "On hands and knees",
                   "lying": "Lying down"}
PHASE_LABELS = {"warm-up": "Gentle start (warm-up)", "main": "Main part", "cool-down": "Easy finish (cool-down)"}
FIELD_LABELS = {
    "request": "Plan request",
    "problem": "Problem a clinician has told you about",
    "minutes": "Minutes per session",
    "sessions_per_week": "Sessions per week",
    "level": "Level",
    "positions": "Positions",
    "leave_out": "Leave out",
    "weeks": "Weeks of plan",
    "days": "Days",
}
REST_WORDS = {8: "twice the usual rest", 7: "1.75 times the usual rest", 6: "1.5 times the usual rest",
              5: "1.25 times the usual rest", 4: "the usual rest"}

# The safety notes (their words, warning signs and sources) are content: lessons/topics/planner/content/
# plan_notes.yml, read by lessons.topics.planner.texts.plan_notes.


class PlanError(ValueError):
    """A request the planner cannot honour. ``field`` is the input to change; ``message`` says how."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{FIELD_LABELS.get(field, field)}: {message}")


@dataclass(frozen=True)
class PlanRequest:
    """What the learner asks for. ``make_plan`` checks and normalises every field."""

    problem: str = "general"
    minutes: int = 20
    sessions_per_week: int = 3
    level: str = "beginner"
    positions: frozenset[str] = frozenset(POSITIONS)
    leave_out: frozenset[str] = frozenset()
    weeks: int = 4
    days: tuple[str, ...] | None = None


@dataclass(frozen=True)
class SafetyNote:
    kind: str                 # "stop", "red-flags", "pace", "problem", "left-out", "parts"
    text: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanItem:
    """One exercise in one week's session, with its dose."""

    exercise: Exercise
    phase: str
    sets: int
    set_seconds: int
    rest_seconds: int

    @property
    def kind(self) -> str:
        return exercise_kind(self.exercise)

    @property
    def time_seconds(self) -> int:
        return self.sets * self.set_seconds + (self.sets - 1) * self.rest_seconds

    @property
    def work_seconds(self) -> int:
        return self.sets * self.set_seconds

    @property
    def count(self) -> str:
        """How many, in words: "8 holds (4 on each side)", "2 sets of 10 repetitions", "16 minutes"."""
        if self.kind == "timed":
            minutes = self.set_seconds // 60
            return f"{minutes} minute{'s' if minutes != 1 else ''}"
        noun = "hold" if self.kind == "hold" else "set"
        text = f"{self.sets} {noun}{'s' if self.sets != 1 else ''}"
        if self.kind == "reps":
            text += f" of {self.exercise.reps} repetitions"
        if sides(self.exercise) == 2:
            text += f" ({self.sets // 2} on each side)"
        return text

    @property
    def dose(self) -> str:
        """The dose in words, e.g. "8 holds of 10 s (4 on each side), rest 10 s between holds"."""
        if self.kind == "timed":
            return self.count
        if self.kind == "hold":
            text = self.count.replace(" holds", f" holds of {duration(self.set_seconds)}", 1).replace(
                " hold ", f" hold of {duration(self.set_seconds)} ", 1)
            if self.sets == 1 and sides(self.exercise) == 1:
                text = f"1 hold of {duration(self.set_seconds)}"
            between = "holds"
        else:
            text = f"{self.count}, about {duration(self.set_seconds)} a set"
            between = "sets"
        if self.sets > 1 and self.rest_seconds:
            text += f", rest {duration(self.rest_seconds)} between {between}"
        return text


@dataclass(frozen=True)
class WeekPlan:
    """The session for one week (the same session on every chosen day of that week)."""

    number: int
    step: int
    items: tuple[PlanItem, ...]

    @property
    def total_seconds(self) -> int:
        return sum(item.time_seconds for item in self.items)

    @property
    def work_seconds(self) -> int:
        return sum(item.work_seconds for item in self.items)

    @property
    def rest_seconds(self) -> int:
        return self.total_seconds - self.work_seconds

    @property
    def rest_words(self) -> str:
        return REST_WORDS[REST_QUARTERS[self.step]]

    def items_in(self, phase: str) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.items if item.phase == phase)

    def phase_seconds(self, phase: str) -> int:
        return sum(item.time_seconds for item in self.items_in(phase))

    def item(self, exercise_id: str) -> PlanItem | None:
        return next((item for item in self.items if item.exercise.id == exercise_id), None)


@dataclass(frozen=True)
class Plan:
    request: PlanRequest          # normalised
    weeks: tuple[WeekPlan, ...]
    days: tuple[str, ...]
    notes: tuple[SafetyNote, ...]
    left_out: tuple[tuple[str, str], ...]   # (exercise id, reason), by id

    @property
    def target_seconds(self) -> int:
        return self.request.minutes * 60

    @property
    def sources(self) -> tuple[str, ...]:
        found: list[str] = []
        for note in self.notes:
            found += [ref for ref in note.sources if ref not in found]
        for item in self.weeks[-1].items if self.weeks else ():
            if item.exercise.source and item.exercise.source not in found:
                found.append(item.exercise.source)
        return tuple(found)

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """Every exercise used in any week, in first-appearance order."""
        seen: dict[str, Exercise] = {}
        for week in self.weeks:
            for item in week.items:
                seen.setdefault(item.exercise.id, item.exercise)
        return tuple(seen.values())

    @property
    def title(self) -> str:
        return f"Stretching plan: {PROBLEM_LABELS[self.request.problem].lower()}, {self.request.minutes} minutes"

    @property
    def summary(self) -> str:
        req = self.request
        return (f"{PROBLEM_LABELS[req.problem]} · {req.minutes} minutes a session · "
                f"{req.sessions_per_week} session{'s' if req.sessions_per_week != 1 else ''} a week "
                f"({', '.join(self.days)}) · {req.weeks} week{'s' if req.weeks != 1 else ''} · "
                f"{LEVEL_LABELS[req.level].lower()} level")

    def week(self, number: int) -> WeekPlan:
        return self.weeks[number - 1]

    def fingerprint(self) -> str:
        """A short, stable hash of the request and the plan (for file contents and calendar UIDs)."""
        req = self.request
        data = {
            "problem": req.problem, "minutes": req.minutes, "sessions": req.sessions_per_week,
            "level": req.level, "positions": sorted(req.positions), "leave_out": sorted(req.leave_out),
            "weeks": [[[i.exercise.id, i.phase, i.sets, i.set_seconds, i.rest_seconds] for i in w.items]
                      for w in self.weeks],
            "days": list(self.days),
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()[:16]

    def changes(self, number: int) -> tuple[str, ...]:
        """What is new in week ``number`` compared with the week before, in words."""
        week = self.week(number)
        if number == 1:
            return (f"Start gently: {week.rest_words} between holds and sets.",)
        before = self.week(number - 1)
        lines = []
        if week.step != before.step:
            lines.append(f"Rest between holds and sets: {week.rest_words}, was {before.rest_words}.")
        for item in week.items:
            old = before.item(item.exercise.id)
            if old is None:
                lines.append(f"New: {item.exercise.name}, {item.dose}.")
            elif item.count != old.count:
                was = old.count if item.kind == "timed" else old.sets
                lines.append(f"{item.exercise.name}: {item.count}, was {was}.")
        return tuple(lines) or ("Same as last week: keep to this amount.",)


@dataclass(frozen=True)
class Step:
    """One timed step of a follow-along session: a hold, a set of repetitions, an activity or a rest."""

    label: str
    action: str               # "hold", "reps", "timed" or "rest"
    seconds: int
    start: int                # seconds from the start of the session
    exercise_id: str


# --- small helpers ---------------------------------------------------------------------------

def duration(seconds: int) -> str:
    """Seconds in words: "45 s", "2 min", "4 min 30 s"."""
    minutes, rest = divmod(int(seconds), 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def exercise_kind(exercise: Exercise) -> str:
    if exercise.hold_seconds is not None:
        return "hold"
    if exercise.reps is not None:
        return "reps"
    return "timed"


def step_for_week(week: int) -> int:
    return min(len(REST_QUARTERS) - 1, (week - 1) // WEEKS_PER_STEP)


def rest_at(exercise: Exercise, step: int) -> int:
    """Rest between sets at a progression step: the catalogue's rest times 2, 1.75, 1.5, 1.25 or 1."""
    if exercise_kind(exercise) == "timed":
        return 0
    return (exercise.rest_seconds * REST_QUARTERS[step] + 2) // 4


def default_days(sessions_per_week: int) -> tuple[str, ...]:
    """Sessions spread across the week, Monday first: 3 -> Monday, Wednesday, Friday."""
    return tuple(WEEKDAYS[i * 7 // sessions_per_week] for i in range(sessions_per_week))


def phase_budgets(minutes: int) -> dict[str, int]:
    """Seconds for each part: 20% warm-up, 20% cool-down (rounded), the rest (about 60%) main."""
    total = minutes * 60
    warm = total * PHASE_SHARES["warm-up"] // 100
    cool = total * PHASE_SHARES["cool-down"] // 100
    return {"warm-up": warm, "main": total - warm - cool, "cool-down": cool}


# --- checking the request --------------------------------------------------------------------

NOUNS = {"minutes": ("minutes", "a session"), "sessions_per_week": ("sessions", "a week"),
         "weeks": ("weeks", "in the plan")}


def _whole(value: object, field: str, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``, read with the course's rule (``lessons.kit.inputs``)."""
    noun, where = NOUNS[field]
    fix = f"Choose a whole number of {noun} from {low} to {high}."
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PlanError(field, f"nothing was entered. {fix}")
    try:
        return int(read_number(value, field, low, high, whole=True, allowed=fix))
    except NumberError as problem:
        kind, number, reason = problem.kind, problem.number, problem.reason
    if kind in ("too small", "too big") and number is not None and number.is_integer():
        amount = "too few" if kind == "too small" else "too many"
        raise PlanError(field, f"{int(number)} {noun} {where} is {amount}. {fix}")
    if kind == "not a number" or (kind == "not finite" and isinstance(value, str)):
        raise PlanError(field, f"{shown(value)} is not a number. {fix}")
    if kind in ("not whole", "not finite"):
        raise PlanError(field, f"{shown(value)} is not a whole number. {fix}")
    raise PlanError(field, reason)


def _choice(value: object, field: str, labels: dict[str, str], allowed: Sequence[str]) -> str:
    options = [key for key in allowed]
    if isinstance(value, str):
        key = value.strip().lower().replace("_", "-").replace(" ", "-")
        for option in options:
            if key in (option, labels.get(option, option).lower().replace(" ", "-")):
                return option
    names = ", ".join(labels.get(option, option) for option in options)
    raise PlanError(field, f"{value!r} is not one of the choices. Choose one of: {names}.")


def _names(value: object, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):
        raise PlanError(field, f"{value!r} is not a list of choices. Tick the boxes you want.")
    names = list(value)
    for name in names:
        if not isinstance(name, str):
            raise PlanError(field, f"{name!r} is not one of the choices. Tick the boxes you want.")
    return [name.strip() for name in names]


def _day(name: str) -> str | None:
    key = name.lower()
    if len(key) >= 3:
        for day in WEEKDAYS:
            if day.lower().startswith(key):
                return day
    return None


def check_request(request: PlanRequest, catalogue: Sequence[Exercise]) -> PlanRequest:
    """The request with every field checked and normalised, or a ``PlanError`` saying what to change."""
    if not isinstance(request, PlanRequest):
        raise PlanError("request", f"expected a PlanRequest, got {type(request).__name__}.")
    problem = _choice(request.problem, "problem", PROBLEM_LABELS, PROBLEMS)
    level = _choice(request.level, "level", LEVEL_LABELS, LEVELS)
    minutes = _whole(request.minutes, "minutes", *MINUTES_RANGE)
    sessions = _whole(request.sessions_per_week, "sessions_per_week", *SESSIONS_RANGE)
    weeks = _whole(request.weeks, "weeks", *WEEKS_RANGE)

    positions = set()
    for name in _names(request.positions, "positions"):
        key = name.lower().replace(" ", "-")
        match = next((p for p in POSITIONS if key in (p, POSITION_LABELS.get(p, p).lower().replace(" ", "-"))), None)
        if match is None:
            raise PlanError("positions", f"{name!r} is not a position. Choose from: "
                            f"{', '.join(POSITION_LABELS.get(p, p) for p in POSITIONS)}.")
        positions.add(match)
    if not positions:
        raise PlanError("positions", "no position is ticked. Tick at least one position you can get into "
                        "(for example Lying down or Sitting).")

    known = {exercise.id for exercise in catalogue}
    leave_out = set(_names(request.leave_out, "leave_out"))
    unknown = sorted(leave_out - known)
    if unknown:
        raise PlanError("leave_out", f"{', '.join(repr(u) for u in unknown)} is not an exercise in the catalogue. "
                        "Leave out only exercises from the list.")

    days = None
    if request.days is not None:
        chosen = _names(request.days, "days")
        if chosen:
            normal = []
            for name in chosen:
                day = _day(name)
                if day is None:
                    raise PlanError("days", f"{name!r} is not a day of the week. Use names such as Monday.")
                if day in normal:
                    raise PlanError("days", f"{day} is chosen twice. Choose each day once.")
                normal.append(day)
            if len(normal) != sessions:
                raise PlanError("days", f"{len(normal)} day{'s are' if len(normal) != 1 else ' is'} ticked but "
                                f"you asked for {sessions} session{'s' if sessions != 1 else ''} a week. Tick "
                                f"exactly {sessions} day{'s' if sessions != 1 else ''}, or untick them all to "
                                "have the days spread across the week.")
            days = tuple(sorted(normal, key=WEEKDAYS.index))
    return PlanRequest(problem=problem, minutes=minutes, sessions_per_week=sessions, level=level,
                       positions=frozenset(positions), leave_out=frozenset(leave_out), weeks=weeks, days=days)


# --- choosing exercises ----------------------------------------------------------------------

STENOSIS = "spinal-stenosis"


def not_advised(exercise: Exercise, problem: str) -> bool:
    """True if the exercise must never be in a plan for this problem (rule 1 of the module doc)."""
    if problem in exercise.avoid:
        return True
    return problem == STENOSIS and (exercise.spine == "extension" or exercise.prone)


def exclusion_reason(exercise: Exercise, request: PlanRequest) -> str | None:
    """Why an exercise cannot be in this (normalised) request's plan, or None if it can."""
    if not_advised(exercise, request.problem):
        return f"not advised for {PROBLEM_LABELS[request.problem].lower()}"
    if request.problem not in exercise.suits and "general" not in exercise.suits:
        meant = ", ".join(PROBLEM_LABELS.get(p, p).lower() for p in exercise.suits)
        return f"meant for {meant}, not for {PROBLEM_LABELS[request.problem].lower()}"
    if exercise.id in request.leave_out:
        return "you chose to leave it out"
    if exercise.position not in request.positions:
        return f"needs a position you did not tick ({POSITION_LABELS.get(exercise.position, exercise.position)})"
    if LEVELS.index(exercise.level) > LEVELS.index(request.level):
        return f"above your level ({LEVEL_LABELS.get(exercise.level, exercise.level).lower()})"
    return None


def rank(exercise: Exercise, problem: str) -> tuple:
    """Candidate order: advised for the problem, then for any back pain; specialists first; id."""
    suits = 0 if problem in exercise.suits else 1
    return (suits, len(exercise.phases), exercise.id)


def _position_key(position: str) -> int:
    if position in POSITION_ORDER:
        return POSITION_ORDER.index(position)
    return len(POSITION_ORDER) + (POSITIONS.index(position) if position in POSITIONS else len(POSITIONS))


def sides(exercise: Exercise) -> int:
    """2 if the sets are shared between the two sides (so sets change two at a time), else 1: the
    catalogue's ``sides`` field (its ``sets`` then counts both sides); 1 for an odd number of sets."""
    return 2 if exercise.sides == 2 and exercise.sets % 2 == 0 else 1


def set_cap(exercise: Exercise) -> int:
    """The most sets an exercise may grow to: 3 times the catalogue's, and at least 2 rounds more."""
    unit = sides(exercise)
    return max(MAX_SET_FACTOR * exercise.sets, exercise.sets + 2 * unit)


class _Slot:
    """A mutable item while a week is being filled."""

    __slots__ = ("exercise", "phase", "sets", "set_seconds", "order", "kind", "unit", "cap", "base", "grown")

    def __init__(self, exercise: Exercise, phase: str, sets: int, set_seconds: int, order: int):
        self.exercise, self.phase, self.sets, self.set_seconds, self.order = exercise, phase, sets, set_seconds, order
        self.kind = exercise_kind(exercise)
        self.grown = 0
        if self.kind == "timed":
            self.unit, self.cap, self.base = 60, exercise.minutes * TIMED_FACTOR * 60, exercise.minutes * 60
        else:
            self.unit, self.cap, self.base = sides(exercise), set_cap(exercise), exercise.sets

    def ratio_after(self) -> float:
        """The dose after one more growth, as a multiple of the catalogue's dose."""
        if self.kind == "timed":
            return (self.set_seconds + 60) / self.base
        return (self.sets + self.unit) / self.base

    def copy(self) -> _Slot:
        return _Slot(self.exercise, self.phase, self.sets, self.set_seconds, self.order)

    def time(self, rest: int) -> int:
        return self.sets * self.set_seconds + (self.sets - 1) * rest

    def growth(self, rest: int) -> int | None:
        """Seconds one more round of sets (or one more minute) would add, or None at the cap."""
        if self.kind == "timed":
            return 60 if self.set_seconds + 60 <= self.cap else None
        return self.unit * (self.set_seconds + rest) if self.sets + self.unit <= self.cap else None

    def grow(self) -> None:
        if self.kind == "timed":
            self.set_seconds += 60
        else:
            self.sets += self.unit
        self.grown += 1


def _new_slot(exercise: Exercise, phase: str, room: int, step: int, order: int) -> _Slot | None:
    """The exercise at its catalogue dose, or less if that is all that fits in ``room`` seconds."""
    if exercise_kind(exercise) == "timed":
        for minutes in range(exercise.minutes, 0, -1):
            if minutes * 60 <= room:
                return _Slot(exercise, phase, 1, minutes * 60, order)
        return None
    rest, one, unit = rest_at(exercise, step), exercise.set_seconds(), sides(exercise)
    for sets in range(exercise.sets, 0, -unit):
        if sets * one + (sets - 1) * rest <= room:
            return _Slot(exercise, phase, sets, one, order)
    return None


class _Week:
    """Filling one week: the slots, the running totals (session and parts) and the candidates."""

    def __init__(self, slots: list[_Slot], step: int, pools: dict[str, list[Exercise]], target: int):
        self.slots, self.step, self.pools, self.target = slots, step, pools, target
        self.rests: dict[str, int] = {}
        self.parts = dict.fromkeys(PHASES, 0)
        for slot in slots:
            self.parts[slot.phase] += slot.time(self.rest(slot))

    @property
    def total(self) -> int:
        return sum(self.parts.values())

    def rest(self, slot: _Slot) -> int:
        key = slot.exercise.id
        if key not in self.rests:
            self.rests[key] = rest_at(slot.exercise, self.step)
        return self.rests[key]

    def count(self, phase: str) -> int:
        return sum(slot.phase == phase for slot in self.slots)

    def add_new(self, phase: str, limit: int) -> bool:
        """Add the first unused candidate of ``phase`` that fits within ``limit`` seconds of room."""
        used = {slot.exercise.id for slot in self.slots}
        for exercise in self.pools[phase]:
            if exercise.id in used:
                continue
            slot = _new_slot(exercise, phase, limit, self.step, len(self.slots))
            if slot is not None:
                self.slots.append(slot)
                self.parts[phase] += slot.time(self.rest(slot))
                return True
        return False

    def grow(self, room, per_slot: int | None = None) -> None:
        """Grow one slot at a time while the growth fits in ``room(phase)`` seconds: always the slot
        whose dose would then be the smallest multiple of the catalogue's (so all grow in
        proportion); ties to the main part, then the warm-up, then the cool-down, then the order
        of choice. ``per_slot`` limits how many times each slot may grow this week."""
        while True:
            best, best_key, best_cost = None, None, 0
            rooms = {phase: room(phase) for phase in PHASES}
            for slot in self.slots:
                if per_slot is not None and slot.grown >= per_slot:
                    continue
                cost = slot.growth(self.rest(slot))
                if cost is None or cost > rooms[slot.phase]:
                    continue
                key = (slot.ratio_after(), GROWTH_ORDER[slot.phase], slot.order)
                if best_key is None or key < best_key:
                    best, best_key, best_cost = slot, key, cost
            if best is None:
                return
            best.grow()
            self.parts[best.phase] += best_cost


GROWTH_ORDER = {"main": 0, "warm-up": 1, "cool-down": 2}
SOFT_SHARE = {"warm-up": 30, "main": 100, "cool-down": 30}   # percent a part may reach before others must


def _fill(week: _Week, budgets: dict[str, int], first: bool) -> None:
    target = week.target
    if first:
        # One exercise for each part first, the part with the fewest candidates choosing first, so a
        # flexible exercise does not leave another part empty; then each part fills its share.
        scarce = sorted(PHASES, key=lambda phase: (len(week.pools[phase]), PHASES.index(phase)))
        for phase in scarce:
            week.add_new(phase, budgets[phase] - week.parts[phase])
        for phase in PHASES:
            most = min(MAX_ITEMS[phase], max(1, budgets[phase] // SECONDS_PER_ITEM))
            while week.count(phase) < most and week.add_new(phase, budgets[phase] - week.parts[phase]):
                pass
    per_slot = None if first else 1          # after week 1: at most one step up per exercise per week
    soft = {phase: target * SOFT_SHARE[phase] // 100 for phase in PHASES}
    week.grow(lambda phase: budgets[phase] - week.parts[phase], per_slot)
    week.grow(lambda phase: min(target - week.total, soft[phase] - week.parts[phase]), per_slot)
    if week.total < target - TOLERANCE_SECONDS:
        week.grow(lambda phase: target - week.total)
    # Still more than a minute short: a further exercise joins (main part first), then grow again.
    while week.total < target - TOLERANCE_SECONDS:
        added = any(week.add_new(phase, target - week.total) for phase in GROWTH_ORDER)
        if not added:
            added = any(week.add_new(phase, target + TOLERANCE_SECONDS - week.total) for phase in GROWTH_ORDER)
        if not added:
            break
        week.grow(lambda phase: target - week.total)
    if week.total < target - TOLERANCE_SECONDS:
        week.grow(lambda phase: target + TOLERANCE_SECONDS - week.total)


def _capacity_minutes(candidates: Sequence[Exercise], step: int) -> int:
    """Roughly the most minutes these exercises can fill at their caps (for the refusal message)."""
    seconds = 0
    for exercise in candidates:
        if exercise_kind(exercise) == "timed":
            seconds += exercise.minutes * TIMED_FACTOR * 60
        else:
            sets = set_cap(exercise)
            seconds += sets * exercise.set_seconds() + (sets - 1) * rest_at(exercise, step)
    return (seconds + TOLERANCE_SECONDS) // 60


def _freeze(slots: list[_Slot], step: int, number: int) -> WeekPlan:
    ordered = sorted(slots, key=lambda s: (PHASES.index(s.phase), _position_key(s.exercise.position), s.order))
    items = tuple(PlanItem(exercise=s.exercise, phase=s.phase, sets=s.sets, set_seconds=s.set_seconds,
                           rest_seconds=rest_at(s.exercise, step)) for s in ordered)
    return WeekPlan(number=number, step=step, items=items)


def _notes(request: PlanRequest, catalogue: Sequence[Exercise], weeks: tuple[WeekPlan, ...]) -> tuple[SafetyNote, ...]:
    from lessons.kit import triage

    texts = plan_notes()
    stop = fill(texts.stop.text, signs=triage.sentence(texts.stop_signs))
    notes = [SafetyNote("stop", stop, texts.stop.sources),
             SafetyNote("red-flags", texts.red_flags.text, texts.red_flags.sources),
             SafetyNote("pace", texts.pace.text, texts.pace.sources)]
    problem = texts.problems[request.problem]
    notes.append(SafetyNote("problem", problem.text, problem.sources))
    avoided = sorted(ex.name for ex in catalogue if not_advised(ex, request.problem))
    if avoided:
        template = texts.left_out_stenosis if request.problem == STENOSIS else texts.left_out
        notes.append(SafetyNote("left-out", fill(template, problem=PROBLEM_LABELS[request.problem].lower(),
                                                 exercises=", ".join(avoided))))
    if any(item.exercise.spine == "flexion" for week in weeks for item in week.items):
        caution = safety_texts()
        notes.append(SafetyNote("thin-bones", caution.thin_bones_caution, caution.thin_bones_sources))
    missing = [PHASE_LABELS[phase].lower() for phase in PHASES if not weeks[0].items_in(phase)]
    if missing:
        notes.append(SafetyNote("parts", fill(texts.missing_part, parts=" or the ".join(missing))))
    return tuple(notes)


def make_plan(request: PlanRequest, catalogue: Sequence[Exercise] | None = None) -> Plan:
    """Build the plan for a request (see the module docstring for the rules), or raise ``PlanError``."""
    if catalogue is None:
        catalogue = load_catalogue()
    req = check_request(request, catalogue)
    reasons = {ex.id: exclusion_reason(ex, req) for ex in catalogue}
    usable = sorted((ex for ex in catalogue if reasons[ex.id] is None), key=lambda ex: rank(ex, req.problem))
    if not usable:
        suitable = [ex for ex in catalogue if not not_advised(ex, req.problem)]
        if suitable and all(ex.id in req.leave_out for ex in suitable):
            raise PlanError("leave_out", "every exercise that suits your problem is left out. Untick some "
                            "exercises in the Leave out list.")
        raise PlanError("positions", f"no exercise suits {PROBLEM_LABELS[req.problem].lower()} at "
                        f"{LEVEL_LABELS[req.level].lower()} level in the positions you ticked "
                        f"({', '.join(POSITION_LABELS[p] for p in POSITIONS if p in req.positions)}). Tick more "
                        "positions, choose a higher level, or leave out fewer exercises.")
    pools = {phase: [ex for ex in usable if phase in ex.phases] for phase in PHASES}
    if not pools["main"]:
        raise PlanError("positions", "none of the exercises that suit your choices can make up the main part. "
                        "Tick more positions, choose a higher level, or leave out fewer exercises.")
    budgets = phase_budgets(req.minutes)
    target = req.minutes * 60
    weeks: list[WeekPlan] = []
    slots: list[_Slot] = []
    for number in range(1, req.weeks + 1):
        step = step_for_week(number)
        if weeks and step == weeks[-1].step:      # each amount is kept for WEEKS_PER_STEP weeks
            weeks.append(WeekPlan(number=number, step=step, items=weeks[-1].items))
            continue
        week = _Week([slot.copy() for slot in slots], step, pools, target)
        _fill(week, budgets, first=number == 1)
        if not week.slots:
            raise PlanError("minutes", f"{req.minutes} minutes is too short for any exercise that suits your "
                            "choices. Choose more minutes.")
        if abs(week.total - target) > TOLERANCE_SECONDS:
            most = min(_capacity_minutes(usable, step_for_week(req.weeks)), MINUTES_RANGE[1])
            fix = (f"Choose at most about {most} minutes, tick more positions, or leave out fewer exercises."
                   if MINUTES_RANGE[0] <= most < req.minutes else
                   "Choose fewer minutes, tick more positions, choose a higher level, or leave out fewer exercises.")
            many = f"{len(usable)} exercises that suit" if len(usable) != 1 else "1 exercise that suits"
            raise PlanError("minutes", f"the {many} your choices cannot fill {req.minutes} minutes in week "
                            f"{number} without overdoing them. {fix}")
        slots = week.slots
        weeks.append(_freeze(slots, step, number))
    frozen = tuple(weeks)
    left_out = tuple((ex.id, reasons[ex.id]) for ex in sorted(catalogue, key=lambda ex: ex.id) if reasons[ex.id])
    return Plan(request=req, weeks=frozen, days=req.days or default_days(req.sessions_per_week),
                notes=_notes(req, catalogue, frozen), left_out=left_out)


# --- follow-along ----------------------------------------------------------------------------

def follow_along(week: WeekPlan) -> tuple[Step, ...]:
    """The session as timed steps: each set (hold, repetitions or activity) and each rest between sets."""
    steps: list[Step] = []
    start = 0
    for item in week.items:
        name = item.exercise.name
        for number in range(1, item.sets + 1):
            each = f", {item.sets // 2} on each side" if sides(item.exercise) == 2 else ""
            if item.kind == "timed":
                label = f"{name}: {item.count}"
            elif item.kind == "hold":
                label = f"{name}: hold {number} of {item.sets}{each}"
            else:
                label = f"{name}: {item.exercise.reps} repetitions, set {number} of {item.sets}{each}"
            if item.exercise.cue:
                label += f". {item.exercise.cue}"
            steps.append(Step(label, item.kind, item.set_seconds, start, item.exercise.id))
            start += item.set_seconds
            if number < item.sets and item.rest_seconds:
                steps.append(Step(f"Rest, then {name} again", "rest", item.rest_seconds, start, item.exercise.id))
                start += item.rest_seconds
    return tuple(steps)


def step_at(steps: Sequence[Step], second: int) -> tuple[int, int] | None:
    """(index of the step running at ``second`` since the start, seconds left in it); None when finished."""
    for index, step in enumerate(steps):
        if step.start <= second < step.start + step.seconds:
            return index, step.start + step.seconds - second
    return None
