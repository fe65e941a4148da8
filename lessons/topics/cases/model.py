"""Lesson 18: case studies, as data (``lessons/topics/cases/content/cases.yml``).

Each case is a made-up person's story with two or three questions in the quiz-bank format.
``load`` checks the file against its schema, then the rules a schema cannot say: the cause,
lesson, clues and references exist, the story is 80 to 150 words, and each case's questions
pass the quiz checks (wrapped as a bank of their own, so an error names the case and question).
The words around the stories (the card's heading and note, the questions' title) are in
``content/case_study.yml`` (``words``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, triage
from lessons.kit.course import lesson
from lessons.kit.references import bibliography
from lessons.quiz.bank import QuestionBank, parse_bank
from lessons.topics.causes_compared.model import causes, clues

CASES_FILE = Path(__file__).parent / "content" / "cases.yml"
WORDS = Path(__file__).parent / "content" / "case_study.yml"
# The {fields} each text of case_study.yml may use.
WORD_FIELDS = {"heading": ("title",), "made_up": (), "questions": ("name",),
               "plain_text": ("title", "story", "made_up", "count")}
FILE = "lessons/topics/cases/content/cases.yml"
MIN_WORDS, MAX_WORDS = 80, 150
ROUTINE = "routine"       # no warning sign in the story: keep active, see a GP or physiotherapist


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    cause: str
    lesson: str
    key_clue: str
    clues: tuple[str, ...]
    signs: tuple[str, ...]         # warning-sign ids of lessons/kit/content/red_flags.yml the story shows
    refs: tuple[str, ...]
    story: str
    bank: QuestionBank

    @property
    def urgency(self) -> str:
        """The level key of the most serious sign (lessons.kit.triage), or "routine" when there is none."""
        top = triage.level_of(self.signs)
        return top.key if top else ROUTINE

    @property
    def name(self) -> str:
        """The first name, e.g. "Sam" for "Sam, 42"."""
        return self.title.split(",")[0]


def read_words(path: Path = WORDS) -> dict[str, str]:
    """Load and check a file of the words around the stories ({name: text})."""
    file = data.display_name(path)
    document = data.load(path, "case_study")
    for name, text in document.items():
        prose.check_text(text, WORD_FIELDS[name], file, field=name)
    return document


@cache
def words() -> dict[str, str]:
    return read_words(WORDS)


def _bank(raw_case: dict, index: int) -> QuestionBank:
    """The case's questions as a QuestionBank; errors name the case and the question."""
    raw = {"quiz": "18_case_" + raw_case["id"].replace("-", "_"),
           "title": prose.fill(words()["questions"], name=raw_case["title"].split(",")[0]),
           "questions": raw_case["questions"]}
    try:
        return parse_bank(raw, CASES_FILE)
    except data.ContentError as error:
        item = raw_case["id"] + (f" / question {error.item}" if error.item else "")
        field = f"cases.{index}." + (error.field or "questions")
        raise data.ContentError(FILE, error.problem, item=item, field=field) from None


def validate(document: dict) -> tuple[Case, ...]:
    """Check a parsed cases document (already schema-valid) and build the cases."""
    cause_lessons = {item.id: item.lesson for item in causes()}
    clue_ids = {item.id for item in clues()}
    known_refs = bibliography()
    seen: set[str] = set()
    built = []
    for index, raw in enumerate(document["cases"]):
        cid = raw["id"]

        def fail(message: str, field: str, cid=cid, index=index):
            raise data.ContentError(FILE, message, item=cid, field=f"cases.{index}.{field}")

        if cid in seen:
            fail("duplicate case id", "id")
        seen.add(cid)
        if raw["cause"] not in cause_lessons:
            fail(f"unknown cause {raw['cause']!r} (see lessons/topics/causes_compared/content/causes.yml)", "cause")
        if raw["lesson"] != cause_lessons[raw["cause"]]:
            fail(f"the lesson of {raw['cause']!r} is {cause_lessons[raw['cause']]!r}", "lesson")
        lesson(raw["lesson"])
        for n, clue_id in enumerate(raw["clues"]):
            if clue_id not in clue_ids:
                fail(f"unknown clue {clue_id!r} (see lessons/topics/causes_compared/content/causes.yml)", f"clues.{n}")
        for n, sign_id in enumerate(raw["signs"]):
            try:
                triage.sign(sign_id)
            except KeyError:
                fail(f"unknown warning sign {sign_id!r} (see lessons/kit/content/red_flags.yml)", f"signs.{n}")
        for n, ref in enumerate(raw["refs"]):
            if ref not in known_refs:
                fail(f"unknown reference {ref!r}", f"refs.{n}")
        words = len(raw["story"].split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            fail(f"the story has {words} words; it must have {MIN_WORDS} to {MAX_WORDS}", "story")
        built.append(Case(id=cid, title=raw["title"], cause=raw["cause"], lesson=raw["lesson"],
                          key_clue=raw["key_clue"], clues=tuple(raw["clues"]), signs=tuple(raw["signs"]),
                          refs=tuple(raw["refs"]), story=" ".join(raw["story"].split()),
                          bank=_bank(raw, index)))
    return tuple(built)


def parse(document: object, path=None) -> tuple[Case, ...]:
    """Validate a parsed document (schema, then the rules above)."""
    path = path or CASES_FILE
    data.validate(document, "cases", path)
    return validate(triage.expand_all(document, data.display_name(path)))


@cache
def load() -> tuple[Case, ...]:
    """Every case, in the order of the file."""
    path = CASES_FILE
    return parse(data.read_yaml(path), path)


def case(case_id: str) -> Case:
    for item in load():
        if item.id == case_id:
            return item
    raise KeyError(f"no case {case_id!r} in {FILE}")


def bank_for(case_id: str) -> QuestionBank:
    """The questions of one case as a QuestionBank (for the quiz widget or grading)."""
    return case(case_id).bank


def cases_by_cause() -> dict[str, list[Case]]:
    """Cause id -> its cases, for every cause in course order (empty list if none)."""
    grouped: dict[str, list[Case]] = {item.id: [] for item in causes()}
    for item in load():
        grouped[item.cause].append(item)
    return grouped


def all_references() -> list[str]:
    """Every reference id the cases use, once each, in order of first use."""
    return list(dict.fromkeys(ref for item in load() for ref in item.refs))
