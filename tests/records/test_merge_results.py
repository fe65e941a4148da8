"""Bringing exported results back into a progress store (``merge_results``, ``ProgressStore.merge``).

Nothing already in the store is lost or changed, the same file twice adds nothing, attempts get new
numbers, a plan whose name is taken is kept under a new name, and a file that cannot be read or a
failure half-way leaves the store exactly as it was.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lessons.records.results import (
    MAX_BYTES,
    ResultsError,
    export_results,
    merge_results,
    read_results,
    results_from_bytes,
)
from lessons.records.store import Answer, Attempt, Merged, ProgressStore, SavedPlan
from tests.conftest import ana, write_file

START, FINAL = "00_start_here", "19_final_assessment"
PLAN = {"condition": "sciatica", "minutes": 20}


@pytest.fixture
def source(tmp_path) -> ProgressStore:
    """A name, two attempts at lesson 00 begun in the same second (one retried answer), a final-assessment
    attempt, an attempt without answers and a plan."""
    store = ProgressStore(tmp_path / "source" / "progress.sqlite3")
    store.set_display_name("Sam O'Neil")
    first = store.new_attempt(START, 6)
    store.record_answer(first, START, "run-cell", False, ["Escape"], "2026-11-25T10:00:05Z")
    store.record_answer(first, START, "run-cell", True, ["Shift + Enter"], "2026-11-25T10:00:09Z")
    store.record_answer(first, START, "emergency-signs", False, ["New difficulty passing urine, or leaking urine",
                                                                 "Stiffness after sitting through a long film"],
                        "2026-11-25T10:01:00Z")
    second = store.new_attempt(START, 6)
    store.record_answer(second, START, "run-cell", True, ["Shift + Enter"], "2026-11-26T09:00:00Z")
    final = store.new_attempt(FINAL, 38)
    store.record_answer(final, FINAL, "03_herniated_disc/q1", False, ["True"], "2026-11-27T09:00:00Z")
    store.new_attempt("03_herniated_disc", 6)                  # Check pressed, nothing answered
    store.save_plan("Plan for sciatica", PLAN)
    return store


@pytest.fixture
def target(tmp_path) -> ProgressStore:
    return ProgressStore(tmp_path / "target" / "progress.sqlite3")


def snapshot(store: ProgressStore) -> tuple:
    return store.answers(), store.attempts(), store.plans(), store.display_name()


def answer_rows(store: ProgressStore) -> list[tuple]:
    """Every answer with its attempt's number of questions and start (not its number)."""
    attempts = {a.number: a for a in store.attempts()}
    return [(a.lesson, a.question, a.correct, a.chosen, a.answered_at, attempts[a.attempt].total,
             attempts[a.attempt].started_at) for a in store.answers()]


def scores(store: ProgressStore) -> list[tuple]:
    return [(a.lesson, a.total, a.started_at, a.answered, a.correct) for a in store.attempts()]


# --- round trips ------------------------------------------------------------------------------------

def test_json_round_trip_into_a_new_store_brings_back_everything(source, target, tmp_path):
    merged = merge_results(target, read_results(export_results(source, tmp_path / "out")))
    assert merged == Merged(answers_added=5, attempts_added=4, plans_added=1, answers_already_there=0, quizzes=2,
                            renamed_plans=(), name_set=True)
    assert answer_rows(target) == answer_rows(source)
    assert scores(target) == scores(source)                   # start times kept, same scores, same order
    assert [(a.lesson, a.question, a.attempt, a.correct, a.chosen, a.answered_at) for a in target.answers()] == \
           [(a.lesson, a.question, a.attempt, a.correct, a.chosen, a.answered_at) for a in source.answers()]
    assert target.plans() == source.plans()                   # name, plan and when it was saved
    assert target.display_name() == "Sam O'Neil"


def test_csv_round_trip_brings_back_the_answers(source, target, tmp_path):
    merged = merge_results(target, read_results(export_results(source, tmp_path / "out", "csv")))
    assert (merged.answers_added, merged.attempts_added, merged.plans_added) == (5, 3, 0)
    assert [(a.lesson, a.question, a.correct, a.chosen, a.answered_at) for a in target.answers()] == \
           [(a.lesson, a.question, a.correct, a.chosen, a.answered_at) for a in source.answers()]
    with_answers = [a for a in source.attempts() if a.answered]
    assert [(a.lesson, a.total, a.answered, a.correct) for a in target.attempts()] == \
           [(a.lesson, a.total, a.answered, a.correct) for a in with_answers]
    # a CSV file has no start times: an attempt starts with its first answer
    assert [a.started_at for a in target.attempts()] == ["2026-11-25T10:00:05Z", "2026-11-26T09:00:00Z",
                                                         "2026-11-27T09:00:00Z"]
    assert target.plans() == [] and target.display_name() == "Sam O'Neil"


# --- nothing twice, nothing lost ----------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_same_file_twice_adds_nothing_the_second_time(source, target, tmp_path, fmt):
    learner = read_results(export_results(source, tmp_path / "out", fmt))
    first = merge_results(target, learner)
    before = snapshot(target)
    again = merge_results(target, learner)
    assert again == Merged(answers_added=0, attempts_added=0, plans_added=0, answers_already_there=5, quizzes=0)
    assert first.answers_added == 5 and snapshot(target) == before


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_file_brought_back_into_the_store_it_came_from_adds_nothing(source, tmp_path, fmt):
    learner = read_results(export_results(source, tmp_path / "out", fmt))
    before = snapshot(source)
    assert merge_results(source, learner) == Merged(0, 0, 0, 5, 0)
    assert snapshot(source) == before


def test_what_the_store_holds_is_kept_and_the_new_progress_added_after_it(source, target, tmp_path):
    mine = target.new_attempt("04_spinal_stenosis", 6)
    target.record_answer(mine, "04_spinal_stenosis", "q1", True, ["Walking"], "2026-12-01T08:00:00Z")
    other = target.new_attempt(START, 6)
    target.record_answer(other, START, "run-cell", False, ["Escape"], "2026-12-01T08:05:00Z")
    target.save_plan("My own plan", {"minutes": 5})
    target.set_display_name("Samantha")
    answers, attempts, plans, _name = snapshot(target)
    merged = merge_results(target, read_results(export_results(source, tmp_path / "out")))
    assert merged.answers_added == 5 and merged.attempts_added == 4 and merged.name_set is False
    assert target.answers()[:len(answers)] == answers
    assert target.attempts()[:len(attempts)] == attempts
    assert target.plans()[:len(plans)] == plans and len(target.plans()) == 2
    assert target.display_name() == "Samantha", "a name already here is never replaced"


def test_attempts_get_new_numbers_and_their_answers_follow(source, target, tmp_path):
    path = export_results(source, tmp_path / "out")
    for lesson in ("01_anatomy_of_the_lower_back", "02_from_back_to_leg", "03_herniated_disc"):
        target.new_attempt(lesson, 5)                          # numbers 1-3, as in the file
    target.reset()                                             # numbers keep counting after a reset
    target.new_attempt("04_spinal_stenosis", 6)                # number 4
    merge_results(target, read_results(path))
    numbers = [a.number for a in target.attempts()]
    assert numbers == [4, 5, 6, 7, 8], "unique, and never one used before"
    by_number = {a.number: a for a in target.attempts()}
    assert {(by_number[a.attempt].lesson, a.question, a.answered_at) for a in target.answers()} == \
           {(a.lesson, a.question, a.answered_at) for a in source.answers()}
    assert [(a.lesson, a.answered, a.correct) for a in target.attempts()[1:]] == \
           [(a.lesson, a.answered, a.correct) for a in source.attempts()]


def test_two_attempts_begun_in_the_same_second_stay_apart(target):
    doc = ana()
    doc["attempts"].insert(1, dict(doc["attempts"][0], attempt=3))          # lesson 00 again, same second
    doc["answers"].append(dict(doc["answers"][1], attempt=3, answered_at="2026-11-25T11:00:00Z"))
    learner = results_from_bytes(json.dumps(doc).encode(), "results-ana.json")
    merge_results(target, learner)
    assert merge_results(target, learner).answers_added == 0
    assert [(a.answered, a.correct) for a in target.attempts(START)] == [(5, 2), (1, 1)]


def test_a_later_export_of_the_same_attempt_adds_only_its_new_answers(source, tmp_path):
    early = read_results(export_results(source, tmp_path / "early"))
    final = next(a.number for a in source.attempts(FINAL))
    source.record_answer(final, FINAL, "04_spinal_stenosis/q2", True, ["Walking"], "2026-11-27T09:05:00Z")
    late = read_results(export_results(source, tmp_path / "late"))
    target = ProgressStore(tmp_path / "target.sqlite3")
    merge_results(target, early)
    merged = merge_results(target, late)
    assert (merged.answers_added, merged.attempts_added, merged.answers_already_there) == (1, 0, 5)
    assert [(a.answered, a.correct) for a in target.attempts(FINAL)] == [(2, 1)]


# --- plans and the name ----------------------------------------------------------------------------------

def test_a_plan_whose_name_is_taken_is_kept_under_a_new_name(source, target, tmp_path):
    target.save_plan("Plan for sciatica", {"condition": "stenosis", "minutes": 10})
    path = export_results(source, tmp_path / "out")
    merged = merge_results(target, read_results(path))
    assert merged.plans_added == 1
    assert merged.renamed_plans == (("Plan for sciatica", "Plan for sciatica (imported)"),)
    assert [(p.name, p.plan) for p in target.plans()] == [
        ("Plan for sciatica", {"condition": "stenosis", "minutes": 10}), ("Plan for sciatica (imported)", PLAN)]
    assert merge_results(target, read_results(path)).plans_added == 0, "found under its new name"
    third = ProgressStore(tmp_path / "third.sqlite3")
    third.save_plan("Plan for sciatica", {"minutes": 1})
    third.save_plan("Plan for sciatica (imported)", {"minutes": 2})
    assert merge_results(third, read_results(path)).renamed_plans == (
        ("Plan for sciatica", "Plan for sciatica (imported 2)"),)
    assert [p.plan for p in third.plans()] == [{"minutes": 1}, {"minutes": 2}, PLAN]


def test_the_same_plan_under_its_own_name_is_already_here(source, target, tmp_path):
    target.save_plan("Plan for sciatica", dict(reversed(PLAN.items())))      # same plan, keys in another order
    merged = merge_results(target, read_results(export_results(source, tmp_path / "out")))
    assert merged.plans_added == 0 and len(target.plans()) == 1


def test_the_name_is_set_only_when_the_store_has_none(source, target, tmp_path):
    path = export_results(source, tmp_path / "out")
    target.set_display_name("")
    assert merge_results(target, read_results(path)).name_set and target.display_name() == "Sam O'Neil"
    unnamed = ProgressStore(tmp_path / "unnamed.sqlite3")
    source.set_display_name("")
    merge_results(unnamed, read_results(export_results(source, tmp_path / "no-name")))
    assert unnamed.display_name() == ""


# --- failures change nothing -------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "words"), [
    ("results-sam.json", b"{not json", "not valid JSON"),
    ("results-sam.json", json.dumps(ana() | {"display_name": 7}).encode(), "field 'display_name'"),
    ("results-sam.csv", b"name,score\nSam,3\n", "header line"),
    ("results-sam.json", b"\xff\xd8\xff\xe0 a photo", "not a UTF-8 text file"),
    ("photo.png", b"{}", "not a .json or .csv file"),
])
def test_a_file_that_cannot_be_read_raises_and_changes_nothing(source, tmp_path, name, content, words):
    before = snapshot(source)
    data = source.path.read_bytes()
    with pytest.raises(ResultsError) as caught:
        merge_results(source, results_from_bytes(content, name))
    assert words in str(caught.value) and str(caught.value).startswith(name)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ResultsError) as from_file:
        read_results(path)
    assert str(from_file.value) == str(caught.value), "an upload is checked as a file is"
    assert snapshot(source) == before and source.path.read_bytes() == data


def test_bytes_over_the_limit_are_refused_before_decoding():
    with pytest.raises(ResultsError, match=r"^big\.json: is larger than 5 MB"):
        results_from_bytes(b" " * (MAX_BYTES + 1), "big.json")
    assert results_from_bytes(memoryview(json.dumps(ana()).encode()), "a.json").display_name == "Ana"


def test_a_failure_half_way_leaves_the_store_as_it_was(source, target, tmp_path, monkeypatch):
    target.save_plan("Kept", {"minutes": 1})
    before = snapshot(target)
    learner = read_results(export_results(source, tmp_path / "out"))

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(ProgressStore, "_merge_plans", staticmethod(fail))   # after attempts and answers
    with pytest.raises(OSError, match="disk full"):
        merge_results(target, learner)
    assert snapshot(target) == before
    monkeypatch.undo()
    assert merge_results(target, learner).answers_added == 5


def test_merge_refuses_an_answer_without_its_attempt_and_writes_nothing(target):
    attempt = Attempt(1, START, 6, "2026-11-25T10:00:00Z", 1, 1)
    answers = [Answer(START, "run-cell", 1, True, ("Shift + Enter",), "2026-11-25T10:00:01Z"),
               Answer(START, "run-cell", 9, True, ("Shift + Enter",), "2026-11-25T10:00:02Z")]
    with pytest.raises(ValueError, match="attempt 9"):
        target.merge([attempt], answers, [SavedPlan("p", {}, "2026-11-25T10:00:00Z")], "Sam")
    assert snapshot(target) == ([], [], [], "")


def test_a_results_file_written_by_hand_is_brought_back(target, tmp_path):
    path = write_file(tmp_path, "results-ana.json", ana())
    merged = merge_results(target, read_results(Path(path)))
    assert merged.answers_added == len(ana()["answers"]) and merged.quizzes == 2
    assert target.display_name() == "Ana"
