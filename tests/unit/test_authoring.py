"""Generated cells and the README stay in sync with the data."""

from __future__ import annotations

import nbformat
import pytest

from lessons import authoring, course


def test_repository_is_in_sync():
    assert authoring.sync(check=True) == []


def test_stale_generated_cell_is_detected_and_rewritten():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_markdown_cell("old text")
    cell.metadata["course"] = {"generated": "references", "refs": ["nice-ng59"]}
    nb.cells = [cell, nbformat.v4.new_markdown_cell("authored text")]
    assert authoring.sync_notebook(nb, "01_anatomy_of_the_lower_back") is True
    assert nb.cells[0].source == course.references_markdown(["nice-ng59"])
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
