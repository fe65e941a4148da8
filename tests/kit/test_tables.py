"""Data tables in each topic's content/tables: loading and checking (captions: tests/course/test_every_lesson.py)."""

from __future__ import annotations

import shutil

import pytest

from lessons.kit.data import ContentError
from lessons.kit.tables import load_table, table_files, table_folder


def test_gbd_table_matches_the_paper():
    table = load_table("gbd_2021_low_back_pain")
    assert table.column("people_millions") == [619.0, 843.0]
    assert table.column("lower_millions") == [554.0, 759.0]
    assert table.column("upper_millions") == [694.0, 933.0]
    assert table.source == "gbd-2021-lbp" and "Lancet Rheumatol 2023" in table.citation


def test_every_table_in_assets_loads():
    names = sorted(table_files())
    assert names
    for name in names:
        assert load_table(name).rows


@pytest.fixture
def table_copy(tmp_path):
    for suffix in (".csv", ".yml"):
        shutil.copy(table_folder("gbd_2021_low_back_pain") / f"gbd_2021_low_back_pain{suffix}", tmp_path / f"t{suffix}")
    return tmp_path


@pytest.mark.parametrize("file, old, new, where", [
    pytest.param("t.csv", "2050,projection,843", "2050,projection,lots",
                 r"t\.csv, item 'row 3', field 'people_millions'", id="bad value: names row and column"),
    pytest.param("t.csv", "people_millions", "people", "field 'header'", id="wrong header"),
    pytest.param("t.yml", "source: gbd-2021-lbp", "source: made-up-2099", "field 'source'", id="unknown source"),
    pytest.param("t.csv", "estimate", "guess", "field 'kind'", id="value outside the allowed list"),
])
def test_a_broken_table_is_reported_with_the_field(table_copy, file, old, new, where):
    path = table_copy / file
    text = path.read_text()
    assert old in text, "the test must change something that is there"
    path.write_text(text.replace(old, new))
    with pytest.raises(ContentError, match=where):
        load_table("t", table_copy)
