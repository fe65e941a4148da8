"""Lesson 16: the symptom explorer's rules (``content/symptom_rules.yml``), its words
(``content/symptom_explorer.yml``) and ``explain``.

Education, not diagnosis: ``explain`` says which structures, nerve roots and causes in the course
a pattern of symptoms is usually linked with, and why. Emergency rules always come first and
bring the course's emergency message (from the triage file, ``lessons.kit.triage``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, references, triage
from lessons.topics.back_to_leg.model import leg_areas
from lessons.topics.causes_compared.model import causes

CONTENT = Path(__file__).parent / "content"
FILE = "lessons/topics/symptom_explorer/content/symptom_rules.yml"
WORDS = CONTENT / "symptom_explorer.yml"
STEPS = ("where", "kind", "worse", "better", "onset", "other")      # the explorer's questions, in order
# The {fields} a text of the words file may use (any other text uses none).
TEXT_FIELDS = {"messages.start": ("button",), "messages.matches": ("count",),
               "root": ("root", "numbness", "muscles", "reflex"), "cause": ("name", "number"),
               "no_cause.warning": ("lead",)}
CONDITIONS = ("where", "where_none", "kind", "worse", "better", "onset", "other")
# Which list of choices each condition's ids must come from ("areas" = every area on the map).
CONDITION_CHOICES = {"where": "areas", "where_none": "areas", "kind": "kind", "worse": "worse",
                     "better": "better", "onset": "onset", "other": "other"}


class SelectionError(ValueError):
    """A selection the explorer cannot read, with a message written for the learner."""


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    group: str


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    sign: str                      # a warning sign of the triage file, or "" for an ordinary rule
    when: Mapping[str, tuple[str, ...]]
    structures: str
    roots: tuple[str, ...]
    causes: tuple[str, ...]
    why: str
    check: str
    refs: tuple[str, ...]

    @property
    def level(self) -> str:
        """The triage level of the rule's warning sign ("emergency", "urgent", "soon"), or "" if none."""
        return triage.sign(self.sign).level if self.sign else ""

    @property
    def emergency(self) -> bool:
        return self.level == "emergency"

    def matches(self, selection: Selection) -> bool:
        """True when every condition of the rule holds for ``selection``."""
        for name, wanted in self.when.items():
            wanted = set(wanted)
            if name == "where" and not wanted & selection.areas:
                return False
            if name == "where_none" and wanted & selection.areas:
                return False
            if name in ("kind", "onset") and getattr(selection, name) not in wanted:
                return False
            if name in ("worse", "better", "other") and not wanted & getattr(selection, name):
                return False
        return True


@dataclass(frozen=True)
class Selection:
    """What the learner marked. Every field is optional."""
    areas: frozenset[str] = field(default_factory=frozenset)
    kind: str | None = None
    worse: frozenset[str] = field(default_factory=frozenset)
    better: frozenset[str] = field(default_factory=frozenset)
    onset: str | None = None
    other: frozenset[str] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return not self.areas and not self.other


@dataclass(frozen=True)
class Explanation:
    selection: Selection
    matches: tuple[Rule, ...]      # emergency rules first, then in the order of the rules file
    message: str                   # a one-line summary for the learner

    @property
    def emergency(self) -> bool:
        return any(rule.emergency for rule in self.matches)

    @property
    def roots(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(root for rule in self.matches for root in rule.roots))

    @property
    def causes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(cause for rule in self.matches for cause in rule.causes))


def read_words(path: Path = WORDS) -> dict[str, str]:
    """Load and check a words file: {dotted name: text}, such as ``"messages.nothing_matches"``."""
    file = data.display_name(path)
    found = prose.flatten(data.load(path, "symptom_explorer"))
    for name, value in found.items():
        prose.check_text(value, TEXT_FIELDS.get(name, ()), file, field=name)
    return found


@cache
def words() -> dict[str, str]:
    return read_words(WORDS)


def text(name: str, /, **values: object) -> str:
    """One text of the words file (``"messages.matches"`` ...), its fields filled in."""
    return prose.fill(words()[name], **values)


def steps() -> tuple[tuple[str, str, str], ...]:
    """(question, heading, hint or "") in the order of the explorer."""
    return tuple((name, words()[f"steps.{name}.heading"], words().get(f"steps.{name}.hint", "")) for name in STEPS)


@cache
def _document() -> dict:
    document = triage.load(CONTENT / "symptom_rules.yml", "symptom_rules")
    groups = [group["id"] for group in document["groups"]]
    known = {"areas": set(leg_areas())}
    if document.get("leg_area_group", groups[0]) not in groups:
        raise data.ContentError(FILE, "unknown group", field="leg_area_group")
    for index, area in enumerate(document["areas"]):
        if area["group"] not in groups:
            raise data.ContentError(FILE, f"unknown group {area['group']!r}", item=area["id"],
                                    field=f"areas.{index}.group")
        if area["id"] in known["areas"]:
            raise data.ContentError(FILE, "duplicate area id", item=area["id"], field=f"areas.{index}.id")
        known["areas"].add(area["id"])
    for name, options in document["choices"].items():
        known[name] = {option["id"] for option in options}
    cause_ids = {item.id for item in causes()}
    seen = set()
    for index, rule in enumerate(document["rules"]):
        where = f"rules.{index}"
        if rule["id"] in seen:
            raise data.ContentError(FILE, "duplicate rule id", item=rule["id"], field=f"{where}.id")
        seen.add(rule["id"])
        for name, ids in rule["when"].items():
            for value in ids:
                if value not in known[CONDITION_CHOICES[name]]:
                    raise data.ContentError(FILE, f"unknown {CONDITION_CHOICES[name]} id {value!r}",
                                            item=rule["id"], field=f"{where}.when.{name}")
        for value in rule["points_to"]["causes"]:
            if value not in cause_ids:
                raise data.ContentError(FILE, f"unknown cause {value!r} (see causes.yml)", item=rule["id"],
                                        field=f"{where}.points_to.causes")
        if "sign" in rule:
            try:
                triage.sign(rule["sign"])
            except KeyError:
                raise data.ContentError(FILE, f"unknown warning sign {rule['sign']!r} (see red_flags.yml)",
                                        item=rule["id"], field=f"{where}.sign") from None
        references.check_ids(rule["refs"], FILE, f"{where}.refs", item=rule["id"], numbered=False)
    return document


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule in file order."""
    return tuple(Rule(id=r["id"], title=r["title"], sign=r.get("sign", ""),
                      when={name: tuple(ids) for name, ids in r["when"].items()},
                      structures=r["points_to"]["structures"], roots=tuple(r["points_to"]["roots"]),
                      causes=tuple(r["points_to"]["causes"]), why=r["why"], check=r["check"],
                      refs=tuple(r["refs"])) for r in _document()["rules"])


def rule(rule_id: str) -> Rule:
    for item in rules():
        if item.id == rule_id:
            return item
    raise KeyError(rule_id)


@cache
def groups() -> tuple[tuple[str, str], ...]:
    """(group id, label) in map order."""
    return tuple((group["id"], group["label"]) for group in _document()["groups"])


@cache
def areas() -> tuple[Area, ...]:
    """Every area the learner can mark: the new ones and lesson 02's leg areas, by group."""
    document = _document()
    leg_group = document.get("leg_area_group", groups()[0][0])
    found = [Area(a["id"], a["name"], a["group"]) for a in document["areas"]]
    found += [Area(area_id, name, leg_group) for area_id, name in leg_areas().items()]
    order = [group_id for group_id, _label in groups()]
    return tuple(sorted(found, key=lambda area: order.index(area.group)))


def area_names() -> dict[str, str]:
    return {area.id: area.name for area in areas()}


def choices(name: str) -> tuple[tuple[str, str], ...]:
    """(label, id) pairs for one list of choices: kind, worse, better, onset or other."""
    return tuple((option["label"], option["id"]) for option in _document()["choices"][name])


def _ids(value, name: str, allowed: Iterable[str]) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    try:
        found = frozenset(str(item) for item in value)
    except TypeError:
        raise SelectionError(f"“{name}” must be a list of choices, not {value!r}.") from None
    unknown = sorted(found - set(allowed))
    if unknown:
        raise SelectionError(f"{unknown[0]!r} is not one of the choices for “{name}”.")
    return found


def _one(value, name: str, allowed: Iterable[str]) -> str | None:
    if value in (None, ""):
        return None
    if value not in set(allowed):
        raise SelectionError(f"{value!r} is not one of the choices for “{name}”.")
    return str(value)


def selection(areas=(), kind=None, worse=(), better=(), onset=None, other=()) -> Selection:
    """Build a checked Selection; unknown choices raise SelectionError with a plain message."""
    return Selection(
        areas=_ids(areas, "where", area_names()),
        kind=_one(kind, "kind of symptom", [key for _label, key in choices("kind")]),
        worse=_ids(worse, "worse with", [key for _label, key in choices("worse")]),
        better=_ids(better, "better with", [key for _label, key in choices("better")]),
        onset=_one(onset, "how it started", [key for _label, key in choices("onset")]),
        other=_ids(other, "other signs", [key for _label, key in choices("other")]))


def explain(chosen: Selection | Mapping | None) -> Explanation:
    """The rules that match ``chosen``: emergency rules first, then the others in file order."""
    if chosen is None:
        chosen = Selection()
    elif isinstance(chosen, Mapping):
        unknown = sorted(set(chosen) - {"areas", "kind", "worse", "better", "onset", "other"})
        if unknown:
            raise SelectionError(f"{unknown[0]!r} is not something the explorer asks about.")
        chosen = selection(**chosen)
    elif not isinstance(chosen, Selection):
        raise SelectionError("The explorer needs a selection of areas and symptoms.")
    if chosen.empty:
        return Explanation(chosen, (), text("messages.nothing_selected"))
    matched = [item for item in rules() if item.matches(chosen)]
    warnings = sorted((r for r in matched if r.sign), key=lambda r: triage.LEVELS.index(r.level))
    ordered = tuple(warnings + [r for r in matched if not r.sign])
    if not ordered:
        return Explanation(chosen, (), text("messages.nothing_matches"))
    if warnings:
        top = triage.level(warnings[0].level)
        message = f"{top.symbol} {top.heading}."
    else:
        count = len(ordered)
        message = text("messages.matches", count=count) if count > 1 else text("messages.one_match")
    return Explanation(chosen, ordered, message)


def rules_table_markdown() -> str:
    """Every rule in one table: the pattern, what it points to, the causes, and the sources' count."""
    from lessons.kit.course import lesson
    from lessons.topics.causes_compared.model import cause

    headings = [words()["labels.pattern"], words()["labels.points_to"], words()["labels.causes"]]
    rows = ["| " + " | ".join(headings) + " |", "|---|---|---|"]
    for item in rules():
        chosen = triage.level(item.level) if item.sign else None
        title = f"{chosen.symbol} **{item.title}** ({chosen.name})" if chosen else f"**{item.title}**"
        if item.causes:
            names = ", ".join(f"[{cause(c).name}]({lesson(cause(c).lesson).notebook})" for c in item.causes)
        else:
            names = text("no_cause.warning", lead=chosen.lead) if chosen else text("no_cause.other")
        rows.append(f"| {title} | {item.structures} | {names} |")
    return "\n".join(rows)


def all_refs() -> list[str]:
    """Every reference id the rules use, in first-use order."""
    return list(dict.fromkeys(ref for item in rules() for ref in item.refs))
