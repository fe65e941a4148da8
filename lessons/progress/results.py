"""A learner's results as a file they can hand to a teacher: export (JSON or CSV) and read back.

``export_results(store, folder)`` writes what a ``ProgressStore`` holds; ``read_results(path)`` reads
such a file and checks it (JSON schema ``results.schema.json`` plus the rules a schema cannot say) and
raises ``ResultsError`` naming the file and the field. The JSON file keeps everything; the CSV file is
one row per answer (for a spreadsheet), so it has no saved plans and no attempts without answers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from lessons import course, data
from lessons.files import write_atomically
from lessons.progress.store import Answer, Attempt

FORMAT = "back-pain-leg-pain-results"
VERSION = 1
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


def results_dict(store) -> dict:
    """Everything in a progress store, in the exported JSON form."""
    return {
        "format": FORMAT, "version": VERSION, "display_name": store.display_name(),
        "attempts": [{"attempt": a.number, "lesson": a.lesson, "total": a.total, "started_at": a.started_at}
                     for a in store.attempts()],
        "answers": [{"attempt": a.attempt, "lesson": a.lesson, "question": a.question, "correct": bool(a.correct),
                     "chosen": list(a.chosen), "answered_at": a.answered_at} for a in store.answers()],
        "plans": [{"name": p.name, "plan": p.plan, "saved_at": p.saved_at} for p in store.plans()],
    }


def safe_file_name(display_name: str, fmt: str) -> str:
    """``results-sam.json`` from "Sam" (letters, digits, - and _ only); ``results.json`` without a name."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", display_name.strip()).strip("-_").lower()[:40]
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

def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ResultsError(path.name, f"is larger than {MAX_BYTES // 1_000_000} MB, too large for a results file")
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ResultsError(path.name, "is not a UTF-8 text file") from None
    except OSError as exc:
        raise ResultsError(path.name, f"cannot be read ({exc.strerror or exc})") from None


def _from_json(text: str, name: str) -> dict:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResultsError(name, f"is not valid JSON (line {exc.lineno})") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ResultsError(name, f"is not a course results file (it should say \"{FORMAT}\")", "format")
    if isinstance(raw.get("version"), int) and raw["version"] > VERSION:
        raise ResultsError(name, "was written by a newer version of the course; update the course", "version")
    return raw


def _from_csv(text: str, name: str) -> dict:
    rows = list(csv.reader(io.StringIO(text)))
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
            if not item[key].isdigit():
                raise ResultsError(name, "must be a whole number", f"row {number}.{key}")
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
    """What the schema cannot say: attempts are unique and exist, lessons are in the course."""
    known_lessons = {lesson.file for lesson in course.lessons()}
    attempts = {}
    for index, attempt in enumerate(raw["attempts"]):
        if attempt["attempt"] in attempts:
            raise ResultsError(name, f"attempt {attempt['attempt']} is listed twice", f"attempts.{index}.attempt")
        if attempt["lesson"] not in known_lessons:
            raise ResultsError(name, f"'{attempt['lesson']}' is not a lesson of this course",
                               f"attempts.{index}.lesson")
        attempts[attempt["attempt"]] = attempt["lesson"]
    for index, answer in enumerate(raw["answers"]):
        if answer["attempt"] not in attempts:
            raise ResultsError(name, f"refers to attempt {answer['attempt']}, which the file does not list",
                               f"answers.{index}.attempt")
        if answer["lesson"] != attempts[answer["attempt"]]:
            raise ResultsError(name, f"says lesson '{answer['lesson']}' but attempt {answer['attempt']} is "
                                     f"for '{attempts[answer['attempt']]}'", f"answers.{index}.lesson")


PLAIN = {"must be boolean": "must be true or false", "must be integer": "must be a whole number",
         "must be string": "must be text", "must be array": "must be a list", "must be object": "must be an object"}


def _plain(problem: str, field: str | None) -> tuple[str, str | None]:
    """The schema checker's words, in plain words a teacher can act on."""
    extra = re.fullmatch(r"must not contain \{'(.*)'\} properties", problem)
    if extra:
        return "is not a field of a course results file", ".".join(filter(None, [field, extra.group(1)]))
    if problem.startswith("must match pattern"):
        if (field or "").endswith("_at"):
            return "must be a date and time in UTC, like 2026-11-25T10:00:00Z", field
        return "must be a lesson's file name, like 03_herniated_disc", field
    problem = re.sub(r"bigger than or equal to", "at least", problem)
    problem = re.sub(r"shorter than or equal to", "at most", problem)
    return PLAIN.get(problem, problem.replace("same as const definition:", "")), field


def parse_results(raw: object, name: str) -> LearnerResults:
    """Validate an already-parsed results document (schema, then rules) and build the model."""
    try:
        data.validate(raw, "results", Path(name))
    except data.ContentError as exc:
        raise ResultsError(name, *_plain(exc.problem, exc.field)) from None
    _check_rules(raw, name)
    latest: dict[int, dict[str, bool]] = {}
    for answer in raw["answers"]:
        latest.setdefault(answer["attempt"], {})[answer["question"]] = answer["correct"]
    return LearnerResults(
        display_name=raw["display_name"].strip(),
        attempts=tuple(Attempt(a["attempt"], a["lesson"], a["total"], a["started_at"],
                               len(latest.get(a["attempt"], {})), sum(latest.get(a["attempt"], {}).values()))
                       for a in raw["attempts"]),
        answers=tuple(Answer(a["lesson"], a["question"], a["attempt"], a["correct"], tuple(a["chosen"]),
                             a["answered_at"]) for a in raw["answers"]),
        plans=tuple(raw.get("plans", [])), source=name)


def read_results(path: Path | str) -> LearnerResults:
    """Read and check a ``.json`` or ``.csv`` results file; ``ResultsError`` says what is wrong."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise ResultsError(path.name, "is not a .json or .csv file")
    text = _read_text(path)
    raw = _from_json(text, path.name) if suffix == ".json" else _from_csv(text, path.name)
    return parse_results(raw, path.name)
