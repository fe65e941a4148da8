"""Beliefs-check answers in the progress store and the results file (issue 16).

The store's schema version 2 adds the ``beliefs`` table; a version 1 file (made here as the course made it
before) is upgraded in place with nothing lost. Results files of version 1 (no beliefs) still read.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from lessons.records.results import ResultsError, export_results, merge_results, read_results, results_dict
from lessons.records.store import APPLICATION_ID, SCHEMA_VERSION, BeliefAnswer, ProgressStore
from tests.conftest import ana, write_file

START, END = "00_start_here", "19_final_assessment"
VERSION_1_SCHEMA = """
CREATE TABLE attempts (number INTEGER PRIMARY KEY AUTOINCREMENT, lesson TEXT NOT NULL,
                       total INTEGER NOT NULL, started_at TEXT NOT NULL);
CREATE TABLE answers (id INTEGER PRIMARY KEY AUTOINCREMENT,
                      attempt INTEGER NOT NULL REFERENCES attempts(number), lesson TEXT NOT NULL,
                      question TEXT NOT NULL, correct INTEGER NOT NULL, chosen TEXT NOT NULL,
                      answered_at TEXT NOT NULL);
CREATE TABLE plans (name TEXT PRIMARY KEY, plan TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def version_1_store(path):
    """A progress file exactly as schema version 1 wrote it, with one answer, a plan and a name."""
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(VERSION_1_SCHEMA)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 1")
        conn.execute("INSERT INTO attempts (lesson, total, started_at) VALUES ('00_start_here', 6, "
                     "'2026-11-25T10:00:00Z')")
        conn.execute("INSERT INTO answers (attempt, lesson, question, correct, chosen, answered_at) VALUES "
                     "(1, '00_start_here', 'run-cell', 1, '[\"Shift + Enter\"]', '2026-11-25T10:01:00Z')")
        conn.execute("INSERT INTO plans VALUES ('Mine', '{\"weeks\": 4}', '2026-11-25T10:02:00Z')")
        conn.execute("INSERT INTO settings VALUES ('display_name', 'Sam')")
        conn.commit()
    return path


def pragma(path, name):
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_a_version_1_file_is_upgraded_in_place_and_keeps_everything(tmp_path):
    path = version_1_store(tmp_path / "progress.sqlite3")
    store = ProgressStore(path)
    assert store.set_aside is None and store.notice is None          # not put aside as unreadable
    assert SCHEMA_VERSION == 2 and pragma(path, "user_version") == 2
    assert [a.question for a in store.answers()] == ["run-cell"]
    assert store.plans()[0].plan == {"weeks": 4} and store.display_name() == "Sam"
    assert store.beliefs() == []
    store.record_beliefs(START, [("scan_shows_cause", "agree", "fairly")], "2026-11-26T09:00:00Z")
    assert store.beliefs() == [BeliefAnswer(START, "scan_shows_cause", "agree", "fairly", "2026-11-26T09:00:00Z")]
    ProgressStore(path)                                               # opening again changes nothing
    assert len(store.beliefs()) == 1 and len(store.answers()) == 1


def test_beliefs_are_saved_in_order_and_read_by_lesson(store):
    store.record_beliefs(START, [("scan_shows_cause", "agree", "very"), ("rest_is_best", "not_sure", "")])
    store.record_beliefs(END, [("scan_shows_cause", "disagree", "a_little")])
    assert [(b.lesson, b.statement, b.answer) for b in store.beliefs()] == [
        (START, "scan_shows_cause", "agree"), (START, "rest_is_best", "not_sure"),
        (END, "scan_shows_cause", "disagree")]
    assert [b.statement for b in store.beliefs(END)] == ["scan_shows_cause"]


@pytest.mark.parametrize(("answer", "sureness"), [
    ("Agree", "fairly"), ("agree", ""), ("not_sure", "very"), ("agree", "totally"), (None, "fairly")])
def test_a_belief_the_store_does_not_keep_writes_nothing(store, answer, sureness):
    with pytest.raises(ValueError, match="belief answer|how sure"):
        store.record_beliefs(START, [("rest_is_best", "agree", "fairly"), ("scan_shows_cause", answer, sureness)])
    assert store.beliefs() == []                                      # the good one was not written either


def test_reset_empties_the_beliefs_and_keeps_them_in_the_backup(store):
    store.record_beliefs(START, [("scan_shows_cause", "agree", "very")])
    backup = store.reset()
    assert store.beliefs() == []
    assert len(ProgressStore(backup).beliefs()) == 1


def test_results_round_trip_and_merge_adds_beliefs_once(store, tmp_path):
    store.set_display_name("Sam")
    store.record_beliefs(START, [("scan_shows_cause", "agree", "very"), ("rest_is_best", "not_sure", "")],
                         "2026-11-25T10:00:00Z")
    store.record_beliefs(END, [("scan_shows_cause", "disagree", "fairly")], "2026-12-01T10:00:00Z")
    assert results_dict(store)["version"] == 2
    learner = read_results(export_results(store, tmp_path))
    assert learner.beliefs == tuple(store.beliefs())
    other = ProgressStore(tmp_path / "other.sqlite3")
    assert merge_results(other, learner).beliefs_added == 3
    assert merge_results(other, learner).beliefs_added == 0            # the same file again adds nothing
    assert other.beliefs() == store.beliefs()
    assert merge_results(store, learner).beliefs_added == 0            # back into the store it came from


def test_merge_keeps_an_answer_saved_twice_at_the_same_second_twice(tmp_path):
    store = ProgressStore(tmp_path / "a.sqlite3")
    same = BeliefAnswer(START, "rest_is_best", "agree", "fairly", "2026-11-25T10:00:00Z")
    assert store.merge((), (), beliefs=(same, same)).beliefs_added == 2
    assert store.merge((), (), beliefs=(same, same, same)).beliefs_added == 1


def test_a_version_1_results_file_without_beliefs_still_reads(tmp_path):
    learner = read_results(write_file(tmp_path, "results-ana.json", ana()))
    assert learner.beliefs == () and learner.answers


@pytest.mark.parametrize(("belief", "field"), [
    ({"answer": "maybe"}, "beliefs.0.answer"), ({"sureness": "fairly", "answer": "not_sure"}, "beliefs.0.sureness"),
    ({"sureness": ""}, "beliefs.0.sureness"), ({"lesson": "77_not_a_lesson"}, "beliefs.0.lesson"),
    ({"statement": "Scan <b>"}, "beliefs.0.statement"), ({"extra": 1}, "beliefs.0.extra")])
def test_a_bad_belief_in_a_results_file_is_refused_naming_the_field(tmp_path, belief, field):
    doc = ana() | {"version": 2, "beliefs": [{"lesson": START, "statement": "rest_is_best", "answer": "agree",
                                              "sureness": "fairly", "answered_at": "2026-11-25T10:00:00Z"} | belief]}
    with pytest.raises(ResultsError) as caught:
        read_results(write_file(tmp_path, "results-ana.json", doc))
    assert caught.value.field == field and "results-ana.json" in str(caught.value)
    json.dumps(str(caught.value))
