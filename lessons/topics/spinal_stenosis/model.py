"""Lesson 04's rules and words as data (``content/stenosis_explorers.yml``).

- The activity explorer: everyday activities, what the lower back does in each (bent forward, flexion,
  or upright or arched, extension), and what tends to happen with neurogenic claudication (spinal
  stenosis) and with vascular claudication (poor blood flow).
- The narrowing explorer: where the narrowing is (the central canal or a side opening) and where
  symptoms usually go; a side opening pinches one root, whose facts come from lesson 02.

``activity_rows`` and ``narrowing_rows`` give a card's title and rows as plain text; the widgets turn them
into escaped HTML. The loader checks the file against its schema, then what a schema cannot say: unique
ids, reference ids in the course bibliography, and the ``{name}`` and ``{root}`` placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, references
from lessons.kit.references import bibliography
from lessons.topics.back_to_leg.model import nerve_root

CONTENT = Path(__file__).parent / "content"
PATH = CONTENT / "stenosis_explorers.yml"
BACK_POSITIONS = ("flexion", "extension")


@dataclass(frozen=True)
class Activity:
    """One everyday activity, what the lower back does, and what tends to happen."""

    id: str
    label: str
    back: str  # "flexion" or "extension"
    nerve: str  # with neurogenic claudication (spinal stenosis)
    vessel: str  # with vascular claudication (poor blood flow to the leg muscles)
    why: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    label: str
    text: str = ""        # may say {root}
    root_fact: str = ""   # "pain" or "numbness": the text is the chosen root's fact instead


@dataclass(frozen=True)
class Place:
    """Where the canal is narrowed; ``root`` when it pinches one nerve root chosen in the explorer."""

    id: str
    name: str
    tooltip: str
    root: bool
    title: str           # may say {name} and, with root, {root}
    rows: tuple[Row, ...]
    refs: tuple[str, ...]


@dataclass(frozen=True)
class Explorers:
    sources_label: str
    source_names: dict[str, str]                 # short names for some reference ids
    activity_plain_text: str
    labels: dict[str, str]                       # the rows of an activity's card (then its sources)
    back: dict[str, tuple[str, str]]             # back position -> (what the back does, room for the nerves)
    remember: str
    activities: tuple[Activity, ...]
    narrowing_plain_text: str
    places: tuple[Place, ...]


def _check_refs(refs: list[str], file: str, item: str, field: str) -> None:
    references.check_ids(refs, file, field, item=item)


def _unique(items: list[dict], file: str, field: str) -> None:
    seen = set()
    for index, entry in enumerate(items):
        if entry["id"] in seen:
            raise data.ContentError(file, "duplicate id", item=entry["id"], field=f"{field}.{index}.id")
        seen.add(entry["id"])


def read(path: Path = PATH) -> Explorers:
    """Load and check an explorers file (``load`` is the cached one of the package)."""
    file = data.display_name(path)
    document = data.load(path, "stenosis_explorers")
    for ref in document["sources"]["names"]:
        if ref not in bibliography():
            raise data.ContentError(file, f"unknown reference {ref!r}", field=f"sources.names.{ref}")
    explorer = document["activity_explorer"]
    _unique(explorer["activities"], file, "activity_explorer.activities")
    for index, entry in enumerate(explorer["activities"]):
        _check_refs(entry["refs"], file, entry["id"], f"activity_explorer.activities.{index}.refs")
    places = document["narrowing_explorer"]["places"]
    _unique(places, file, "narrowing_explorer.places")
    built = []
    for index, entry in enumerate(places):
        where = f"narrowing_explorer.places.{index}"
        root = entry.get("root", False)
        prose.check_text(entry.get("title", ""), ("name", "root") if root else ("name",), file,
                           item=entry["id"], field=f"{where}.title")
        for number, row in enumerate(entry["rows"]):
            if "root_fact" in row and not root:
                raise data.ContentError(file, "only a place with 'root: true' can take a root's fact",
                                        item=entry["id"], field=f"{where}.rows.{number}.root_fact")
            prose.check_text(row.get("text", ""), ("root",) if root else (), file, item=entry["id"],
                               field=f"{where}.rows.{number}.text")
        _check_refs(entry["refs"], file, entry["id"], f"{where}.refs")
        built.append(Place(entry["id"], entry["name"], entry["tooltip"], root, entry.get("title", "{name}"),
                           tuple(Row(**row) for row in entry["rows"]), tuple(entry["refs"])))
    return Explorers(
        sources_label=document["sources"]["label"],
        source_names=dict(document["sources"]["names"]),
        activity_plain_text=explorer["plain_text"],
        labels=dict(explorer["labels"]),
        back={key: (value["position"], value["room"]) for key, value in explorer["back"].items()},
        remember=explorer["remember"],
        activities=tuple(Activity(**{**entry, "refs": tuple(entry["refs"])}) for entry in explorer["activities"]),
        narrowing_plain_text=document["narrowing_explorer"]["plain_text"],
        places=tuple(built))


@cache
def load() -> Explorers:
    return read(PATH)


def activities() -> tuple[Activity, ...]:
    return load().activities


def activity(activity_id: str) -> Activity:
    """The activity with this id; a ValueError that names the choices otherwise."""
    return data.by_id(activities(), activity_id, "activity")


def places() -> tuple[Place, ...]:
    return load().places


def place(place_id: str) -> Place:
    """The place with this id; a ValueError that names the choices otherwise."""
    return data.by_id(places(), place_id, "place")


def sources(ref_ids: tuple[str, ...]) -> str:
    """Short source names ("Katz 2022; Schmid 1999") from the course bibliography."""
    names = []
    for ref_id in ref_ids:
        entry = bibliography()[ref_id]
        first = load().source_names.get(ref_id) or re.split(r"[ ,.(]", entry["citation"], maxsplit=1)[0]
        year = re.search(r"\b(19|20)\d\d\b", entry["citation"])
        names.append(f"{first} {year.group(0)}" if year else first)
    return "; ".join(names)


def activity_rows(activity_id: str) -> tuple[str, list[tuple[str, str]]]:
    """An activity's card as (title, rows): the back position, what tends to happen with each kind of
    claudication, why, the caveat and the sources."""
    item, texts = activity(activity_id), load()
    position, room = texts.back[item.back]
    labels = texts.labels
    return item.label, [
        (labels["back"], f"{position}: {room}."),
        (labels["nerve"], item.nerve),
        (labels["vessel"], item.vessel),
        (labels["why"], item.why),
        (labels["remember"], texts.remember),
        (texts.sources_label, sources(item.refs)),
    ]


def narrowing_rows(place_id: str, root: str | None = None) -> tuple[str, list[tuple[str, str]]]:
    """A narrowing's card as (title, rows): what is squeezed and where symptoms usually go.

    A place that pinches one root needs ``root`` (L4, L5 or S1); its facts come from lesson 02.
    """
    item = place(place_id)
    values = {"name": item.name}
    facts = None
    if item.root:
        if root is None:
            raise ValueError("Choose a nerve root (L4, L5 or S1) for a side-opening narrowing.")
        facts = nerve_root(root)
        values["root"] = facts.id
    rows = [(row.label, getattr(facts, row.root_fact) if row.root_fact else prose.fill(row.text, **values))
            for row in item.rows]
    rows.append((load().sources_label, sources(item.refs)))
    return prose.fill(item.title, **values), rows
