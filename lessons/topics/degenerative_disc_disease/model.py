"""Lesson 05's rules and words: disc changes on scans of people without back pain (Brinjikji et al. 2015).

The numbers come from the two tables in ``content/tables``; the findings in plain words and the explorer's
texts from ``content/scan_findings.yml``. Ages with no confirmed number are never filled in by guessing.
The loader checks the file against its schema, then what a schema cannot say: the findings are exactly
those of the table, every place a number was confirmed has words, a model estimate is at an age that has a
number, and the texts use only their ``{fields}``.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose
from lessons.kit.inputs import NumberError, read_number, shown

CONTENT = Path(__file__).parent / "content"
PATH = CONTENT / "scan_findings.yml"
PREVALENCE_TABLE = "brinjikji_2015_asymptomatic_imaging"
ODDS_TABLE = "brinjikji_2015_back_pain_odds"
AGES = (20, 30, 40, 50, 60, 70, 80)
# The {fields} each explorer text may use.
TEXT_FIELDS = {"number": ("age", "count", "finding"), "meaning": (), "model_estimate": (), "summary_only": (),
               "no_number.headline": ("finding", "age"), "no_number.text": ("ages",), "plain_text": ()}


@dataclass(frozen=True)
class Finding:
    id: str                               # the term the tables use: "disc bulge"
    label: str                            # plain words: "Disc edge spreads out"
    phrase: str                           # fits "about N have ... on a scan": "a disc whose edge spreads out"
    model_estimate_ages: tuple[int, ...]  # no study at these ages: the number is the authors' model estimate


@dataclass(frozen=True)
class ScanFindings:
    findings: tuple[Finding, ...]
    confirmed_in: dict[str, str]          # the table's confirmed_in -> words for the figure's legend
    texts: dict[str, str]                 # the explorer's texts, by the names of TEXT_FIELDS


@dataclass(frozen=True)
class View:
    """What the explorer shows for a choice: ``kind`` is "number", "no number" or "problem"."""
    kind: str
    headline: str
    body: str = ""
    notes: tuple[str, ...] = ()


def _load(name: str):
    from lessons.kit.tables import load_table

    return load_table(name)


def read(path: Path = PATH) -> ScanFindings:
    """Load and check a scan-findings file (``load`` is the cached one of the package)."""
    file = data.display_name(path)
    document = data.load(path, "scan_findings")
    rows = _load(PREVALENCE_TABLE).rows
    in_table = {row["finding"] for row in rows}
    seen = set()
    for index, entry in enumerate(document["findings"]):
        where = f"findings.{index}"
        if entry["id"] in seen:
            raise data.ContentError(file, "duplicate finding", item=entry["id"], field=f"{where}.id")
        seen.add(entry["id"])
        if entry["id"] not in in_table:
            raise data.ContentError(file, f"not a finding of the table {PREVALENCE_TABLE}", item=entry["id"],
                                    field=f"{where}.id")
        ages = {row["age"] for row in rows if row["finding"] == entry["id"]}
        for number, age in enumerate(entry.get("model_estimate_ages", [])):
            if age not in ages:
                raise data.ContentError(file, f"the table has no number at age {age}, so it cannot be a model "
                                        "estimate", item=entry["id"], field=f"{where}.model_estimate_ages.{number}")
    for finding in sorted(in_table - seen):
        raise data.ContentError(file, f"the table {PREVALENCE_TABLE} has {finding!r}: give it words here",
                                field="findings")
    used = {row["confirmed_in"] for row in rows}
    for key in sorted(used - set(document["confirmed_in"])):
        raise data.ContentError(file, f"the table {PREVALENCE_TABLE} says {key!r}: give it words here",
                                field="confirmed_in")
    for key in sorted(set(document["confirmed_in"]) - used):
        raise data.ContentError(file, f"the table {PREVALENCE_TABLE} never says {key!r}",
                                field=f"confirmed_in.{key}")
    texts = prose.flatten(document["explorer"])
    for name, text in texts.items():
        prose.check_text(text, TEXT_FIELDS[name], file, field=f"explorer.{name}")
    return ScanFindings(
        findings=tuple(Finding(entry["id"], entry["label"], entry["phrase"],
                               tuple(entry.get("model_estimate_ages", []))) for entry in document["findings"]),
        confirmed_in=dict(document["confirmed_in"]), texts=texts)


@cache
def load() -> ScanFindings:
    return read(PATH)


def findings() -> tuple[Finding, ...]:
    return load().findings


@cache
def finding_labels() -> dict[str, str]:
    """{term: plain label}, in the order of the figure's panels."""
    return {item.id: item.label for item in findings()}


def text(name: str, /, **values: object) -> str:
    """One of the explorer's texts (``"number"``, ``"no_number.headline"`` ...), its fields filled in."""
    return prose.fill(load().texts[name], **values)


@cache
def prevalence_table() -> dict[str, dict[int, tuple[int, str]]]:
    """{finding: {age: (percent, where confirmed)}} for every confirmed number, and nothing else."""
    found: dict[str, dict[int, tuple[int, str]]] = {finding: {} for finding in finding_labels()}
    for row in _load(PREVALENCE_TABLE).rows:
        found[row["finding"]][row["age"]] = (row["percent"], row["confirmed_in"])
    return found


def _finding(finding: str) -> Finding:
    for item in findings():
        if item.id == finding:
            return item
    raise ValueError(f"{finding!r} is not one of the findings in the table: {', '.join(finding_labels())}")


def finding_label(finding: str) -> str:
    """'a worn, drier disc (disc degeneration)'."""
    return f"{_finding(finding).phrase} ({finding})"


def check_age(age) -> int:
    """An age in whole decades from 20 to 80, or a ValueError that says what is allowed."""
    choose = "choose 20, 30, 40, 50, 60, 70 or 80."
    if isinstance(age, bool) or not isinstance(age, numbers.Real):
        raise ValueError(f"{shown(age)} is not an age in years: {choose}")
    try:
        years = int(read_number(age, "Age", -(10**6), 10**6, whole=True))
    except NumberError as problem:
        reason = "is not an age in years" if problem.kind in ("not finite", "not whole") else "is not an age"
        raise ValueError(f"{shown(age)} {reason}: {choose}") from None
    if years not in AGES:
        raise ValueError(f"The study gives ages 20, 30, 40, 50, 60, 70 and 80 only, not {years}.")
    return years


def confirmed_ages(finding: str) -> list[int]:
    finding_label(finding)
    return sorted(prevalence_table()[finding])


def people_out_of_100(finding: str, age) -> int | None:
    """How many of 100 people of this age WITHOUT back pain have the finding, or None if not confirmed."""
    finding_label(finding)
    entry = prevalence_table()[finding].get(check_age(age))
    return None if entry is None else entry[0]


def no_number(finding: str, age: int) -> str:
    """'No confirmed number for disc bulge at age 70.'"""
    return text("no_number.headline", finding=finding, age=age)


def _list_ages(ages: list[int]) -> str:
    words = [str(a) for a in ages]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def finding_sentence(finding: str, age) -> str:
    """'Out of 100 people aged 50 WITHOUT back pain, about 80 have ... on a scan.' (ValueError if not confirmed)."""
    count = people_out_of_100(finding, age)
    if count is None:
        raise ValueError(no_number(finding, check_age(age)))
    return text("number", age=check_age(age), count=count, finding=finding_label(finding))


def explorer_choice(finding, age) -> View:
    """What the explorer says for a choice; bad or unconfirmed choices give a clear message."""
    try:
        finding_label(finding)
        age = check_age(age)
    except ValueError as problem:
        return View("problem", "That choice does not work.", str(problem))
    if people_out_of_100(finding, age) is None:
        return View("no number", no_number(finding, age),
                    text("no_number.text", ages=_list_ages(confirmed_ages(finding))))
    _, where = prevalence_table()[finding][age]
    notes = []
    if age in _finding(finding).model_estimate_ages:
        notes.append(text("model_estimate"))
    if where == "summary":
        notes.append(text("summary_only"))
    return View("number", finding_sentence(finding, age), text("meaning"), tuple(notes))


def odds_rows() -> list[dict]:
    """The meta-analysis rows, largest odds ratio first, each marked 'clear' if its 95% CI lies above 1."""
    rows = [dict(row) for row in _load(ODDS_TABLE).rows]
    for row in rows:
        row["clear"] = row["ci_lower"] > 1
    return sorted(rows, key=lambda r: (not r["clear"], -r["odds_ratio"]))
