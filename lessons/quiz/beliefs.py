"""The beliefs check (lessons 00 and 19): the same statements about back pain at the start and at the end.

Pure Python, no widgets. The statements are content, ``lessons/topics/start_here/content/beliefs.yml``
(checked against ``beliefs.schema.json`` beside it, plus the rules a schema cannot say). The learner answers
each one agree / not sure / disagree and says how sure they are; the progress store keeps the answers
(``lessons.records.store.BeliefAnswer``). This is a teaching tool, not a validated questionnaire: nothing
here adds answers up into a score. ``learner_changes`` pairs a learner's answer at the start (their *first*
saved answer in lesson 00) with their answer at the end (their *latest* in lesson 19), statement by statement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import course, data, references
from lessons.quiz.assessment import FINAL_ASSESSMENT
from lessons.records.store import BELIEF_ANSWERS, SURENESS, BeliefAnswer

START = "00_start_here"
END = FINAL_ASSESSMENT
WHEN = {START: "at the start", END: "at the end"}
POSITION = {"disagree": -1, "not_sure": 0, "agree": 1}     # where an answer sits on the figures' scale


@dataclass(frozen=True)
class Statement:
    id: str
    number: int          # 1, 2, ... in the order of the file
    text: str
    research_says: str   # "agree" or "disagree"
    explanation: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class BeliefsCheck:
    title: str
    answer_labels: dict[str, str]     # {"agree": "Agree", ...} in BELIEF_ANSWERS order
    sureness_labels: dict[str, str]   # {"a_little": "A little sure", ...} in SURENESS order
    feedback: dict[str, str]          # "matches", "differs", "not_sure"
    texts: dict[str, str]             # what the widget says around the statements
    statements: tuple[Statement, ...]
    source: str

    def statement(self, statement_id: str) -> Statement:
        for statement in self.statements:
            if statement.id == statement_id:
                return statement
        raise KeyError(statement_id)

    def __len__(self) -> int:
        return len(self.statements)


def beliefs_path() -> Path:
    """``lessons/topics/<lesson 00's topic>/content/beliefs.yml``."""
    return course.lesson(START).folder / "content" / "beliefs.yml"


def _choices(raw: list, ids: tuple[str, ...], field: str, name: str) -> dict[str, str]:
    found = [choice["id"] for choice in raw]
    if tuple(found) != ids:
        raise data.ContentError(name, f"must be {', '.join(ids)} in this order, not {', '.join(map(str, found))}",
                                field=field)
    return {choice["id"]: choice["label"] for choice in raw}


def parse_beliefs(raw: dict, path: Path) -> BeliefsCheck:
    """Validate a loaded beliefs file (schema, then unique ids and known references) and build the model."""
    name = data.display_name(path)
    data.validate(raw, "beliefs", path)
    seen = set()
    statements = []
    for number, item in enumerate(raw["statements"], start=1):
        if item["id"] in seen:
            raise data.ContentError(name, "is used by two statements", item=item["id"], field="id")
        seen.add(item["id"])
        refs = references.check_ids(item["refs"], name, "refs", item=item["id"])
        statements.append(Statement(item["id"], number, item["text"], item["research_says"], item["explanation"], refs))
    return BeliefsCheck(raw["title"], _choices(raw["answers"], BELIEF_ANSWERS, "answers", name),
                        _choices(raw["sureness"], SURENESS, "sureness", name), dict(raw["feedback"]),
                        dict(raw["texts"]), tuple(statements), name)


@cache
def _load_default() -> BeliefsCheck:
    path = beliefs_path()
    return parse_beliefs(data.read_yaml(path), path)


def load_beliefs(path: Path | str | None = None) -> BeliefsCheck:
    """The course's beliefs check, or the one in ``path`` (a test's copy); ``ContentError`` names file and field."""
    if path is None:
        return _load_default()
    path = Path(path)
    return parse_beliefs(data.read_yaml(path), path)


def refs_of(check: BeliefsCheck) -> tuple[str, ...]:
    """Every reference the statements cite, each once, in order (for a lesson's references cell)."""
    return tuple(dict.fromkeys(ref for statement in check.statements for ref in statement.refs))


# --------------------------------------------------------------------------- one answer

def answer_words(check: BeliefsCheck, answer: str | None, sureness: str = "") -> str:
    """"Agree (fairly sure)", "Not sure", or "No answer"."""
    if answer is None:
        return "No answer"
    label = check.answer_labels[answer]
    return f"{label} ({check.sureness_labels[sureness].lower()})" if sureness else label


def feedback(check: BeliefsCheck, statement_id: str, answer: str) -> tuple[str, str]:
    """(headline, explanation) for a saved answer: whether it is the side the research supports, then why."""
    statement = check.statement(statement_id)
    if answer not in BELIEF_ANSWERS:
        raise ValueError(f"an answer must be one of {', '.join(BELIEF_ANSWERS)}, not {answer!r}"[:200])
    kind = "not_sure" if answer == "not_sure" else ("matches" if answer == statement.research_says else "differs")
    return check.feedback[kind], statement.explanation


def problems(check: BeliefsCheck, chosen: dict[str, tuple[str | None, str | None]]) -> list[str]:
    """What stops the answers in ``chosen`` ({statement: (answer, sureness)}) from being saved, in plain words."""
    found = []
    for statement in check.statements:
        answer, sureness = chosen.get(statement.id, (None, None))
        if answer in ("agree", "disagree") and not sureness:
            found.append(f"Statement {statement.number}: choose how sure you are.")
    return found


def ready_answers(check: BeliefsCheck, chosen: dict[str, tuple[str | None, str | None]]
                  ) -> list[tuple[str, str, str]]:
    """The (statement, answer, sureness) answers in ``chosen`` that can be saved, in the check's order."""
    ready = []
    for statement in check.statements:
        answer, sureness = chosen.get(statement.id, (None, None))
        if answer == "not_sure":
            ready.append((statement.id, answer, ""))
        elif answer in ("agree", "disagree") and sureness in SURENESS:
            ready.append((statement.id, answer, sureness))
    return ready


# --------------------------------------------------------------------------- start and end

@dataclass(frozen=True)
class Change:
    statement: Statement
    start: BeliefAnswer | None     # the first answer saved in lesson 00
    end: BeliefAnswer | None       # the latest answer saved in lesson 19

    @property
    def moved(self) -> str | None:
        """"toward" / "away from" what research supports, "no change", or None without both answers."""
        if self.start is None or self.end is None:
            return None
        target = POSITION[self.statement.research_says]
        before = abs(target - POSITION[self.start.answer])
        after = abs(target - POSITION[self.end.answer])
        return "toward" if after < before else "away from" if after > before else "no change"


def learner_changes(check: BeliefsCheck, beliefs: Iterable[BeliefAnswer]) -> list[Change]:
    """Each statement's first answer in lesson 00 and latest in lesson 19 (None where there is none).
    Answers to statements the check no longer has, or from other lessons, are left out."""
    start: dict[str, BeliefAnswer] = {}
    end: dict[str, BeliefAnswer] = {}
    for belief in beliefs:
        if belief.lesson == START:
            start.setdefault(belief.statement, belief)
        elif belief.lesson == END:
            end[belief.statement] = belief
    return [Change(s, start.get(s.id), end.get(s.id)) for s in check.statements]


def change_sentence(check: BeliefsCheck, change: Change) -> str:
    """One statement's change in words, e.g. "At the start: Agree (very sure). At the end: Not sure."."""
    def words(belief: BeliefAnswer | None) -> str:
        return answer_words(check, belief.answer, belief.sureness) if belief else "no answer saved"
    text = f"At the start: {words(change.start)}. At the end: {words(change.end)}."
    if change.start and change.end and (change.start.answer, change.start.sureness) == (change.end.answer,
                                                                                       change.end.sureness):
        text += " No change."
    return text


# --------------------------------------------------------------------------- a class

@dataclass(frozen=True)
class ClassMove:
    """How a class answered one statement at the start and at the end (counts of learners)."""

    statement: Statement
    start: dict[str, int]          # {answer: learners} for every answer in BELIEF_ANSWERS
    end: dict[str, int]
    both: int                      # learners with an answer at the start and at the end
    moved: dict[str, int]          # {"toward": n, "no change": n, "away from": n} among ``both``


def class_moves(check: BeliefsCheck, learners_beliefs: Sequence[Iterable[BeliefAnswer]]) -> list[ClassMove]:
    """Per statement, the class's answers at the start and at the end, and how many moved which way."""
    changes = [learner_changes(check, beliefs) for beliefs in learners_beliefs]
    moves = []
    for index, statement in enumerate(check.statements):
        start, end, moved = Counter(), Counter(), Counter()
        for learner in changes:
            change = learner[index]
            if change.start:
                start[change.start.answer] += 1
            if change.end:
                end[change.end.answer] += 1
            if change.moved:
                moved[change.moved] += 1
        moves.append(ClassMove(statement, {a: start[a] for a in BELIEF_ANSWERS}, {a: end[a] for a in BELIEF_ANSWERS},
                               sum(moved.values()), {m: moved[m] for m in ("toward", "no change", "away from")}))
    return moves
