"""The course's prose stays easy to read (Flesch–Kincaid grade, tools/readability.py)."""

from __future__ import annotations

import statistics

import nbformat
import pytest

from tools import readability

MAX_MEDIAN_GRADE = 9.0     # the course as a whole: readable at about age 14
MAX_NOTEBOOK_GRADE = 11.0  # no single notebook much harder than that

HARD = ("Notwithstanding considerable methodological heterogeneity, contemporary epidemiological investigations "
        "consistently demonstrate that degenerative intervertebral pathology, particularly disc desiccation and "
        "endplate abnormalities, is substantially associated with chronic musculoskeletal symptomatology.")
EASY = "Back pain is very common. It often gets better in a few weeks. Keep moving if you can."


@pytest.fixture(scope="module")
def grades() -> dict[str, float]:
    return readability.report()


def test_every_notebook_is_measured(grades):
    assert set(grades) == {path.stem for path in readability.NOTEBOOK_DIR.glob("*.ipynb")}
    assert {"00_start_here", "19_final_assessment", "my_progress", "glossary"} <= set(grades)


def test_the_course_reads_at_about_grade_nine_or_below(grades):
    assert statistics.median(grades.values()) <= MAX_MEDIAN_GRADE, readability.table(grades)


def test_no_notebook_is_much_harder(grades):
    hard = {name: value for name, value in grades.items() if value > MAX_NOTEBOOK_GRADE}
    assert not hard, f"above grade {MAX_NOTEBOOK_GRADE}: {hard}"


def test_a_hard_paragraph_scores_above_the_limit_and_plain_words_below():
    assert readability.grade(HARD) > MAX_NOTEBOOK_GRADE
    assert readability.grade(EASY) < 5


def synthetic_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    nav = nbformat.v4.new_markdown_cell("[← 02 From back to leg](02_from_back_to_leg.ipynb) · NAVWORD")
    nav.metadata["course"] = {"generated": "nav"}
    refs = nbformat.v4.new_markdown_cell("## References\n\n1. Koes BW. REFWORD. BMJ 2007.")
    refs.metadata["course"] = {"generated": "references", "refs": ["koes-2007-sciatica-review"]}
    nb.cells = [
        nav,
        nbformat.v4.new_markdown_cell(
            "# 03 · Title here\n\n"
            "## What you will learn\n"
            "- first point\n"
            "1. second point;\n\n"
            "See [the guideline](https://www.nice.org.uk/guidance/ng59) and <https://example.org/URLWORD>.\n"
            "Run `CODEWORD()` now. ![IMAGEWORD](picture.png) <span style='x'>tagged</span> text\n\n"
            "```python\nFENCEWORD = 1\n```\n\n"
            "| Cause | Where |\n|---|:---:|\n| Disc | Leg |\n\n"
            "> **Get help:** now"),
        nbformat.v4.new_code_cell("print('PYTHONWORD')"),
        refs,
    ]
    path = tmp_path / "03_synthetic.ipynb"
    nbformat.write(nb, path)
    return path


def test_extraction_keeps_prose_and_drops_references_code_urls_and_html(tmp_path):
    prose = readability.lesson_prose(synthetic_notebook(tmp_path))
    for dropped in ("NAVWORD", "REFWORD", "URLWORD", "https", "nice.org", "CODEWORD", "IMAGEWORD", "FENCEWORD",
                    "PYTHONWORD", "<span", "**", "|", "`", "(", ">"):
        assert dropped not in prose, dropped
    assert prose == ("03 · Title here. What you will learn. first point. second point. "
                     "See the guideline and. Run now. tagged text. Cause. Where. Disc. Leg. Get help: now.")


def test_the_table_lists_every_notebook_then_the_median_and_the_maximum():
    text = readability.table({"01_a": 5.0, "02_b": 7.0, "03_c": 6.0})
    lines = text.splitlines()
    assert lines[1].split() == ["01_a", "5.0"] and lines[-2].split() == ["median", "6.0"]
    assert lines[-1].split() == ["max", "7.0", "(02_b)"]
