"""The "My progress" page: status and what-next rules, its figures, the widget and its notebook."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import nbformat
import pytest

from lessons.kit import course
from lessons.kit.palette import OKABE_ITO
from lessons.kit.widget import escape
from lessons.progress import my_progress as dash
from lessons.progress.figures import STATUS_STYLE, history_figure, progress_figure
from lessons.progress.my_progress import (
    ProgressDashboard,
    dashboard,
    lesson_link_html,
    merged_text,
    progress_texts,
    upload_name,
)
from lessons.progress.summary import (
    COMPLETED,
    NOT_STARTED,
    STARTED,
    LessonProgress,
    bank_question_ids,
    lesson_progress,
    next_steps,
    score_history,
)
from lessons.quiz.assessment import FINAL_ASSESSMENT
from lessons.quiz.bank import load_bank
from lessons.records.results import MAX_BYTES, export_results
from lessons.records.store import Merged, ProgressStore
from tests.conftest import REPO

NO_STORE = progress_texts().no_store.headline, progress_texts().no_store.text
NO_SCORES = progress_texts().no_scores

NOTEBOOK = REPO / "notebooks" / "my_progress.ipynb"
HERNIA = "03_herniated_disc"
STENOSIS = "04_spinal_stenosis"


@pytest.fixture
def store(tmp_path) -> ProgressStore:
    return ProgressStore(tmp_path / "store" / "progress.sqlite3")


def take_quiz(store: ProgressStore, lesson: str, right: list[str], wrong: list[str] = ()) -> int:
    """One attempt at a lesson's quiz (the bank's size as its total), answering these questions."""
    attempt = store.new_attempt(lesson, len(load_bank(lesson)))
    for question in right:
        store.record_answer(attempt, lesson, question, True, ["a right answer"])
    for question in wrong:
        store.record_answer(attempt, lesson, question, False, ["a wrong answer"])
    return attempt


def ids(lesson: str) -> list[str]:
    return sorted(bank_question_ids(lesson))


def by_file(store: ProgressStore) -> dict:
    return {item.file: item for item in lesson_progress(store.attempts(), store.answers())}


# --- status rules -------------------------------------------------------------------------------------

def test_every_ready_lesson_is_listed_in_course_order_and_not_started_at_first(store):
    progress = lesson_progress(store.attempts(), store.answers())
    assert [item.file for item in progress] == [lesson.file for lesson in course.ready_lessons()]
    assert {item.status for item in progress} == {NOT_STARTED}
    hernia = next(item for item in progress if item.file == HERNIA)   # found by name: 02b comes before it
    assert hernia.name == "03 Herniated disc" and hernia.questions == len(load_bank(HERNIA))


def test_a_wrong_answer_starts_a_lesson_and_right_answers_over_attempts_complete_it(store):
    questions = ids(HERNIA)
    take_quiz(store, HERNIA, right=[], wrong=[questions[0]])
    assert by_file(store)[HERNIA].status == STARTED and by_file(store)[HERNIA].right == 0
    take_quiz(store, HERNIA, right=questions[:-1])
    item = by_file(store)[HERNIA]
    assert item.status == STARTED and item.right == len(questions) - 1
    assert item.percent == round(100 * (len(questions) - 1) / len(questions), 1)
    take_quiz(store, HERNIA, right=[questions[-1]], wrong=[questions[0]])   # right once is enough
    item = by_file(store)[HERNIA]
    assert item.status == COMPLETED and item.percent == 100.0
    assert by_file(store)[STENOSIS].status == NOT_STARTED


def test_unknown_question_ids_and_lessons_do_not_count(store):
    take_quiz(store, HERNIA, right=["not-a-question-id"])
    attempt = store.new_attempt("99_not_a_lesson", 3)
    store.record_answer(attempt, "99_not_a_lesson", "q1", True, ["x"])
    progress = by_file(store)
    assert progress[HERNIA].status == STARTED and progress[HERNIA].right == 0
    assert "99_not_a_lesson" not in progress


def test_final_assessment_is_completed_when_an_attempt_answered_all_its_questions(store):
    attempt = store.new_attempt(FINAL_ASSESSMENT, 3)
    for n, ok in enumerate((True, False)):
        store.record_answer(attempt, FINAL_ASSESSMENT, f"{HERNIA}/q{n}", ok, ["x"])
    item = by_file(store)[FINAL_ASSESSMENT]
    assert (item.status, item.right, item.questions) == (STARTED, 1, 3)
    store.record_answer(attempt, FINAL_ASSESSMENT, f"{STENOSIS}/q1", False, ["x"])
    assert by_file(store)[FINAL_ASSESSMENT].status == COMPLETED


# --- history and what next ----------------------------------------------------------------------------

def test_score_history_is_per_lesson_in_course_order_and_skips_attempts_without_answers(store):
    questions = ids(STENOSIS)
    take_quiz(store, STENOSIS, right=questions[:1])
    take_quiz(store, HERNIA, right=ids(HERNIA))
    store.new_attempt(HERNIA, 6)                               # Check pressed, nothing answered
    take_quiz(store, STENOSIS, right=questions)
    history = score_history(store.attempts())
    assert list(history) == [HERNIA, STENOSIS]
    assert history[HERNIA] == [100.0]
    assert history[STENOSIS] == [round(100 / len(questions), 1), 100.0]


def test_next_is_the_first_lesson_not_completed_and_revisit_uses_the_latest_score(store):
    take_quiz(store, "00_start_here", right=ids("00_start_here"))
    take_quiz(store, HERNIA, right=ids(HERNIA)[:1])            # low, then high: not to revisit
    take_quiz(store, HERNIA, right=ids(HERNIA))
    take_quiz(store, STENOSIS, right=ids(STENOSIS))            # high, then low: to revisit
    take_quiz(store, STENOSIS, right=ids(STENOSIS)[:1])
    progress = lesson_progress(store.attempts(), store.answers())
    steps = next_steps(progress, score_history(store.attempts()))
    assert steps.next_lesson == "01_anatomy_of_the_lower_back"
    assert steps.revisit == (STENOSIS,)
    assert next_steps(progress, score_history(store.attempts()), threshold=0.1).revisit == ()


def test_next_is_none_when_every_lesson_is_completed():
    progress = [LessonProgress(f, f, COMPLETED, 6, 6) for f in ("00_start_here", HERNIA)]
    assert next_steps(progress, {HERNIA: [100.0]}).next_lesson is None
    assert "completed every lesson" in dash.next_html(next_steps(progress, {}), progress)
    progress[1] = LessonProgress(HERNIA, "03", STARTED, 5, 6)
    assert next_steps(progress, {}).next_lesson == HERNIA
    assert "Carry on with" in dash.next_html(next_steps(progress, {}), progress)


def test_lesson_links_come_from_the_course_map():
    html = lesson_link_html(HERNIA)
    assert html.startswith('<a href="03_herniated_disc.ipynb"') and html.endswith(">03 Herniated disc</a>")


# --- figures ------------------------------------------------------------------------------------------

def test_progress_figure_has_a_bar_per_lesson_with_its_status_in_words(store):
    take_quiz(store, HERNIA, right=ids(HERNIA))
    take_quiz(store, STENOSIS, right=ids(STENOSIS)[:2])
    fig = progress_figure(lesson_progress(store.attempts(), store.answers()))
    traces = {trace.name: trace for trace in fig.data}
    assert set(traces) == {"Not started", "Started", "Completed"}
    assert traces["Completed"].y == ("03 Herniated disc",) and traces["Completed"].x == (100.0,)
    assert traces["Completed"].text[0].startswith("completed")
    assert traces["Started"].text == (f"started · 2 of {len(ids(STENOSIS))} right",)
    assert len(traces["Not started"].y) == len(course.ready_lessons()) - 2
    assert all(text.startswith("not started") for text in traces["Not started"].text)
    assert traces["Started"].marker.color == OKABE_ITO["orange"]
    patterns = {trace.marker.pattern.shape for trace in fig.data}
    assert len(patterns) == 3, "each status has its own fill pattern, not only a colour"
    assert list(fig.layout.yaxis.categoryarray)[:2] == ["00 Start here", "01 Anatomy of the lower back"]
    assert fig.layout.title.text and fig.layout.xaxis.title.text


def test_history_figure_has_one_line_per_lesson_with_attempts(store):
    take_quiz(store, HERNIA, right=ids(HERNIA)[:3])
    take_quiz(store, HERNIA, right=ids(HERNIA))
    take_quiz(store, STENOSIS, right=ids(STENOSIS))
    fig = history_figure(score_history(store.attempts()))
    assert [trace.name for trace in fig.data] == ["03 Herniated disc", "04 Spinal stenosis"]
    hernia = fig.data[0]
    assert hernia.x == (1, 2) and hernia.y == (round(300 / len(ids(HERNIA)), 1), 100.0)
    assert hernia.text[-1] == "100%"
    assert fig.data[0].marker.symbol != fig.data[1].marker.symbol
    assert "Attempt" in fig.layout.xaxis.title.text and "%" in fig.layout.yaxis.title.text


def test_every_status_has_a_style():
    assert set(STATUS_STYLE) == {NOT_STARTED, STARTED, COMPLETED}


# --- the widget ---------------------------------------------------------------------------------------

def test_no_store_gives_a_clear_message(monkeypatch):
    monkeypatch.setattr("lessons.records.store.default_store", lambda: None)
    widget = dashboard()
    assert NO_STORE[0] in widget.status.value
    assert len(widget.children) == 1
    assert ProgressDashboard(None).status.value == widget.status.value


def test_hostile_display_name_is_escaped_everywhere(store):
    store.set_display_name("<script>alert(1)</script>")
    widget = ProgressDashboard(store)
    assert "&lt;script&gt;" in widget.heading.value and "<script" not in widget.heading.value
    widget.name_box.value = "<img src=x onerror=alert(2)>"
    widget.save_name()
    assert "<img" not in widget.name_message.value and "&lt;img" in widget.name_message.value
    assert store.display_name() == "<img src=x onerror=alert(2)>"
    assert "<img" not in widget.heading.value


def test_saving_a_name_checks_it(store):
    widget = ProgressDashboard(store)
    widget.name_box.value = "   "
    widget.save_name()
    assert "Type a name first" in widget.name_message.value and store.display_name() == ""
    widget.name_box.value = "x" * 70
    widget.save_name()
    assert store.display_name() == "x" * 60 and "shortened" in widget.name_message.value


def test_notice_is_shown_at_the_top_escaped(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"<b>not a database</b>" * 100)
    store = ProgressStore(path)
    assert store.notice
    widget = ProgressDashboard(store)
    assert widget.children[0] is widget.notice
    assert "progress.sqlite3.unreadable-1" in widget.notice.value and "<b>" not in widget.notice.value


def test_scores_show_an_empty_message_until_there_is_an_attempt_and_refresh_rereads(store):
    widget = ProgressDashboard(store)
    assert escape(NO_SCORES) in widget.history_message.value and widget.history_chart.outputs == ()
    assert len(widget.progress_chart.outputs) == 1
    take_quiz(store, HERNIA, right=ids(HERNIA)[:1])          # as if in another notebook
    assert ">started<" not in widget.progress_table.value
    widget.refresh()
    assert widget.history_message.value == "" and len(widget.history_chart.outputs) == 1
    row = widget.progress_table.value.split('data-lesson="03_herniated_disc"')[1].split("</tr>")[0]
    assert ">started<" in row
    assert "Worth another look" in widget.next_card.value and "03 Herniated disc" in widget.next_card.value


def test_saved_plans_are_listed_escaped(store):
    assert "No saved plans yet" in ProgressDashboard(store).plans.value
    store.save_plan("Morning <b>stretch</b>", {"weeks": 2})
    html = ProgressDashboard(store).plans.value
    assert "Morning &lt;b&gt;stretch&lt;/b&gt;" in html and "<b>" not in html


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_writes_a_file_and_says_how_to_download_it(store, tmp_path, fmt):
    store.set_display_name("Sam")
    take_quiz(store, HERNIA, right=ids(HERNIA)[:1])
    widget = ProgressDashboard(store, export_folder=tmp_path / "exports")
    path = widget.export(fmt)
    assert path == tmp_path / "exports" / f"results-sam.{fmt}" and path.exists()
    if fmt == "json":
        assert json.loads(path.read_text(encoding="utf-8"))["display_name"] == "Sam"
    assert f"results-sam.{fmt}</a>" in widget.export_message.value
    assert "right-click" in widget.export_message.value and "Binder" in widget.export_message.value


def test_export_problem_is_a_message(store, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    widget = ProgressDashboard(store, export_folder=blocker / "exports")
    assert widget.export("json") is None
    assert "Could not save the file" in widget.export_message.value


# --- bringing saved progress back ---------------------------------------------------------------------

def uploaded(name: str, content: bytes) -> tuple[dict, ...]:
    """What ipywidgets 8's FileUpload holds after the learner chose one file."""
    return ({"name": name, "type": "application/json", "size": len(content), "content": memoryview(content),
             "last_modified": datetime(2026, 11, 25, 10, tzinfo=UTC)},)


@pytest.fixture
def exported(tmp_path):
    """A results file of another store: Sam's name, two lessons' answers and a plan (JSON and CSV)."""
    other = ProgressStore(tmp_path / "other" / "progress.sqlite3")
    other.set_display_name("Sam")
    take_quiz(other, HERNIA, right=ids(HERNIA)[:2], wrong=ids(HERNIA)[2:3])
    take_quiz(other, STENOSIS, right=ids(STENOSIS))
    other.save_plan("Morning <b>stretch</b>", {"weeks": 2})
    return {fmt: export_results(other, tmp_path / "out", fmt) for fmt in ("json", "csv")}


def exported_answers() -> int:
    return 3 + len(ids(STENOSIS))


def test_the_upload_accepts_one_results_file_and_is_labelled(store):
    widget = ProgressDashboard(store)
    upload = widget.upload
    assert upload.accept == ".json,.csv" and upload.multiple is False
    assert upload.description == "Choose a saved file" and upload.tooltip
    row = next(child for child in widget.children if upload in getattr(child, "children", ()))
    assert widget.import_message in widget.children
    heading = widget.children[widget.children.index(row) - 1].value
    assert "Bring back saved progress" in heading and progress_texts().import_intro in heading


def test_an_uploaded_json_file_brings_everything_back_and_redraws_the_page(store, exported):
    widget = ProgressDashboard(store)
    assert ">started<" not in widget.progress_table.value and "No saved plans yet" in widget.plans.value
    widget.upload.value = uploaded("results-sam.json", exported["json"].read_bytes())
    message = widget.import_message.value
    assert "course-feedback-right" in message and "Opened results-sam.json." in message
    assert f"Added {exported_answers()} answers from 2 quizzes and 1 plan." in message
    assert "already here" not in message
    assert widget.upload.value == (), "the file's content is not kept in the widget"
    row = widget.progress_table.value.split('data-lesson="03_herniated_disc"')[1].split("</tr>")[0]
    assert ">started<" in row and "Morning &lt;b&gt;stretch&lt;/b&gt;" in widget.plans.value
    assert "Hello, Sam" in widget.heading.value and widget.name_box.value == "Sam"
    assert len(widget.history_chart.outputs) == 1
    widget.upload.value = uploaded("results-sam.json", exported["json"].read_bytes())   # the same file again
    assert "Everything in this file was already here, so nothing was added." in widget.import_message.value
    assert len(store.answers()) == exported_answers()


def test_an_uploaded_csv_file_brings_back_the_answers(store, exported):
    widget = ProgressDashboard(store)
    merged = widget.bring_back(uploaded("results-sam.csv", exported["csv"].read_bytes()))
    assert merged.answers_added == exported_answers() and merged.plans_added == 0
    assert f"Added {exported_answers()} answers from 2 quizzes." in widget.import_message.value
    assert ">completed<" in widget.progress_table.value.split('data-lesson="04_spinal_stenosis"')[1]


def test_answers_already_here_are_counted_and_a_taken_plan_name_is_said(store, exported):
    store.save_plan("Morning <b>stretch</b>", {"weeks": 6})
    widget = ProgressDashboard(store)
    widget.bring_back(uploaded("results-sam.csv", exported["csv"].read_bytes()))
    merged = widget.bring_back(uploaded("results-sam.json", exported["json"].read_bytes()))
    assert (merged.answers_added, merged.answers_already_there, merged.plans_added) == (0, exported_answers(), 1)
    message = widget.import_message.value
    assert f"Added 1 plan. {exported_answers()} answers were already here." in message
    assert ("You already had a different plan called “Morning &lt;b&gt;stretch&lt;/b&gt;”, so the one from the file "
            "was added as “Morning &lt;b&gt;stretch&lt;/b&gt; (imported)”.") in message
    assert "<b>" not in message


@pytest.mark.parametrize(("name", "content", "words"), [
    ("results-sam.json", b"{not json", "is not valid JSON (line 1)"),
    ("notes.txt", b"hello", "is not a .json or .csv file"),
    ("results-sam.csv", b"name,score\nSam,3\n", "field &#x27;header&#x27;"),
    ("results-sam.json", b"\xff\xfe\x00 binary", "is not a UTF-8 text file"),
    ("big.json", b" " * (MAX_BYTES + 1), "is larger than 5 MB"),
])
def test_a_bad_file_is_a_clear_message_and_changes_nothing(store, name, content, words):
    take_quiz(store, HERNIA, right=ids(HERNIA)[:1])
    before = store.answers(), store.attempts(), store.plans()
    widget = ProgressDashboard(store)
    widget.upload.value = uploaded(name, content)
    message = widget.import_message.value
    assert "course-feedback-wrong" in message and "This file could not be brought back." in message
    assert f"{name}: " in message or f"{name}, field" in message
    assert words in message and "Nothing was changed." in message and "Traceback" not in message
    assert (store.answers(), store.attempts(), store.plans()) == before and widget.upload.value == ()


def test_an_uploaded_file_name_is_escaped_and_its_folder_left_out(store, exported):
    hostile = "<img src=x onerror=alert(1)>.json"
    widget = ProgressDashboard(store)
    widget.upload.value = uploaded(hostile, b"[1, 2]")
    assert "<img" not in widget.import_message.value and "&lt;img src=x" in widget.import_message.value
    widget.upload.value = uploaded("C:\\Users\\sam\\results-sam.json", exported["json"].read_bytes())
    assert "Opened results-sam.json." in widget.import_message.value and "Users" not in widget.import_message.value
    assert upload_name({"name": ""}) == "the file" and upload_name({"name": "a/b/c.csv"}) == "c.csv"


def test_an_upload_without_content_is_a_message(store):
    widget = ProgressDashboard(store)
    assert widget.bring_back(({"name": "results-sam.json", "content": None},)) is None
    assert "arrived without its content" in widget.import_message.value
    assert widget.bring_back(()) is None, "a cleared upload does nothing"


def test_a_store_that_cannot_be_written_says_so_when_bringing_back(exported):
    widget = ProgressDashboard(BrokenStore())
    assert widget.bring_back(uploaded("results-sam.json", exported["json"].read_bytes())) is None
    assert "could not be saved" in widget.import_message.value and "database is locked" in widget.import_message.value


@pytest.mark.parametrize(("merged", "text"), [
    (Merged(12, 3, 1, 40, 3), "Added 12 answers from 3 quizzes and 1 plan. 40 answers were already here."),
    (Merged(1, 1, 0, 1, 1), "Added 1 answer from 1 quiz. 1 answer was already here."),
    (Merged(0, 0, 2, 5, 0), "Added 2 plans. 5 answers were already here."),
    (Merged(0, 0, 0, 5, 0), "Everything in this file was already here, so nothing was added."),
    (Merged(3, 1, 0, 0, 1), "Added 3 answers from 1 quiz."),
])
def test_what_was_brought_back_in_words(merged, text):
    assert merged_text(merged) == text


def test_reset_asks_first_and_keeps_a_backup(store):
    take_quiz(store, HERNIA, right=ids(HERNIA))
    widget = ProgressDashboard(store)
    assert widget.confirm_row.layout.display == "none"
    widget.ask_reset()
    assert widget.confirm_row.layout.display == "flex" and store.answers(), "asking deletes nothing"
    widget.cancel_reset()
    assert widget.confirm_row.layout.display == "none" and store.answers()
    assert "Nothing was deleted" in widget.reset_message.value
    widget.ask_reset()
    yes = widget.confirm_row.children[0]
    assert yes.description == "Yes, delete my progress"
    yes.click()
    assert store.answers() == [] and widget.confirm_row.layout.display == "none"
    backups = list(store.path.parent.glob("progress.sqlite3.backup-*"))
    assert len(backups) == 1 and backups[0].name in widget.reset_message.value
    assert str(backups[0].parent) not in widget.reset_message.value, "the file name only, not the folder"
    assert ">started<" not in widget.progress_table.value


def test_after_a_reset_the_exported_file_brings_the_progress_back(store, tmp_path):
    take_quiz(store, HERNIA, right=ids(HERNIA)[:2])
    store.save_plan("Evening", {"weeks": 1})
    widget = ProgressDashboard(store, export_folder=tmp_path / "exports")
    path = widget.export("json")
    before = [(a.lesson, a.question, a.correct, a.chosen, a.answered_at) for a in store.answers()]
    widget.reset()
    assert store.answers() == [] and "was deleted" in widget.reset_message.value
    widget.upload.value = uploaded(path.name, path.read_bytes())
    assert [(a.lesson, a.question, a.correct, a.chosen, a.answered_at) for a in store.answers()] == before
    assert [p.name for p in store.plans()] == ["Evening"] and widget.reset_message.value == ""
    assert ">started<" in widget.progress_table.value


def test_location_is_shown_only_on_request(store):
    widget = ProgressDashboard(store)
    state = json.dumps([child.get_state() for child in widget.children if hasattr(child, "get_state")], default=str)
    assert store.path.name not in state and widget.where_message.value == ""
    widget.show_location()
    assert store.location_text() in widget.where_message.value


class BrokenStore:
    notice = None

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise sqlite3.OperationalError("database is locked")
        return fail


def test_a_store_that_cannot_be_read_gives_a_message_not_a_traceback():
    widget = ProgressDashboard(BrokenStore())
    assert "could not be read" in widget.status.value and "database is locked" in widget.status.value
    widget.name_box.value = "Sam"
    widget.save_name()
    assert "could not be saved" in widget.name_message.value
    assert widget.reset() is None and "could not be reset" in widget.reset_message.value


def test_plain_text_is_a_sentence():
    bundle = ProgressDashboard(None)._repr_mimebundle_()
    assert bundle["text/plain"].startswith("My progress:")


# --- the notebook -------------------------------------------------------------------------------------

def test_progress_notebook_is_thin_executed_and_has_no_paths():
    raw = NOTEBOOK.read_text(encoding="utf-8")
    nb = nbformat.reads(raw, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert any("dashboard()" in cell.source for cell in code)
    for cell in code:
        assert len(cell.source.strip().splitlines()) <= 8, cell.source
        assert cell.execution_count is not None, "commit the notebook executed"
        assert not [o for o in cell.outputs if o.output_type == "error" or o.get("name") == "stderr"]
    for path_text in (str(REPO), "/tmp/", "/home/", "~/", "progress.sqlite3"):
        assert path_text not in raw, path_text
    assert NOTEBOOK.stat().st_size < 1_000_000
    assert "<script" not in json.dumps([cell.get("outputs", []) for cell in code])
    text = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    assert text.startswith("# My progress") and "00_start_here.ipynb" in text
    assert "Binder" in text and "keyboard" in text.lower()
