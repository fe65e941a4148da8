"""Helpers shared by the tests: the one place they are written.

Fixtures (``write_yaml``, ``store``) are used by name. Constants and plain functions are imported
(``from tests.conftest import REPO, shown_figure``): no test file imports from another test file.

A content test breaks a copy of a shipped YAML file and loads it:
``error = load_error(load_rules, broken_copy(tmp_path, SESSIONS_FILE, lambda d: d.pop("areas")))``.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from lessons.kit.course import LESSON_GLOB
from lessons.kit.data import ContentError, read_yaml
from lessons.records.results import FORMAT
from lessons.records.store import ProgressStore
from lessons.topics.planner.catalogue import Exercise

# --- the repository ---------------------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
LESSON_NOTEBOOKS = sorted((REPO / "notebooks").glob(LESSON_GLOB))   # the numbered lessons
ALL_NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb")) + sorted((REPO / "teachers").glob("*.ipynb"))


# --- files ----------------------------------------------------------------------------------------

@pytest.fixture
def write_yaml(tmp_path: Path):
    """Write a YAML text (dedented) to a temporary file and return its path."""

    def write(text: str, name: str = "bank.yml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


def broken_copy(tmp_path: Path, source: Path, change=None, name: str | None = None) -> Path:
    """A copy of the YAML file ``source`` in ``tmp_path``, after ``change(document)`` (none: an unchanged copy).

    The copy is named ``name``, else like ``source``; it is written with ``yaml.safe_dump`` (unicode kept, keys in
    the file's order). Return its path.
    """
    document = read_yaml(source)   # freshly read: a change never reaches the shipped file or another test
    if change is not None:
        change(document)
    path = tmp_path / (name or source.name)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def load_error(loader, path: Path) -> ContentError:
    """The ContentError that ``loader(path)`` raises, which must name the file it read.

    The error's ``file`` is the file's name (a file outside the package is named by its name alone) and the
    message says it.
    """
    with pytest.raises(ContentError) as caught:
        loader(path)
    assert caught.value.file == path.name and path.name in str(caught.value)
    return caught.value


def names(file: str, field: str, item: str | None = None) -> str:
    """A pattern for the start of a ContentError message naming the file, the item (if any) and the field."""
    where = f", item '{re.escape(item)}'" if item else ""
    return rf"^{re.escape(file)}{where}, field '{re.escape(field)}': "


def write_file(folder: Path, name: str, doc) -> Path:
    """Write ``doc`` into ``folder``: a string as it is, anything else as JSON; return the path."""
    path = folder / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    """An empty progress store in a temporary folder."""
    return ProgressStore(tmp_path / "progress.sqlite3")


# --- figures shown in a widget ---------------------------------------------------------------------

PLOTLY = "application/vnd.plotly.v1+json"


def shown_figure(output):
    """The Plotly figure (as JSON) an Output widget shows; it must show exactly one."""
    (item,) = output.outputs
    return item["data"][PLOTLY]


# --- a quiz bank for the quiz tests ---------------------------------------------------------------

GOOD_BANK = """
quiz: 99_test_lesson
title: A test quiz
questions:
  - id: single-one
    type: single
    prompt: Pick B
    explanation: B is right.
    options:
      - {text: A, explanation: A is wrong.}
      - {text: B, correct: true, explanation: Yes.}
  - id: multi-one
    type: multiple
    prompt: Pick A and C
    explanation: A and C.
    options:
      - {text: A, correct: true, explanation: Yes A.}
      - {text: B, explanation: B is wrong.}
      - {text: C, correct: true, explanation: Yes C.}
  - id: tf-one
    type: true_false
    prompt: The sky is green.
    answer: false
    explanation: It is not.
  - id: num-one
    type: numeric
    prompt: How many lumbar vertebrae?
    answer: 5
    tolerance: 0.5
    explanation: Five.
"""


# --- a small exercise catalogue for the planner tests -----------------------------------------------

def ex(ex_id, position, level, phases, *, hold=None, reps=None, spr=None, minutes=None, sets=2, rest=10,
       suits=("general",), avoid=(), each_side=False, spine="neutral", prone=False, balance="none"):
    """A fixture exercise built with the catalogue's dataclass."""
    steps = (f"Get into position for {ex_id}.", "Do it 3 times on each side." if each_side else "Move slowly.")
    return Exercise(id=ex_id, name=ex_id.replace("-", " ").capitalize() + " <b>", purpose=f"Purpose of {ex_id}.",
                    position=position, level=level, phases=tuple(phases), hold_seconds=hold, reps=reps,
                    seconds_per_rep=spr, minutes=minutes, sets=1 if minutes else sets,
                    rest_seconds=0 if minutes else rest, steps=steps, feel="A gentle stretch.",
                    stop_if="Stop if pain spreads down your leg.", suits=tuple(suits), avoid=tuple(avoid),
                    image=f"pictures/stretches/{ex_id}.svg", alt=f"A person doing {ex_id}.", source="nice-ng59",
                    spine=spine, prone=prone, balance=balance, sides=2 if each_side else 1,
                    cue="Hold on." if balance == "high" else None)


def fixture_catalogue() -> tuple[Exercise, ...]:
    return (
        ex("walk", "standing", "beginner", ("warm-up", "main", "cool-down"), minutes=5),
        ex("hug", "lying", "beginner", ("warm-up", "cool-down"), hold=10, sets=6, rest=5, each_side=True),
        ex("tilt", "lying", "beginner", ("warm-up", "main"), hold=5, sets=5, rest=5),
        ex("rock", "hands-and-knees", "beginner", ("warm-up",), reps=10, spr=4, sets=1, avoid=("spinal-stenosis",)),
        ex("bridge", "lying", "intermediate", ("main",), reps=10, spr=6, sets=2),
        ex("arch-up", "lying", "intermediate", ("main",), hold=5, sets=8, rest=5, avoid=("spinal-stenosis",)),
        ex("dog", "hands-and-knees", "advanced", ("main",), reps=10, spr=8, sets=2),
        ex("sit-pull", "sitting", "beginner", ("warm-up", "main"), reps=10, spr=2, sets=2, each_side=True,
           suits=("spinal-stenosis", "general")),
        ex("slider", "sitting", "intermediate", ("main",), reps=10, spr=5, sets=2, suits=("sciatica",)),
        ex("seat-stretch", "sitting", "beginner", ("main", "cool-down"), hold=10, sets=3, rest=5),
        ex("lunge", "standing", "intermediate", ("main", "cool-down"), hold=5, sets=6, rest=5, each_side=True),
        ex("heel-sit", "hands-and-knees", "beginner", ("cool-down",), reps=8, spr=9, sets=1),
    )


FIXTURE = fixture_catalogue()


# --- learners' results files for the class view -------------------------------------------------------

START = "00_start_here"
RIGHT = {"run-cell": "Shift + Enter", "saddle-numbness": "False", "urgent-signs": "See a doctor the same day",
         "what-course-is": "Explain how back pain and leg pain are connected, and what research shows",
         "how-many-people": "619"}
URINE, BOTH_LEGS, BACK_PASSAGE = ("New difficulty passing urine, or leaking urine",
                                  "New numbness or tingling in both legs",
                                  "Numbness around the back passage or genitals")
FILM = "Stiffness after sitting through a long film"


def learner_doc(name: str, answers: list[tuple], extra_attempts: tuple = ()) -> dict:
    """answers: (lesson, question, correct, chosen) in the order given; one attempt per lesson."""
    lessons = list(dict.fromkeys([a[0] for a in answers] + list(extra_attempts)))
    number = {lesson: index for index, lesson in enumerate(lessons, start=1)}
    return {"format": FORMAT, "version": 1, "display_name": name,
            "attempts": [{"attempt": number[lesson], "lesson": lesson, "total": 6,
                          "started_at": "2026-11-25T10:00:00Z"} for lesson in lessons],
            "answers": [{"attempt": number[lesson], "lesson": lesson, "question": question, "correct": correct,
                         "chosen": list(chosen), "answered_at": f"2026-11-25T10:{minute:02d}:00Z"}
                        for minute, (lesson, question, correct, chosen) in enumerate(answers)]}


def ana() -> dict:
    return learner_doc("Ana", [
        (START, "run-cell", False, ["Escape"]), (START, "run-cell", True, ["Shift + Enter"]),
        (START, "what-course-is", True, [RIGHT["what-course-is"]]),
        (START, "emergency-signs", False, [URINE, FILM]), (START, "how-many-people", False, ["500"]),
        (START, "gone-question", False, ["x"]),       # not in the bank (any more): left out of the analysis
        ("19_final_assessment", "03_herniated_disc/l5-s1-usual", False, ["L5"]),
    ])


def ben() -> dict:  # every question of lesson 00 right first time: lesson 00 completed
    return learner_doc("Ben", [(START, q, True, [RIGHT[q]]) for q in RIGHT]
                       + [(START, "emergency-signs", True, [URINE, BOTH_LEGS, BACK_PASSAGE])])
