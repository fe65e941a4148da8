"""Clinical rules that hold across every file of the course, not one lesson at a time."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lessons.kit import course
from tests.conftest import REPO

DOSE = re.compile(r"\d\s*(mg|g|ml|milligrams?|micrograms?|mcg|tablets? a day)\b(/day)?|\bdoses? of \d",
                  re.I)


def text_files() -> list[Path]:
    """Every file a learner, a teacher or a reviewer reads: content, data, notebooks, guides."""
    found = sorted((REPO / "lessons").glob("**/content/**/*.yml"))      # the kit's and every topic's
    found += sorted((REPO / "lessons").glob("**/content/tables/*.csv"))
    found += sorted((REPO / "notebooks").glob("*.ipynb")) + sorted((REPO / "teachers").glob("*.*"))
    found += [REPO / "README.md"]
    return [path for path in found if path.suffix in {".yml", ".csv", ".ipynb", ".md"}]


@pytest.mark.parametrize("path", text_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_medicine_dose_anywhere(path):
    text = path.read_text(encoding="utf-8")
    found = [match.group(0) for match in DOSE.finditer(text)]
    assert not found, f"{path.relative_to(REPO)} gives a dose ({found}); the course never gives doses"


def test_the_dose_check_reads_every_content_file():
    read = set(text_files())
    assert REPO / "lessons" / "kit" / "content" / "references.yml" in read
    quizzes = [lesson.folder / "content" / "quiz.yml" for lesson in course.ready_lessons()]
    quizzes = [path for path in quizzes if path.exists()]          # lesson 19 draws on the others
    assert len(quizzes) == len(course.ready_lessons()) - 1 and set(quizzes) <= read
    assert any(path.suffix == ".csv" for path in read)


def test_the_dose_pattern_finds_doses():
    assert DOSE.search("pregabalin 150 mg/day") and DOSE.search("a dose of 2") and DOSE.search("500mg")
    assert not DOSE.search("lifting 20 kg close to the body") and not DOSE.search("in 2017, 209 people")


def lesson_names() -> dict[str, str]:
    """{number or title (lower case): notebook} for every lesson that exists."""
    names = {}
    for item in course.ready_lessons():
        names[item.number] = item.notebook
        names[item.title.lower()] = item.notebook
    return names


def coming_soon_about_existing(text: str) -> list[str]:
    names = lesson_names()
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        if "coming soon" not in sentence.lower():
            continue
        numbers = re.findall(r"\b\d\d[a-z]?\b", sentence)
        if any(n in names for n in numbers) or any(t in sentence.lower() for t in names if not t.isdigit()):
            found.append(sentence.strip())
    return found


def test_the_coming_soon_check_finds_a_stale_sentence():
    assert coming_soon_about_existing("Lesson 18 (case studies) is coming soon.")
    assert not coming_soon_about_existing("A printable version is coming soon.")


@pytest.mark.parametrize("path", sorted((REPO / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_no_lesson_calls_an_existing_lesson_coming_soon(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    stale = coming_soon_about_existing(text)
    assert not stale, f"{path.name} says an existing lesson is coming soon: {stale}"
