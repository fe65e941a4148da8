"""The clinician's review pack (python3 course.py review) is built from the course's own data."""

from __future__ import annotations

from lessons.kit import triage
from lessons.kit.tables import table_files
from tests.conftest import LESSON_NOTEBOOKS, REPO
from tools import review


def test_pack_lists_every_sign_with_its_level_and_sources(tmp_path):
    text = review.write(tmp_path).read_text(encoding="utf-8")
    for chosen in triage.levels().values():
        assert f"{chosen.symbol} {chosen.name}: {chosen.needs}" in text
    for sign in triage.signs():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{sign.id}` |"))
        assert sign.text in row and sign.question in row
        heading = [line for line in text[: text.index(row)].splitlines() if line.startswith("### ")][-1]
        assert heading.endswith(f"{triage.level(sign.level).name}: {triage.level(sign.level).needs}")


def test_pack_has_the_safety_box_every_lesson_every_table_and_the_planner(tmp_path):
    text = review.write(tmp_path).read_text(encoding="utf-8")
    assert triage.safety_markdown() in text
    for path in LESSON_NOTEBOOKS:
        assert text.count(f"### {path.stem}\n") == 2          # its warning text, and its numbers
    for meta in table_files().values():
        assert f"(`{meta.stem}`)" in text
    assert "## 4. The planner's rules" in text and "#### Spinal stenosis" in text


def test_numbers_are_found_and_lesson_numbers_are_not():
    found = review.sentences_with_numbers("See lesson 04. In one study, 94 in 100 felt it.\n| 1 | table |\n2.")
    assert found == ["In one study, 94 in 100 felt it."]


def test_course_script_has_the_review_command():
    text = (REPO / "course.py").read_text(encoding="utf-8")
    assert '"review": lambda extra: in_venv("tools.review"' in text
    assert "_review/" in (REPO / ".gitignore").read_text(encoding="utf-8")
