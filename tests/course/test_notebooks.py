"""Every lesson notebook follows the course conventions (CONTRIBUTING.md)."""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from lessons.kit import course
from lessons.quiz.bank import has_bank
from tests.conftest import LESSON_NOTEBOOKS, REPO

MAX_BYTES = 1_000_000
MAX_CODE_LINES = 8


def generated(cell) -> str | None:
    return cell.get("metadata", {}).get("course", {}).get("generated")


@pytest.fixture(params=LESSON_NOTEBOOKS, ids=[p.stem for p in LESSON_NOTEBOOKS])
def notebook(request):
    return request.param, nbformat.read(request.param, as_version=4)


def markdown_text(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_numbered_notebooks_exist_for_ready_lessons():
    assert [p.stem for p in LESSON_NOTEBOOKS] == [lesson.file for lesson in course.ready_lessons()]


def test_structure(notebook):
    path, nb = notebook
    kinds = [generated(c) for c in nb.cells]
    assert kinds[0] == "nav" and kinds[-1] == "nav", "navigation at the top and bottom"
    assert "safety" in kinds and "references" in kinds
    # one note on the live edition: lesson 00's longer one where it says how to use a notebook, else the
    # short one just before the last navigation line
    (live,) = [cell for cell in nb.cells if generated(cell) == "live-edition"]
    index = nb.cells.index(live)
    if path.stem == "00_start_here":
        assert live.metadata["course"].get("variant") == "start"
        assert nb.cells[index - 1].source.startswith("## How to use a notebook")
    else:
        assert "variant" not in live.metadata["course"] and index == len(nb.cells) - 2
    text = markdown_text(nb)
    lesson = course.lesson(path.stem)
    assert text.count(f"# {lesson.number} · {lesson.title}") == 1
    for heading in ("## What you will learn here", "## Check yourself", "## Key takeaways", "## What's next"):
        assert heading in text, heading
    assert "**Time:**" in text and "**Who it is for:**" in text


# The final assessment is itself the quiz: it draws questions from every other lesson's bank.
OWN_CHECK = {"19_final_assessment": "final_assessment()"}


def test_quiz_cell_uses_this_notebooks_bank(notebook):
    path, nb = notebook
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    if path.stem in OWN_CHECK:
        assert any(OWN_CHECK[path.stem] in source for source in code)
        return
    assert any(f'quiz("{path.stem}")' in source for source in code)
    assert has_bank(path.stem)


def test_references_are_listed(notebook):
    _, nb = notebook
    (cell,) = [c for c in nb.cells if generated(c) == "references"]
    assert len(cell.metadata["course"]["refs"]) >= 3


def test_code_cells_are_short_and_executed(notebook):
    _, nb = notebook
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert len(cell.source.strip().splitlines()) <= MAX_CODE_LINES, cell.source
        assert cell.execution_count is not None, "commit notebooks executed (python3 course.py execute)"
        assert not [o for o in cell.outputs if o.output_type == "error" or o.get("name") == "stderr"]


def test_outputs_are_portable_and_small(notebook):
    path, nb = notebook
    raw = path.read_text(encoding="utf-8")
    assert path.stat().st_size < MAX_BYTES
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert str(REPO) not in raw and "/home/" not in outputs and "/tmp/" not in outputs
    assert not re.search(r"https?://(cdn|unpkg|cdnjs)\.", raw), "no CDN: the course works offline"
    assert "<script" not in outputs, "no JavaScript outputs: plotly.js is never embedded"
