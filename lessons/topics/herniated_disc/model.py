"""Lesson 03's rule: which nerve root does a herniated disc usually press?

The rule is data (``content/herniation.yml``): for each disc level, the root that leaves through its
side opening (*exiting*) and the one that runs past the disc to leave one level lower (*traversing*);
for each position of the herniation, which of them it usually presses:

- just off centre (paracentral, also called subarticular; the most common kind): the traversing root
  (L3–L4 → L4, L4–L5 → L5, L5–S1 → S1);
- out to the side, into or beyond the side opening (foraminal or far lateral): the exiting root
  (L3–L4 → L3, L4–L5 → L4, L5–S1 → L5);
- straight back in the middle (central): several roots of the cauda equina, on one or both sides.

``root_pressed(level, position)`` is a pure function, unit-tested for every combination.
Sources: Radiopaedia (herniated disc – location), see the file's ``sources``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, references, triage
from lessons.topics.back_to_leg.model import nerve_root, nerve_roots

CONTENT = Path(__file__).parent / "content"
EXPLANATION_SLOTS = ("level", "exiting", "traversing", "roots")


@dataclass(frozen=True)
class Position:
    id: str
    where: str                  # in plain words
    term: str                   # the clinical terms
    presses: str                # "traversing", "exiting" or "several"
    aliases: tuple[str, ...]
    explanation: str            # with EXPLANATION_SLOTS


@dataclass(frozen=True)
class CardWords:
    one_root: str               # the title: {level}, {where}, {root}
    several_roots: str          # the title: {level}, {where}
    remember: str
    warning: str
    warning_signs: tuple[str, ...]


@dataclass(frozen=True)
class Herniation:
    plain_text: str
    roots: tuple[str, ...]                      # top to bottom
    levels: dict[str, tuple[str, str]]          # disc level -> (exiting root, traversing root)
    positions: tuple[Position, ...]
    felt: str                                   # a root on the leg map: {pain}, {numbness}
    off_map: dict[str, str]                     # a root not on the leg map -> where it is usually felt
    card: CardWords

    def position(self, position_id: str) -> Position:
        return next(item for item in self.positions if item.id == position_id)

    @property
    def aliases(self) -> dict[str, str]:
        """Every name of a position (its id and its aliases) -> its id."""
        return {name: item.id for item in self.positions for name in (item.id, *item.aliases)}


def _check_refs(refs, name: str, where: str) -> None:
    references.check_ids(refs, name, where, numbered=False)


def _levels(document: dict, name: str, roots: list[str]) -> dict[str, tuple[str, str]]:
    levels = {}
    for index, entry in enumerate(document["levels"]):
        level, exiting, traversing = entry["id"], entry["exiting"], entry["traversing"]
        if level in levels:
            raise data.ContentError(name, "duplicate level id", item=level, field=f"levels.{index}.id")
        for key in ("exiting", "traversing"):
            if entry[key] not in roots:
                raise data.ContentError(name, f"{entry[key]!r} is not in roots", item=level,
                                        field=f"levels.{index}.{key}")
        if roots.index(traversing) != roots.index(exiting) + 1:
            raise data.ContentError(name, f"the traversing root must be the root just below {exiting}",
                                    item=level, field=f"levels.{index}.traversing")
        levels[level] = (exiting, traversing)
    return levels


def _positions(document: dict, name: str) -> tuple[Position, ...]:
    positions, owner = [], {}
    for index, entry in enumerate(document["positions"]):
        for where, alias in [("id", entry["id"])] + [(f"aliases.{i}", a) for i, a in enumerate(entry["aliases"])]:
            if alias in owner:
                raise data.ContentError(name, f"{alias!r} already names the position {owner[alias]!r}",
                                        item=entry["id"], field=f"positions.{index}.{where}")
            owner[alias] = entry["id"]
        prose.check_text(entry["explanation"], EXPLANATION_SLOTS, name, field=f"positions.{index}.explanation",
                         item=entry["id"])
        positions.append(Position(entry["id"], entry["where"], entry["term"], entry["presses"],
                                  tuple(entry["aliases"]), entry["explanation"]))
    return tuple(positions)


def _off_map(document: dict, name: str, roots: list[str]) -> dict[str, str]:
    on_map = {root.id for root in nerve_roots()}
    off_map = {}
    for index, entry in enumerate(document["off_map"]):
        if entry["root"] not in roots or entry["root"] in on_map or entry["root"] in off_map:
            raise data.ContentError(name, f"{entry['root']!r} must be one of the roots, once, and not on the leg "
                                    "map of lesson 02", field=f"off_map.{index}.root")
        _check_refs(entry["refs"], name, f"off_map.{index}.refs")
        off_map[entry["root"]] = entry["felt"]
    for root in roots:
        if root not in on_map and root not in off_map:
            raise data.ContentError(name, f"{root!r} is not on the leg map of lesson 02, so off_map needs where it "
                                    "is felt", field="roots")
    return off_map


def load_herniation(path: Path | str = CONTENT / "herniation.yml") -> Herniation:
    """Read and check the rule's file; rules the schema cannot express raise ContentError."""
    path = Path(path)
    name = data.display_name(path)
    document = data.load(path, "herniation")
    _check_refs(document["sources"], name, "sources")
    roots = list(document["roots"])
    prose.check_text(document["felt"], ("pain", "numbness"), name, field="felt")
    card = document["card"]
    prose.check_text(card["one_root"], ("level", "where", "root"), name, field="card.one_root")
    prose.check_text(card["several_roots"], ("level", "where"), name, field="card.several_roots")
    try:
        signs = triage.group(card["warning_signs"])
    except KeyError:
        raise data.ContentError(name, f"unknown group of warning signs {card['warning_signs']!r}",
                                field="card.warning_signs") from None
    return Herniation(
        plain_text=document["plain_text"], roots=tuple(roots), levels=_levels(document, name, roots),
        positions=_positions(document, name), felt=document["felt"], off_map=_off_map(document, name, roots),
        card=CardWords(card["one_root"], card["several_roots"], card["remember"], card["warning"], signs))


@cache
def herniation() -> Herniation:
    return load_herniation()


@cache
def map_roots() -> tuple[str, ...]:
    """The roots drawn on the leg map of lesson 02."""
    return tuple(root.id for root in nerve_roots())


@dataclass(frozen=True)
class Pressed:
    """Which root(s) a herniation at ``level`` pointing in ``position`` usually presses."""

    level: str
    position: str
    exiting: str
    traversing: str
    roots: tuple[str, ...]
    kind: str  # "traversing", "exiting" or "several"

    @property
    def level_label(self) -> str:
        return self.level.replace("-", "–")

    @property
    def emergency(self) -> bool:
        return self.kind == "several"

    @property
    def map_roots(self) -> tuple[str, ...]:
        return tuple(root for root in self.roots if root in map_roots())


def normalise_level(level: object) -> str:
    text = str(level or "").strip().upper().replace("–", "-").replace("/", "-").replace(" ", "")
    if text not in herniation().levels:
        raise ValueError(f"{level!r} is not a disc level this explorer knows: choose L3–L4, L4–L5 or L5–S1.")
    return text


def normalise_position(position: object) -> str:
    text = str(position or "").strip().lower()
    if text not in herniation().aliases:
        raise ValueError(f"{position!r} is not a position this explorer knows: choose just off centre "
                         "(paracentral), out to the side (foraminal) or in the middle (central).")
    return herniation().aliases[text]


def root_pressed(level: str, position: str) -> Pressed:
    """The usual rule: paracentral → traversing root; foraminal → exiting root; central → several roots."""
    level, position = normalise_level(level), normalise_position(position)
    rules = herniation()
    exiting, traversing = rules.levels[level]
    kind = rules.position(position).presses
    if kind == "traversing":
        roots = (traversing,)
    elif kind == "exiting":
        roots = (exiting,)
    else:
        roots = rules.roots[rules.roots.index(traversing):]
    return Pressed(level, position, exiting, traversing, roots, kind)


def where_felt(root_id: str) -> str:
    off_map = herniation().off_map
    if root_id in off_map:
        return off_map[root_id]
    root = nerve_root(root_id)
    return prose.fill(herniation().felt, pain=root.pain.lower(), numbness=root.numbness.lower())


def explanation(pressed: Pressed) -> str:
    return prose.fill(herniation().position(pressed.position).explanation, level=pressed.level_label,
                      exiting=pressed.exiting, traversing=pressed.traversing, roots=", ".join(pressed.roots))
