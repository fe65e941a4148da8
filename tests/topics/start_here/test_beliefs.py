"""The beliefs check of lessons 00 and 19 (issue 16): content, the pure model, the widget and the change figure."""

from __future__ import annotations

import sqlite3

import pytest

from lessons.kit.data import ContentError
from lessons.quiz import beliefs_widget
from lessons.quiz.beliefs import (
    END,
    START,
    beliefs_path,
    change_sentence,
    feedback,
    learner_changes,
    load_beliefs,
    problems,
    ready_answers,
)
from lessons.quiz.beliefs_figures import change_figure
from lessons.quiz.beliefs_widget import beliefs_check
from lessons.records.store import BeliefAnswer, StoreBusy
from tests.conftest import broken_copy, load_error, shown_figure

CHECK = load_beliefs()


def b(lesson, statement, answer, sureness="fairly", at="2026-11-25T10:00:00Z"):
    return BeliefAnswer(lesson, statement, answer, "" if answer == "not_sure" else sureness, at)


# ---------------------------------------------------------------- content

def test_the_shipped_check_has_5_to_8_cited_statements_on_both_sides():
    assert 5 <= len(CHECK) <= 8
    assert {s.research_says for s in CHECK.statements} == {"agree", "disagree"}   # not every answer is "disagree"
    assert all(s.refs for s in CHECK.statements)
    assert "osullivan-2020-back-to-basics" in {ref for s in CHECK.statements for ref in s.refs}
    assert list(CHECK.answer_labels) == ["agree", "not_sure", "disagree"]


@pytest.mark.parametrize(("change", "field", "item"), [
    (lambda d: d["statements"][0].update(refs=["no-such-ref"]), "refs.0", "scan_shows_cause"),
    (lambda d: d["statements"][1].update(id="scan_shows_cause"), "id", "scan_shows_cause"),
    (lambda d: d["statements"][0].update(text="Scans <b>"), "statements.0.text", "scan_shows_cause"),
    (lambda d: d["statements"][0].pop("explanation"), "statements.0.explanation", "scan_shows_cause"),
    (lambda d: d.update(statements=d["statements"][:4]), "statements", None),
    (lambda d: d["answers"].reverse(), "answers", None),
])
def test_a_broken_beliefs_file_names_file_item_and_field(tmp_path, change, field, item):
    error = load_error(load_beliefs, broken_copy(tmp_path, beliefs_path(), change))
    assert isinstance(error, ContentError) and error.field == field and error.item == item


# ---------------------------------------------------------------- model

def test_feedback_says_whether_the_answer_is_the_side_research_supports():
    assert feedback(CHECK, "scan_shows_cause", "disagree")[0] == CHECK.feedback["matches"]
    assert feedback(CHECK, "scan_shows_cause", "agree")[0] == CHECK.feedback["differs"]
    assert feedback(CHECK, "exercise_is_safe", "agree")[0] == CHECK.feedback["matches"]
    headline, body = feedback(CHECK, "rest_is_best", "not_sure")
    assert headline == CHECK.feedback["not_sure"] and body == CHECK.statement("rest_is_best").explanation
    with pytest.raises(ValueError, match="must be one of"):
        feedback(CHECK, "rest_is_best", "Agree")
    with pytest.raises(KeyError):
        feedback(CHECK, "no_such", "agree")


def test_only_complete_answers_are_ready_and_missing_sureness_is_named():
    chosen = {"scan_shows_cause": ("agree", None), "rest_is_best": ("not_sure", None),
              "pain_means_damage": ("disagree", "very"), "worse_with_age": (None, "very"),
              "nonsense": ("agree", "very")}
    assert ready_answers(CHECK, chosen) == [("rest_is_best", "not_sure", ""), ("pain_means_damage", "disagree", "very")]
    assert problems(CHECK, chosen) == ["Statement 1: choose how sure you are."]


def test_changes_pair_the_first_start_answer_with_the_latest_end_answer():
    changes = {c.statement.id: c for c in learner_changes(CHECK, [
        b(START, "scan_shows_cause", "agree", "very"), b(START, "scan_shows_cause", "disagree"),
        b(END, "scan_shows_cause", "not_sure"), b(END, "scan_shows_cause", "disagree", "a_little"),
        b(START, "exercise_is_safe", "agree"), b(END, "exercise_is_safe", "agree"),
        b(END, "rest_is_best", "agree"), b("03_herniated_disc", "worse_with_age", "agree"), b(START, "gone", "agree")])}
    scan = changes["scan_shows_cause"]
    assert scan.start.answer == "agree" and scan.end.answer == "disagree" and scan.moved == "toward"
    assert changes["exercise_is_safe"].moved == "no change" and changes["rest_is_best"].moved is None
    assert changes["worse_with_age"].start is None
    assert change_sentence(CHECK, scan) == "At the start: Agree (very sure). At the end: Disagree (a little sure)."
    assert (change_sentence(CHECK, changes["rest_is_best"])
            == "At the start: no answer saved. At the end: Agree (fairly sure).")
    assert change_sentence(CHECK, changes["exercise_is_safe"]).endswith("No change.")


def test_the_change_figure_uses_symbols_not_colour_alone_and_has_no_score():
    changes = learner_changes(CHECK, [b(START, "scan_shows_cause", "agree"), b(END, "scan_shows_cause", "disagree")])
    fig = change_figure(CHECK, changes)
    symbols = [t.marker.symbol for t in fig.data]
    assert symbols == ["square-open", "circle-open", "diamond"]
    assert list(fig.data[1].x) == [1] and list(fig.data[2].x) == [-1] and len(fig.layout.annotations) == 1
    assert list(fig.layout.xaxis.ticktext) == ["Disagree", "Not sure", "Agree"]
    assert "%" not in fig.layout.title.text and "score" not in fig.layout.title.text.lower()
    empty = change_figure(CHECK, learner_changes(CHECK, []))
    assert empty.layout.annotations[0].text == "No answers saved yet."


# ---------------------------------------------------------------- widget

def test_opening_the_check_shows_no_feedback_and_touches_no_store(monkeypatch):
    monkeypatch.setattr(beliefs_widget, "open_default_store", lambda: pytest.fail("store opened too early"))
    widget = beliefs_check()
    assert all(w.feedback.value == "" for w in widget.statements) and widget.status.value == ""
    assert "score" in widget.heading.value.lower() and len(widget.statements) == len(CHECK)   # "there is no score"
    assert all(w.answer.value is None and w.sureness.value is None for w in widget.statements)


def test_save_shows_feedback_only_under_answered_statements_and_saves_them(store):
    widget = beliefs_check(store=store)
    widget.save()
    assert CHECK.texts["nothing_chosen"] in widget.status.value and store.beliefs() == []
    first, second, third = widget.statements[:3]
    first.answer.value, first.sureness.value = "agree", "very"
    second.answer.value = "not_sure"
    third.answer.value = "disagree"                                # no "how sure" yet
    assert second.sureness.disabled and not first.sureness.disabled
    widget.save()
    assert CHECK.statement("scan_shows_cause").explanation in first.feedback.value
    assert CHECK.statement("rest_is_best").explanation in second.feedback.value
    assert third.feedback.value == "" and widget.statements[3].feedback.value == ""
    assert "Statement 3: choose how sure you are." in widget.status.value
    assert [(x.lesson, x.statement, x.answer, x.sureness) for x in store.beliefs()] == [
        (START, "scan_shows_cause", "agree", "very"), (START, "rest_is_best", "not_sure", "")]
    third.sureness.value = "a_little"
    widget.save()                                                  # only the new answer is saved again
    assert [x.statement for x in store.beliefs()] == ["scan_shows_cause", "rest_is_best", "pain_means_damage"]


def test_lesson_19_draws_the_learners_own_change(store):
    store.record_beliefs(START, [("scan_shows_cause", "agree", "very")])
    widget = beliefs_check(END, store=store)
    assert widget.change_output.outputs == ()
    widget.statements[0].answer.value, widget.statements[0].sureness.value = "disagree", "fairly"
    widget.save()
    assert "At the start: Agree (very sure). At the end: Disagree (fairly sure)." in widget.change_text.value
    figure = shown_figure(widget.change_output)
    assert [trace["x"] for trace in figure["data"][1:]] == [[1], [-1]]
    assert [x.lesson for x in store.beliefs()] == [START, END]


def test_lesson_19_without_start_answers_says_there_is_nothing_to_compare(store):
    widget = beliefs_check(END, store=store)
    widget.statements[1].answer.value = "not_sure"
    widget.save()
    assert CHECK.texts["no_start"] in widget.change_text.value


class Busy:
    notice = not_kept = None

    def __init__(self):
        self.calls = 0
        self.saved = []

    def record_beliefs(self, lesson, answers, at):
        self.calls += 1
        if self.calls == 1:
            raise StoreBusy("busy")
        self.saved.append((lesson, list(answers)))

    def beliefs(self):
        return []


def test_a_busy_store_keeps_the_answers_and_saves_them_with_the_next_save():
    store = Busy()
    widget = beliefs_check(store=store)
    widget.statements[0].answer.value, widget.statements[0].sureness.value = "agree", "very"
    widget.save()
    assert CHECK.texts["busy"] in widget.status.value and store.saved == []
    assert CHECK.statement("scan_shows_cause").explanation in widget.statements[0].feedback.value
    widget.save()
    assert store.saved == [(START, [("scan_shows_cause", "agree", "very")])]
    assert CHECK.texts["saved"] in widget.status.value


@pytest.mark.parametrize("error", [sqlite3.OperationalError("disk I/O error"), OSError(28, "No space left")])
def test_a_failing_store_gives_a_message_never_a_traceback(monkeypatch, error):
    def fail():
        raise error
    monkeypatch.setattr(beliefs_widget, "open_default_store", fail)
    widget = beliefs_check(END)
    widget.statements[0].answer.value = "not_sure"
    widget.save()
    assert CHECK.texts["saved_here_only"] in widget.status.value
    assert "<" not in widget.status.value.split("<strong>")[1].split("</strong>")[0].replace("ℹ ", "")
    assert widget.change_output.outputs != ()                      # the chart still draws (empty)
