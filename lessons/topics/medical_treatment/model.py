"""Lesson 10: where treatments sit on the path from a first visit to specialist care.

``pathway(duration, complaint, red_flags)`` is a pure function. It returns the ordered steps of
care that the UK guideline NICE NG59 (2016, medicines for sciatica updated 2020) describes for
one situation: new (acute) or long-lasting (persistent) pain, back pain or sciatica, with or
without warning signs. Each step says who usually provides it, what may be offered, what the
guideline advises NOT to offer, and when to see a clinician. With warning signs ("red flags")
the first and only step is urgent or emergency care.

It is education, not a care plan: it never gives medicine doses, and every step says when to
see a clinician. The steps, the situations they belong to and the sentences shown around them are data:
``content/treatment_pathway.yml`` (schema ``treatment_pathway.schema.json`` beside it), read and checked
by ``load_pathways``. Warning signs and how fast they need help come from the triage file
(``lessons/kit/content/red_flags.yml``) through placeholders. The reference ids name entries in
``lessons/**/content/references.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, references, triage
from lessons.kit.inputs import shown
from lessons.kit.references import bibliography

CONTENT = Path(__file__).parent / "content"
PATHWAY_FILE = CONTENT / "treatment_pathway.yml"

DURATIONS = ("acute", "persistent")
COMPLAINTS = ("back pain", "sciatica")

DURATION_LABELS = {"acute": "New (acute): days or weeks",
                   "persistent": "Long-lasting (persistent): more than about 3 months"}
COMPLAINT_LABELS = {"back pain": "Back pain", "sciatica": "Sciatica (leg pain from a nerve root)"}

STEP_FIELDS = ("stage", "who", "what", "what_not", "see_clinician", "refs")  # every step needs these
# The one {field} of the file's texts, filled in when it is loaded (after the triage placeholders): {worse}, the
# file's own "worse" sentence. Any other "{" or "}" is an error.
FIELDS = ("worse",)


class PathwayError(ValueError):
    """A choice the pathway does not know, with a message written for the learner."""


@dataclass(frozen=True)
class Step:
    """One step of care, in the order a person usually meets it."""

    stage: str                   # short title on the timeline
    who: str                     # who usually provides it
    what: tuple[str, ...]        # what may be offered or done
    what_not: tuple[str, ...]    # what NICE (or NHS guidance based on it) advises against; may be empty
    see_clinician: str           # when to see a clinician at this step
    refs: tuple[str, ...]        # reference ids the step rests on
    notes: tuple[str, ...] = ()  # what the evidence does and does not show
    urgent: bool = False


@dataclass(frozen=True)
class Texts:
    """The sentences shown around the steps (``content/treatment_pathway.yml``)."""

    see_a_clinician: str
    no_doses: str
    card_lead: str
    card_lead_warning_signs: str
    not_a_plan: str
    plain_text: str
    pace_note: str


@dataclass(frozen=True)
class Pathways:
    """The loaded file: the texts, the warning-signs step and the steps of each situation."""

    texts: Texts
    warning_signs: Step                                # its "who" is filled in from the triage file
    steps: dict[tuple[str, str], tuple[Step, ...]]     # (duration, complaint) -> steps, not yet numbered


def _text(text: str, worse: str, name: str, field: str, item: str | None = None) -> str:
    """The text with the file's "worse" sentence in place of ``{worse}`` (checked first: no other ``{field}``)."""
    prose.check_text(text, FIELDS, name, item=item, field=field)
    return prose.fill(text, worse=worse)


def _step(fields: dict, worse: str, name: str, where: str, item: str | None, known: dict,
          urgent: bool = False) -> Step:
    references.check_ids(fields["refs"], name, f"{where}.refs", item=item)

    def fill(key: str, text: str) -> str:
        return _text(text, worse, name, f"{where}.{key}", item)

    return Step(stage=fill("stage", fields["stage"]), who=fill("who", fields.get("who", "")),
                what=tuple(fill(f"what.{i}", t) for i, t in enumerate(fields["what"])),
                what_not=tuple(fill(f"what_not.{i}", t) for i, t in enumerate(fields["what_not"])),
                see_clinician=fill("see_clinician", fields["see_clinician"]), refs=tuple(fields["refs"]),
                notes=tuple(fill(f"notes.{i}", t) for i, t in enumerate(fields.get("notes", ()))), urgent=urgent)


def _version(entry: dict, index: int, duration: str, complaint: str, name: str) -> tuple[dict, str]:
    """The step's fields for one situation (its one matching version laid over it), and where they come from."""
    versions = entry.get("versions")
    if versions is None:
        return entry, f"steps.{index}"
    matching = [number for number, version in enumerate(versions)
                if version.get("duration", duration) == duration and version.get("complaint", complaint) == complaint]
    if len(matching) != 1:
        raise data.ContentError(name, f"needs exactly one version for {duration} {complaint}, found {len(matching)}",
                                item=entry["id"], field=f"steps.{index}.versions")
    fields = {**{k: v for k, v in entry.items() if k != "versions"}, **versions[matching[0]]}
    where = f"steps.{index}.versions.{matching[0]}"
    for key in STEP_FIELDS:
        if key not in fields:
            raise data.ContentError(name, f"is missing for {duration} {complaint} (on the step or its version)",
                                    item=entry["id"], field=f"{where}.{key}")
    return fields, where


def load_pathways(path: Path | str = PATHWAY_FILE) -> Pathways:
    """Read and check a pathway file (the shipped one unless ``path`` is given)."""
    path = Path(path)
    name = data.display_name(path)
    document = triage.load(path, "treatment_pathway")   # fills in the triage placeholders
    worse = document["worse"]
    prose.check_text(worse, (), name, field="worse")
    card = document["card"]
    texts = Texts(see_a_clinician=_text(document["see_a_clinician"], worse, name, "see_a_clinician"),
                  no_doses=_text(document["no_doses"], worse, name, "no_doses"),
                  card_lead=_text(card["lead"], worse, name, "card.lead"),
                  card_lead_warning_signs=_text(card["lead_warning_signs"], worse, name, "card.lead_warning_signs"),
                  not_a_plan=_text(card["not_a_plan"], worse, name, "card.not_a_plan"),
                  plain_text=_text(card["plain_text"], worse, name, "card.plain_text"),
                  pace_note=_text(document["figures"]["pace_note"], worse, name, "figures.pace_note"))
    known = bibliography()
    warning = _step(document["warning_signs"], worse, name, "warning_signs", None, known, urgent=True)
    entries: dict[str, tuple[int, dict]] = {}
    for index, entry in enumerate(document["steps"]):
        if entry["id"] in entries:
            raise data.ContentError(name, "duplicate step id", item=entry["id"], field=f"steps.{index}.id")
        entries[entry["id"]] = (index, entry)
    steps: dict[tuple[str, str], tuple[Step, ...]] = {}
    for number, situation in enumerate(document["pathways"]):
        key = (situation["duration"], situation["complaint"])
        if key in steps:
            raise data.ContentError(name, f"{key[0]} {key[1]} is given twice", field=f"pathways.{number}")
        found = []
        for position, step_id in enumerate(situation["steps"]):
            if step_id not in entries:
                raise data.ContentError(name, f"unknown step {step_id!r}", field=f"pathways.{number}.steps.{position}")
            index, entry = entries[step_id]
            fields, where = _version(entry, index, *key, name)
            found.append(_step(fields, worse, name, where, step_id, known))
        steps[key] = tuple(found)
    missing = [f"{d} {c}" for d in DURATIONS for c in COMPLAINTS if (d, c) not in steps]
    if missing:
        raise data.ContentError(name, f"no steps for {', '.join(missing)}", field="pathways")
    return Pathways(texts, warning, steps)


@cache
def pathways() -> Pathways:
    """The shipped pathway file, loaded once."""
    return load_pathways()


def texts() -> Texts:
    return pathways().texts


def see_a_clinician() -> str:
    """Shown with every pathway, whatever the choices: the learner always sees when to get help."""
    return texts().see_a_clinician


def warning_signs_step() -> Step:
    """The only step when warning signs are present; its "who" line is put together from the triage file."""
    emergency, urgent = triage.level("emergency"), triage.level("urgent")
    who = f"{emergency.lead}: {emergency.action[:1].lower()}{emergency.action[1:]} {urgent.lead} for the others."
    return replace(pathways().warning_signs, who=who)


def _clean(value, allowed: tuple[str, ...], field: str) -> str:
    if not isinstance(value, str):
        raise PathwayError(f"{field} must be one of {', '.join(repr(a) for a in allowed)}; "
                           f"got {shown(value)} ({type(value).__name__}).")
    cleaned = " ".join(value.strip().lower().split())
    if cleaned not in allowed:
        raise PathwayError(f"{field} must be one of {', '.join(repr(a) for a in allowed)}, not {shown(value)}.")
    return cleaned


def pathway(duration: str, complaint: str, red_flags: bool) -> tuple[Step, ...]:
    """The ordered steps of care for one situation (education, not a care plan).

    duration: "acute" or "persistent"; complaint: "back pain" or "sciatica" (case and extra
    spaces are ignored); red_flags: True or False. Anything else raises PathwayError with a
    message naming the field and the allowed values.
    """
    duration = _clean(duration, DURATIONS, "duration")
    complaint = _clean(complaint, COMPLAINTS, "complaint")
    if not isinstance(red_flags, bool):
        raise PathwayError(f"red_flags must be True or False, not {shown(red_flags)}.")
    if red_flags:
        return (warning_signs_step(),)
    steps = pathways().steps[duration, complaint]
    return tuple(replace(step, stage=f"{number} · {step.stage}") for number, step in enumerate(steps, start=1))


def situation_label(duration: str, complaint: str, red_flags: bool) -> str:
    """A short plain description of the chosen situation (for titles and cards)."""
    duration = _clean(duration, DURATIONS, "duration")
    complaint = _clean(complaint, COMPLAINTS, "complaint")
    if not isinstance(red_flags, bool):
        raise PathwayError(f"red_flags must be True or False, not {shown(red_flags)}.")
    kind = {"acute": "New", "persistent": "Long-lasting"}[duration]
    return f"{kind} {complaint}" + (" with warning signs" if red_flags else ", no warning signs")
