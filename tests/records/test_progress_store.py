"""The progress store: round trips, scoring, atomic writes, several processes, bad files, reset."""

from __future__ import annotations

import multiprocessing
import random
import re
import sqlite3
from pathlib import Path

import platformdirs
import pytest

from lessons.records import store as store_module
from lessons.records.store import (
    APP_NAME,
    APPLICATION_ID,
    ENV_VAR,
    SCHEMA_VERSION,
    Answer,
    ProgressStore,
    SavedPlan,
    default_path,
    default_store,
)

LESSON = "03_herniated_disc"
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def pragma(path: Path, name: str):
    with sqlite3.connect(path) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


# --- round trips ----------------------------------------------------------------------------

def test_answers_and_attempts_round_trip(store):
    first = store.new_attempt(LESSON, 6)
    other = store.new_attempt("08_sciatica", 4)
    assert first != other
    store.record_answer(first, LESSON, "q1", False, ["Bulging disc", "Nerve root – L5"])
    store.record_answer(other, "08_sciatica", "q9", True, ["True"])
    store.record_answer(first, LESSON, "q2", True, ("12.5",))
    reopened = ProgressStore(store.path)                 # a second kernel sees the same data
    answers = reopened.answers()
    assert [(a.lesson, a.question, a.attempt, a.correct, a.chosen) for a in answers] == [
        (LESSON, "q1", first, False, ("Bulging disc", "Nerve root – L5")),
        ("08_sciatica", "q9", other, True, ("True",)),
        (LESSON, "q2", first, True, ("12.5",))]
    assert all(isinstance(a, Answer) and STAMP.match(a.answered_at) for a in answers)
    assert [a.question for a in reopened.answers(LESSON)] == ["q1", "q2"]
    assert [(a.number, a.lesson, a.total) for a in reopened.attempts()] == [(first, LESSON, 6),
                                                                          (other, "08_sciatica", 4)]
    assert [a.number for a in reopened.attempts("08_sciatica")] == [other]
    assert STAMP.match(reopened.attempts()[0].started_at)
    assert reopened.answers("no_such_lesson") == [] and reopened.attempts("no_such_lesson") == []


def test_plans_round_trip_and_same_name_replaces(store):
    store.save_plan("stretching-plan-sciatica-20min", {"minutes": 20, "days": ["Monday"], "note": "ça va"})
    store.save_plan("other", {"minutes": 10})
    store.save_plan("stretching-plan-sciatica-20min", {"minutes": 25})
    plans = ProgressStore(store.path).plans()
    assert [(p.name, p.plan) for p in plans] == [("other", {"minutes": 10}),
                                                 ("stretching-plan-sciatica-20min", {"minutes": 25})]
    assert all(isinstance(p, SavedPlan) and STAMP.match(p.saved_at) for p in plans)


def test_display_name(store):
    assert store.display_name() == ""
    assert store.set_display_name("  Sam <b>Lee</b>\n ") == "Sam <b>Lee</b>"
    assert ProgressStore(store.path).display_name() == "Sam <b>Lee</b>"
    assert store.set_display_name("x" * 100) == "x" * 60
    assert store.set_display_name("") == "" and store.display_name() == ""


def test_bad_arguments_are_refused(store):
    attempt = store.new_attempt(LESSON, 6)
    with pytest.raises(ValueError, match="list of answer texts"):
        store.record_answer(attempt, LESSON, "q1", True, "B")
    with pytest.raises(ValueError, match="attempt 99 is not in the progress file"):
        store.record_answer(99, LESSON, "q1", True, ["B"])
    with pytest.raises(ValueError, match="whole number"):
        store.new_attempt(LESSON, -1)
    assert store.answers() == []


# --- scoring ----------------------------------------------------------------------------------

def test_attempt_score_uses_the_latest_answer_to_each_question(store):
    attempt = store.new_attempt(LESSON, 4)
    for question, correct in [("q1", False), ("q1", True), ("q2", True), ("q2", False), ("q3", True)]:
        store.record_answer(attempt, LESSON, question, correct, ["x"])
    later = store.new_attempt(LESSON, 4)
    store.record_answer(later, LESSON, "q1", False, ["x"])
    first, second = store.attempts(LESSON)
    assert (first.answered, first.correct) == (3, 2)        # q1 right, q2 wrong, q3 right
    assert first.percent == 50.0
    assert (second.answered, second.correct, second.percent) == (1, 0, 0.0)
    empty = store.new_attempt(LESSON, 0)
    assert store.attempts()[-1].number == empty and store.attempts()[-1].percent == 0.0


# --- atomic writes -------------------------------------------------------------------------------

def test_a_failure_inside_a_write_leaves_nothing_half_written(store, monkeypatch):
    attempt = store.new_attempt(LESSON, 6)
    store.record_answer(attempt, LESSON, "q1", True, ["B"])
    with pytest.raises(RuntimeError), store._transaction() as conn:
        conn.execute("INSERT INTO attempts (lesson, total, started_at) VALUES ('x', 1, 'now')")
        conn.execute("INSERT INTO answers (attempt, lesson, question, correct, chosen, answered_at) "
                     "VALUES (1, 'x', 'q', 1, '[]', 'now')")
        raise RuntimeError("power cut")
    assert len(store.attempts()) == 1 and len(store.answers()) == 1
    # reset empties table after table: a failure on the last table must undo the others
    monkeypatch.setattr(store_module, "TABLES", (*store_module.TABLES, "no_such_table"))
    with pytest.raises(sqlite3.OperationalError):
        store.reset()
    assert len(store.attempts()) == 1 and len(store.answers()) == 1


def test_a_failing_timestamp_writes_nothing(store, monkeypatch):
    attempt = store.new_attempt(LESSON, 6)

    def broken():
        raise OSError("clock unavailable")

    monkeypatch.setattr(store_module, "now", broken)
    with pytest.raises(OSError):
        store.record_answer(attempt, LESSON, "q1", True, ["B"])
    with pytest.raises(OSError):
        store.save_plan("p", {})
    assert store.answers() == [] and store.plans() == []


# --- several processes at once ------------------------------------------------------------------

WORKERS, ANSWERS, ATTEMPTS = 4, 50, 5


def write_many(args: tuple[str, int]) -> list[int]:
    """Run in a separate process: start attempts and record answers into one shared file."""
    path, worker = args
    # This test is about four writers not losing or mixing answers, so each waits as long as it takes:
    # on a busy 2-core machine a turn can take longer than the 2 s a notebook waits. What a learner sees
    # when the file stays busy (StoreBusy, the answer kept pending) is tested with a held lock elsewhere.
    store = ProgressStore(path, busy_timeout=60)
    numbers = [store.new_attempt(f"lesson-{worker}", ANSWERS) for _ in range(ATTEMPTS)]
    for i in range(ANSWERS):
        store.record_answer(numbers[i % ATTEMPTS], f"lesson-{worker}", f"w{worker}-q{i}", i % 2 == 0, [str(i)])
    return numbers


def test_concurrent_writers_in_separate_processes(tmp_path):
    path = tmp_path / "shared" / "progress.sqlite3"       # not created yet: the processes race to create it
    with multiprocessing.get_context("spawn").Pool(WORKERS) as pool:
        numbers = pool.map(write_many, [(str(path), w) for w in range(WORKERS)])
    flat = [n for worker in numbers for n in worker]
    assert len(flat) == len(set(flat)) == WORKERS * ATTEMPTS
    store = ProgressStore(path)
    assert store.notice is None
    answers = store.answers()
    assert len(answers) == WORKERS * ANSWERS
    assert {a.question for a in answers} == {f"w{w}-q{i}" for w in range(WORKERS) for i in range(ANSWERS)}
    for worker, attempts in enumerate(numbers):
        assert all(a.attempt in attempts for a in answers if a.lesson == f"lesson-{worker}")
    assert sum(a.answered for a in store.attempts()) == WORKERS * ANSWERS
    assert pragma(path, "quick_check") == "ok"


# --- files we cannot use ----------------------------------------------------------------------------

def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(8192))


def foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('soup')")
        conn.execute("PRAGMA application_id = 1234")


def foreign_sqlite_without_id(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE answers (x TEXT)")


def newer_schema(path: Path) -> None:
    ProgressStore(path).set_display_name("From the future")
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def damaged_sqlite(path: Path) -> None:
    store = ProgressStore(path)
    attempt = store.new_attempt(LESSON, 6)
    for i in range(300):
        store.record_answer(attempt, LESSON, f"q{i}", True, ["a long answer text " * 5])
    data = bytearray(path.read_bytes())
    page = pragma(path, "page_size")
    data[page * 2: page * 2 + 200] = random.Random(3).randbytes(200)   # scribble over a table page
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("make_bad", [random_bytes, foreign_sqlite, foreign_sqlite_without_id, newer_schema,
                                      damaged_sqlite])
def test_a_bad_file_is_set_aside_byte_for_byte_and_a_fresh_store_starts(tmp_path, make_bad):
    path = tmp_path / "progress.sqlite3"
    make_bad(path)
    before = path.read_bytes()
    store = ProgressStore(path)
    assert store.set_aside == tmp_path / "progress.sqlite3.unreadable-1"
    assert store.set_aside.read_bytes() == before
    assert store.notice and "progress.sqlite3.unreadable-1" in store.notice
    assert str(tmp_path) not in store.notice
    assert store.answers() == [] and store.display_name() == ""
    store.record_answer(store.new_attempt(LESSON, 6), LESSON, "q1", True, ["B"])
    assert len(ProgressStore(path).answers()) == 1
    assert pragma(path, "application_id") == APPLICATION_ID and pragma(path, "user_version") == SCHEMA_VERSION
    random_bytes(path)                                    # a second bad file gets the next free name
    second = ProgressStore(path)
    assert second.set_aside == tmp_path / "progress.sqlite3.unreadable-2"
    assert "progress.sqlite3.unreadable-2" in second.notice
    assert store.set_aside.read_bytes() == before


def test_an_empty_file_is_simply_initialised(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.touch()
    store = ProgressStore(path)
    assert store.notice is None and store.set_aside is None
    assert list(tmp_path.iterdir()) == [path]
    store.set_display_name("Sam")
    assert pragma(path, "application_id") == APPLICATION_ID
    good = ProgressStore(path)                            # our own file is opened as it is
    assert good.notice is None and good.display_name() == "Sam"


def test_a_file_we_cannot_open_is_an_error_not_set_aside(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.mkdir()                                          # a folder where the file should be
    with pytest.raises(sqlite3.Error):
        ProgressStore(path)
    assert path.is_dir() and sorted(p.name for p in tmp_path.iterdir()) == ["progress.sqlite3"]


# --- reset ---------------------------------------------------------------------------------------------

def test_reset_keeps_a_backup_then_empties_everything(store):
    attempt = store.new_attempt(LESSON, 6)
    store.record_answer(attempt, LESSON, "q1", True, ["B"])
    store.save_plan("plan", {"minutes": 10})
    store.set_display_name("Sam")
    backup = store.reset()
    assert backup == store.path.with_name("progress.sqlite3.backup-1")
    assert (store.answers(), store.attempts(), store.plans(), store.display_name()) == ([], [], [], "")
    kept = ProgressStore(backup)
    assert kept.notice is None and len(kept.answers()) == 1 and kept.display_name() == "Sam"
    assert kept.plans()[0].plan == {"minutes": 10}
    assert store.new_attempt(LESSON, 6) > attempt              # numbers never repeat one in the backup
    assert store.reset().name == "progress.sqlite3.backup-2" and backup.exists()


# --- where the file lives ------------------------------------------------------------------------------

def test_env_var_overrides_the_default_path(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "elsewhere" / "mine.sqlite3"))
    assert default_path() == tmp_path / "elsewhere" / "mine.sqlite3"
    store = ProgressStore()
    assert store.path == tmp_path / "elsewhere" / "mine.sqlite3" and store.path.exists()
    monkeypatch.setenv(ENV_VAR, "~/progress-test.sqlite3")
    assert default_path() == Path.home() / "progress-test.sqlite3"


@pytest.mark.parametrize("value", [None, "", "   "])
def test_default_path_is_in_the_platform_data_folder(tmp_path, monkeypatch, value):
    if value is None:
        monkeypatch.delenv(ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(ENV_VAR, value)
    real = platformdirs.user_data_path(APP_NAME, appauthor=False) / "progress.sqlite3"
    assert default_path() == real and "back-pain-leg-pain" in real.parts
    calls = []
    monkeypatch.setattr(platformdirs, "user_data_path",
                        lambda *args, **kwargs: calls.append((args, kwargs)) or tmp_path / "data")
    assert default_path() == tmp_path / "data" / "progress.sqlite3"
    assert calls == [((APP_NAME,), {"appauthor": False})]


def test_default_store_is_shared_and_none_when_it_cannot_be_made(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "a" / "progress.sqlite3"))
    first = default_store()
    assert first is not None and first is default_store() and first.path == tmp_path / "a" / "progress.sqlite3"
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(ENV_VAR, str(blocker / "sub" / "progress.sqlite3"))
    assert default_store() is None
    assert blocker.read_text() == "not a folder"


def test_location_text_shows_home_as_tilde(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    inside = ProgressStore(tmp_path / ".local" / "progress.sqlite3")
    assert inside.location_text() == "~/.local/progress.sqlite3"
    outside = tmp_path.parent / f"{tmp_path.name}-other" / "progress.sqlite3"
    assert ProgressStore(outside).location_text() == str(outside)
