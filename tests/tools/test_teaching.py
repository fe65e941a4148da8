"""Teacher's guides: teaching notes are valid, answer keys are complete, files are current."""

from __future__ import annotations

import textwrap

import nbformat
import pytest

from lessons.kit import course, data
from lessons.quiz import bank as quiz
from tools import teaching

LESSON_FILES = [item.file for item in course.lessons()]


@pytest.mark.parametrize("lesson_file", LESSON_FILES)
def test_every_lesson_has_a_full_guide(lesson_file):
    notes = teaching.teaching()[lesson_file]
    assert 45 <= sum(step["minutes"] for step in notes["session_plan"]) <= 60
    assert 3 <= len(notes["discussion_prompts"]) <= 5
    assert 2 <= len(notes["misconceptions"]) <= 4
    assert teaching.objectives(lesson_file).startswith("By the end of this")


def _entry(lesson_id: str, minutes: int = 50) -> str:
    return textwrap.indent(textwrap.dedent(f"""\
        - id: {lesson_id}
          session_plan:
            - {{minutes: {minutes - 20}, activity: Teach.}}
            - {{minutes: 10, activity: Quiz.}}
            - {{minutes: 10, activity: Discuss.}}
          discussion_prompts: [One, Two, Three]
          misconceptions:
            - {{belief: A, correction: B}}
            - {{belief: C, correction: D}}
        """), "  ")


def _write_all(write_yaml, broken: str, **overrides: str) -> str:
    entries = [overrides.get(file, _entry(file)) for file in LESSON_FILES]
    entries[0] = broken
    return write_yaml("lessons:\n" + "".join(entries), "teaching.yml")


def test_a_valid_file_loads(write_yaml):
    path = _write_all(write_yaml, _entry(LESSON_FILES[0]))
    assert set(teaching.load_teaching(path)) == set(LESSON_FILES)


def test_schema_error_names_file_lesson_and_field(write_yaml):
    broken = _entry(LESSON_FILES[0]).replace("[One, Two, Three]", "[One, Two]")
    with pytest.raises(data.ContentError) as error:
        teaching.load_teaching(_write_all(write_yaml, broken))
    assert error.value.file == "teaching.yml"
    assert error.value.item == LESSON_FILES[0]
    assert error.value.field == "lessons.0.discussion_prompts"


def test_missing_field_is_named(write_yaml):
    broken = _entry(LESSON_FILES[0]).replace("correction: B", "correct: B")
    with pytest.raises(data.ContentError) as error:
        teaching.load_teaching(_write_all(write_yaml, broken))
    assert error.value.item == LESSON_FILES[0]
    assert error.value.field.startswith("lessons.0.misconceptions.0")


def test_plan_outside_45_to_60_minutes_is_refused(write_yaml):
    with pytest.raises(data.ContentError) as error:
        teaching.load_teaching(_write_all(write_yaml, _entry(LESSON_FILES[0], minutes=40)))
    assert error.value.item == LESSON_FILES[0]
    assert error.value.field == "lessons.0.session_plan"
    assert "40 minutes" in str(error.value)


def test_unknown_and_missing_lessons_are_refused(write_yaml):
    with pytest.raises(data.ContentError) as error:
        teaching.load_teaching(_write_all(write_yaml, _entry("99_not_a_lesson")))
    assert error.value.item == "99_not_a_lesson"
    assert error.value.field == "lessons.0.id"
    without_first = write_yaml("lessons:\n" + "".join(_entry(f) for f in LESSON_FILES[1:]), "t2.yml")
    with pytest.raises(data.ContentError, match=LESSON_FILES[0]):
        teaching.load_teaching(without_first)


@pytest.mark.parametrize("lesson_file", [f for f in LESSON_FILES if quiz.has_bank(f)])
def test_answer_key_lists_every_question_with_its_answer(lesson_file):
    key = teaching.answer_key_markdown(lesson_file)
    for question in quiz.load_bank(lesson_file).questions:
        assert f"id `{question.id}`" in key
        assert f"**Answer:** {' '.join(teaching.correct_answer(question).split())}" in key


TEXT = {"prompt": "Which is right?", "explanation": "Because it is."}


def test_correct_answer_wording():
    bank = quiz.parse_bank({"quiz": "00_x", "title": "Test bank", "questions": [
        {"id": "s", "type": "single", **TEXT, "options": [
            {"text": "Yes", "explanation": "Because.", "correct": True}, {"text": "No", "explanation": "Because."}]},
        {"id": "t", "type": "true_false", **TEXT, "answer": False},
        {"id": "n", "type": "numeric", **TEXT, "answer": 17,
         "tolerance": 1, "unit": "days"},
    ]}, data.CONTENT_DIR / "x.yml")
    assert [teaching.correct_answer(q) for q in bank.questions] == ["Yes", "False", "17 ± 1 days"]


def test_final_assessment_points_to_the_other_keys():
    assert "other lessons" in teaching.answer_key_markdown("19_final_assessment")


def test_generated_guides_are_up_to_date():
    assert teaching.stale_guides() == [], "run tools.teaching.write_guides()"


def test_stale_guides_notices_changes(tmp_path):
    teaching.write_guides(tmp_path)
    assert teaching.stale_guides(tmp_path) == []
    (tmp_path / "03_herniated_disc.md").write_text("edited", encoding="utf-8")
    (tmp_path / "old.md").write_text("left over", encoding="utf-8")
    (tmp_path / "README.md").unlink()
    assert teaching.stale_guides(tmp_path) == ["README.md", "03_herniated_disc.md", "old.md"]


@pytest.mark.parametrize("lesson_file", LESSON_FILES)
def test_notebooks_never_show_the_answer_key(lesson_file):
    notebook = nbformat.read(teaching.NOTEBOOK_DIR / f"{lesson_file}.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells)
    text += "\n".join(str(output) for cell in notebook.cells for output in cell.get("outputs", []))
    assert "answer key" not in text.lower()
    assert "teachers/" not in text
