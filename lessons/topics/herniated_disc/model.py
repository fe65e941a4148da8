"""Lesson 03's rule: which nerve root does a herniated disc usually press?

``root_pressed(level, position)`` is a pure function, unit-tested for every combination:

- a herniation just off centre (paracentral, also called subarticular; the most common kind) presses the
  root that runs past the disc on its way to leave one level lower: the *traversing* root
  (L3–L4 → L4, L4–L5 → L5, L5–S1 → S1);
- a herniation out to the side, into or beyond the side opening (foraminal or far lateral), presses the
  root that leaves through that opening: the *exiting* root (L3–L4 → L3, L4–L5 → L4, L5–S1 → L5);
- a large herniation straight back in the middle (central) can press several roots of the cauda equina,
  on one or both sides: an emergency if it causes the warning signs.

Sources: Radiopaedia (herniated disc – location; disc herniation affecting the transiting root).
"""

from __future__ import annotations

from dataclasses import dataclass

from lessons.topics.back_to_leg.model import nerve_root

LEVELS = {"L3-L4": ("L3", "L4"), "L4-L5": ("L4", "L5"), "L5-S1": ("L5", "S1")}
ROOT_ORDER = ("L3", "L4", "L5", "S1")
MAP_ROOTS = ("L4", "L5", "S1")  # the roots drawn on the leg map of lesson 02

POSITIONS = {
    "paracentral": ("just off centre, to one side", "paracentral or subarticular; the most common kind"),
    "foraminal": ("out to the side, into or beyond the side opening", "foraminal or far lateral"),
    "central": ("straight back, in the middle", "central; rare"),
}
POSITION_ALIASES = {
    "paracentral": "paracentral", "subarticular": "paracentral", "posterolateral": "paracentral",
    "foraminal": "foraminal", "far lateral": "foraminal", "far-lateral": "foraminal",
    "extraforaminal": "foraminal", "lateral": "foraminal", "central": "central",
}

# Medscape (Malanga 2023): L1-L3 root pain goes to the front of the thigh, usually not below the knee.
L3_FELT = ("Pain: usually the front of the thigh, and usually not below the knee. "
           "L3 is not drawn on the leg map of lesson 02.")


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
        return tuple(root for root in self.roots if root in MAP_ROOTS)


def normalise_level(level: object) -> str:
    text = str(level or "").strip().upper().replace("–", "-").replace("/", "-").replace(" ", "")
    if text not in LEVELS:
        raise ValueError(f"{level!r} is not a disc level this explorer knows: choose L3–L4, L4–L5 or L5–S1.")
    return text


def normalise_position(position: object) -> str:
    text = str(position or "").strip().lower()
    if text not in POSITION_ALIASES:
        raise ValueError(f"{position!r} is not a position this explorer knows: choose just off centre "
                         "(paracentral), out to the side (foraminal) or in the middle (central).")
    return POSITION_ALIASES[text]


def root_pressed(level: str, position: str) -> Pressed:
    """The usual rule: paracentral → traversing root; foraminal → exiting root; central → several roots."""
    level, position = normalise_level(level), normalise_position(position)
    exiting, traversing = LEVELS[level]
    if position == "paracentral":
        roots, kind = (traversing,), "traversing"
    elif position == "foraminal":
        roots, kind = (exiting,), "exiting"
    else:
        roots, kind = ROOT_ORDER[ROOT_ORDER.index(traversing):], "several"
    return Pressed(level, position, exiting, traversing, roots, kind)


def where_felt(root_id: str) -> str:
    if root_id == "L3":
        return L3_FELT
    root = nerve_root(root_id)
    return f"Pain: {root.pain.lower()}. Numbness or tingling: {root.numbness.lower()}."


def explanation(pressed: Pressed) -> str:
    level, exiting, traversing = pressed.level_label, pressed.exiting, pressed.traversing
    if pressed.kind == "traversing":
        return (f"A herniation just off centre at {level} sits where the {traversing} root runs past the disc "
                f"on its way down to leave one level lower (the traversing root). The {exiting} root has "
                f"already left through the side opening, so a usual herniation misses it.")
    if pressed.kind == "exiting":
        return (f"A herniation out to the side at {level} reaches the side opening (the foramen) where the "
                f"{exiting} root leaves the spine (the exiting root). So it presses {exiting}, one root "
                f"higher than a usual herniation at the same level would ({traversing}).")
    roots = ", ".join(pressed.roots)
    return (f"A large herniation straight back in the middle at {level} pushes into the spinal canal, where "
            f"the roots of the cauda equina run down. It can press several roots at once ({roots} and the "
            f"lower roots below them), on one or both sides.")
