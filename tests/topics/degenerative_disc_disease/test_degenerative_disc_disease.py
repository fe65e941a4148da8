"""Lesson 05: the Brinjikji tables, their figures and the scan-findings explorer, driven from Python."""

from __future__ import annotations

import pytest

from lessons.kit.palette import OKABE_ITO
from lessons.kit.tables import load_table
from lessons.topics.degenerative_disc_disease.figures import (
    back_pain_odds_figure,
    people_icon_figure,
    prevalence_by_age_figure,
)
from lessons.topics.degenerative_disc_disease.model import (
    AGES,
    check_age,
    confirmed_ages,
    finding_labels,
    finding_sentence,
    odds_rows,
    people_out_of_100,
    prevalence_table,
)
from lessons.topics.degenerative_disc_disease.widgets import ScanFindingExplorer, explorer_view
from tests.conftest import shown_figure

FINDINGS = finding_labels()

# The numbers as seen in the sources (see the topic's content/tables/brinjikji_2015_asymptomatic_imaging.yml).
ABSTRACT = {  # Brinjikji et al. 2015, abstract: ages 20 and 80
    "disc degeneration": (37, 96), "disc bulge": (30, 84), "disc protrusion": (29, 43), "annular fissure": (19, 29),
}
TABLE_COPY_20_TO_50 = {  # Table 1 of the 2016 Scoliosis and Spinal Disorders paper that reproduces the estimates
    "disc degeneration": (37, 52, 68, 80), "disc signal loss": (17, 33, 54, 73), "disc height loss": (24, 34, 45, 56),
    "disc bulge": (30, 40, 50, 60), "disc protrusion": (29, 31, 33, 36), "annular fissure": (19, 20, 22, 23),
    "facet degeneration": (4, 9, 18, 32), "spondylolisthesis": (3, 5, 8, 14),
}
SUMMARIES_AT_60 = {"disc degeneration": 88, "disc signal loss": 86, "spondylolisthesis": 23}
ODDS = {  # Brinjikji et al. 2015 meta-analysis, abstract: OR, 95% CI
    "disc bulge": (7.54, 1.28, 44.56), "spondylolysis": (5.06, 1.65, 15.53), "disc extrusion": (4.38, 1.98, 9.68),
    "Modic type 1 change": (4.01, 1.10, 14.55), "disc protrusion": (2.65, 1.52, 4.62),
    "disc degeneration": (2.24, 1.21, 4.15), "any Modic change": (1.62, 0.48, 5.41),
    "central canal stenosis": (20.58, 0.05, 798.77), "high-intensity zone": (2.10, 0.73, 6.02),
    "annular fissure": (1.79, 0.97, 3.31), "spondylolisthesis": (1.59, 0.78, 3.24),
}


# --- the data -------------------------------------------------------------------------------------------

def test_prevalence_table_has_exactly_the_confirmed_numbers_of_the_paper():
    expected = {}
    for finding, values in TABLE_COPY_20_TO_50.items():
        for age, value in zip((20, 30, 40, 50), values, strict=True):
            expected[finding, age] = value
    for finding, (at_20, at_80) in ABSTRACT.items():
        assert expected[finding, 20] == at_20  # the table copy agrees with the abstract
        expected[finding, 80] = at_80
    for finding, value in SUMMARIES_AT_60.items():
        expected[finding, 60] = value
    got = {(row["finding"], row["age"]): row["percent"]
           for row in load_table("brinjikji_2015_asymptomatic_imaging").rows}
    assert got == expected


def test_nothing_unconfirmed_is_filled_in():
    table = prevalence_table()
    assert set(table) == set(FINDINGS)
    assert all(70 not in ages for ages in table.values()), "no number at age 70 was confirmed"
    sources = {(f, a): where for f, ages in table.items() for a, (_, where) in ages.items()}
    assert {k for k, v in sources.items() if v == "abstract"} == (
        {(f, 20) for f in ABSTRACT} | {(f, 80) for f in ABSTRACT})
    assert {k for k, v in sources.items() if v == "summary"} == {(f, 60) for f in SUMMARIES_AT_60}


def test_odds_table_matches_the_meta_analysis_abstract():
    rows = {row["finding"]: (row["odds_ratio"], row["ci_lower"], row["ci_upper"])
            for row in load_table("brinjikji_2015_back_pain_odds").rows}
    assert rows == ODDS
    clear = {row["finding"] for row in odds_rows() if row["clear"]}
    assert clear == {"disc bulge", "spondylolysis", "disc extrusion", "Modic type 1 change", "disc protrusion",
                     "disc degeneration"}


# --- pure functions --------------------------------------------------------------------------------------

def test_people_out_of_100_reads_the_table_and_never_guesses():
    assert people_out_of_100("disc degeneration", 80) == 96
    assert people_out_of_100("facet degeneration", 50) == 32
    assert people_out_of_100("disc bulge", 70) is None
    assert people_out_of_100("disc height loss", 80.0) is None
    assert confirmed_ages("disc bulge") == [20, 30, 40, 50, 80]


def test_check_age_accepts_whole_decades_only():
    assert [check_age(a) for a in AGES] == list(AGES)
    with pytest.raises(ValueError, match="20, 30, 40, 50, 60, 70 and 80"):
        check_age(45)


def test_sentence_says_how_many_without_back_pain():
    assert finding_sentence("disc degeneration", 50) == (
        "Out of 100 people aged 50 WITHOUT back pain, about 80 have a worn, drier disc (disc degeneration) on a scan.")
    with pytest.raises(ValueError):
        finding_sentence("disc bulge", 70)


def test_explorer_view_handles_every_kind_of_choice():
    html, figure = explorer_view("spondylolisthesis", 20)
    assert "about 3 have" in html and "model estimate" in html and figure is not None
    html, figure = explorer_view("disc signal loss", 60)
    assert "about 86 have" in html and "summaries" in html
    html, figure = explorer_view("disc bulge", 70)
    assert figure is None and "No confirmed number for disc bulge at age 70" in html
    assert "20, 30, 40, 50 and 80" in html
    html, figure = explorer_view("<script>alert(1)</script>", 50)
    assert figure is None and "does not work" in html and "<script" not in html


# --- figures ---------------------------------------------------------------------------------------------

def test_prevalence_figure_draws_only_confirmed_numbers_and_marks_the_rest():
    fig = prevalence_by_age_figure()
    drawn = {(t.meta[0], x): y for t in fig.data for x, y in zip(t.x, t.y, strict=True)}
    assert drawn == {(f, a): v for f, ages in prevalence_table().items() for a, (v, _) in ages.items()}
    question_marks = [a for a in fig.layout.annotations if a.text == "?"]
    assert len(question_marks) == len(FINDINGS) * len(AGES) - len(drawn)
    styles = {t.legendgroup: (t.marker.color, t.marker.pattern.shape) for t in fig.data}
    assert len(set(styles.values())) == len(styles) == 3
    assert all(colour in OKABE_ITO.values() for colour, _ in styles.values())
    assert len({shape for _, shape in styles.values()}) == 3, "a pattern as well as a colour"


def test_odds_figure_splits_findings_by_their_confidence_interval():
    fig = back_pain_odds_figure()
    clear, unclear = (t for t in fig.data)
    assert list(clear.meta) == ["clear"] and clear.marker.symbol == "circle"
    assert list(unclear.meta) == ["unclear"] and unclear.marker.symbol == "circle-open"
    assert set(clear.y) | set(unclear.y) == set(ODDS)
    for trace in fig.data:
        for name, value, low in zip(trace.y, trace.x, trace.error_x.arrayminus, strict=True):
            assert value == ODDS[name][0] and value - low == pytest.approx(ODDS[name][1])
    assert fig.layout.xaxis.type == "log"


def test_icon_array_fills_as_many_people_as_the_table_says():
    fig = people_icon_figure("disc bulge", 80)
    has, has_not = fig.data
    assert len(has.x) == 84 and len(has_not.x) == 16
    assert has.marker.symbol == "square" and has_not.marker.symbol == "circle-open"
    with pytest.raises(ValueError):
        people_icon_figure("disc bulge", 70)


# --- the widget ------------------------------------------------------------------------------------------

def test_explorer_follows_the_controls():
    explorer = ScanFindingExplorer()
    assert "about 80 have" in explorer.message.value
    assert len(shown_figure(explorer.figure)["data"][0]["x"]) == 80
    explorer.finding_picker.value = "disc protrusion"
    explorer.age_slider.value = 80
    assert "about 43 have" in explorer.message.value
    assert len(shown_figure(explorer.figure)["data"][0]["x"]) == 43
    explorer.age_slider.value = 70
    assert explorer.figure.outputs == ()
    assert "No confirmed number" in explorer.message.value
    explorer.show("disc bulge", 33)
    assert "does not work" in explorer.message.value and explorer.figure.outputs == ()
    assert explorer._repr_mimebundle_()["text/plain"].startswith("Scan findings explorer")


def test_slider_covers_every_age_in_decades():
    slider = ScanFindingExplorer().age_slider
    assert (slider.min, slider.max, slider.step) == (20, 80, 10)
