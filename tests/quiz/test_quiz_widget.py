"""The quiz widget, driven from Python as a learner would drive it."""

from __future__ import annotations

import sqlite3

import pytest

from lessons.quiz.bank import load_bank
from lessons.quiz.widget import QuizWidget, quiz
from lessons.records.store import ENV_VAR, ProgressStore
from tests.conftest import GOOD_BANK


@pytest.fixture
def widget(write_yaml):
    return QuizWidget(load_bank(write_yaml(GOOD_BANK)))


def question(widget, qid):
    return next(q for q in widget.questions if q.question.id == qid)


def test_choosing_and_checking_shows_feedback_and_score(widget):
    q = question(widget, "single-one")
    q.control.value = "A"
    q.check_button.click()
    assert "✘ Not quite." in q.feedback.value and "A is wrong." in q.feedback.value
    assert "Score: 0 of 4 correct (1 of 4 answered)." in widget.score_label.value
    q.control.value = "B"
    q.check_button.click()
    assert "✔ Correct." in q.feedback.value
    assert "Score: 1 of 4 correct" in widget.score_label.value


def test_check_without_an_answer_asks_for_one(widget):
    q = question(widget, "single-one")
    q.check_button.click()
    assert "Choose one answer" in q.feedback.value
    assert "0 of 4 answered" in widget.score_label.value


def test_try_again_clears_the_answer_and_feedback(widget):
    for qid, answer in (("single-one", "A"), ("tf-one", "True"), ("num-one", "7")):
        q = question(widget, qid)
        q.control.value = answer
        q.check_button.click()
        q.retry_button.click()
        assert q.feedback.value == ""
        assert q.control.value in (None, "")
    multi = question(widget, "multi-one")
    multi.choices[1].value = True
    multi.retry_button.click()
    assert not any(box.value for box in multi.choices)


def test_multiple_select_and_true_false_from_the_widget(widget):
    multi = question(widget, "multi-one")
    multi.choices[0].value = multi.choices[2].value = True
    multi.check_button.click()
    assert "✔ Correct." in multi.feedback.value
    tf = question(widget, "tf-one")
    tf.control.value = "False"
    tf.check_button.click()
    assert "✔ Correct." in tf.feedback.value


def test_nonsense_numeric_input_gets_a_message_not_a_traceback(widget):
    q = question(widget, "num-one")
    q.control.value = "<b>five</b>"
    q.check_button.click()
    assert "Please type a number" in q.feedback.value
    q.control.value = "5"
    q.check_button.click()
    assert "✔ Correct." in q.feedback.value


def test_text_is_escaped_before_it_is_shown_as_html(write_yaml):
    hostile = GOOD_BANK.replace("prompt: Pick B", "prompt: \"<script>alert(1)</script> & Pick B\"")
    hostile = hostile.replace("title: A test quiz", "title: \"<img src=x onerror=alert(1)>\"")
    widget = QuizWidget(load_bank(write_yaml(hostile)))
    html = widget.questions[0].prompt.value + widget.heading.value
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp; Pick B" in html


def test_plain_text_form_is_a_sentence_not_a_widget_repr(widget):
    bundle = widget._repr_mimebundle_()
    assert bundle["text/plain"] == "Quiz: A test quiz (4 questions). Run this notebook in JupyterLab to answer it."
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_quiz_loads_a_shipped_bank_by_notebook_name():
    widget = quiz("01_anatomy_of_the_lower_back")
    assert len(widget.questions) == len(load_bank("01_anatomy_of_the_lower_back"))


def test_questions_of_a_quiz_share_layout_and_style_models(widget):
    """Shared models keep the executed notebook's widget state small (nothing visible changes)."""
    first, last = widget.questions[0], widget.questions[-1]
    assert first.shared is last.shared
    assert first.check_button.style is last.retry_button.style
    assert first.prompt.layout is last.feedback.layout


# --- saving progress ---------------------------------------------------------------------------

def test_checked_answers_are_saved_as_one_attempt(write_yaml, store):
    widget = QuizWidget(load_bank(write_yaml(GOOD_BANK)), store=store)
    q = question(widget, "single-one")
    q.check_button.click()                                  # no answer: nothing saved, no attempt
    assert store.attempts() == [] and store.answers() == []
    q.control.value = "A"
    q.check_button.click()
    q.control.value = "B"
    q.check_button.click()
    multi = question(widget, "multi-one")
    multi.choices[0].value = multi.choices[2].value = True
    multi.check_button.click()
    question(widget, "tf-one").control.value = "False"
    question(widget, "tf-one").check_button.click()
    question(widget, "num-one").control.value = " 5,0 "
    question(widget, "num-one").check_button.click()
    (attempt,) = store.attempts()
    assert (attempt.lesson, attempt.total, attempt.answered, attempt.correct) == ("99_test_lesson", 4, 4, 4)
    assert [(a.question, a.correct, a.chosen, a.attempt) for a in store.answers()] == [
        ("single-one", False, ("A",), attempt.number), ("single-one", True, ("B",), attempt.number),
        ("multi-one", True, ("A", "C"), attempt.number), ("tf-one", True, ("False",), attempt.number),
        ("num-one", True, (" 5,0 ",), attempt.number)]
    again = QuizWidget(load_bank(write_yaml(GOOD_BANK)), store=store, lesson="03_herniated_disc")
    question(again, "tf-one").control.value = "True"
    question(again, "tf-one").check_button.click()
    second = store.attempts()[-1]
    assert second.number != attempt.number and second.lesson == "03_herniated_disc"
    assert "could not be saved" not in again.score_label.value


class BrokenStore:
    notice = None

    def new_attempt(self, lesson, total):
        return 1

    def record_answer(self, *args):
        raise sqlite3.OperationalError("database is <locked>")


def test_a_failing_store_is_a_message_never_a_traceback(write_yaml):
    widget = QuizWidget(load_bank(write_yaml(GOOD_BANK)), store=BrokenStore())
    q = question(widget, "single-one")
    q.control.value = "B"
    q.check_button.click()
    assert "✔ Correct." in q.feedback.value
    label = widget.score_label.value
    assert "Score: 1 of 4 correct" in label
    assert "Checked, but your progress could not be saved: database is &lt;locked&gt;" in label


def test_no_default_store_is_a_message(write_yaml, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(ENV_VAR, str(blocker / "progress.sqlite3"))
    widget = QuizWidget(load_bank(write_yaml(GOOD_BANK)))
    question(widget, "tf-one").control.value = "False"
    question(widget, "tf-one").check_button.click()
    assert "could not be saved: the progress file could not be opened" in widget.score_label.value


def test_opening_a_notebook_creates_no_file_until_the_first_check(tmp_path, monkeypatch):
    from lessons.quiz.assessment_widget import final_assessment
    from lessons.topics.planner.widgets import StretchPlanner

    path = tmp_path / "data" / "progress.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    lesson_quiz = quiz("03_herniated_disc")
    final_assessment()
    StretchPlanner()
    assert not path.parent.exists()
    first = lesson_quiz.questions[0]
    first.check_button.click()                               # nothing chosen: still nothing saved
    assert not path.exists()
    first.control.index = 0
    first.check_button.click()
    (saved,) = ProgressStore(path).answers()
    assert saved.lesson == "03_herniated_disc" and saved.question == first.question.id
    assert saved.chosen == (first.question.options[0].text,)
    assert ProgressStore(path).attempts()[0].total == len(lesson_quiz.questions)


def test_a_set_aside_file_is_mentioned_once(write_yaml, tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"not a database" * 100)
    widget = QuizWidget(load_bank(write_yaml(GOOD_BANK)), store=ProgressStore(path))
    tf = question(widget, "tf-one")
    tf.control.value = "False"
    tf.check_button.click()
    assert "progress.sqlite3.unreadable-1" in widget.score_label.value
    tf.check_button.click()
    assert "unreadable" not in widget.score_label.value
    assert len(widget.progress.store.answers()) == 2


def test_saving_goes_on_after_the_progress_was_reset(write_yaml, store):
    widget = QuizWidget(load_bank(write_yaml(GOOD_BANK)), store=store)
    tf = question(widget, "tf-one")
    tf.control.value = "False"
    tf.check_button.click()
    store.reset()
    tf.check_button.click()
    assert "could not be saved" not in widget.score_label.value
    (attempt,) = store.attempts()
    assert attempt.answered == 1 and attempt.number == widget.progress.attempt
