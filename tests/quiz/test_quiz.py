"""The question model, bank validation and grading (pure Python, no widgets)."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.quiz.bank import QUESTION_TYPES, QuizScore, all_banks, grade, load_bank, parse_number
from tests.conftest import GOOD_BANK


@pytest.fixture
def bank(write_yaml):
    return load_bank(write_yaml(GOOD_BANK))


def break_bank(write_yaml, old: str, new: str):
    assert old in GOOD_BANK, "the test must change something that is there"
    return write_yaml(GOOD_BANK.replace(old, new, 1))


def test_good_bank_loads_into_questions(bank):
    assert bank.quiz == "99_test_lesson"
    assert [q.type for q in bank.questions] == ["single", "multiple", "true_false", "numeric"]
    assert bank.question("single-one").correct_indices == {1}
    with pytest.raises(KeyError):
        bank.question("missing")


@pytest.mark.parametrize(
    ("old", "new", "item", "field", "problem"),
    [
        ("      - {text: B, correct: true, explanation: Yes.}", "      - {text: B, explanation: Yes.}",
         "single-one", "questions.0.options", "no correct option"),
        ("      - {text: A, explanation: A is wrong.}", "      - {text: A, correct: true, explanation: A.}",
         "single-one", "questions.0.options", "more than one correct"),
        ("      - {text: A, correct: true, explanation: Yes A.}\n      - {text: B, explanation: B is wrong.}\n"
         "      - {text: C, correct: true, explanation: Yes C.}",
         "      - {text: A, explanation: Yes A.}\n      - {text: B, explanation: B is wrong.}",
         "multi-one", "questions.1.options", "no correct option"),
        ("  - id: tf-one", "  - id: single-one", "single-one", "questions.2.id", "duplicate question id"),
        ("    type: true_false", "    type: essay", "tf-one", "questions.2.type", "must be one of"),
        ("    explanation: Five.\n", "", "num-one", "questions.3.explanation", "required"),
        ("      - {text: B, explanation: B is wrong.}", "      - {text: B}", None,
         "questions.1.options.1.explanation", "required"),
        ("    tolerance: 0.5\n", "", "num-one", "questions.3.tolerance", "required"),
        ("    answer: false", "    answer: nope", "tf-one", "questions.2.answer", "boolean"),
    ],
    ids=["single-no-correct", "single-two-correct", "multiple-no-correct", "duplicate-id", "unknown-type",
         "missing-explanation", "option-without-explanation", "numeric-without-tolerance", "tf-not-bool"],
)
def test_bad_bank_names_file_question_and_field(write_yaml, old, new, item, field, problem):
    path = break_bank(write_yaml, old, new)
    with pytest.raises(ContentError) as error:
        load_bank(path)
    message = str(error.value)
    assert path.name in message
    assert field in message
    assert problem in message
    if item:
        assert f"item '{item}'" in message


def test_bank_that_is_not_yaml_names_the_file_and_line(write_yaml):
    path = write_yaml("quiz: [unclosed\n")
    with pytest.raises(ContentError, match=r"bank\.yml.*not valid YAML at line"):
        load_bank(path)


def test_missing_bank_is_a_content_error():
    with pytest.raises(ContentError, match="no lesson of this name in the course map"):
        load_bank("99_no_such_lesson")
    with pytest.raises(ContentError, match="cannot be read"):    # a lesson with no bank of its own
        load_bank("19_final_assessment")


def test_single_choice_grading(bank):
    q = bank.question("single-one")
    right, wrong, empty = grade(q, 1), grade(q, 0), grade(q, None)
    assert (right.valid, right.correct, right.notes) == (True, True, ())
    assert (wrong.valid, wrong.correct, wrong.notes) == (True, False, ("A is wrong.",))
    assert wrong.explanation == "B is right."
    assert not empty.valid and "Choose one answer" in empty.headline


def test_multiple_select_grading(bank):
    q = bank.question("multi-one")
    assert grade(q, {0, 2}).correct
    extra = grade(q, {0, 1, 2})
    assert not extra.correct and extra.notes == ("B is wrong.",)
    partial = grade(q, {0})
    assert not partial.correct and "1 more answer is also correct" in partial.notes[0]
    assert not grade(q, set()).valid


def test_true_false_grading(bank):
    q = bank.question("tf-one")
    assert grade(q, False).correct
    assert not grade(q, True).correct
    assert not grade(q, None).valid


@pytest.mark.parametrize(("typed", "valid", "correct"), [
    ("5", True, True), (" 5.4 ", True, True), ("5,4", True, True), ("4.4", True, False),
    ("", False, False), ("five", False, False), ("nan", False, False), ("inf", False, False),
    ("1e308", False, False), ("619,000", False, False), ("5,400", False, False), ("5,40", True, True),
    (5, True, True), ("-5", True, False), ("1000000000000", True, False), ("1000000000001", False, False),
])
def test_numeric_grading_reads_typed_text(bank, typed, valid, correct):
    result = grade(bank.question("num-one"), typed)
    assert (result.valid, result.correct) == (valid, correct)
    if not valid:
        assert "Please type a number" in result.headline


def test_parse_number():
    assert parse_number("3,5") == 3.5
    assert parse_number("abc") is None


def test_score_counts_latest_valid_answer_per_question(bank):
    score = QuizScore.for_bank(bank)
    q = bank.question("single-one")
    score.record(q.id, grade(q, 0))
    assert (score.correct, score.answered) == (0, 1)
    score.record(q.id, grade(q, 1))
    score.record("tf-one", grade(bank.question("tf-one"), None))  # not an answer: not counted
    assert (score.correct, score.answered) == (1, 1)
    assert score.summary() == "Score: 1 of 4 correct (1 of 4 answered)."


def test_every_shipped_bank_is_a_full_quiz():
    banks = all_banks()
    assert banks, "the course ships question banks"
    for bank in banks:
        assert len(bank) >= 6, bank.quiz
        assert len({q.type for q in bank.questions}) >= 3, f"{bank.quiz} mixes question types"
        assert {q.type for q in bank.questions} <= set(QUESTION_TYPES)
