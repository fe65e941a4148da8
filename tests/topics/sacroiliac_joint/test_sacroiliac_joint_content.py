"""Lesson 07's content file: the provocation-test cluster explorer's tests, rules and findings
(content/provocation_tests.yml)."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.kit.tables import load_table
from lessons.topics.sacroiliac_joint.model import CONTENT, cluster_words, load_cluster_words
from tests.conftest import broken_copy

PROVOCATION_TESTS = CONTENT / "provocation_tests.yml"


def test_the_real_file_loads_and_matches_the_studys_table():
    words = cluster_words()
    assert [test.id for test in words.tests] == ["distraction", "thigh-thrust", "compression", "sacral-thrust",
                                                 "gaenslen-right", "gaenslen-left"]
    assert sum(test.short_rule for test in words.tests) == 4 and (words.cut_off, words.short_cut_off) == (3, 2)
    table = load_table("sij_provocation_tests")
    assert table.source == "laslett-2005-sij-provocation"
    assert table.rows[-1]["test"] == f"{words.cut_off} or more of the {len(words.tests)} tests"
    assert words.plain_text.startswith("Provocation-test cluster explorer")


def test_a_test_without_its_description_is_refused_by_the_schema(tmp_path):
    path = broken_copy(tmp_path, PROVOCATION_TESTS, lambda d: d["tests"][1].pop("what"))
    with pytest.raises(ContentError, match=r"provocation_tests\.yml, item 'thigh-thrust', field 'tests\.1\.what': "
                                           r"is required but missing"):
        load_cluster_words(path)


def test_a_finding_is_needed_for_every_pattern(tmp_path):
    path = broken_copy(tmp_path, PROVOCATION_TESTS, lambda d: d["findings"].pop("not_met"))
    with pytest.raises(ContentError, match=r"provocation_tests\.yml, field 'findings\.not_met': is required"):
        load_cluster_words(path)


@pytest.mark.parametrize("change, words", [
    (lambda d: d["tests"][5].update(id="distraction"), r"item 'distraction', field 'tests\.5\.id': duplicate test id"),
    (lambda d: d.update(source="no-such-paper"), r"field 'source': unknown reference 'no-such-paper'"),
    (lambda d: d.update(cut_off=7), r"field 'cut_off': is more than the 6 tests"),
    (lambda d: d.update(short_cut_off=5), r"field 'short_cut_off': is more than the number of tests marked"),
    (lambda d: d["findings"]["met"].update(headline="{count} of 6"),
     r"field 'findings\.met\.headline': unknown placeholder \{count\}"),
    (lambda d: d.update(short_met="{six} of 6"), r"field 'short_met': unknown placeholder \{six\}"),
])
def test_the_loader_refuses_what_the_schema_cannot_check(tmp_path, change, words):
    with pytest.raises(ContentError, match=rf"provocation_tests\.yml, {words}"):
        load_cluster_words(broken_copy(tmp_path, PROVOCATION_TESTS, change))
