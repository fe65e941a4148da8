"""Lesson 12's words, loaded from data: the plan's safety notes, the widget's sentences and the sheets'.

Three content files beside the catalogue, each checked against its JSON schema and then by the rules
below (``lessons.kit.prose`` checks that every template uses exactly its ``{fields}``):

- ``content/plan_notes.yml`` (``plan_notes``): the notes every plan carries. Its warning signs are ids of
  the triage file, which gives their words (``lessons.kit.triage``); its other triage wording is
  placeholders. Every sign id must be in the triage file, every reference id in the bibliography, and
  there must be exactly one note for every problem of the catalogue.
- ``content/planner_widget.yml`` (``planner_texts``): what the planner widget says.
- ``content/plan_sheet.yml`` (``sheet_texts``): the words of the printable sheets and the calendar.

A mistake raises :class:`lessons.kit.data.ContentError` naming the file, the item and the field. Each
loader reads the shipped file unless given a ``path`` (a test's broken copy).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, triage
from lessons.kit.references import bibliography
from lessons.topics.planner.catalogue import PROBLEMS

CONTENT = Path(__file__).parent / "content"
NOTES_FILE = CONTENT / "plan_notes.yml"
WIDGET_FILE = CONTENT / "planner_widget.yml"
SHEET_FILE = CONTENT / "plan_sheet.yml"

NOTE_FIELDS = {"stop.text": {"signs"}, "left_out": {"problem", "exercises"},
               "left_out_stenosis": {"problem", "exercises"}, "missing_part": {"parts"}}
WIDGET_FIELDS = {"calendar_start": {"start"}}


@dataclass(frozen=True)
class Note:
    """A note's text and the reference ids it rests on."""

    text: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanNotes:
    stop: Note                      # a template: {signs} is the triage file's sentence for stop_signs
    stop_signs: tuple[str, ...]     # warning sign ids of the triage file
    red_flags: Note                 # triage placeholders filled in; sources: the triage file's
    pace: Note
    problems: dict[str, Note]       # problem id -> its note, in the order of the catalogue's PROBLEMS
    left_out: str                   # template: {problem}, {exercises}
    left_out_stenosis: str          # template: {problem}, {exercises}
    missing_part: str               # template: {parts}
    dose_note: str


@dataclass(frozen=True)
class PlannerTexts:
    start: str
    not_advice: str
    problem_question: str
    positions_question: str
    leave_out_question: str
    days_question: str
    plan_made: str
    no_plan: str
    follow_along: str
    make_first: str
    finished: str
    after_session: str
    saving_html: str
    save_first: str
    saved: str
    calendar_start: str             # template: {start}, a date


@dataclass(frozen=True)
class SheetTexts:
    not_advice: str
    weeks_note: str
    tick_note: str


def _path(path: Path | str | None, default: Path) -> str:
    return str((Path(path) if path is not None else default).resolve())


def plan_notes(path: Path | str | None = None) -> PlanNotes:
    """The plan's safety notes, validated; the shipped file unless ``path`` is given."""
    return _plan_notes(_path(path, NOTES_FILE))


def planner_texts(path: Path | str | None = None) -> PlannerTexts:
    """What the planner widget says, validated; the shipped file unless ``path`` is given."""
    return _planner_texts(_path(path, WIDGET_FILE))


def sheet_texts(path: Path | str | None = None) -> SheetTexts:
    """The words of the saved sheets and calendar, validated; the shipped file unless ``path`` is given."""
    return _sheet_texts(_path(path, SHEET_FILE))


@cache
def _plan_notes(path_text: str) -> PlanNotes:
    path = Path(path_text)
    document = prose.load(path, "plan_notes", NOTE_FIELDS, placeholders=True)
    name = data.display_name(path)
    known_refs = bibliography()

    def refs(field: str, ids: list[str], item: str | None = None) -> tuple[str, ...]:
        for index, ref_id in enumerate(ids):
            if ref_id not in known_refs:
                raise data.ContentError(name, f"reference {ref_id!r} is not in lessons/**/content/references*.yml",
                                        item=item, field=f"{field}.{index}")
        return tuple(ids)

    for index, sign_id in enumerate(document["stop"]["signs"]):
        try:
            triage.sign(sign_id)
        except KeyError:
            raise data.ContentError(name, f"{sign_id!r} is not a warning sign of {triage.FILE}",
                                    field=f"stop.signs.{index}") from None
    problems: dict[str, Note] = {}
    for index, entry in enumerate(document["problems"]):
        if entry["id"] not in PROBLEMS:
            raise data.ContentError(name, f"{entry['id']!r} is not a problem of the catalogue; the problems are "
                                    f"{', '.join(PROBLEMS)}", item=entry["id"], field=f"problems.{index}.id")
        if entry["id"] in problems:
            raise data.ContentError(name, "a second note for this problem; each problem has one",
                                    item=entry["id"], field=f"problems.{index}.id")
        problems[entry["id"]] = Note(entry["text"], refs(f"problems.{index}.sources", entry["sources"], entry["id"]))
    missing = [problem for problem in PROBLEMS if problem not in problems]
    if missing:
        raise data.ContentError(name, f"no note for {', '.join(missing)}: every problem of the catalogue needs one",
                                field="problems")
    stop, pace = document["stop"], document["pace"]
    return PlanNotes(
        stop=Note(stop["text"], refs("stop.sources", stop["sources"])), stop_signs=tuple(stop["signs"]),
        red_flags=Note(document["red_flags"]["text"], triage.sources()),
        pace=Note(pace["text"], refs("pace.sources", pace["sources"])),
        problems={problem: problems[problem] for problem in PROBLEMS},
        left_out=document["left_out"], left_out_stenosis=document["left_out_stenosis"],
        missing_part=document["missing_part"], dose_note=document["dose_note"])


@cache
def _planner_texts(path_text: str) -> PlannerTexts:
    return PlannerTexts(**prose.load(Path(path_text), "planner_widget", WIDGET_FIELDS))


@cache
def _sheet_texts(path_text: str) -> SheetTexts:
    return SheetTexts(**prose.load(Path(path_text), "plan_sheet"))
