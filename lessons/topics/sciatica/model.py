"""Lesson 08's rules, as data: the clue set of "Follow the pain" (``content/clues.yml``), sorted by the
course's one clue sorter (``lessons.kit.sorter``). The areas of the leg where it can be numb, and the
nerve root that usually supplies each, are lesson 02's (``back_to_leg``).

``sort_clues`` sorts the chosen clues into radicular and referred (a numb area adds its nerve root) and
raises ``ClueError``, with a plain message, for clues that cannot be sorted; ``clues_card`` is the card.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import sorter
from lessons.kit.sorter import ClueError
from lessons.topics.back_to_leg.model import NerveRoot, leg_areas, nerve_root, nerve_roots, root_for_area

CONTENT = Path(__file__).parent / "content"
RADICULAR, REFERRED = "radicular", "referred"     # the two sides of the clue set
NO_NUMBNESS = sorter.NO_AREA


def numb_areas() -> tuple[sorter.Area, ...]:
    """Lesson 02's areas of the leg, each with the root that usually supplies it and that root's muscles."""
    return tuple(sorter.Area(key, name, root.id, (("muscles", root.muscles.lower()),))
                 for key, name in leg_areas().items() for root in (root_for_area(key),))


@cache
def clue_set() -> sorter.ClueSet:
    return sorter.load_clue_set(CONTENT / "clues.yml", roots=[root.id for root in nerve_roots()],
                                areas=numb_areas())


@dataclass(frozen=True)
class SortedClues:
    """One sorting, in this lesson's words: the clues on each side, the numb area and its nerve root."""
    sorting: sorter.Sorting

    @property
    def radicular(self) -> tuple[sorter.Clue, ...]:
        return self.sorting.clues_leaning(RADICULAR)

    @property
    def referred(self) -> tuple[sorter.Clue, ...]:
        return self.sorting.clues_leaning(REFERRED)

    @property
    def area(self) -> str | None:
        return self.sorting.area.id if self.sorting.area else None

    @property
    def root(self) -> NerveRoot | None:
        return nerve_root(self.sorting.root) if self.sorting.root else None

    @property
    def verdict(self) -> str:
        """"radicular", "referred", "mixed" or "none" (nothing chosen yet)."""
        return self.sorting.verdict


def sort_clues(clue_ids, numb_area: str | None = None) -> SortedClues:
    """Sort the chosen clues into radicular and referred; a numb area adds its nerve root.

    Raises ClueError, with a plain message, for unknown clues or areas and for clues that
    contradict each other.
    """
    sorting = sorter.sort(clue_set(), clue_ids, numb_area)
    if sorting.problem:
        raise ClueError(sorting.headline)
    return SortedClues(sorting)


def clues_card(result: SortedClues) -> str:
    """The explanation shown under the clues (escaped HTML)."""
    return sorter.card(result.sorting)
