"""The stretching-routine catalogue: exercises for back pain and sciatica, loaded from data.

``lessons/topics/planner/content/stretches.yml`` is checked against its JSON schema and then against the rules
a schema cannot express (unique ids, exactly one kind of dose, a picture for every exercise, every
source in the bibliography, ``suits`` and ``avoid`` apart, known positions, levels, problems and
phases). A mistake raises :class:`lessons.kit.data.ContentError` naming the file, the exercise id and
the field, for example ``exercises.4.hold_seconds``.

The balance cue and the thin-bones caution are not in the catalogue: their one source is lesson 09b
(``lessons/topics/look_alikes/content/bone_safety.yml``), which shows them too; ``safety_texts`` reads them there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, triage
from lessons.kit.references import bibliography
from lessons.topics.look_alikes.model import bone_safety

POSITIONS = ("lying", "sitting", "standing", "hands-and-knees")
LEVELS = ("beginner", "intermediate", "advanced")       # ordered
PROBLEMS = ("general", "herniated-disc", "spinal-stenosis", "degenerative-disc-disease",
            "muscle-strain", "sacroiliac-joint", "sciatica")
PHASES = ("warm-up", "main", "cool-down")
SPINE = ("flexion", "neutral", "extension")
BALANCE = ("none", "some", "high")

PICTURE_DIR = Path(__file__).parent / "content"   # an exercise's ``image`` is relative to it (package data)
CATALOGUE_FILE = PICTURE_DIR / "stretches.yml"

# Which dose fields each kind of exercise must have (True) or must leave out (False).
DOSE_FIELDS = ("hold_seconds", "reps", "seconds_per_rep", "minutes")
DOSE_RULES = {
    "hold": {"hold_seconds": True, "reps": False, "seconds_per_rep": False, "minutes": False},
    "reps": {"hold_seconds": False, "reps": True, "seconds_per_rep": True, "minutes": False},
    "minutes": {"hold_seconds": False, "reps": False, "seconds_per_rep": False, "minutes": True},
}


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    purpose: str
    position: str
    level: str
    phases: tuple[str, ...]          # where in a session it may go
    hold_seconds: int | None         # a held stretch: seconds per hold (None for reps/minutes types)
    reps: int | None                 # repetitions per set (None for holds/minutes)
    seconds_per_rep: int | None      # time one repetition takes, for timing (None unless reps)
    minutes: int | None              # a timed activity such as walking (None otherwise)
    sets: int                        # default sets (holds/reps); 1 for minutes
    rest_seconds: int                # rest between sets
    steps: tuple[str, ...]           # step-by-step instructions
    feel: str                        # what it should feel like
    stop_if: str                     # when to stop
    suits: tuple[str, ...]           # PROBLEMS it is commonly advised for ("general" = any back pain)
    avoid: tuple[str, ...]           # PROBLEMS for which the catalogue marks it unsuitable
    image: str                       # path relative to lessons/topics/planner/content/ (pictures/stretches/NAME.svg)
    alt: str                         # alt text describing the picture
    source: str                      # reference id in lessons/**/content/references.yml
    # Safety fields (see the SAFETY FIELDS comment in stretches.yml); the planner's rules read these.
    spine: str = "neutral"           # SPINE: flexion (bending forwards), neutral or extension (backwards)
    prone: bool = False              # done lying on your front
    balance: str = "none"            # BALANCE: none, some, high
    sides: int = 1                   # 2 if the sets are shared between left and right
    cue: str | None = None           # shown with the exercise in a plan (the balance cue), or None

    def set_seconds(self) -> int:
        """Time of one set: the hold, or the repetitions at their pace, or the minutes."""
        if self.hold_seconds is not None:
            return self.hold_seconds
        if self.reps is not None:
            return self.reps * (self.seconds_per_rep or 0)
        return (self.minutes or 0) * 60


def load_catalogue(path: Path | str | None = None) -> tuple[Exercise, ...]:
    """Every exercise in the catalogue, validated; the shipped file unless ``path`` is given."""
    chosen = Path(path) if path is not None else CATALOGUE_FILE
    return _load(str(chosen.resolve()))


@dataclass(frozen=True)
class CatalogueSafety:
    """The catalogue-wide safety texts: the balance cue and the thin-bones caution with its sources."""

    balance_cue: str
    thin_bones_caution: str
    thin_bones_sources: tuple[str, ...]


def safety_texts() -> CatalogueSafety:
    """The balance cue and the thin-bones caution, from their one source in lesson 09b (look_alikes)."""
    texts = bone_safety()
    return CatalogueSafety(texts.balance_cue, texts.thin_bones_caution, texts.thin_bones_sources)


def exercise(exercise_id: str) -> Exercise:
    """The catalogue exercise with this id (KeyError if there is none)."""
    for item in load_catalogue():
        if item.id == exercise_id:
            return item
    raise KeyError(f"no exercise {exercise_id!r} in the stretching catalogue")


@cache
def _document(path_text: str) -> dict:
    path = Path(path_text)
    document = triage.load(path, "stretches")
    name = data.display_name(path)
    references = bibliography()
    for field in ("safety_sources",):
        for index, ref_id in enumerate(document[field]):
            if ref_id not in references:
                raise data.ContentError(name, f"reference {ref_id!r} is not in lessons/**/content/references.yml",
                                        field=f"{field}.{index}")
    return document


@cache
def _load(path_text: str) -> tuple[Exercise, ...]:
    path = Path(path_text)
    document = _document(path_text)
    name = data.display_name(path)
    references = bibliography()
    seen: set[str] = set()
    found = []
    for index, raw in enumerate(document["exercises"]):
        _check(raw, index, name, seen, references)
        seen.add(raw["id"])
        found.append(_exercise(raw, safety_texts().balance_cue))
    return tuple(found)


def _check(raw: dict, index: int, name: str, seen: set[str], references: dict) -> None:
    """The rules beyond the schema; the first broken one raises ContentError."""
    item = raw["id"]

    def fail(field: str, message: str) -> data.ContentError:
        return data.ContentError(name, message, item=item, field=f"exercises.{index}.{field}")

    if item in seen:
        raise fail("id", "this id is used by an earlier exercise; ids must be unique")
    if raw["position"] not in POSITIONS:
        raise fail("position", f"{raw['position']!r} is not one of {', '.join(POSITIONS)}")
    if raw["level"] not in LEVELS:
        raise fail("level", f"{raw['level']!r} is not one of {', '.join(LEVELS)}")
    for field, allowed in (("phases", PHASES), ("suits", PROBLEMS), ("avoid", PROBLEMS)):
        for value in raw[field]:
            if value not in allowed:
                raise fail(field, f"{value!r} is not one of {', '.join(allowed)}")
    both = [problem for problem in raw["suits"] if problem in raw["avoid"]]
    if both:
        raise fail("avoid", f"{', '.join(both)} is listed in both suits and avoid")
    for field, needed in DOSE_RULES[raw["type"]].items():
        if needed and field not in raw:
            raise fail(field, f"a '{raw['type']}' exercise needs {field}")
        if not needed and field in raw:
            raise fail(field, f"a '{raw['type']}' exercise must not set {field}")
    if raw["sides"] == 2 and raw["sets"] % 2:
        raise fail("sides", "an exercise done on both sides needs an even number of sets (both sides count)")
    if (raw["spine"] == "extension" or raw["prone"]) and "spinal-stenosis" in raw["suits"]:
        raise fail("suits", "an exercise that bends the back backwards or is done lying on your front "
                            "cannot suit spinal stenosis")
    if raw["type"] == "minutes" and raw["sets"] != 1:
        raise fail("sets", "a timed ('minutes') activity has exactly 1 set")
    if not (PICTURE_DIR / raw["image"]).is_file():
        raise fail("image", f"the picture lessons/topics/planner/content/{raw['image']} does not exist")
    if raw["source"] not in references:
        raise fail("source", f"reference {raw['source']!r} is not in lessons/**/content/references.yml")
    for position, ref_id in enumerate(raw.get("evidence", [])):
        if ref_id not in references:
            raise fail(f"evidence.{position}",
                       f"reference {ref_id!r} is not in lessons/**/content/references.yml")


def _exercise(raw: dict, balance_cue: str) -> Exercise:
    return Exercise(
        id=raw["id"], name=raw["name"], purpose=raw["purpose"], position=raw["position"],
        level=raw["level"], phases=tuple(raw["phases"]),
        hold_seconds=raw.get("hold_seconds"), reps=raw.get("reps"),
        seconds_per_rep=raw.get("seconds_per_rep"), minutes=raw.get("minutes"),
        sets=raw["sets"], rest_seconds=raw["rest_seconds"], steps=tuple(raw["steps"]),
        feel=raw["feel"], stop_if=raw["stop_if"], suits=tuple(raw["suits"]),
        avoid=tuple(raw["avoid"]), image=raw["image"], alt=raw["alt"], source=raw["source"],
        spine=raw["spine"], prone=raw["prone"], balance=raw["balance"], sides=raw["sides"],
        cue=balance_cue if raw["balance"] == "high" else None,
    )
