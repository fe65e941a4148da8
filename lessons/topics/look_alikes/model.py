"""Lesson 09b's rules and words as data: the look-alikes, the spinal patterns they mimic, and the cautions
for thin bones and balance.

- ``content/look_alikes.yml``: each look-alike (hip osteoarthritis, narrowed leg arteries, an abdominal
  aortic aneurysm) with where it usually hurts, what tends to bring it on and ease it, other clues and who
  checks it, beside the spinal pattern it can be mistaken for. ``comparison_rows`` gives the side-by-side
  card as plain text; the widget escapes it. ``area_marks`` gives the "where it hurts" figure's data.
- ``content/bone_safety.yml``: the thin-bones caution and the balance cue. This is their one source: the
  lesson shows them (``bone_safety_markdown``) and the stretching planner (lesson 12) reads ``bone_safety()``.

The loaders check the files against their schemas, then what a schema cannot say: unique ids, known body
areas and spinal patterns, reference ids in the course bibliography. Triage wording comes only from
placeholders filled in from ``lessons/kit/content/red_flags.yml``. This is education, not diagnosis: no
function here scores or sorts a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, references, triage
from lessons.kit.references import bibliography

CONTENT = Path(__file__).parent / "content"
PATH = CONTENT / "look_alikes.yml"
BONE_SAFETY_PATH = CONTENT / "bone_safety.yml"
ROWS = ("where", "brings_on", "eases", "clues")
MAIN, ALSO = "main", "also"


@dataclass(frozen=True)
class Area:
    id: str
    label: str


@dataclass(frozen=True)
class Pattern:
    """One pattern of pain: a look-alike or a spinal cause. ``mimics`` and ``route`` only for a look-alike."""

    id: str
    label: str
    short: str                     # the figure's column heading
    main: tuple[str, ...]          # body areas where it is usually felt
    also: tuple[str, ...]          # body areas where some people feel it
    where: str
    brings_on: str
    eases: str
    clues: str
    refs: tuple[str, ...]
    mimics: str = ""
    route: str = ""
    lesson: str = ""               # the lesson that explains a spinal pattern


@dataclass(frozen=True)
class LookAlikes:
    sources_label: str
    source_names: dict[str, str]
    areas: tuple[Area, ...]
    plain_text: str
    labels: dict[str, str]
    route_label: str
    remember_label: str
    remember: str
    spinal: tuple[Pattern, ...]
    look_alikes: tuple[Pattern, ...]


@dataclass(frozen=True)
class BoneSafety:
    """The one source of the thin-bones caution and the balance cue (lesson 09b; read by lesson 12)."""

    balance_cue: str
    balance_sources: tuple[str, ...]
    thin_bones_caution: str
    thin_bones_sources: tuple[str, ...]


def _unique(items: list[dict], file: str, field: str) -> None:
    seen = set()
    for index, entry in enumerate(items):
        if entry["id"] in seen:
            raise data.ContentError(file, "duplicate id", item=entry["id"], field=f"{field}.{index}.id")
        seen.add(entry["id"])


def _pattern(entry: dict, file: str, where: str, areas: set[str]) -> Pattern:
    for kind in (MAIN, ALSO):
        for index, area in enumerate(entry[kind]):
            if area not in areas:
                raise data.ContentError(file, f"unknown body area {area!r}; the areas are {', '.join(sorted(areas))}",
                                        item=entry["id"], field=f"{where}.{kind}.{index}")
    both = set(entry[MAIN]) & set(entry[ALSO])
    if both:
        raise data.ContentError(file, f"{', '.join(sorted(both))} is listed in both main and also",
                                item=entry["id"], field=f"{where}.also")
    for field in (*ROWS, "route"):
        prose.check_text(entry.get(field, ""), (), file, item=entry["id"], field=f"{where}.{field}")
    references.check_ids(entry["refs"], file, f"{where}.refs", item=entry["id"])
    return Pattern(entry["id"], entry["label"], entry["short"], tuple(entry[MAIN]), tuple(entry[ALSO]),
                   *(entry[field] for field in ROWS), tuple(entry["refs"]), entry.get("mimics", ""),
                   entry.get("route", ""), entry.get("lesson", ""))


def read(path: Path = PATH) -> LookAlikes:
    """Load and check a look-alikes file (``load`` is the cached one of the package)."""
    path = Path(path)
    file = data.display_name(path)
    document = triage.load(path, "look_alikes")       # fills in the triage placeholders
    references.check_ids(list(document["source_names"]), file, "source_names", numbered=False)
    _unique(document["areas"], file, "areas")
    areas = {entry["id"] for entry in document["areas"]}
    _unique(document["spinal"], file, "spinal")
    spinal = tuple(_pattern(entry, file, f"spinal.{index}", areas) for index, entry in enumerate(document["spinal"]))
    spinal_ids = {item.id for item in spinal}
    _unique(document["look_alikes"], file, "look_alikes")
    found = []
    for index, entry in enumerate(document["look_alikes"]):
        if entry["mimics"] not in spinal_ids:
            raise data.ContentError(file, f"unknown spinal pattern {entry['mimics']!r}; the patterns are "
                                    f"{', '.join(sorted(spinal_ids))}", item=entry["id"],
                                    field=f"look_alikes.{index}.mimics")
        found.append(_pattern(entry, file, f"look_alikes.{index}", areas))
    explorer = document["explorer"]
    return LookAlikes(
        sources_label=document["sources_label"], source_names=dict(document["source_names"]),
        areas=tuple(Area(entry["id"], entry["label"]) for entry in document["areas"]),
        plain_text=explorer["plain_text"], labels=dict(explorer["labels"]), route_label=explorer["route_label"],
        remember_label=explorer["remember_label"],
        remember=explorer["remember"], spinal=spinal, look_alikes=tuple(found))


@cache
def load() -> LookAlikes:
    return read(PATH)


def look_alikes() -> tuple[Pattern, ...]:
    return load().look_alikes


def look_alike(look_alike_id: str) -> Pattern:
    """The look-alike with this id; a ValueError that names the choices otherwise."""
    return data.by_id(look_alikes(), look_alike_id, "look-alike")


def spinal_pattern(pattern_id: str) -> Pattern:
    return data.by_id(load().spinal, pattern_id, "spinal pattern")


def patterns() -> tuple[Pattern, ...]:
    """Every pattern in the figure's order: each look-alike followed by the spinal pattern it mimics."""
    ordered: list[Pattern] = []
    for item in look_alikes():
        ordered += [item, spinal_pattern(item.mimics)]
    return tuple(ordered)


def sources(ref_ids: tuple[str, ...]) -> str:
    """Short source names ("NHS Tayside; NICE NG226") from the course bibliography."""
    names = []
    for ref_id in ref_ids:
        entry = bibliography()[ref_id]
        named = load().source_names.get(ref_id)
        if named:
            names.append(named)
            continue
        first = re.split(r"[ ,.(]", entry["citation"], maxsplit=1)[0]
        year = re.search(r"\b(19|20)\d\d\b", entry["citation"])
        names.append(f"{first} {year.group(0)}" if year else first)
    return "; ".join(names)


Comparison = tuple[str, tuple[str, str], list[tuple[str, str, str]], list[tuple[str, str]]]


def comparison_rows(look_alike_id: str) -> Comparison:
    """The side-by-side card as plain text: (title, (look-alike label, spinal label), rows of
    (row label, look-alike text, spinal text), closing rows of (label, text)).

    Raises ``ValueError`` naming the choices for an unknown look-alike.
    """
    item = look_alike(look_alike_id)
    spinal = spinal_pattern(item.mimics)
    texts = load()
    rows = [(texts.labels[field], getattr(item, field), getattr(spinal, field)) for field in ROWS]
    closing = [(texts.route_label, item.route), (texts.remember_label, texts.remember),
               (texts.sources_label, sources(tuple(dict.fromkeys(item.refs + spinal.refs))))]
    return f"{item.label} or {spinal.label}?", (item.label, spinal.label), rows, closing


def area_marks() -> list[tuple[str, str, str]]:
    """(pattern id, area id, "main" or "also") for every body area a pattern names, in the figure's order."""
    return [(item.id, area, kind) for item in patterns() for kind in (MAIN, ALSO)
            for area in getattr(item, kind)]


# ---- thin bones and balance: the one source of these cautions ----------------------------------------

def read_bone_safety(path: Path | str = BONE_SAFETY_PATH) -> BoneSafety:
    """Load and check a bone-safety file (``bone_safety`` is the cached one of the package)."""
    path = Path(path)
    file = data.display_name(path)
    document = data.load(path, "bone_safety")
    for field in ("balance_sources", "thin_bones_sources"):
        references.check_ids(document[field], file, field)
    for field in ("balance_cue", "thin_bones_caution"):
        prose.check_text(document[field], (), file, field=field)
    return BoneSafety(document["balance_cue"], tuple(document["balance_sources"]),
                      document["thin_bones_caution"], tuple(document["thin_bones_sources"]))


@cache
def bone_safety() -> BoneSafety:
    """The thin-bones caution and the balance cue that lesson 09b shows and the planner (lesson 12) uses."""
    return read_bone_safety(BONE_SAFETY_PATH)


def bone_safety_markdown() -> str:
    """The two cautions as the lesson shows them, each with its sources (the same words the planner prints)."""
    texts = bone_safety()
    return (f"**Thin bones.** {texts.thin_bones_caution}\n\n"
            f"*Source: {sources(texts.thin_bones_sources)}.*\n\n"
            f"**Balance** (exercises on one leg or in a lunge). {texts.balance_cue}\n\n"
            f"*Source: {sources(texts.balance_sources)}.*")
