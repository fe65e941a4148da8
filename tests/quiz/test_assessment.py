"""Lesson 19 (final assessment): drawing questions, scoring by lesson, the chart and the widget.

The tests use the course's real banks only through properties that hold whatever banks exist
(other lessons' banks are still being written), plus small made-up banks for exact numbers.
"""

from __future__ import annotations

import pytest

from lessons.quiz import assessment
from lessons.quiz.assessment import (
    FINAL_ASSESSMENT,
    MIN_QUESTIONS,
    AssessmentError,
    LessonScore,
    draw_questions,
    lesson_banks,
    lessons_to_revisit,
    question_key,
    questions_per_lesson,
    score_by_lesson,
)
from lessons.quiz.assessment_widget import (
    FinalAssessment,
    assessment_texts,
    final_assessment,
    lesson_link_html,
    results_card,
)
from lessons.quiz.bank import Question, QuestionBank, all_banks
from lessons.quiz.figures import REVISIT_PATTERN, bar_text, lesson_name, results_figure
from lessons.quiz.widget import QuestionWidget
from lessons.records.store import ProgressStore
from tests.conftest import shown_figure

START_RESULTS = assessment_texts().start_results


def fake_bank(name: str, n: int) -> QuestionBank:
    questions = tuple(Question(id=f"q{i}", type="true_false", prompt=f"{name} statement {i}",
                               explanation="Because.", answer=True) for i in range(n))
    return QuestionBank(name, f"Quiz {name}", questions, f"{name}.yml")


FAKE = [fake_bank(f"{n:02d}_lesson", 5) for n in range(8)]


def answer(widget: QuestionWidget, right: bool = True) -> None:
    """Answer a question widget the way a learner would (set the control), then press Check."""
    q = widget.question
    if q.type == "single":
        wanted = [i for i, option in enumerate(q.options) if option.correct == right][0]
        widget.control.index = wanted
    elif q.type == "true_false":
        widget.control.value = "True" if q.answer == right else "False"
    elif q.type == "multiple":
        ticks = [option.correct for option in q.options]
        if not right:
            ticks[0] = not ticks[0]
            ticks = ticks if any(ticks) else [True] * len(ticks)
        for box, tick in zip(widget.choices, ticks, strict=True):
            box.value = tick
    else:
        widget.control.value = str(q.answer if right else q.answer + q.tolerance + 1000)
    widget.check_button.click()


# --- drawing the questions ----------------------------------------------------------------------

def test_draw_is_deterministic_and_at_least_twenty():
    first, second = draw_questions(), draw_questions()
    assert first == second
    assert len(first) >= MIN_QUESTIONS
    keys = [question_key(f, q) for f, q in first]
    assert len(set(keys)) == len(keys), "no question twice"


def test_every_existing_lesson_bank_is_represented():
    banks = [bank for bank in all_banks() if bank.quiz != FINAL_ASSESSMENT]
    drawn_from = {lesson_file for lesson_file, _ in draw_questions()}
    assert drawn_from == {bank.quiz for bank in banks}
    assert FINAL_ASSESSMENT not in drawn_from
    for lesson_file, question in draw_questions():
        bank = next(b for b in banks if b.quiz == lesson_file)
        assert question in bank.questions


def test_the_final_assessments_own_bank_is_skipped():
    own = fake_bank(FINAL_ASSESSMENT, 5)
    assert own not in lesson_banks([*FAKE, own])
    assert {f for f, _ in draw_questions([*FAKE, own])} == {b.quiz for b in FAKE}


def test_seed_changes_the_order_not_the_rule():
    a, b = draw_questions(FAKE, seed=1), draw_questions(FAKE, seed=2)
    assert a != b
    assert len(a) == len(b) == 8 * 3   # 2 per lesson gives 16 < 20, so 3 per lesson


def test_order_is_shuffled_not_course_order():
    drawn = draw_questions(FAKE)
    files = [f for f, _ in drawn]
    assert files != sorted(files)


def test_global_random_state_is_untouched():
    import random
    random.seed(5)
    expected = random.random()
    random.seed(5)
    draw_questions(FAKE)
    assert random.random() == expected


def test_adding_a_bank_keeps_the_other_lessons_questions():
    before = {question_key(f, q) for f, q in draw_questions(FAKE)}
    after = {question_key(f, q) for f, q in draw_questions([*FAKE, fake_bank("08_lesson", 5)])}
    assert before < after


def test_per_lesson_is_raised_until_there_are_enough():
    assert questions_per_lesson(FAKE, 2) == 3
    assert questions_per_lesson(FAKE, 4) == 4
    small = [fake_bank("00_a", 1), fake_bank("01_b", 30)]
    assert questions_per_lesson(small, 2) == 19          # 1 + 19 = 20
    assert len(draw_questions(small)) == 20


@pytest.mark.parametrize("per_lesson", [0, -1, 1.5, "2", True])
def test_bad_per_lesson_is_a_clear_error(per_lesson):
    with pytest.raises(AssessmentError, match="per_lesson"):
        draw_questions(FAKE, per_lesson=per_lesson)


def test_too_few_questions_is_a_clear_error():
    with pytest.raises(AssessmentError, match="only 10 questions"):
        draw_questions([fake_bank("00_a", 10)])
    with pytest.raises(AssessmentError, match="no question banks"):
        draw_questions([])


# --- scoring ------------------------------------------------------------------------------------

RESULTS = [("03_herniated_disc", True), ("03_herniated_disc", False), ("08_sciatica", True),
           ("08_sciatica", True), ("00_start_here", None), ("00_start_here", True)]


def test_score_by_lesson():
    scores = score_by_lesson(RESULTS)
    assert list(scores) == ["00_start_here", "03_herniated_disc", "08_sciatica"]
    assert scores["03_herniated_disc"] == LessonScore(1, 2, 2)
    assert scores["08_sciatica"] == LessonScore(2, 2, 2)
    assert scores["00_start_here"] == LessonScore(1, 1, 2)
    assert scores["00_start_here"].fraction == 0.5
    assert score_by_lesson([]) == {}


def test_lessons_to_revisit_threshold():
    scores = score_by_lesson(RESULTS)
    assert lessons_to_revisit(scores) == ["00_start_here", "03_herniated_disc"]
    assert lessons_to_revisit(scores, threshold=0.5) == []
    assert lessons_to_revisit(scores, threshold=1) == ["00_start_here", "03_herniated_disc"]
    three = {"x": LessonScore(2, 3, 3)}
    assert lessons_to_revisit(three, 2 / 3) == []            # exactly at the threshold is enough
    assert lessons_to_revisit(three, 0.75) == ["x"]


@pytest.mark.parametrize("threshold", [0, -0.5, 1.5, "0.7", None])
def test_bad_threshold_is_a_clear_error(threshold):
    with pytest.raises(AssessmentError, match="threshold"):
        lessons_to_revisit({}, threshold)


# --- the chart and the card ---------------------------------------------------------------------

def test_results_figure_marks_revisit_with_pattern_and_words():
    scores = score_by_lesson(RESULTS)
    fig = results_figure(scores)
    bars = {trace.name: trace for trace in fig.data}
    revisit, good, words = bars["Revisit this lesson"], bars["Well done"], bars["scores"]
    assert list(revisit.y) == [lesson_name("00_start_here"), lesson_name("03_herniated_disc")]
    assert list(words.text) == ["1 of 2 correct (1 not answered) · revisit", "1 of 2 correct · revisit",
                                "2 of 2 correct"]
    assert revisit.marker.pattern.shape == REVISIT_PATTERN and not good.marker.pattern.shape
    assert list(good.y) == ["08 Sciatica"] and list(good.x) == [100.0]
    assert "revisit" in fig.layout.xaxis.title.text
    assert revisit.marker.color != good.marker.color
    assert list(fig.layout.yaxis.categoryarray) == ["00 Start here", "03 Herniated disc", "08 Sciatica"]
    assert fig.layout.shapes[0].x0 == 75 and fig.layout.shapes[0].line.dash == "dash"


def test_bar_text_and_names():
    assert bar_text(LessonScore(1, 1, 2), True) == "1 of 2 correct (1 not answered) · revisit"
    assert bar_text(LessonScore(2, 2, 2), False) == "2 of 2 correct"
    assert lesson_name("03_herniated_disc") == "03 Herniated disc"
    assert lesson_name("99_not_in_map") == "99_not_in_map"


def test_results_card_lists_lessons_to_revisit_with_links():
    card = results_card(score_by_lesson(RESULTS))
    assert "You got 4 of 6 questions right" in card and "(5 of 6 answered)" in card
    assert "not answered count as not correct" in card
    assert '<a href="03_herniated_disc.ipynb">03 Herniated disc</a>: 1 of 2 correct' in card
    assert "08 Sciatica" not in card
    all_right = results_card({"08_sciatica": LessonScore(2, 2, 2)})
    assert "No lessons to revisit" in all_right and "not answered" not in all_right


def test_lesson_link_only_for_ready_lessons():
    assert lesson_link_html("03_herniated_disc") == '<a href="03_herniated_disc.ipynb">03 Herniated disc</a>'
    assert "<a" not in lesson_link_html("99_<b>")
    assert "&lt;b&gt;" in lesson_link_html("99_<b>")


# --- the widget, driven from Python -------------------------------------------------------------

def test_widget_looks_like_a_quiz():
    widget = final_assessment()
    assert "course-quiz" in widget._dom_classes
    assert len(widget.questions) == len(widget.drawn) >= MIN_QUESTIONS
    assert all("course-question" in q._dom_classes for q in widget.questions)
    assert widget.score_label.value == ('<p class="course-quiz-score" role="status">'
                                        f"Score: 0 of {len(widget.drawn)} correct "
                                        f"(0 of {len(widget.drawn)} answered).</p>")
    first_file, _ = widget.drawn[0]
    prompt = widget.questions[0].prompt.value
    assert f"From lesson {lesson_name(first_file)}" in prompt and "<strong>1.</strong>" in prompt
    assert any(q.question.type in ("single", "true_false") for q in widget.questions)
    assert START_RESULTS in widget.card.value and widget.figure.outputs == ()
    assert widget._repr_mimebundle_()["text/plain"] == FinalAssessment.plain_text


def test_answering_updates_the_score_and_results():
    widget = FinalAssessment(draw_questions(FAKE))
    total = len(widget.drawn)
    widget.questions[0].check_button.click()            # no answer: not counted
    assert f"(0 of {total} answered)" in widget.score_label.value
    answer(widget.questions[0], right=True)
    answer(widget.questions[1], right=False)
    answer(widget.questions[2], right=True)
    assert widget.score_label.value.endswith(f"Score: 2 of {total} correct (3 of {total} answered).</p>")
    widget.questions[1].retry_button.click()             # Try again keeps the last graded result
    answer(widget.questions[1], right=True)
    assert f"Score: 3 of {total} correct" in widget.score_label.value

    scores = widget.show_results()
    assert sum(s.correct for s in scores.values()) == 3 and sum(s.total for s in scores.values()) == total
    assert shown_figure(widget.figure)
    assert "Lessons to revisit" in widget.card.value
    assert set(widget.revisit()) == set(scores)           # at most 1 of 3 right in any lesson


def test_all_right_means_nothing_to_revisit():
    widget = FinalAssessment(draw_questions(FAKE))
    for question in widget.questions:
        answer(question, right=True)
    widget.results_button.click()
    assert widget.revisit() == []
    assert "No lessons to revisit" in widget.card.value
    assert len(widget.figure.outputs) == 1


def test_real_questions_can_be_answered_right_and_wrong():
    widget = final_assessment()
    for question in widget.questions[:6]:
        answer(question, right=True)
    for question in widget.questions[6:10]:
        answer(question, right=False)
    total = len(widget.drawn)
    assert f"Score: 6 of {total} correct (10 of {total} answered)." in widget.score_label.value
    widget.results_button.click()
    assert widget.figure.outputs and "Your results" in widget.card.value


def test_seed_gives_a_different_order_in_the_widget():
    assert [q.question for q in final_assessment(seed=7).questions] != \
           [q.question for q in final_assessment().questions]
    assert assessment.DEFAULT_SEED == 2026


def test_each_question_names_its_lesson_and_shares_models():
    widget = final_assessment()
    first = widget.questions[0]
    assert first.prompt.value.startswith('<p class="course-question-lesson"><em>From lesson ')
    assert first.shared is widget.shared and first.check_button.style is widget.shared.button


def test_shared_models_keep_the_widget_small():
    widget = final_assessment()
    layouts = {id(child.layout) for question in widget.questions
               for child in (question, question.prompt, question.check_button, question.feedback)}
    assert len(layouts) == 1


def test_checked_answers_are_saved_under_the_final_assessment(tmp_path):
    store = ProgressStore(tmp_path / "progress.sqlite3")
    widget = FinalAssessment(draw_questions(FAKE), store=store)
    widget.questions[0].check_button.click()              # no answer: nothing saved
    assert store.attempts() == []
    answer(widget.questions[0], right=False)
    answer(widget.questions[0], right=True)
    answer(widget.questions[3], right=False)
    (attempt,) = store.attempts()
    assert (attempt.lesson, attempt.total) == (FINAL_ASSESSMENT, len(widget.drawn))
    assert (attempt.answered, attempt.correct) == (2, 1)
    keys = [question_key(lesson_file, q) for lesson_file, q in widget.drawn]
    assert [(a.lesson, a.question, a.correct) for a in store.answers()] == [
        (FINAL_ASSESSMENT, keys[0], False), (FINAL_ASSESSMENT, keys[0], True), (FINAL_ASSESSMENT, keys[3], False)]
    assert store.answers()[1].chosen == ("True",)
