"""The final assessment (lesson 19): draw questions from every lesson's bank and score them by lesson.

Pure Python, no widgets. The draw is seeded with its own ``random.Random`` (never the global
random state), so the same banks and seed always give the same questions in the same order,
and the committed notebook stays identical under strict nbval. Each bank's questions are chosen
with a generator seeded from the seed *and* the bank's name, so adding a new lesson's bank does
not change which questions the other lessons give.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from lessons.quiz.bank import Question, QuestionBank, all_banks

FINAL_ASSESSMENT = "19_final_assessment"
DEFAULT_SEED = 2026
PER_LESSON = 2
MIN_QUESTIONS = 20
REVISIT_THRESHOLD = 0.75   # a lesson with less than 75% of its questions right is marked "revisit"

DrawnQuestion = tuple[str, Question]   # (lesson file, e.g. "03_herniated_disc", question)


class AssessmentError(ValueError):
    """The assessment cannot be built or scored as asked; the message says why in plain words."""


class LessonScore(NamedTuple):
    correct: int
    answered: int
    total: int

    @property
    def fraction(self) -> float:
        """Share of this lesson's questions answered correctly (unanswered ones count as not correct)."""
        return self.correct / self.total if self.total else 0.0


def lesson_banks(banks: Iterable[QuestionBank] | None = None) -> list[QuestionBank]:
    """The banks the assessment draws from, in course order: every lesson's bank except its own."""
    found = all_banks() if banks is None else list(banks)
    return sorted((bank for bank in found if bank.quiz != FINAL_ASSESSMENT and len(bank) > 0),
                  key=lambda bank: bank.quiz)


def questions_per_lesson(banks: Sequence[QuestionBank], per_lesson: int = PER_LESSON,
                         minimum: int = MIN_QUESTIONS) -> int:
    """How many questions to take from each bank: ``per_lesson``, raised until there are ``minimum``."""
    if isinstance(per_lesson, bool) or not isinstance(per_lesson, int) or per_lesson < 1:
        raise AssessmentError(f"per_lesson must be a whole number of at least 1, not {per_lesson!r}")
    if not banks:
        raise AssessmentError("there are no question banks to draw from")
    available = sum(len(bank) for bank in banks)
    if available < minimum:
        raise AssessmentError(f"the banks hold only {available} questions; the assessment needs {minimum}")
    count = per_lesson
    while sum(min(count, len(bank)) for bank in banks) < minimum:
        count += 1
    return count


def draw_questions(banks: Iterable[QuestionBank] | None = None, per_lesson: int = PER_LESSON,
                   seed: int = DEFAULT_SEED, minimum: int = MIN_QUESTIONS) -> tuple[DrawnQuestion, ...]:
    """Questions from every lesson bank (at least ``minimum`` in all), in a seeded random order.

    ``banks`` defaults to every bank shipped with the course. Same banks and seed, same result.
    """
    chosen_banks = lesson_banks(banks)
    count = questions_per_lesson(chosen_banks, per_lesson, minimum)
    drawn: list[DrawnQuestion] = []
    for bank in chosen_banks:
        picker = random.Random(f"{seed}:{bank.quiz}")
        drawn += [(bank.quiz, question)
                  for question in picker.sample(bank.questions, min(count, len(bank)))]
    random.Random(seed).shuffle(drawn)
    return tuple(drawn)


def question_key(lesson_file: str, question: Question) -> str:
    """A key unique across lessons (two banks may use the same question id)."""
    return f"{lesson_file}/{question.id}"


def score_by_lesson(results: Iterable[tuple[str, bool | None]]) -> dict[str, LessonScore]:
    """``results``: one ``(lesson file, correct)`` per drawn question, ``correct`` None if unanswered.

    Returns ``{lesson file: LessonScore(correct, answered, total)}`` in course order.
    """
    tally: dict[str, list[int]] = {}
    for lesson_file, correct in results:
        counts = tally.setdefault(lesson_file, [0, 0, 0])
        counts[2] += 1
        if correct is not None:
            counts[1] += 1
            counts[0] += bool(correct)
    return {lesson_file: LessonScore(*tally[lesson_file]) for lesson_file in sorted(tally)}


def check_threshold(threshold: float) -> float:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        raise AssessmentError(f"threshold must be a share between 0 and 1 (e.g. 0.75), not {threshold!r}")
    return float(threshold)


def lessons_to_revisit(scores: dict[str, LessonScore], threshold: float = REVISIT_THRESHOLD) -> list[str]:
    """Lessons where less than ``threshold`` of the questions were answered correctly, in course order."""
    limit = check_threshold(threshold)
    return [lesson_file for lesson_file, score in scores.items() if score.fraction < limit - 1e-9]
