"""The course map, navigation, the safety box and references."""

from __future__ import annotations

import pytest

from lessons.kit import course, references
from lessons.kit.data import ContentError, content_files, load
from lessons.quiz.bank import all_banks
from lessons.topics.anatomy import model as anatomy
from lessons.topics.back_to_leg import model as back_to_leg


def test_lessons_are_numbered_in_order_and_named_by_number():
    lessons = course.lessons()
    assert [item.number for item in lessons] == sorted(item.number for item in lessons)
    assert all(item.file.startswith(item.number + "_") for item in lessons)
    assert course.lesson("00_start_here").ready



def test_a_lesson_added_between_two_others_has_a_letter_and_sorts_between_them(tmp_path):
    assert [course.number_of(name) for name in ("00_start_here", "02b_how_pain_works", "15b_work.ipynb")] \
        == ["00", "02b", "15b"]
    assert course.number_of("glossary") is None and course.number_of("my_progress") is None
    assert course.number_of("2_short") is None and course.number_of("02bb_two_letters") is None
    assert sorted(["03_herniated_disc", "02b_how_pain_works", "02_from_back_to_leg"]) \
        == ["02_from_back_to_leg", "02b_how_pain_works", "03_herniated_disc"]
    for name in ("00_start_here.ipynb", "02b_how_pain_works.ipynb", "glossary.ipynb", "my_progress.ipynb"):
        (tmp_path / name).touch()
    assert [p.name for p in sorted(tmp_path.glob(course.LESSON_GLOB))] \
        == ["00_start_here.ipynb", "02b_how_pain_works.ipynb"]

def test_navigation_links_ready_neighbours_and_the_map():
    middle = course.nav_markdown("01_anatomy_of_the_lower_back")
    assert middle.startswith("[← 00 Start here](00_start_here.ipynb)")
    assert "[Course map](00_start_here.ipynb#Course-map)" in middle
    assert "[02 From back to leg →](02_from_back_to_leg.ipynb)" in middle
    first = course.nav_markdown("00_start_here")
    assert "←" not in first


def test_last_ready_lesson_points_to_the_next_planned_one():
    last = course.ready_lessons()[-1]
    planned = [item for item in course.lessons() if not item.ready and item.number > last.number]
    text = course.nav_markdown(last.file)
    if planned:
        assert f"coming soon: {planned[0].number} {planned[0].title}" in text


def test_binder_links_open_a_notebook_in_jupyterlab():
    url = course.binder_url("notebooks/01_anatomy_of_the_lower_back.ipynb")
    assert url.startswith("https://mybinder.org/v2/gh/")
    assert url.endswith("?urlpath=lab/tree/notebooks/01_anatomy_of_the_lower_back.ipynb")


def test_course_map_links_only_ready_lessons():
    table = course.course_map_markdown(link_prefix="notebooks/", binder=True)
    for item in course.lessons():
        if item.ready:
            assert f"[{item.title}](notebooks/{item.notebook})" in table
            assert course.binder_url("notebooks/" + item.notebook) in table
        else:
            assert f"{item.title} *(coming soon)*" in table


def test_safety_box_lists_every_red_flag_and_the_disclaimer():
    from lessons.kit import triage

    text = triage.safety_markdown()

    for key in triage.LEVELS:
        assert triage.level(key).heading in text and triage.level(key).why in text
        for sign in triage.signs(key):
            assert f"> - {sign.text}" in text
    assert "education, not medical advice" in text
    assert all(line.startswith(">") for line in text.splitlines())


def test_cauda_equina_signs_are_in_the_emergency_group():
    from lessons.kit import triage

    signs = " ".join(sign.text for sign in triage.signs("emergency")).lower()
    for words in ("genitals", "urine", "both legs", "getting worse", "sexual"):
        assert words in signs


def test_references_render_numbered_with_links():
    text = references.references_markdown(["nice-ng59", "bogduk-2009"])
    assert text.startswith("## References\n\n1. National Institute for Health and Care Excellence")
    assert "\n2. Bogduk N." in text and "<https://doi.org/10.1016/j.pain.2009.08.020>" in text
    with pytest.raises(KeyError, match="is not in any references file"):
        references.reference_markdown("no-such-paper")


def test_every_reference_id_used_by_content_exists():
    known = set(references.bibliography())
    used = {ref for part in anatomy.parts() for ref in part.refs}
    used |= {ref for root in back_to_leg.nerve_roots() for ref in root.refs}
    from lessons.kit import triage

    used |= set(triage.sources())
    assert used <= known, used - known


def schema_for(path) -> str:
    """The schema a content file is checked against, from its name (as the loaders choose it)."""
    if path.parent.name == "tables":
        return "table"
    if path.stem.startswith("references"):
        return "references"
    if path.stem == "clues":    # a clue set of the kit's clue sorter (lessons/kit/sorter.py)
        return "clue_set"
    return "quiz" if path.stem == "quiz" else path.stem


def test_every_content_file_matches_its_schema():
    files = content_files("**/content/**/*.yml") + content_files("**/content/*.yml")
    assert len(set(files)) >= 60
    for path in set(files):
        load(path, schema_for(path))
    assert all_banks()


def test_bad_course_map_names_the_field(write_yaml):
    path = write_yaml("repository: a/b\nbranch: HEAD\nparts:\n  - title: X\n    lessons:\n"
                      "      - {number: '1', file: 01_x, topic: x, title: X, minutes: 5, status: ready, summary: s}\n",
                      "course.yml")
    with pytest.raises(ContentError, match=r"course\.yml, field 'parts\.0\.lessons\.0\.number'"):
        load(path, "course")


def test_lesson_links_follow_the_course_map():
    files = [item.file for item in course.lessons()]
    text = course.lesson_links_markdown(files)
    for item in course.lessons():
        name = f"{item.number} {item.title}"
        shown = f"[{name}]({item.notebook})" if item.ready else f"{name} *(coming soon)*"
        assert f"- {shown}: {item.summary}" in text
    with pytest.raises(KeyError):
        course.lesson_link("99_nothing")


def test_navigation_works_for_a_planned_lesson():
    planned = [item for item in course.lessons() if not item.ready]
    if not planned:
        pytest.skip("every lesson is ready")
    before, _ = course.neighbours(planned[0].file)
    assert before is not None and before.number < planned[0].number and before.ready
