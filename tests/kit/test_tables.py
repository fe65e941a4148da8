"""Data tables in each topic's content/tables: loading, checking and captions."""

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


def test_bad_value_names_row_and_column(table_copy):
    csv_path = table_copy / "t.csv"
    csv_path.write_text(csv_path.read_text().replace("2050,projection,843", "2050,projection,lots"))
    with pytest.raises(ContentError, match=r"t\.csv, item 'row 3', field 'people_millions'"):
        load_table("t", table_copy)


def test_wrong_header_is_reported(table_copy):
    csv_path = table_copy / "t.csv"
    csv_path.write_text(csv_path.read_text().replace("people_millions", "people"))
    with pytest.raises(ContentError, match="field 'header'"):
        load_table("t", table_copy)


def test_unknown_source_is_reported(table_copy):
    meta = table_copy / "t.yml"
    meta.write_text(meta.read_text().replace("source: gbd-2021-lbp", "source: made-up-2099"))
    with pytest.raises(ContentError, match="field 'source'"):
        load_table("t", table_copy)


def test_value_outside_allowed_list(table_copy):
    csv_path = table_copy / "t.csv"
    csv_path.write_text(csv_path.read_text().replace("estimate", "guess"))
    with pytest.raises(ContentError, match="field 'kind'"):
        load_table("t", table_copy)
