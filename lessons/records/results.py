"""A learner's results as a file they can hand to a teacher: export (JSON or CSV) and read back.

``export_results(store, folder)`` writes what a ``ProgressStore`` holds; ``read_results(path)`` reads
such a file and checks it (JSON schema ``results.schema.json`` plus the rules a schema cannot say) and
raises ``ResultsError`` naming the file and the field; ``results_from_bytes(content, name)`` checks a
file's bytes the same way (an upload). ``merge_results(store, learner)`` brings such results back into a
store (``ProgressStore.merge``: only what is missing is added). The JSON file keeps everything; the CSV
file is one row per quiz answer (for a spreadsheet), so it has no saved plans, no attempts without answers and
no beliefs-check answers.

Version 2 added ``beliefs`` (the beliefs check of lessons 00 and 19); a version 1 file (without it) still reads.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from sys import intern

from lessons.kit import course, data, names
from lessons.kit.files import NotReadable, TooLarge, read_limited, write_atomically
from lessons.kit.inputs import shown
from lessons.records.store import Answer, Attempt, BeliefAnswer, Merged, SavedPlan, check_belief

FORMAT = "back-pain-leg-pain-results"
VERSION = 2
VERSIONS = (1, 2)                   # the versions this course reads
CSV_FIELDS = ("display_name", "lesson", "question", "attempt", "questions_in_attempt", "correct", "chosen",
              "answered_at")
CHOICE_SEPARATOR = " | "
MAX_BYTES = 5_000_000   # far more than a whole course of answers; anything bigger is not ours


class ResultsError(ValueError):
    """A results file cannot be used; the message names the file and the field."""

    def __init__(self, file: str, problem: str, field: str | None = None):
        self.file, self.problem, self.field = file, problem, field
        super().__init__(f"{file}, field '{field}': {problem}" if field else f"{file}: {problem}")


@dataclass(frozen=True)
class LearnerResults:
    display_name: str
    attempts: tuple[Attempt, ...]
    answers: tuple[Answer, ...]   # in the order they were recorded
    plans: tuple[dict, ...]
    source: str                         # the file name it was read from
    beliefs: tuple[BeliefAnswer, ...] = ()   # in the order they were saved


def results_dict(store) -> dict:
    """Everything in a progress store, in the exported JSON form."""
    return {
        "format": FORMAT, "version": VERSION, "display_name": store.display_name(),
        "attempts": [{"attempt": a.number, "lesson": a.lesson, "total": a.total, "started_at": a.started_at}
                     for a in store.attempts()],
        "answers": [{"attempt": a.attempt, "lesson": a.lesson, "question": a.question, "correct": bool(a.correct),
                     "chosen": list(a.chosen), "answered_at": a.answered_at} for a in store.answers()],
        "plans": [{"name": p.name, "plan": p.plan, "saved_at": p.saved_at} for p in store.plans()],
        "beliefs": [{"lesson": b.lesson, "statement": b.statement, "answer": b.answer, "sureness": b.sureness,
                     "answered_at": b.answered_at} for b in store.beliefs()],
    }


def safe_file_name(display_name: str, fmt: str) -> str:
    """``results-sam.json`` from "Sam", ``results-zoe.json`` from "Zoë", ``results-мария.json`` from
    "Мария" (``lessons.kit.names.file_stem``: letters and digits of any script, - and _, at most 60 bytes; never
    a path separator or a leading dot); ``results.json`` without a name."""
    stem = names.file_stem(display_name)
    return f"results-{stem}.{fmt}" if stem else f"results.{fmt}"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """Learner-typed text for a spreadsheet: a leading ' stops ``=``, ``+``, ``-`` or ``@`` starting a formula
    (CSV injection). ``csv_uncell`` takes it off again, so a file reads back exactly as exported."""
    protect = text.startswith(FORMULA_START) or (text.startswith("'") and text[1:2] in FORMULA_START + ("'",))
    return "'" + text if protect else text


def csv_uncell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:2] in FORMULA_START + ("'",) else text


def csv_text(results: dict) -> str:
    totals = {a["attempt"]: a["total"] for a in results["attempts"]}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for a in results["answers"]:
        writer.writerow([csv_cell(results["display_name"]), a["lesson"], a["question"], a["attempt"],
                         totals.get(a["attempt"], ""), "true" if a["correct"] else "false",
                         csv_cell(CHOICE_SEPARATOR.join(a["chosen"])), a["answered_at"]])
    return buffer.getvalue()


def export_results(store, folder: Path | str, fmt: str = "json") -> Path:
    """Write the store's results into ``folder`` as JSON or CSV; returns the file written."""
    if fmt not in ("json", "csv"):
        raise ValueError(f"fmt must be 'json' or 'csv', not {fmt!r}")
    results = results_dict(store)
    path = Path(folder) / safe_file_name(results["display_name"], fmt)
    text = json.dumps(results, ensure_ascii=False, indent=1) + "\n" if fmt == "json" else csv_text(results)
    return write_atomically(path, lambda temp: temp.write_text(text, encoding="utf-8", newline=""))


# --------------------------------------------------------------------------- reading

TOO_LARGE = f"is larger than {MAX_BYTES // 1_000_000} MB, too large for a results file"


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, if it is an ordinary file of at most ``MAX_BYTES`` (``lessons.kit.files.read_limited``:
    never waits on a pipe, never reads a device, never reads more than ``MAX_BYTES + 1`` bytes)."""
    try:
        return read_limited(path, MAX_BYTES)
    except TooLarge:
        raise ResultsError(path.name, TOO_LARGE) from None
    except NotReadable as exc:
        raise ResultsError(path.name, f"cannot be read: it {exc}") from None
    except OSError as exc:
        raise ResultsError(path.name, f"cannot be read ({exc.strerror or type(exc).__name__})") from None


def _from_json(text: str, name: str) -> dict:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResultsError(name, f"is not valid JSON (line {exc.lineno})") from None
    except RecursionError:
        raise ResultsError(name, "has lists or objects nested too deeply to be a results file") from None
    except ValueError:                       # e.g. Python's limit on the digits of a whole number
        raise ResultsError(name, "holds a number too long to read (thousands of digits)") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ResultsError(name, f"is not a course results file (it should say \"{FORMAT}\")", "format")
    if isinstance(raw.get("version"), int) and raw["version"] > VERSION:
        raise ResultsError(name, "was written by a newer version of the course; update the course", "version")
    return raw


def _csv_rows(text: str, name: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text))
    rows = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        problem = ("has a value longer than a spreadsheet cell can be" if "field larger" in str(exc)
                   else "is not a readable CSV table")
        raise ResultsError(name, problem, f"row {reader.line_num}") from None
    return rows


_WHOLE = re.compile(r"[0-9]{1,9}")          # ASCII digits only: '²'.isdigit() is true, int('²') fails


def _from_csv(text: str, name: str) -> dict:
    rows = _csv_rows(text, name)
    if not rows or tuple(rows[0]) != CSV_FIELDS:
        raise ResultsError(name, "does not start with the course's header line "
                                 f"({','.join(CSV_FIELDS)})", "header")
    names, attempts, answers = set(), {}, []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(CSV_FIELDS):
            raise ResultsError(name, f"has {len(row)} values instead of {len(CSV_FIELDS)}", f"row {number}")
        item = dict(zip(CSV_FIELDS, row, strict=True))
        item["display_name"], item["chosen"] = csv_uncell(item["display_name"]), csv_uncell(item["chosen"])
        names.add(item["display_name"])
        if item["correct"] not in ("true", "false"):
            raise ResultsError(name, "must be true or false", f"row {number}.correct")
        whole = {}
        for key in ("attempt", "questions_in_attempt"):
            if not _WHOLE.fullmatch(item[key]):
                raise ResultsError(name, f"must be a whole number (0 to 999999999), not {shown(item[key])}",
                                   f"row {number}.{key}")
            whole[key] = int(item[key])
        known = attempts.setdefault(whole["attempt"], {"attempt": whole["attempt"], "lesson": item["lesson"],
                                                       "total": whole["questions_in_attempt"],
                                                       "started_at": item["answered_at"]})
        known["started_at"] = min(known["started_at"], item["answered_at"])
        answers.append({"attempt": whole["attempt"], "lesson": item["lesson"], "question": item["question"],
                        "correct": item["correct"] == "true",
                        "chosen": item["chosen"].split(CHOICE_SEPARATOR) if item["chosen"] else [],
                        "answered_at": item["answered_at"]})
    if len(names) > 1:
        raise ResultsError(name, "holds more than one learner name; export one file per learner", "display_name")
    return {"format": FORMAT, "version": VERSION, "display_name": names.pop() if names else "",
            "attempts": list(attempts.values()), "answers": answers}


def _check_rules(raw: dict, name: str) -> None:
    """What the schema cannot say: attempts are unique and exist, lessons are in the course, a belief answer
    "not sure" has no sureness and any other one has."""
    known_lessons = {lesson.file for lesson in course.lessons()}
    for index, belief in enumerate(raw.get("beliefs", [])):
        if belief["lesson"] not in known_lessons:
            raise ResultsError(name, f"{shown(belief['lesson'])} is not a lesson of this course",
                               f"beliefs.{index}.lesson")
        try:
            check_belief(belief["lesson"], belief["statement"], belief["answer"], belief["sureness"])
        except ValueError:
            raise ResultsError(name, "must be empty for not_sure and a_little, fairly or very otherwise",
                               f"beliefs.{index}.sureness") from None
    attempts = {}
    for index, attempt in enumerate(raw["attempts"]):
        if attempt["attempt"] in attempts:
            raise ResultsError(name, f"attempt {shown(attempt['attempt'])} is listed twice",
                               f"attempts.{index}.attempt")
        if attempt["lesson"] not in known_lessons:
            raise ResultsError(name, f"{shown(attempt['lesson'])} is not a lesson of this course",
                               f"attempts.{index}.lesson")
        attempts[attempt["attempt"]] = attempt["lesson"]
    for index, answer in enumerate(raw["answers"]):
        if answer["attempt"] not in attempts:
            raise ResultsError(name, f"refers to attempt {shown(answer['attempt'])}, which the file does not list",
                               f"answers.{index}.attempt")
        if answer["lesson"] != attempts[answer["attempt"]]:
            raise ResultsError(name, f"says lesson {shown(answer['lesson'])} but attempt {shown(answer['attempt'])} is "
                                     f"for {shown(attempts[answer['attempt']])}", f"answers.{index}.lesson")


PLAIN = {"must be boolean": "must be true or false", "must be integer": "must be a whole number",
         "must be string": "must be text", "must be array": "must be a list", "must be object": "must be an object"}


def _field_name(key: str) -> str:
    """A field name from a file, short enough to show (``lessons.kit.inputs.shown`` without the quotes)."""
    return key if len(key) <= 40 and key.isprintable() else shown(key)


def _plain(problem: str, field: str | None) -> tuple[str, str | None]:
    """The schema checker's words, in plain words a teacher can act on."""
    extra = re.fullmatch(r"must not contain \{(.*)\} properties", problem, re.DOTALL)
    if extra:
        first = extra.group(1).split(", ")[0].strip("'\"")
        return "is not a field of a course results file", ".".join(filter(None, [field, _field_name(first)]))
    if problem.startswith("must match pattern"):
        if (field or "").endswith("_at"):
            return "must be a date and time in UTC, like 2026-11-25T10:00:00Z", field
        return "must be a lesson's file name, like 03_herniated_disc", field
    problem = re.sub(r"bigger than or equal to", "at least", problem)
    problem = re.sub(r"shorter than or equal to", "at most", problem)
    return PLAIN.get(problem, problem.replace("same as const definition:", "")), field


_LESSON = re.compile(r"[0-9]{2}[a-z]?_[a-z0-9_]+")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_TOP = frozenset(("format", "version", "display_name", "attempts", "answers", "plans", "beliefs"))
_REQUIRED = _TOP - {"plans", "beliefs"}
_ATTEMPT = frozenset(("attempt", "lesson", "total", "started_at"))
_ANSWER = frozenset(("attempt", "lesson", "question", "correct", "chosen", "answered_at"))
_PLAN = frozenset(("name", "plan", "saved_at"))
_BELIEF = frozenset(("lesson", "statement", "answer", "sureness", "answered_at"))
_STATEMENT = re.compile(r"[a-z][a-z0-9_]{0,39}")


def _texts_ok(texts: list) -> bool:
    """Every item a string of at most 1000 characters (without a Python loop per item)."""
    return not texts or (set(map(type, texts)) == {str} and max(map(len, texts)) <= 1000)


def _plainly_valid(raw: object) -> bool:
    """True only for a document that ``results.schema.json`` certainly accepts (a strict subset of it).

    The same rules written as plain loops: about ten times faster than the general schema checker,
    which matters for a class of thousands. Anything this does not accept, odd but valid cases
    included, goes to the schema checker, which then finds the problem and names the field.
    """
    if type(raw) is not dict or not _TOP.issuperset(raw) or not raw.keys() >= _REQUIRED:
        return False
    if raw["format"] != FORMAT or type(raw["version"]) is not int or raw["version"] not in VERSIONS:
        return False
    name, attempts, answers, plans = raw["display_name"], raw["attempts"], raw["answers"], raw.get("plans", [])
    beliefs = raw.get("beliefs", [])
    if (type(name) is not str or len(name) > 60 or type(attempts) is not list or type(answers) is not list
            or type(plans) is not list or type(beliefs) is not list):
        return False
    lesson_ok, stamp_ok = _LESSON.fullmatch, _STAMP.fullmatch
    for item in attempts:
        if (type(item) is not dict or item.keys() != _ATTEMPT or type(item["attempt"]) is not int
                or item["attempt"] < 1 or type(item["total"]) is not int or item["total"] < 0
                or type(item["lesson"]) is not str or not lesson_ok(item["lesson"])
                or type(item["started_at"]) is not str or not stamp_ok(item["started_at"])):
            return False
    for item in answers:
        if (type(item) is not dict or item.keys() != _ANSWER or type(item["attempt"]) is not int
                or item["attempt"] < 1 or type(item["correct"]) is not bool
                or type(item["lesson"]) is not str or not lesson_ok(item["lesson"])
                or type(item["question"]) is not str or not 1 <= len(item["question"]) <= 200
                or type(item["answered_at"]) is not str or not stamp_ok(item["answered_at"])
                or type(item["chosen"]) is not list or not _texts_ok(item["chosen"])):
            return False
    for item in plans:
        if (type(item) is not dict or item.keys() != _PLAN or type(item["name"]) is not str
                or type(item["plan"]) is not dict
                or type(item["saved_at"]) is not str or not stamp_ok(item["saved_at"])):
            return False
    for item in beliefs:
        if (type(item) is not dict or item.keys() != _BELIEF or type(item["lesson"]) is not str
                or not lesson_ok(item["lesson"]) or type(item["statement"]) is not str
                or not _STATEMENT.fullmatch(item["statement"])
                or item["answer"] not in ("agree", "not_sure", "disagree")
                or item["sureness"] not in ("", "a_little", "fairly", "very")
                or type(item["answered_at"]) is not str or not stamp_ok(item["answered_at"])):
            return False
    return True


def parse_results(raw: object, name: str) -> LearnerResults:
    """Validate an already-parsed results document (schema, then rules) and build the model."""
    if not _plainly_valid(raw):
        try:
            data.validate(raw, "results", Path(name))
        except data.ContentError as exc:
            raise ResultsError(name, *_plain(exc.problem, exc.field)) from None
    _check_rules(raw, name)
    latest: dict[int, dict[str, bool]] = {}
    for answer in raw["answers"]:
        latest.setdefault(answer["attempt"], {})[answer["question"]] = answer["correct"]
    return LearnerResults(
        display_name=names.display_name(raw["display_name"]),
        attempts=tuple(Attempt(a["attempt"], a["lesson"], a["total"], a["started_at"],
                               len(latest.get(a["attempt"], {})), sum(latest.get(a["attempt"], {}).values()))
                       for a in raw["attempts"]),
        # lesson, question and option texts repeat in every learner's file: one shared copy of each
        answers=tuple(Answer(intern(a["lesson"]), intern(a["question"]), a["attempt"], a["correct"],
                             tuple(map(intern, a["chosen"])), a["answered_at"]) for a in raw["answers"]),
        plans=tuple(raw.get("plans", [])), source=name,
        beliefs=tuple(BeliefAnswer(intern(b["lesson"]), intern(b["statement"]), intern(b["answer"]),
                                   intern(b["sureness"]), b["answered_at"]) for b in raw.get("beliefs", [])))


def _suffix(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix not in (".json", ".csv"):
        raise ResultsError(name, "is not a .json or .csv file")
    return suffix


def results_from_bytes(content: bytes, name: str) -> LearnerResults:
    """Check the bytes of a ``.json`` or ``.csv`` results file called ``name`` (e.g. an upload) as
    ``read_results`` checks a file: at most ``MAX_BYTES``, UTF-8, then the same rules."""
    suffix = _suffix(name)
    if len(content) > MAX_BYTES:
        raise ResultsError(name, TOO_LARGE)
    try:
        text = bytes(content).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ResultsError(name, "is not a UTF-8 text file") from None
    raw = _from_json(text, name) if suffix == ".json" else _from_csv(text, name)
    return parse_results(raw, name)


def read_results(path: Path | str) -> LearnerResults:
    """Read and check a ``.json`` or ``.csv`` results file; ``ResultsError`` says what is wrong."""
    path = Path(path)
    _suffix(path.name)
    return results_from_bytes(_read_bytes(path), path.name)


def merge_results(store, learner: LearnerResults) -> Merged:
    """Bring checked results (``read_results``, ``results_from_bytes``) back into a ``ProgressStore``, in
    one write: only what the store does not have yet is added (``ProgressStore.merge``)."""
    plans = tuple(SavedPlan(plan["name"], plan["plan"], plan["saved_at"]) for plan in learner.plans)
    return store.merge(learner.attempts, learner.answers, plans, learner.display_name, learner.beliefs)
