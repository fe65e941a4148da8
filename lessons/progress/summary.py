"""What a learner's saved answers say, lesson by lesson: pure functions, no widgets, no store.

The functions take the store's ``attempts()`` and ``answers()`` lists (``lessons.records.store``),
so they are tested with small made-up records. A lesson is:

- *not started*: nothing recorded for it;
- *started*: a quiz attempt or an answer was recorded;
- *completed*: every question of its bank (``lessons.quiz.bank.load_bank``) was answered correctly at
  least once, in any attempt. The final assessment draws its questions from the other banks, so it
  is completed when one attempt of it had all of its questions answered.

An attempt in which no question was answered (Check pressed with nothing chosen) has no score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from lessons.kit import course
from lessons.quiz.assessment import FINAL_ASSESSMENT, REVISIT_THRESHOLD, check_threshold
from lessons.quiz.bank import has_bank, load_bank
from lessons.quiz.figures import lesson_name

NOT_STARTED, STARTED, COMPLETED = "not started", "started", "completed"
STATUSES = (NOT_STARTED, STARTED, COMPLETED)


@dataclass(frozen=True)
class LessonProgress:
    file: str           # "03_herniated_disc"
    name: str           # "03 Herniated disc"
    status: str         # one of STATUSES
    right: int          # questions ever answered correctly
    questions: int      # questions in its bank (final assessment: in its longest attempt)

    @property
    def percent(self) -> float:
        return round(100 * min(self.right, self.questions) / self.questions, 1) if self.questions else 0.0


@cache
def bank_question_ids(file: str) -> frozenset[str] | None:
    """The question ids of a lesson's bank, or None if the lesson has no bank."""
    if not has_bank(file):
        return None
    return frozenset(question.id for question in load_bank(file).questions)


def attempt_percent(attempt) -> float:
    return 100 * attempt.correct / attempt.total if attempt.total else 0.0


def _status(started: bool, completed: bool) -> str:
    return COMPLETED if completed else STARTED if started else NOT_STARTED


def lesson_progress(attempts: Iterable, answers: Iterable,
                    files: Sequence[str] | None = None) -> list[LessonProgress]:
    """Progress of every lesson in ``files`` (default: every ready lesson), in course order."""
    files = [item.file for item in course.ready_lessons()] if files is None else list(files)
    attempts, answers = list(attempts), list(answers)
    started = {a.lesson for a in attempts} | {a.lesson for a in answers}
    right: dict[str, set[str]] = {}
    for answer in answers:
        if answer.correct:
            right.setdefault(answer.lesson, set()).add(answer.question)
    found = []
    for file in files:
        got = right.get(file, set())
        if file == FINAL_ASSESSMENT:
            own = [a for a in attempts if a.lesson == file]
            questions = max((a.total for a in own), default=0)
            done = any(a.total > 0 and a.answered >= a.total for a in own)
            count = len(got)
        else:
            ids = bank_question_ids(file) or frozenset()
            questions, count = len(ids), len(got & ids)
            done = bool(ids) and ids <= got
        found.append(LessonProgress(file, lesson_name(file), _status(file in started, done), count, questions))
    return found


def score_history(attempts: Iterable, files: Sequence[str] | None = None) -> dict[str, list[float]]:
    """``{lesson: [score % of each attempt, in the order taken]}`` for lessons with a scored attempt,
    in course order. Only attempts with at least one answer count."""
    files = [item.file for item in course.ready_lessons()] if files is None else list(files)
    history: dict[str, list[float]] = {}
    for attempt in attempts:
        if attempt.lesson in files and attempt.answered > 0:
            history.setdefault(attempt.lesson, []).append(round(attempt_percent(attempt), 1))
    return {file: history[file] for file in files if file in history}


@dataclass(frozen=True)
class NextSteps:
    next_lesson: str | None      # the first lesson in course order not completed (None: all done)
    revisit: tuple[str, ...]     # lessons whose latest scored attempt was below the threshold


def next_steps(progress: Sequence[LessonProgress], history: dict[str, list[float]],
               threshold: float = REVISIT_THRESHOLD) -> NextSteps:
    limit = 100 * check_threshold(threshold)
    upcoming = next((item.file for item in progress if item.status != COMPLETED), None)
    revisit = tuple(file for file, scores in history.items() if scores and scores[-1] < limit - 1e-9)
    return NextSteps(upcoming, revisit)
