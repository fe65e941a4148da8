"""Lesson 07's rule, as data: the sacroiliac provocation tests and what Laslett et al. (2005) found
for each pattern of positive tests (``content/provocation_tests.yml``).

``cluster_result(positive)`` is a pure function: it counts the positive tests, checks the study's
two rules (3 or more of the 6 tests; any 2 of the 4 tests without Gaenslen's) and gives the finding's
words, so it is unit-tested without a widget.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose
from lessons.kit.references import bibliography

CONTENT = Path(__file__).parent / "content"


@dataclass(frozen=True)
class ProvocationTest:
    id: str
    name: str
    what: str             # what the clinician does
    short_rule: bool      # one of the tests of the shorter rule


@dataclass(frozen=True)
class Finding:
    headline: str         # may write {six}
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ClusterWords:
    plain_text: str
    guide: str
    tests: tuple[ProvocationTest, ...]
    cut_off: int
    short_cut_off: int
    findings: dict[str, Finding]     # "none", "met", "not_met"
    short_met: str                   # may write {four}
    short_not_met: str
    reminder: str


def load_cluster_words(path: Path | str = CONTENT / "provocation_tests.yml") -> ClusterWords:
    """Read and check the explorer's file: unique ids, a known source, cut-offs that fit, known slots."""
    path = Path(path)
    name = data.display_name(path)
    document = data.load(path, "provocation_tests")
    if document["source"] not in bibliography():
        raise data.ContentError(name, f"unknown reference {document['source']!r}", field="source")
    tests, seen = [], set()
    for index, entry in enumerate(document["tests"]):
        if entry["id"] in seen:
            raise data.ContentError(name, "duplicate test id", item=entry["id"], field=f"tests.{index}.id")
        seen.add(entry["id"])
        tests.append(ProvocationTest(entry["id"], entry["name"], entry["what"], entry.get("short_rule", False)))
    if document["cut_off"] > len(tests):
        raise data.ContentError(name, f"is more than the {len(tests)} tests", field="cut_off")
    if document["short_cut_off"] > sum(test.short_rule for test in tests):
        raise data.ContentError(name, "is more than the number of tests marked short_rule", field="short_cut_off")
    findings = {}
    for key, entry in document["findings"].items():
        prose.check_text(entry["headline"], ("six",), name, field=f"findings.{key}.headline")
        for index, note in enumerate(entry["notes"]):
            prose.check_text(note, (), name, field=f"findings.{key}.notes.{index}")
        findings[key] = Finding(entry["headline"], tuple(entry["notes"]))
    for key in ("short_met", "short_not_met"):
        prose.check_text(document[key], ("four",), name, field=key)
    prose.check_text(document["reminder"], (), name, field="reminder")
    return ClusterWords(document["plain_text"], document["guide"], tuple(tests), document["cut_off"],
                        document["short_cut_off"], findings, document["short_met"], document["short_not_met"],
                        document["reminder"])


@cache
def cluster_words() -> ClusterWords:
    return load_cluster_words()


# id: (name, what the clinician does), in the study's order
PROVOCATION_TESTS: dict[str, tuple[str, str]] = {test.id: (test.name, test.what) for test in cluster_words().tests}
FOUR_TESTS: tuple[str, ...] = tuple(test.id for test in cluster_words().tests if test.short_rule)
REMINDER: str = cluster_words().reminder


@dataclass(frozen=True)
class ClusterResult:
    positive: tuple[str, ...]
    count_of_six: int
    count_of_four: int
    three_of_six: bool
    two_of_four: bool
    headline: str
    notes: tuple[str, ...]


def _clean(positive) -> tuple[str, ...]:
    if positive is None:
        return ()
    if isinstance(positive, str):
        positive = [positive]
    if not isinstance(positive, Iterable):
        raise ValueError("Give the positive tests as a list of test names, for example ['distraction'].")
    chosen = []
    for test in positive:
        key = str(test).strip().lower()
        if key not in PROVOCATION_TESTS:
            raise ValueError(f"'{test}' is not one of the six tests. Choose from: "
                             + ", ".join(PROVOCATION_TESTS) + ".")
        if key not in chosen:
            chosen.append(key)
    return tuple(test for test in PROVOCATION_TESTS if test in chosen)  # the study's order


def cluster_result(positive: Iterable[str] | None) -> ClusterResult:
    """Count the positive tests and say what Laslett et al. (2005) found for that pattern.

    Raises ValueError (with a plain message) for a name that is not one of the six tests.
    """
    words = cluster_words()
    tests = _clean(positive)
    six, four = len(tests), sum(test in FOUR_TESTS for test in tests)
    met, short_met = six >= words.cut_off, four >= words.short_cut_off
    finding = words.findings["none" if six == 0 else "met" if met else "not_met"]
    notes = list(finding.notes)
    if six:
        notes.append(prose.fill(words.short_met if short_met else words.short_not_met, four=four))
    notes.append(words.reminder)
    return ClusterResult(tests, six, four, met, short_met, prose.fill(finding.headline, six=six), tuple(notes))
