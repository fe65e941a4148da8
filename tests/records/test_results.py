"""Exported learner results: JSON and CSV round trips through a real store, and every check on reading."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons.records.results import (
    CSV_FIELDS,
    FORMAT,
    FORMULA_START,
    ResultsError,
    csv_cell,
    csv_uncell,
    export_results,
    read_results,
    results_dict,
    safe_file_name,
)
from lessons.records.store import ProgressStore


@pytest.fixture
def store(tmp_path) -> ProgressStore:
    """A store with a name, two attempts at lesson 00 (one retried answer), a final-assessment answer and a plan."""
    store = ProgressStore(tmp_path / "progress.sqlite3")
    store.set_display_name("Sam O'Neil")
    first = store.new_attempt("00_start_here", 6)
    store.record_answer(first, "00_start_here", "run-cell", False, ["Escape"])
    store.record_answer(first, "00_start_here", "run-cell", True, ["Shift + Enter"])
    store.record_answer(first, "00_start_here", "emergency-signs", False,
                        ["New difficulty passing urine, or leaking urine",
                         "Stiffness after sitting through a long film"])
    second = store.new_attempt("00_start_here", 6)
    store.record_answer(second, "00_start_here", "how-many-people", True, ["619"])
    final = store.new_attempt("19_final_assessment", 38)
    store.record_answer(final, "19_final_assessment", "03_herniated_disc/q1", False, ["True"])
    store.save_plan("Plan for sciatica", {"condition": "sciatica", "minutes": 20})
    return store


def test_json_round_trip_keeps_everything(store, tmp_path):
    path = export_results(store, tmp_path / "out")
    assert path.name == "results-sam-o-neil.json"
    learner = read_results(path)
    assert learner.display_name == "Sam O'Neil" and learner.source == path.name
    assert [(a.lesson, a.question, a.attempt, a.correct, a.chosen, a.answered_at) for a in learner.answers] == \
           [(a.lesson, a.question, a.attempt, a.correct, a.chosen, a.answered_at) for a in store.answers()]
    assert [(a.number, a.lesson, a.total, a.started_at, a.answered, a.correct) for a in learner.attempts] == \
           [(a.number, a.lesson, a.total, a.started_at, a.answered, a.correct) for a in store.attempts()]
    assert learner.plans == ({"name": "Plan for sciatica", "plan": {"condition": "sciatica", "minutes": 20},
                              "saved_at": store.plans()[0].saved_at},)
    assert json.loads(path.read_text(encoding="utf-8")) == results_dict(store)


def test_csv_round_trip_keeps_the_answers(store, tmp_path):
    path = export_results(store, tmp_path, "csv")
    assert path.name == "results-sam-o-neil.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == CSV_FIELDS
    assert rows[3] == ["Sam O'Neil", "00_start_here", "emergency-signs", rows[3][3], "6", "false",
                       "New difficulty passing urine, or leaking urine | Stiffness after sitting through a long film",
                       rows[3][7]]
    learner = read_results(path)
    assert [(a.lesson, a.question, a.attempt, a.correct, a.chosen) for a in learner.answers] == \
           [(a.lesson, a.question, a.attempt, a.correct, a.chosen) for a in store.answers()]
    assert [(a.number, a.lesson, a.total, a.answered, a.correct) for a in learner.attempts] == \
           [(a.number, a.lesson, a.total, a.answered, a.correct) for a in store.attempts()]
    assert learner.plans == ()


def test_export_without_a_name_and_unknown_format(tmp_path):
    empty = ProgressStore(tmp_path / "empty.sqlite3")
    path = export_results(empty, tmp_path)
    assert path.name == "results.json"
    assert read_results(path).answers == ()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []   # no temporary file left
    with pytest.raises(ValueError, match="json"):
        export_results(empty, tmp_path, "xlsx")


@pytest.mark.parametrize(("name", "expected"), [
    ("Sam", "results-sam.json"), ("  ", "results.json"), ("../../etc/passwd", "results-etc-passwd.json"),
    ('<img src=x onerror="alert(1)">', "results-img-src-x-onerror-alert-1.json"), ("Zoë Ünal", "results-zoe-unal.json"),
])
def test_safe_file_name(name, expected):
    assert safe_file_name(name, "json") == expected


def good() -> dict:
    return {"format": FORMAT, "version": 1, "display_name": "Sam",
            "attempts": [{"attempt": 1, "lesson": "03_herniated_disc", "total": 6,
                          "started_at": "2026-11-25T10:00:00Z"}],
            "answers": [{"attempt": 1, "lesson": "03_herniated_disc", "question": "q1", "correct": False,
                         "chosen": ["option text"], "answered_at": "2026-11-25T10:01:00Z"}],
            "plans": []}


def _set(path: str, value):
    def change(doc):
        *parents, last = path.split(".")
        node = doc
        for step in parents:
            node = node[int(step)] if step.isdigit() else node[step]
        if value is KeyError:
            del node[last]
        else:
            node[last] = value
    return change


BAD_JSON = [  # (change, field named, words in the reason)
    (_set("answers.0.correct", "yes"), "answers.0.correct", "true or false"),
    (_set("answers.0.chosen", KeyError), "answers.0.chosen", "required"),
    (_set("answers.0.answered_at", "yesterday"), "answers.0.answered_at", "date and time"),
    (_set("attempts.0.total", 2.5), "attempts.0.total", "whole number"),
    (_set("attempts.0.lesson", "Lesson 3"), "attempts.0.lesson", "lesson's file name"),
    (_set("attempts.0.lesson", "42_made_up"), "attempts.0.lesson", "not a lesson of this course"),
    (_set("answers.0.attempt", 7), "answers.0.attempt", "attempt 7"),
    (_set("answers.0.lesson", "04_spinal_stenosis"), "answers.0.lesson", "attempt 1 is for '03_herniated_disc'"),
    (_set("answers.0.score", 3), "answers.0.score", "not a field"),
    (_set("display_name", "x" * 61), "display_name", "at most 60"),
    (_set("format", "something-else"), "format", "not a course results file"),
    (_set("version", 3), "version", "newer version"),
    (lambda doc: doc["attempts"].append(dict(doc["attempts"][0])), "attempts.1.attempt", "listed twice"),
]


@pytest.mark.parametrize(("change", "field", "words"), BAD_JSON, ids=[case[1] + ":" + case[2] for case in BAD_JSON])
def test_a_bad_json_file_is_refused_naming_file_and_field(tmp_path, change, field, words):
    doc = good()
    change(doc)
    path = tmp_path / "results-sam.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ResultsError) as caught:
        read_results(path)
    assert caught.value.field == field
    assert words in caught.value.problem
    assert str(caught.value).startswith(f"results-sam.json, field '{field}': ")


def test_the_good_document_itself_is_accepted(tmp_path):
    path = tmp_path / "results-sam.json"
    path.write_text(json.dumps(good()), encoding="utf-8")
    assert read_results(path).answers[0].chosen == ("option text",)


CSV_HEADER = ",".join(CSV_FIELDS)
BAD_FILES = [  # (file name, content, words in the message)
    ("a.json", "{not json", "not valid JSON (line 1)"),
    ("a.json", "[1, 2]", "not a course results file"),
    ("a.csv", "name,score\nSam,3\n", "header line"),
    ("a.csv", f"{CSV_HEADER}\nSam,03_herniated_disc,q1,1,6,maybe,x,2026-11-25T10:00:00Z\n", "row 2.correct"),
    ("a.csv", f"{CSV_HEADER}\nSam,03_herniated_disc,q1,one,6,true,x,2026-11-25T10:00:00Z\n", "row 2.attempt"),
    ("a.csv", f"{CSV_HEADER}\nSam,03_herniated_disc,q1,1,6,true\n", "row 2"),
    ("a.csv", f"{CSV_HEADER}\nSam,03_herniated_disc,q1,1,6,true,x,2026-11-25T10:00:00Z\n"
              f"Kim,03_herniated_disc,q2,1,6,true,x,2026-11-25T10:00:00Z\n", "more than one learner"),
    ("a.txt", "hello", "not a .json or .csv file"),
]


@pytest.mark.parametrize(("name", "content", "words"), BAD_FILES)
def test_bad_files_are_refused_in_plain_words(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsError) as caught:
        read_results(path)
    assert words in str(caught.value) and str(caught.value).startswith(name)


def test_unreadable_and_binary_files(tmp_path):
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(ResultsError, match="cannot be read"):
        read_results(tmp_path / "folder.json")
    (tmp_path / "photo.json").write_bytes(b"\xff\xd8\xff\xe0 not text")
    with pytest.raises(ResultsError, match="not a UTF-8 text file"):
        read_results(tmp_path / "photo.json")


def test_csv_with_a_byte_order_mark_from_a_spreadsheet_is_read(tmp_path):
    path = tmp_path / "results-sam.csv"
    path.write_text("\ufeff" + CSV_HEADER + "\nSam,03_herniated_disc,q1,1,6,true,A | B,2026-11-25T10:00:00Z\n",
                    encoding="utf-8")
    learner = read_results(path)
    assert learner.display_name == "Sam" and learner.answers[0].chosen == ("A", "B")
    assert learner.attempts[0].started_at == "2026-11-25T10:00:00Z" and learner.attempts[0].correct == 1


def test_results_files_are_read_from_any_folder_without_showing_it(tmp_path):
    path = tmp_path / "deep" / "results-sam.json"
    path.parent.mkdir()
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ResultsError) as caught:
        read_results(path)
    assert str(tmp_path) not in str(caught.value) and Path(caught.value.file).name == caught.value.file



@given(st.text(alphabet="='+-@ab\t|", max_size=8))
def test_csv_cells_never_start_a_formula_and_read_back_unchanged(text):
    cell = csv_cell(text)
    assert not cell.startswith(FORMULA_START)
    assert csv_uncell(cell) == text


def test_a_name_or_answer_that_looks_like_a_formula_is_exported_inert_and_read_back(store, tmp_path):
    store.set_display_name('=HYPERLINK("http://example.org")')
    attempt = store.new_attempt("00_start_here", 6)
    store.record_answer(attempt, "00_start_here", "how-many-people", False, ["-1+2"])
    path = export_results(store, tmp_path, "csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert {row["display_name"] for row in rows} == {"'=HYPERLINK(\"http://example.org\")"}
    assert rows[-1]["chosen"] == "'-1+2"
    back = read_results(path)
    assert back.display_name == '=HYPERLINK("http://example.org")'
    assert list(back.answers[-1].chosen) == ["-1+2"]
