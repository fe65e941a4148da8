"""Quiz questions and grading: pure Python, no widgets.

A question bank is a YAML file, ``lessons/topics/<topic>/content/quiz.yml`` (one per notebook).
``load_bank`` validates it (schema plus the rules a schema cannot say, such as
"a single-choice question has exactly one correct option") and ``grade`` turns a
learner's response into feedback. The widget in ``quiz_widget.py`` only displays this.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence, Set
from dataclasses import dataclass
from pathlib import Path

from lessons.kit import course, data, triage
from lessons.kit.inputs import NUMBER_RULE, NumberError, read_number, shown

QUESTION_TYPES = ("single", "multiple", "true_false", "numeric")
# The longest answer the course keeps: the teacher's reader (lessons/records/results.py) refuses a
# results file whose saved answers are longer (``chosen`` items, maxLength in results.schema.json).
MAX_ANSWER_CHARS = 1000
# A typed numeric answer may be from -NUMBER_LIMIT to NUMBER_LIMIT (a million million).
NUMBER_LIMIT = 10**12
NUMBER_HINT = f"Type a number, for example 12 or 3.5, no bigger than a million million. {NUMBER_RULE}"


class AnswerError(ValueError):
    """A response of the wrong type or out of range for its question (the widgets never send one).

    ``question`` is the question id; the message says what the question expects.
    """

    def __init__(self, question: str, expected: str, got: object):
        self.question = question
        super().__init__(f"Question {question!r} expects {expected}, not {shown(got)}.")


@dataclass(frozen=True)
class Option:
    text: str
    explanation: str
    correct: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str
    explanation: str
    options: tuple[Option, ...] = ()
    answer: float | bool | None = None
    tolerance: float = 0.0
    unit: str = ""
    topic: str = ""

    @property
    def correct_indices(self) -> frozenset[int]:
        return frozenset(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True)
class QuestionBank:
    quiz: str
    title: str
    questions: tuple[Question, ...]
    source: str

    def __len__(self) -> int:
        return len(self.questions)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


@dataclass(frozen=True)
class Feedback:
    """What the learner sees after pressing Check."""

    valid: bool          # False: the response could not be read (e.g. no option chosen)
    correct: bool
    headline: str        # short verdict in words, never colour alone
    explanation: str     # why: the question's explanation
    notes: tuple[str, ...] = ()  # explanations of the wrong options the learner picked


def _check_rules(raw: dict, path: Path) -> None:
    """Rules the JSON schema cannot express; errors name the question and field."""
    name = data.display_name(path)
    seen: set[str] = set()
    for index, question in enumerate(raw["questions"]):
        qid = question["id"]
        if qid in seen:
            raise data.ContentError(name, "duplicate question id", item=qid,
                                    field=f"questions.{index}.id")
        seen.add(qid)
        options = question.get("options", [])
        n_correct = sum(1 for option in options if option.get("correct"))
        texts = [option["text"].strip().lower() for option in options]
        if len(set(texts)) != len(texts):
            raise data.ContentError(name, "two options have the same text", item=qid,
                                    field=f"questions.{index}.options")
        if question["type"] == "single" and n_correct != 1:
            problem = "has no correct option" if n_correct == 0 else "has more than one correct option"
            raise data.ContentError(name, f"a single-choice question {problem}", item=qid,
                                    field=f"questions.{index}.options")
        if question["type"] == "multiple" and n_correct == 0:
            raise data.ContentError(name, "a multiple-select question has no correct option",
                                    item=qid, field=f"questions.{index}.options")


def parse_bank(raw: object, path: Path) -> QuestionBank:
    """Validate a parsed bank and build the immutable model."""
    data.validate(raw, "quiz", path)
    raw = triage.expand_all(raw, data.display_name(path))
    _check_rules(raw, path)
    questions = tuple(
        Question(
            id=q["id"], type=q["type"], prompt=q["prompt"].strip(),
            explanation=q["explanation"].strip(),
            options=tuple(Option(o["text"].strip(), o["explanation"].strip(),
                                 bool(o.get("correct", False))) for o in q.get("options", [])),
            answer=q.get("answer"), tolerance=float(q.get("tolerance", 0.0)),
            unit=q.get("unit", ""), topic=q.get("topic", ""),
        )
        for q in raw["questions"]
    )
    return QuestionBank(raw["quiz"], raw["title"], questions, data.display_name(path))


def bank_path(lesson_file: str) -> Path:
    """Where a lesson's question bank lives: ``lessons/topics/<topic>/content/quiz.yml``."""
    return course.lesson(lesson_file).folder / "content" / "quiz.yml"


def has_bank(lesson_file: str) -> bool:
    """Whether ``lesson_file`` is a lesson of the course map with a question bank of its own."""
    try:
        return bank_path(lesson_file).is_file()
    except KeyError:        # not a lesson of the course map
        return False


def load_bank(name_or_path: str | Path) -> QuestionBank:
    """Load the bank for a notebook (``"01_anatomy_of_the_lower_back"``) or from a path."""
    path = Path(name_or_path)
    if path.suffix not in (".yml", ".yaml"):
        try:
            path = bank_path(str(name_or_path))
        except KeyError:
            raise data.ContentError(f"{name_or_path}.yml", "no lesson of this name in the course map "
                                    "(lessons/kit/content/course.yml), so no question bank", field="file") from None
    return parse_bank(data.read_yaml(path), path)


def all_banks() -> list[QuestionBank]:
    """Every question bank shipped with the course, in course order."""
    return [load_bank(item.file) for item in course.lessons() if has_bank(item.file)]


def parse_number(text) -> float | None:
    """Read a learner's typed number ("5", " 5.0 ", "5,5"); None if it is not a number.

    The course's one rule for typed numbers (``lessons.kit.inputs.read_number``): a point or a comma for
    decimals, no thousands separator ("1,000" is unclear and gives None), at most
    ``lessons.kit.inputs.MAX_NUMBER_CHARS`` characters and no bigger than ``NUMBER_LIMIT`` either way.
    """
    try:
        return read_number(text, "Answer", -NUMBER_LIMIT, NUMBER_LIMIT, allowed=NUMBER_HINT)
    except NumberError:
        return None


def _verdict(correct: bool) -> str:
    return "Correct." if correct else "Not quite."


def _multiple_expected(question: Question) -> str:
    return f"a set, list or tuple of option numbers (int) from 0 to {len(question.options) - 1}"


def _option_index(question: Question, response: object, where: str) -> int:
    """An option number of this question, or an AnswerError saying which numbers it has."""
    last = len(question.options) - 1
    if isinstance(response, bool) or not isinstance(response, int) or not 0 <= response <= last:
        expected = (_multiple_expected(question) if where
                    else f"an option number (int) from 0 to {last}")
        raise AnswerError(question.id, expected, response)
    return response


def grade(question: Question, response) -> Feedback:
    """Grade one response.

    ``response`` is an option index (single), a collection of indices (multiple),
    a bool (true/false) or the typed text or number (numeric). ``None`` or an
    empty selection is not graded: the feedback asks for an answer instead, as it does for typed
    text that is not a number or is longer than ``MAX_ANSWER_CHARS`` (nothing is graded or saved).
    A response of the wrong type or out of range raises :class:`AnswerError`: a bool for true/false
    (not the text "False", not 0 or 1), an int option number for single, a collection of them for
    multiple, a str or a finite number for numeric.
    """
    if question.type == "single":
        if response is None:
            return Feedback(False, False, "Choose one answer, then press Check.", "")
        index = _option_index(question, response, "")
        correct = index in question.correct_indices
        notes = () if correct else (question.options[index].explanation,)
        return Feedback(True, correct, _verdict(correct), question.explanation, notes)

    if question.type == "multiple":
        if response is not None and (isinstance(response, (str, bytes)) or not isinstance(response, (Set, Sequence))):
            raise AnswerError(question.id, _multiple_expected(question), response)
        chosen = frozenset(_option_index(question, item, " in a collection") for item in response or ())
        if not chosen:
            return Feedback(False, False, "Tick at least one answer, then press Check.", "")
        right = question.correct_indices
        correct = chosen == right
        notes = tuple(question.options[i].explanation for i in sorted(chosen - right))
        if not correct and not notes:
            missed = len(right - chosen)
            notes = (f"You are on the right track: {missed} more answer"
                     f"{' is' if missed == 1 else 's are'} also correct.",)
        return Feedback(True, correct, _verdict(correct), question.explanation, notes)

    if question.type == "true_false":
        if response is None:
            return Feedback(False, False, "Choose True or False, then press Check.", "")
        if not isinstance(response, bool):
            raise AnswerError(question.id, "True or False (a bool)", response)
        correct = response == question.answer
        return Feedback(True, correct, _verdict(correct), question.explanation)

    if question.type == "numeric":
        if response is None:
            response = ""
        if isinstance(response, bool) or not isinstance(response, (str, numbers.Real)):
            raise AnswerError(question.id, "the typed text (a str) or a finite number", response)
        if isinstance(response, float) and not math.isfinite(response):
            raise AnswerError(question.id, "the typed text (a str) or a finite number", response)
        if isinstance(response, str) and len(response) > MAX_ANSWER_CHARS:
            return Feedback(False, False, f"This answer is too long to check or save ({len(response):,} "
                                          f"characters; at most {MAX_ANSWER_CHARS}). {NUMBER_HINT}", "")
        try:
            value = read_number(response, "Answer", -NUMBER_LIMIT, NUMBER_LIMIT, allowed=NUMBER_HINT)
        except NumberError as problem:
            if problem.kind == "empty":
                return Feedback(False, False, "Please type a number, for example 12 or 3.5.", "")
            return Feedback(False, False, f"Please type a number: {problem.reason}", "")
        correct = abs(value - question.answer) <= question.tolerance + 1e-9
        return Feedback(True, correct, _verdict(correct), question.explanation)

    raise ValueError(f"unknown question type {question.type!r}")


@dataclass
class QuizScore:
    """Latest result per question; the score is how many are currently correct."""

    total: int
    results: dict[str, bool]

    @classmethod
    def for_bank(cls, bank: QuestionBank) -> QuizScore:
        return cls(len(bank), {})

    def record(self, question_id: str, feedback: Feedback) -> None:
        if feedback.valid:
            self.results[question_id] = feedback.correct

    @property
    def correct(self) -> int:
        return sum(self.results.values())

    @property
    def answered(self) -> int:
        return len(self.results)

    def summary(self) -> str:
        return (f"Score: {self.correct} of {self.total} correct"
                f" ({self.answered} of {self.total} answered).")
