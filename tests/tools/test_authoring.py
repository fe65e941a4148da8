"""Generated cells and the README stay in sync with the data."""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest

from lessons.kit import course, references
from lessons.topics.glossary import model as glossary
from tools import authoring


def test_repository_is_in_sync():
    assert authoring.sync(check=True) == []


def test_stale_generated_cell_is_detected_and_rewritten():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_markdown_cell("old text")
    cell.metadata["course"] = {"generated": "references", "refs": ["nice-ng59"]}
    nb.cells = [cell, nbformat.v4.new_markdown_cell("authored text")]
    assert authoring.sync_notebook(nb, "01_anatomy_of_the_lower_back") is True
    assert nb.cells[0].source == references.references_markdown(["nice-ng59"])
    assert nb.cells[1].source == "authored text"
    assert authoring.sync_notebook(nb, "01_anatomy_of_the_lower_back") is False


def test_unknown_generated_kind_is_an_error():
    with pytest.raises(ValueError, match="unknown generated cell kind"):
        authoring.generated_text("poem", "00_start_here", {})


def test_readme_map_is_replaced_between_markers():
    text = f"intro\n{authoring.MAP_START}\nSTALE-TABLE\n{authoring.MAP_END}\noutro"
    new = authoring.readme_with_map(text)
    assert "STALE-TABLE" not in new and new.startswith("intro\n") and new.endswith("outro")
    assert "[Start here](notebooks/00_start_here.ipynb)" in new
    with pytest.raises(ValueError, match="markers"):
        authoring.readme_with_map("no markers")


def test_course_map_and_notebooks_folder_agree():
    assert authoring.check_course_map() == []


def test_glossary_kinds_are_generated_from_the_glossary():
    assert authoring.generated_text("glossary", "03_herniated_disc", {}) == glossary.lesson_words_markdown(
        "03_herniated_disc")
    assert authoring.generated_text("glossary-list", "glossary", {}) == glossary.glossary_markdown()


def lesson_without_glossary_cell() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nav = nbformat.v4.new_markdown_cell("nav")
    nav.metadata["course"] = {"generated": "nav"}
    nb.cells = [nav, nbformat.v4.new_markdown_cell("# 04 · Spinal stenosis\n\n## What you will learn here\n\n1. a"),
                nbformat.v4.new_code_cell("import lessons"), nbformat.v4.new_markdown_cell("## The lesson")]
    return nb


def test_a_missing_words_cell_is_added_right_after_the_objectives():
    nb = lesson_without_glossary_cell()
    assert authoring.add_glossary_cell(nb, "04_spinal_stenosis") is True
    cell = nb.cells[2]
    assert cell.cell_type == "markdown" and cell.metadata["course"] == {"generated": "glossary"}
    assert cell.source == glossary.lesson_words_markdown("04_spinal_stenosis") and "Spinal stenosis" in cell.source
    assert [c.source for c in nb.cells[3:]] == ["import lessons", "## The lesson"]
    assert authoring.add_glossary_cell(nb, "04_spinal_stenosis") is False, "never added twice"
    assert len(nb.cells) == 5
    nbformat.validate(nb)


def test_no_words_cell_without_objectives():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Something else")]
    assert authoring.add_glossary_cell(nb, "04_spinal_stenosis") is False and len(nb.cells) == 1


def test_sync_check_reports_a_missing_words_cell_without_writing(tmp_path, monkeypatch):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    path = folder / "04_spinal_stenosis.ipynb"
    nbformat.write(lesson_without_glossary_cell(), path)
    monkeypatch.setattr(authoring, "NOTEBOOK_DIR", folder)
    before = path.read_text(encoding="utf-8")
    assert authoring.sync(check=True, only=[path]) == [
        "notebooks/04_spinal_stenosis.ipynb: the 'Words in this lesson' cell is missing"]
    assert path.read_text(encoding="utf-8") == before
    authoring.sync(only=[path])
    assert authoring.sync(check=True, only=[path]) == []


def test_readme_safety_note_lists_every_emergency_sign_from_the_triage_file():
    from lessons.kit import triage

    readme = authoring.README.read_text(encoding="utf-8")
    block = readme[readme.index(authoring.SAFETY_START):readme.index(authoring.SAFETY_END)]
    for sign in triage.signs("emergency"):
        assert sign.short in block, sign.id
    assert triage.level("emergency").action in block
    stale = f"{authoring.SAFETY_START}\nold words\n{authoring.SAFETY_END}"
    assert "old words" not in authoring.readme_with_map(
        f"{authoring.MAP_START}\n{authoring.MAP_END}\n{stale}")


def test_the_live_edition_note_comes_from_its_content_file_with_the_published_address():
    lesson = authoring.generated_text("live-edition", "03_herniated_disc", {})
    start = authoring.generated_text("live-edition", "00_start_here", {"variant": "start"})
    assert lesson == authoring.live_edition_markdown("lesson") != start
    url = f"{course.pages_url()}live/"
    assert authoring.live_url() == url and f"]({url})" in lesson and f"]({url})" in start
    assert "{" not in lesson and "{" not in start
    assert len(re.findall(r"[.!?](?:\s|$)", lesson)) <= 2, "one or two sentences"
    with pytest.raises(ValueError, match="unknown live-edition variant"):
        authoring.live_edition_markdown("poem")


def test_a_wrong_field_in_the_live_edition_file_names_the_file(tmp_path, monkeypatch):
    from lessons.kit.data import ContentError

    for name in ("live_edition.yml", "live_edition.schema.json"):
        shutil.copy2(authoring.LIVE_EDITION_FILE.with_name(name), tmp_path / name)
    broken = tmp_path / "live_edition.yml"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("[its start page]({live_url})", "[its start page]({live_link})"), encoding="utf-8")
    monkeypatch.setattr(authoring, "LIVE_EDITION_FILE", broken)
    with pytest.raises(ContentError, match="live_edition.yml") as error:
        authoring.live_edition_markdown()
    assert "{live_url}" in str(error.value)


def lesson_ending_in_nav() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    cells = [nbformat.v4.new_markdown_cell(text) for text in ("nav", "# 04 · Spinal stenosis", "refs", "nav")]
    for index in (0, 3):
        cells[index].metadata["course"] = {"generated": "nav"}
    nb.cells = cells
    return nb


def test_a_missing_live_edition_note_is_added_before_the_last_navigation_line():
    nb = lesson_ending_in_nav()
    assert authoring.add_live_edition_cell(nb, "04_spinal_stenosis") is True
    assert [cell.metadata.get("course", {}).get("generated") for cell in nb.cells] == \
        ["nav", None, None, "live-edition", "nav"]
    assert nb.cells[3].source == authoring.live_edition_markdown("lesson")
    assert authoring.add_live_edition_cell(nb, "04_spinal_stenosis") is False, "never added twice"
    nbformat.validate(nb)
    ends_otherwise = lesson_ending_in_nav()
    ends_otherwise.cells.pop()
    assert authoring.add_live_edition_cell(ends_otherwise, "04_spinal_stenosis") is False
