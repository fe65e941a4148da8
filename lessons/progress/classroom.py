"""A class's results, for a teacher: load a folder of exported results files, then count.

Pure functions, no widgets. ``load_class`` never raises: a file it cannot use goes into
``skipped`` with the reason in plain words. A lesson's status (completed / started / not started)
is decided by ``lessons.progress.summary.lesson_progress``, the same rule as the learner's own
dashboard. Item analysis looks at each learner's *first* answer to each question.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import course
from lessons.kit.inputs import shown
from lessons.kit.names import match_key
from lessons.progress.summary import STATUSES, lesson_progress
from lessons.quiz.assessment import FINAL_ASSESSMENT
from lessons.quiz.bank import Question, has_bank, load_bank, parse_number
from lessons.quiz.beliefs import BeliefsCheck, ClassMove, class_moves, load_beliefs
from lessons.records.results import LearnerResults, ResultsError, read_results

# The made-up sample class is course material beside teachers/ (like the notebooks), not package data:
# SAMPLE_DIR is the repository's copy; an installed package (pip install, no source tree) has none, and
# teachers/class_results.ipynb then looks for SAMPLE_FOLDER beside teachers/ in the course folder it came in.
SAMPLE_DIR = Path(__file__).resolve().parents[2] / "assets" / "sample_class"
SAMPLE_FOLDER = "../assets/sample_class"   # as typed in teachers/class_results.ipynb
LEFT_OUT = "Left out a correct answer (no wrong option ticked)"


@dataclass(frozen=True)
class ClassResults:
    learners: tuple[LearnerResults, ...]
    skipped: tuple[tuple[str, str], ...]   # (file name, reason in plain words)
    notice: str | None = None              # why nothing could be loaded (missing or empty folder)


def _reason(error: ResultsError) -> str:
    return f"field '{error.field}': {error.problem}" if error.field else error.problem


def quoted(text: str) -> str:
    """A folder name as typed, in quotes; a long or odd one cut short (``lessons.kit.inputs.shown``)."""
    return f"'{text}'" if len(text) <= 80 and text.isprintable() else shown(text)


def _folder_files(folder: Path, typed: str) -> list[Path] | str:
    """The results files in ``folder``, JSON first then by name, or why the folder cannot be used."""
    try:
        if not folder.exists():
            return (f"There is no folder called {quoted(typed)}. Type the folder that holds the "
                    "learners' results files (relative to this notebook, or a full path).")
        if not folder.is_dir():
            return f"{quoted(typed)} is a file, not a folder. Type the folder that holds it."
        found = [p for p in folder.iterdir() if p.suffix.lower() in (".json", ".csv") and not p.name.startswith(".")]
    except PermissionError:
        return f"The folder {quoted(typed)} cannot be opened: you do not have permission to read it."
    except (OSError, ValueError) as error:      # a name too long, a character no folder name can have...
        why = getattr(error, "strerror", None) or "it is not a name a folder can have"
        return f"The folder {quoted(typed)} cannot be opened ({why.lower()}). Check the folder name."
    return sorted(found, key=lambda p: (p.suffix.lower() != ".json", p.name))


def load_class(folder: Path | str) -> ClassResults:
    """Every ``*.json`` and ``*.csv`` file in ``folder`` (JSON first, then by name); never raises.

    Two files whose names match after ``lessons.kit.names.match_key`` (case, Unicode forms, spaces and
    common look-alike letters) are the same learner: the second is skipped with the reason.
    """
    typed = str(folder)
    try:
        files = _folder_files(Path(folder).expanduser(), typed)
    except (OSError, ValueError, RuntimeError):      # expanduser: no home folder for "~someone"
        files = f"There is no folder called {quoted(typed)}. Type the folder that holds the learners' results files."
    if isinstance(files, str):
        return ClassResults((), (), files)
    learners, skipped, seen = [], [], {}
    for path in files:
        try:
            learner = read_results(path)
        except ResultsError as error:
            skipped.append((path.name, _reason(error)))
            continue
        except Exception as error:  # noqa: BLE001 -- one strange file must never hide the whole class
            skipped.append((path.name, f"could not be read ({type(error).__name__}); it is not a course "
                                       "results file the course can use"))
            continue
        key = match_key(learner.display_name)
        if key and key in seen:
            first, first_name = seen[key]
            same = ("the same learner name as" if learner.display_name == first_name else
                    f"the learner name {shown(learner.display_name)} counts as the same as {shown(first_name)} in")
            skipped.append((path.name, f"field 'display_name': {same} {first}; if these are two people, ask one "
                                       "of them to change their name and export again"))
            continue
        if key:
            seen[key] = (path.name, learner.display_name)
        learners.append(learner)
    notice = None
    if not files:
        notice = f"The folder {quoted(typed)} has no .json or .csv files. Put the learners' results files in it."
    elif not learners:
        notice = "None of the files could be used: the list below says why."
    return ClassResults(tuple(learners), tuple(skipped), notice)


def quiz_lessons() -> list[str]:
    """The ready lessons that have a quiz (their own bank, or the final assessment), in course order."""
    return [item.file for item in course.ready_lessons()
            if item.file == FINAL_ASSESSMENT or has_bank(item.file)]


def class_progress(learners: Sequence[LearnerResults],
                   files: Sequence[str] | None = None) -> dict[str, dict[str, int]]:
    """``{lesson: {"completed": n, "started": n, "not started": n}}`` in course order."""
    files = quiz_lessons() if files is None else list(files)
    counts = {file: dict.fromkeys(STATUSES, 0) for file in files}
    for learner in learners:
        for item in lesson_progress(learner.attempts, learner.answers, files):
            counts[item.file][item.status] += 1
    return counts


@cache
def _bank_questions(lesson: str) -> dict[str, Question]:
    if not has_bank(lesson):
        return {}
    return {q.id: q for q in load_bank(lesson).questions}


def find_question(lesson: str, question: str) -> Question | None:
    """The bank question behind an answer (final assessment: ``"03_herniated_disc/q1"``), or None."""
    if lesson == FINAL_ASSESSMENT:
        lesson, _, question = question.partition("/")
    if course.number_of(lesson) is None or "/" in lesson or "\\" in lesson:
        return None
    return _bank_questions(lesson).get(question)


@dataclass(frozen=True)
class ItemStat:
    lesson: str
    question: str
    prompt: str
    answered: int      # learners who answered it at least once
    missed: int        # ... whose first answer was wrong

    @property
    def share(self) -> float:
        return self.missed / self.answered if self.answered else 0.0

    @property
    def label(self) -> str:
        """Short and unique: "03 q2", or "19 · 03/q2" for the final assessment."""
        lesson, question = course.number_of(self.lesson) or self.lesson, self.question
        if self.lesson == FINAL_ASSESSMENT:
            source, _, qid = question.partition("/")
            question = f"· {course.number_of(source) or source}/{qid}"
        return f"{lesson} {question}"


_first_answers_of: list = [None, None]    # the last learners tuple asked about, and its answer


def first_answers(learners: Sequence[LearnerResults]) -> dict[tuple[str, str], list]:
    """``{(lesson, question): [each learner's first answer]}`` for questions found in the banks.

    The class view asks again each time a question is picked: for the same tuple of learners (a
    class's learners never change once loaded) the last result is reused."""
    if isinstance(learners, tuple) and _first_answers_of[0] is learners:
        return _first_answers_of[1]
    found: dict[tuple[str, str], list] = {}
    in_bank: dict[tuple[str, str], bool] = {}
    for learner in learners:
        seen = set()
        for answer in learner.answers:
            key = (answer.lesson, answer.question)
            if key in seen:
                continue
            known = in_bank.get(key)
            if known is None:
                known = in_bank[key] = find_question(*key) is not None
            if known:
                seen.add(key)
                found.setdefault(key, []).append(answer)
    if isinstance(learners, tuple):
        _first_answers_of[:] = [learners, found]
    return found


def item_analysis(learners: Sequence[LearnerResults], min_learners: int = 1) -> list[ItemStat]:
    """Each question answered by at least ``min_learners``, most missed first (share, then count)."""
    order = {file: index for index, file in enumerate(quiz_lessons())}
    stats = [ItemStat(lesson, question, find_question(lesson, question).prompt, len(firsts),
                      sum(not answer.correct for answer in firsts))
             for (lesson, question), firsts in first_answers(learners).items() if len(firsts) >= min_learners]
    return sorted(stats, key=lambda s: (-s.share, -s.missed, order.get(s.lesson, 99), s.question))


def _wrong_parts(question: Question, chosen: tuple[str, ...]) -> list[str]:
    if question.type == "multiple":
        right = {o.text for o in question.options if o.correct}
        wrong = [text for text in chosen if text not in right]
        return wrong or [LEFT_OUT]
    if question.type == "numeric":
        value = parse_number(chosen[0]) if chosen else None
        return [f"{value:g}" if value is not None else (chosen[0] if chosen else "(no answer)")]
    return [chosen[0] if chosen else "(no answer)"]


def wrong_choices(learners: Sequence[LearnerResults], lesson: str, question: str) -> list[tuple[str, int]]:
    """How many learners picked each wrong answer on their first try, most picked first."""
    bank_question = find_question(lesson, question)
    if bank_question is None:
        return []
    counts: Counter[str] = Counter()
    for answer in first_answers(learners).get((lesson, question), []):
        if not answer.correct:
            counts.update(_wrong_parts(bank_question, answer.chosen))
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def class_beliefs(learners: Sequence[LearnerResults], check: BeliefsCheck | None = None) -> list[ClassMove]:
    """Per statement of the beliefs check: the class's answers at the start (each learner's first in lesson 00)
    and at the end (their latest in lesson 19), and how many moved toward what research supports. CSV results
    files carry no beliefs, so those learners are not counted here."""
    return class_moves(check or load_beliefs(), [learner.beliefs for learner in learners])
