"""The quiz widget, driven from Python as a learner would drive it."""

from __future__ import annotations

import pytest

from lessons.quiz import load_bank
from lessons.quiz_widget import QuizWidget, quiz
from tests.unit.test_quiz import GOOD_BANK


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
