"""Hostile input for files, the progress store and names (issue 13): every case a tester reproduced.

- the class view (``load_class``) lists a bad file as skipped, with its reason, and loads the others;
- only ordinary files are read, never more than ``MAX_BYTES + 1`` bytes, and never a pipe or a device;
- exports can be read by others when the umask says so, and a replaced file keeps its mode;
- a write stopped half-way leaves no half file under the final name (plan exports, reset's backup);
- a locked progress file makes Check wait briefly, keeps the answer and saves it with the next Check;
- names that only look different are the same learner, direction controls are never shown, and
  names in any script give distinct file names;
- messages quote at most a short piece of what was typed or read.

Subprocesses are used where the old behaviour was to hang or to fill the memory, so that a
regression fails the test instead of stopping the test run.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.kit import files
from lessons.kit.files import read_limited, write_atomically
from lessons.kit.names import display_name, file_stem, match_key
from lessons.progress.classroom import load_class
from lessons.progress.classroom_widget import ClassResultsWidget, write_quiz_export
from lessons.progress.my_progress import ProgressDashboard
from lessons.quiz.bank import load_bank
from lessons.quiz.widget import QuizWidget
from lessons.records.results import CSV_FIELDS, MAX_BYTES, csv_text, export_results, read_results, safe_file_name
from lessons.records.store import ENV_VAR, ProgressStore
from lessons.topics.planner.export import export_plan
from lessons.topics.planner.plan import PlanRequest, make_plan
from tests.conftest import GOOD_BANK, REPO, ana, ben, learner_doc, write_file

RLO = "\u202e"
ENV = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def with_good_learners(folder: Path) -> None:
    write_file(folder, "results-ana.json", ana())
    write_file(folder, "results-ben.json", ben())


def assert_skipped_and_others_loaded(folder: Path, name: str, *words: str) -> str:
    result = load_class(folder)
    assert [learner.display_name for learner in result.learners] == ["Ana", "Ben"]
    reasons = dict(result.skipped)
    assert name in reasons, result.skipped
    for word in words:
        assert word in reasons[name], reasons[name]
    assert len(reasons[name]) < 300
    return reasons[name]


def run_python(code: str, timeout: float = 60, memory: int = 2 << 30) -> subprocess.CompletedProcess:
    """``code`` in a fresh Python with at most ``memory`` bytes of address space; killed after ``timeout``."""
    def limit():
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, env=ENV, timeout=timeout,
                          capture_output=True, text=True, preexec_fn=limit if os.name == "posix" else None)


# --------------------------------------------------------------------------- one bad file, the rest load

def test_json_nested_thousands_of_levels_deep_is_skipped(tmp_path):
    with_good_learners(tmp_path)
    write_file(tmp_path, "deep.json", "[" * 5000 + "]" * 5000)
    write_file(tmp_path, "deeper.json", '{"format": ' + '{"a": ' * 20000 + "1" + "}" * 20000 + "}")
    assert_skipped_and_others_loaded(tmp_path, "deep.json", "nested too deeply")
    assert_skipped_and_others_loaded(tmp_path, "deeper.json", "nested too deeply")


def test_a_whole_number_of_5000_digits_is_skipped(tmp_path):
    with_good_learners(tmp_path)
    doc = json.dumps(ana() | {"display_name": "Hal"}).replace('"attempt": 1,', '"attempt": ' + "7" * 5000 + ",", 1)
    write_file(tmp_path, "results-hal.json", doc)
    reason = assert_skipped_and_others_loaded(tmp_path, "results-hal.json", "number too long")
    assert "7777777777" not in reason


@pytest.mark.parametrize("value", ["²", "٣", "1²", "７", "-1", " 1", "1" * 5000, "1e3"])
def test_a_csv_number_that_is_not_plain_digits_is_skipped(tmp_path, value):
    with_good_learners(tmp_path)
    rows = csv_text(ana() | {"display_name": "Hal"}).splitlines()
    cells = next(csv.reader([rows[1]]))
    cells[CSV_FIELDS.index("attempt")] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    write_file(tmp_path, "results-hal.csv", "\n".join([rows[0], buffer.getvalue().strip(), *rows[2:]]) + "\n")
    assert_skipped_and_others_loaded(tmp_path, "results-hal.csv", "field 'row 2.attempt'", "whole number")


def test_a_csv_cell_over_128_kib_is_skipped_naming_the_row(tmp_path):
    with_good_learners(tmp_path)
    rows = csv_text(ana() | {"display_name": "Hal"}).splitlines()
    write_file(tmp_path, "results-hal.csv", "\n".join([rows[0], rows[1], "x" * 200_000 + ',"' + "y" * 200_000 + '"']))
    assert_skipped_and_others_loaded(tmp_path, "results-hal.csv", "field 'row 3'", "longer than")


def test_a_field_name_of_a_megabyte_is_not_echoed(tmp_path):
    with_good_learners(tmp_path)
    write_file(tmp_path, "results-hal.json", ana() | {"display_name": "Hal", "k" * 1_000_000: 1})
    assert_skipped_and_others_loaded(tmp_path, "results-hal.json", "not a field", "1,000,000 characters")


def test_a_file_that_raises_something_unexpected_is_skipped(tmp_path, monkeypatch):
    import lessons.progress.classroom as classroom

    with_good_learners(tmp_path)
    write_file(tmp_path, "results-odd.json", ana() | {"display_name": "Odd"})
    real = classroom.read_results

    def flaky(path):
        if path.name == "results-odd.json":
            raise MemoryError
        return real(path)

    monkeypatch.setattr(classroom, "read_results", flaky)
    assert_skipped_and_others_loaded(tmp_path, "results-odd.json", "could not be read")


# --------------------------------------------------------------------------- not regular files

LOAD_IN_A_SUBPROCESS = """
    import json, sys
    from lessons.progress.classroom import load_class
    result = load_class(sys.argv[1] if len(sys.argv) > 1 else {folder!r})
    print(json.dumps({{"learners": [l.display_name for l in result.learners], "skipped": dict(result.skipped)}}))
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_named_like_a_results_file_does_not_hang_the_loader(tmp_path):
    with_good_learners(tmp_path)
    os.mkfifo(tmp_path / "learner.json")
    done = run_python(LOAD_IN_A_SUBPROCESS.format(folder=str(tmp_path)), timeout=60)
    found = json.loads(done.stdout)
    assert found["learners"] == ["Ana", "Ben"]
    assert "is a pipe, not an ordinary file" in found["skipped"]["learner.json"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_an_endless_device_is_not_read(tmp_path):
    with_good_learners(tmp_path)
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    (tmp_path / "urandom.csv").symlink_to("/dev/urandom")
    done = run_python(LOAD_IN_A_SUBPROCESS.format(folder=str(tmp_path)), timeout=60, memory=2 << 30)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout)
    assert found["learners"] == ["Ana", "Ben"]
    assert "is a device" in found["skipped"]["zero.json"] and "is a device" in found["skipped"]["urandom.csv"]


def test_reading_stops_at_the_limit_even_if_the_size_said_less(tmp_path, monkeypatch):
    path = tmp_path / "grows.json"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    class Lying:                       # a file that says it is small (like /proc files, or one still growing)
        def __init__(self, result):
            self.result = result

        def __getattr__(self, name):
            return 5 if name == "st_size" else getattr(self.result, name)

    monkeypatch.setattr(files.os, "fstat", lambda fd: Lying(real_fstat(fd)))
    reads = []
    real_read = os.read
    monkeypatch.setattr(files.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(files.TooLarge):
        read_limited(path, 10)
    assert sum(reads) <= 11
    assert read_limited(path, 100) == b"x" * 100


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    with pytest.raises(Exception, match="larger than 5 MB"):
        read_results(path)


def test_an_unreadable_folder_is_a_message(tmp_path, monkeypatch):
    with_good_learners(tmp_path)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refuse)
    result = load_class(tmp_path)
    assert result.learners == () and "you do not have permission to read it" in result.notice
    widget = ClassResultsWidget(str(tmp_path))
    assert "course-feedback-wrong" in widget.status.value and "permission" in widget.status.value


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any folder")
def test_a_folder_without_read_permission_is_a_message(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    with_good_learners(folder)
    folder.chmod(0)
    try:
        assert "permission" in load_class(folder).notice
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("typed", ["x" * 5000, "a/" * 3000, "bad\0name", "~no-such-user-13/x", "x" * 1_000_000])
def test_a_folder_name_no_folder_can_have_is_a_message_not_a_traceback(typed):
    result = load_class(typed)
    assert result.learners == () and result.notice and len(result.notice) < 400
    widget = ClassResultsWidget(".")
    widget.folder.value = typed
    widget.load_button.click()
    assert "course-feedback-wrong" in widget.status.value and len(widget.status.value) < 1500


# --------------------------------------------------------------------------- exports others can read

@pytest.fixture
def umask():
    """Set the process umask for one test; the old one is put back."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664), (0o027, 0o640)])
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path, umask, mask, mode):
    umask(mask)
    path = write_atomically(tmp_path / "a.txt", lambda temp: temp.write_text("x"))
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert files.current_umask() == mask


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    umask(0o077)
    path = tmp_path / "shared.json"
    path.write_text("old")
    path.chmod(0o644)
    write_atomically(path, lambda temp: temp.write_text("new"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o644 and path.read_text() == "new"
    path.chmod(0o640)
    write_atomically(path, lambda temp: temp.write_text("newer"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_every_export_can_be_read_by_a_teacher(tmp_path, umask):
    umask(0o022)
    store = ProgressStore(tmp_path / "progress.sqlite3")
    store.set_display_name("Sam")
    written = [export_results(store, tmp_path / "out", "json"), export_results(store, tmp_path / "out", "csv"),
               export_plan(make_plan(PlanRequest(problem="sciatica", minutes=20)), "md", tmp_path / "out")]
    for kind in ("gift", "anki"):
        write_quiz_export(kind, str(tmp_path / "out"))
    written += [tmp_path / "out" / "course-quizzes.gift", tmp_path / "out" / "course-quizzes.apkg"]
    assert {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in written} == {
        path.name: "0o644" for path in written}


# --------------------------------------------------------------------------- interrupted writes

KILLED_PLAN_EXPORT = """
    import os, signal
    from pathlib import Path
    from lessons.topics.planner.export import export_plan
    from lessons.topics.planner.plan import PlanRequest, make_plan

    real = Path.write_bytes
    def half_then_killed(self, data):
        with open(self, "wb") as stream:
            stream.write(data[: len(data) // 2])
            stream.flush()
        os.kill(os.getpid(), signal.SIGKILL)
    Path.write_bytes = half_then_killed
    export_plan(make_plan(PlanRequest(problem="sciatica", minutes=20)), "html", {folder!r})
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_plan_export_killed_mid_write_leaves_no_file_under_its_name(tmp_path):
    done = run_python(KILLED_PLAN_EXPORT.format(folder=str(tmp_path)))
    assert done.returncode == -signal.SIGKILL
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == []
    plan = make_plan(PlanRequest(problem="sciatica", minutes=20))
    assert export_plan(plan, "html", tmp_path).name == "stretching-plan-sciatica-20min.html"


KILLED_RESET = """
    import os, shutil, signal
    from lessons.records.store import ProgressStore

    store = ProgressStore({path!r})
    def half_then_killed(source, target, **kwargs):
        data = open(source, "rb").read()
        with open(target, "wb") as stream:
            stream.write(data[: len(data) // 2])
            stream.flush()
        os.kill(os.getpid(), signal.SIGKILL)
    shutil.copyfile = half_then_killed
    store.reset()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_reset_killed_while_copying_leaves_no_half_backup_and_the_progress(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = ProgressStore(path)
    attempt = store.new_attempt("03_herniated_disc", 6)
    for number in range(200):
        store.record_answer(attempt, "03_herniated_disc", f"q{number}", True, ["x" * 200])
    done = run_python(KILLED_RESET.format(path=str(path)))
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir() if ".backup" in p.name) == []
    assert len(ProgressStore(path).answers()) == 200              # nothing was emptied either
    backup = ProgressStore(path).reset()
    assert backup.name == "progress.sqlite3.backup-1"
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 200


def test_a_reset_never_overwrites_an_earlier_backup(tmp_path, monkeypatch):
    from lessons.records import store as store_module

    path = tmp_path / "progress.sqlite3"
    store = ProgressStore(path)
    (tmp_path / "progress.sqlite3.backup-1").write_bytes(b"an earlier backup")
    names = iter(["progress.sqlite3.backup-1", "progress.sqlite3.backup-2"])
    monkeypatch.setattr(store_module, "_free_name", lambda p, label: p.with_name(next(names)))  # a race lost
    assert store.reset().name == "progress.sqlite3.backup-2"
    assert (tmp_path / "progress.sqlite3.backup-1").read_bytes() == b"an earlier backup"


# --------------------------------------------------------------------------- a locked progress file

@pytest.fixture
def locked():
    """``hold(path)``: another connection holds the file's write lock until ``release()``."""
    holders = []

    def hold(path: Path, how: str = "EXCLUSIVE"):
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute(f"BEGIN {how}")
        holders.append(conn)

    def release():
        while holders:
            conn = holders.pop()
            conn.execute("ROLLBACK")
            conn.close()

    hold.release = release
    yield hold
    release()


def tf_check(widget, value: str) -> float:
    q = next(q for q in widget.questions if q.question.id == "tf-one")
    q.control.value = value
    start = time.perf_counter()
    q.check_button.click()
    return time.perf_counter() - start


@pytest.mark.parametrize("how", ["IMMEDIATE", "EXCLUSIVE"])
def test_check_while_another_notebook_writes_is_quick_and_keeps_the_answer(write_yaml, tmp_path, locked, how):
    path = tmp_path / "progress.sqlite3"
    store = ProgressStore(path)
    widget = QuizWidget(load_bank(write_yaml(GOOD_BANK)), store=store)
    assert tf_check(widget, "False") < 5
    locked(path, how)
    assert tf_check(widget, "True") < 5
    label = widget.score_label.value
    assert "will be saved with your next check" in label and "locked" not in label and "could not" not in label
    assert "Score: 0 of 4 correct (1 of 4 answered)" in label           # the score still shows the new answer
    locked.release()
    assert tf_check(widget, "False") < 5
    assert "will be saved" not in widget.score_label.value
    saved = store.answers()
    assert [(a.question, a.correct, a.chosen) for a in saved] == [
        ("tf-one", True, ("False",)), ("tf-one", False, ("True",)), ("tf-one", True, ("False",))]
    assert saved[1].answered_at <= saved[2].answered_at and len({a.attempt for a in saved}) == 1


def test_a_locked_file_not_yet_opened_is_busy_not_unopenable(write_yaml, tmp_path, monkeypatch, locked):
    from lessons.records import store as store_module

    path = tmp_path / "progress.sqlite3"
    ProgressStore(path).set_display_name("Sam")
    monkeypatch.setenv(ENV_VAR, str(path))
    monkeypatch.setattr(store_module, "_stores", {})
    widget = QuizWidget(load_bank(write_yaml(GOOD_BANK)))
    locked(path)
    assert tf_check(widget, "False") < 8
    assert "busy" in widget.score_label.value and "could not be opened" not in widget.score_label.value
    locked.release()
    tf_check(widget, "True")
    assert [a.chosen for a in ProgressStore(path).answers()] == [("False",), ("True",)]


def test_another_process_holding_the_lock(write_yaml, tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = ProgressStore(path)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, sys, time
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        print("holding", flush=True)
        sys.stdin.readline()
        conn.execute("ROLLBACK")
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        widget = QuizWidget(load_bank(write_yaml(GOOD_BANK)), store=store)
        assert tf_check(widget, "False") < 5
        assert "will be saved with your next check" in widget.score_label.value
    finally:
        holder.communicate("\n", timeout=30)
    tf_check(widget, "True")
    assert [a.chosen for a in store.answers()] == [("False",), ("True",)]


# --------------------------------------------------------------------------- names

SAME_AS_SAM_LEE = ["Sam\u00a0Lee", "Sam  Lee", "SAM LEE", "Ｓａｍ Ｌｅｅ", "S\u0430m Lee", "Sam\u2003Lee",
                   "Sam Le\u0435", "Sam\u200b Lee", f"Sam {RLO}Lee"]


@pytest.mark.parametrize("other", SAME_AS_SAM_LEE)
def test_names_that_only_look_different_are_the_same_learner(tmp_path, other):
    write_file(tmp_path, "results-a.json", learner_doc("Sam Lee", []))
    write_file(tmp_path, "results-b.json", learner_doc(other, []))
    result = load_class(tmp_path)
    assert [learner.source for learner in result.learners] == ["results-a.json"]
    (name, reason), = result.skipped
    assert name == "results-b.json" and "results-a.json" in reason and "change their name" in reason


def test_composed_and_decomposed_accents_are_the_same_learner(tmp_path):
    write_file(tmp_path, "results-a.json", learner_doc("Zo\u00eb", []))
    write_file(tmp_path, "results-b.json", learner_doc("Zoe\u0308", []))
    assert len(load_class(tmp_path).learners) == 1
    assert match_key("Zoë") != match_key("Zoe")          # an accent is part of a name: two learners


def test_different_names_stay_different():
    names = ["Sam", "Sam Lee", "Sara", "Мария", "Марина", "王小明", "王小红", "Γιώργος", "محمد", "Zoe", "Zoë"]
    assert len({match_key(name) for name in names}) == len(names)


def test_direction_controls_are_never_shown(tmp_path):
    doc = learner_doc(f"Sam{RLO}gnp.exe", [])
    write_file(tmp_path, "results-sam.json", doc)
    write_file(tmp_path, f"results-{RLO}nosj.txt.json", "not json")
    result = load_class(tmp_path)
    assert result.learners[0].display_name == "Samgnp.exe"
    widget = ClassResultsWidget(str(tmp_path))
    html = widget.status.value + widget.skipped.value
    assert "Samgnp.exe" in html and "results-nosj.txt.json" in html
    assert not any(ch in html for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
    assert display_name("\u2067A\u2069\u200e\u200f\u061cB\u202a\u202b\u202c\u202d\u2066\u2068") == "AB"


def test_display_names_are_cleaned_when_typed_and_when_shown(tmp_path):
    store = ProgressStore(tmp_path / "progress.sqlite3")
    assert store.set_display_name(f"  Sam\u00a0\u00a0{RLO}Lee\u2003\n") == "Sam Lee"
    assert store.set_display_name("Zoe\u0308") == "Zo\u00eb"                   # kept in one (NFC) form
    with sqlite3.connect(store.path) as conn:                                 # saved by an older course
        conn.execute("UPDATE settings SET value = ? WHERE key = 'display_name'", (f"<b>Sam{RLO}gnp.exe",))
    dashboard = ProgressDashboard(store, tmp_path / "exports")
    assert RLO not in dashboard.heading.value and "&lt;b&gt;Samgnp.exe" in dashboard.heading.value
    assert RLO not in dashboard.name_box.value


@pytest.mark.parametrize(("name", "stem"), [
    ("Zoë Ünal", "zoe-unal"), ("محمد علي", "محمد-علي"), ("王小明", "王小明"), ("Мария Иванова", "мария-иванова"),
    ("Γιώργος", "γιώργος"), ("../../.bashrc", "bashrc"), ("..\\..\\x", "x"), ("%2e%2e", "2e-2e"),
    (f"Sam{RLO}gnp.exe", "samgnp-exe"), ("   ", ""), ("...", ""),
])
def test_file_stems_keep_letters_of_every_script(name, stem):
    assert file_stem(name) == stem


def test_learners_in_four_scripts_export_to_four_different_files(tmp_path):
    names = ["محمد علي", "王小明", "Мария Иванова", "Γιώργος Παπαδόπουλος", "Fatima", "Mohammed Ali"]
    written = []
    for number, name in enumerate(names):
        store = ProgressStore(tmp_path / f"store-{number}.sqlite3")
        store.set_display_name(name)
        written.append(export_results(store, tmp_path / "out"))
    assert len({path.name for path in written}) == len(names)
    assert all(path.parent == tmp_path / "out" and not path.name.startswith(".") for path in written)
    assert sorted(learner.display_name for learner in load_class(tmp_path / "out").learners) == sorted(names)


@given(st.text(min_size=0, max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_name_gives_a_safe_file_name(name):
    file_name = safe_file_name(name, "json")
    stem = file_name[len("results-"):-len(".json")] if file_name != "results.json" else ""
    assert "/" not in file_name and "\\" not in file_name and "\0" not in file_name and ":" not in file_name
    assert not file_name.startswith(".") and file_name.endswith(".json")
    assert len(stem.encode("utf-8")) <= 60
    assert all(ch.isalnum() or ch in "-_" or ch.isprintable() and not ch.isspace() for ch in stem)
    assert stem == stem.strip("-_.")


# --------------------------------------------------------------------------- messages stay short

def test_a_megabyte_folder_name_gives_a_short_message():
    assert len(load_class("z" * 1_000_000).notice) < 400


def test_a_megabyte_in_a_csv_cell_gives_a_short_reason(tmp_path):
    with_good_learners(tmp_path)
    rows = csv_text(ana() | {"display_name": "Hal"}).splitlines()
    cells = next(csv.reader([rows[1]]))
    cells[CSV_FIELDS.index("questions_in_attempt")] = "²" * 100_000
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    write_file(tmp_path, "results-hal.csv", rows[0] + "\n" + buffer.getvalue())
    assert_skipped_and_others_loaded(tmp_path, "results-hal.csv", "100,000 characters")


def test_a_long_lesson_name_in_a_file_gives_a_short_reason(tmp_path):
    with_good_learners(tmp_path)
    doc = ana() | {"display_name": "Hal"}
    for item in doc["attempts"] + doc["answers"]:
        item["lesson"] = "42_" + "x" * 100_000
    write_file(tmp_path, "results-hal.json", doc)
    assert_skipped_and_others_loaded(tmp_path, "results-hal.json", "not a lesson of this course")


# --------------------------------------------------------------------------- random files never break the class view

def _load_with(content: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with_good_learners(folder)
        (folder / name).write_bytes(content)
        result = load_class(folder)
        assert [learner.display_name for learner in result.learners][:2] == ["Ana", "Ben"]
        assert (name in dict(result.skipped)) != (len(result.learners) == 3)


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(st.binary(max_size=2000), st.sampled_from(["x.json", "x.csv"]))
@FUZZ
def test_random_bytes_never_break_the_class_view(content, name):
    _load_with(content, name)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=30)


@given(JSON_VALUES)
@FUZZ
def test_random_json_never_breaks_the_class_view(value):
    _load_with(json.dumps(value).encode(), "x.json")


@given(st.dictionaries(st.sampled_from(["format", "version", "display_name", "attempts", "answers", "plans",
                                        "beliefs"]), JSON_VALUES, max_size=7))
@FUZZ
def test_random_results_like_documents_never_break_the_class_view(doc):
    _load_with(json.dumps({"format": "back-pain-leg-pain-results", **doc}).encode(), "x.json")


@given(st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=10), max_size=6))
@FUZZ
def test_random_csv_rows_never_break_the_class_view(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    writer.writerows(rows)
    _load_with(buffer.getvalue().encode("utf-8", "surrogatepass"), "x.csv")


def test_the_loader_finishes_when_a_reader_thread_would_block(tmp_path):
    """Belt and braces for the pipe case in this process: load_class returns within seconds."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    os.mkfifo(tmp_path / "pipe.csv")
    finished = threading.Event()
    thread = threading.Thread(target=lambda: (load_class(tmp_path), finished.set()), daemon=True)
    thread.start()
    try:
        assert finished.wait(20), "load_class hung on a named pipe"
    finally:
        if not finished.is_set():       # let the blocked reader go, so the test run does not hang
            handle = os.open(tmp_path / "pipe.csv", os.O_WRONLY | os.O_NONBLOCK)
            os.close(handle)


# ----------------------------------------------------- the fast check never accepts more than the schema

def _results_doc() -> dict:
    doc = ana()
    doc["plans"] = [{"name": "Mine", "plan": {"weeks": 4}, "saved_at": "2026-11-25T10:00:00Z"}]
    doc["version"] = 2
    doc["beliefs"] = [{"lesson": "00_start_here", "statement": "scan_shows_cause", "answer": "agree",
                       "sureness": "fairly", "answered_at": "2026-11-25T10:00:00Z"}]
    return doc


PATHS = ["format", "version", "display_name", "attempts", "answers", "plans", "extra",
         "attempts.0", "attempts.0.attempt", "attempts.0.lesson", "attempts.0.total", "attempts.0.started_at",
         "attempts.0.other", "answers.0", "answers.0.attempt", "answers.0.lesson", "answers.0.question",
         "answers.0.correct", "answers.0.chosen", "answers.0.chosen.0", "answers.0.answered_at", "answers.0.x",
         "plans.0", "plans.0.name", "plans.0.plan", "plans.0.saved_at", "plans.0.y",
         "beliefs", "beliefs.0", "beliefs.0.lesson", "beliefs.0.statement", "beliefs.0.answer", "beliefs.0.sureness",
         "beliefs.0.answered_at", "beliefs.0.z"]
EDGES = {  # by the last step of the path: values on each side of a rule of the schema
    "display_name": ["x" * 60, "x" * 61, ""], "question": ["", "x", "x" * 200, "x" * 201],
    "chosen": [[], ["x" * 1000], ["x" * 1001], ["a", 1], ["a", None]], "0": ["x" * 1000, "x" * 1001, 1, None],
    "lesson": ["03_herniated_disc", "03_herniated_disc\n", "3_x", "03_X"],
    "started_at": ["2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z\n", "2026-11-25 10:00:00Z"],
    "answered_at": ["2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z\n", "2026-11-25T10:00Z"],
    "saved_at": ["2026-11-25T10:00:00Z\n", "yesterday"], "attempt": [0, 1, -1, True, 1.0], "total": [0, -1, False],
    "correct": [True, 0, 1, "true"], "version": [1, True, 1.0, 2], "format": ["back-pain-leg-pain-results", ""],
    "plan": [{}, [], "x"], "name": ["", 1],
    "statement": ["a", "a" * 40, "a" * 41, "A", "1a", "a-b", ""], "answer": ["agree", "not_sure", "Agree", "", None],
    "sureness": ["", "a_little", "very", "Very", None], "beliefs": [[], {}, None],
}
GENERIC = st.integers(-2, 2) | st.sampled_from([True, None, "", [], {}, 1.0]) | JSON_VALUES | st.just(KeyError)
CHANGE = st.sampled_from(PATHS).flatmap(
    lambda path: st.tuples(st.just(path), st.sampled_from(EDGES.get(path.split(".")[-1], [None])) | GENERIC))


@given(st.lists(CHANGE, min_size=1, max_size=2))
@settings(max_examples=1500, deadline=None)
def test_the_fast_check_accepts_only_what_the_schema_accepts(changes):
    from lessons.kit import data
    from lessons.records.results import _plainly_valid

    doc = _results_doc()
    for path, value in changes:
        *parents, last = path.split(".")
        node = doc
        try:
            for step in parents:
                node = node[int(step)] if step.isdigit() else node[step]
            key = int(last) if last.isdigit() else last
            if value is KeyError:
                del node[key]
            else:
                node[key] = value
        except (KeyError, IndexError, TypeError):
            continue
    if _plainly_valid(doc):
        data.validate(doc, "results", Path("x.json"))      # raises if the schema disagrees


def test_the_fast_check_accepts_a_good_file():
    from lessons.records.results import _plainly_valid

    assert _plainly_valid(_results_doc()) and _plainly_valid(ana())
    assert not _plainly_valid(ana() | {"version": True}) and not _plainly_valid(ana() | {"display_name": "x" * 61})
