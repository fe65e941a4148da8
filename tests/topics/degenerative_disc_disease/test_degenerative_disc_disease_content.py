"""Lesson 05's findings in plain words and the explorer's texts are data (content/scan_findings.yml): the file
loads, and a broken copy names the file, the item and the field."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.topics.degenerative_disc_disease import model
from tests.conftest import broken_copy, names


def test_the_real_file_loads_and_follows_the_table():
    loaded = model.read(model.PATH)
    assert loaded == model.load()
    assert list(model.finding_labels()) == [item.id for item in loaded.findings] == list(model.prevalence_table())
    assert model.finding_labels()["disc bulge"] == "Disc edge spreads out"
    estimates = {(item.id, age) for item in loaded.findings for age in item.model_estimate_ages}
    assert estimates == {("facet degeneration", 20), ("facet degeneration", 30),
                         ("spondylolisthesis", 20), ("spondylolisthesis", 30)}
    assert set(loaded.confirmed_in) == {"abstract", "table copy", "summary"}
    assert model.no_number("disc bulge", 70) == "No confirmed number for disc bulge at age 70."
    with pytest.raises(AttributeError):
        model.PHRASES  # noqa: B018


@pytest.mark.parametrize("edit, item, field, words", [
    (lambda d: d["findings"][3].pop("phrase"), "disc bulge", "findings.3.phrase", "is required but missing"),
    (lambda d: d["findings"][6].update(model_estimate_ages=[25]), "facet degeneration",
     "findings.6.model_estimate_ages.0", "must be one of"),
    (lambda d: d["explorer"]["no_number"].pop("text"), None, "explorer.no_number.text", "is required but missing"),
    (lambda d: d["findings"][0].update(id="Disc Degeneration"), "Disc Degeneration", "findings.0.id",
     "must match pattern"),
])
def test_a_schema_error_names_the_file_and_the_field(tmp_path, edit, item, field, words):
    with pytest.raises(ContentError, match=names("scan_findings.yml", field, item)) as caught:
        model.read(broken_copy(tmp_path, model.PATH, edit))
    assert words in caught.value.problem


@pytest.mark.parametrize("edit, item, field, words", [
    (lambda d: d["findings"][1].update(id="disc degeneration"), "disc degeneration", "findings.1.id",
     "duplicate finding"),
    (lambda d: d["findings"][2].update(id="disc herniation"), "disc herniation", "findings.2.id",
     "not a finding of the table brinjikji_2015_asymptomatic_imaging"),
    (lambda d: d["findings"].pop(), None, "findings", "has 'spondylolisthesis': give it words here"),
    (lambda d: d["findings"][3].update(model_estimate_ages=[70]), "disc bulge", "findings.3.model_estimate_ages.0",
     "no number at age 70"),
    (lambda d: d["confirmed_in"].pop("summary"), None, "confirmed_in", "says 'summary': give it words here"),
    (lambda d: d["confirmed_in"].update(guess="a guess"), None, "confirmed_in.guess", "never says 'guess'"),
    (lambda d: d["explorer"].update(number="About {count} of 100 aged {agee}."), None, "explorer.number",
     "unknown placeholder {agee}; this text may say {age} and {count} and {finding}"),
    (lambda d: d["explorer"]["no_number"].update(text="Try {age}."), None, "explorer.no_number.text",
     "unknown placeholder {age}; this text may say {ages}"),
])
def test_a_loader_rule_names_the_file_the_item_and_the_field(tmp_path, edit, item, field, words):
    with pytest.raises(ContentError, match=names("scan_findings.yml", field, item)) as caught:
        model.read(broken_copy(tmp_path, model.PATH, edit))
    assert words in caught.value.problem
