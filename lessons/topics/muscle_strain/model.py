"""Lesson 06's rules and words, as data.

- The clue set of "Referred or nerve root?" (``content/clues.yml``), sorted by the course's one clue
  sorter (``lessons.kit.sorter``): ``sort_clues`` and ``clue_card`` are its rules for this lesson.
- The published pain scores of Menezes Costa et al. (2012) (``content/tables``) and the recovery
  timeline's reading of them (``content/recovery_timeline.yml``): ``timepoint_text``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, sorter
from lessons.kit.tables import load_table
from lessons.topics.back_to_leg.model import nerve_roots

CONTENT = Path(__file__).parent / "content"
RECOVERY_TABLE = "menezes_costa_2012_pain_course"
FIRST_MONTH_TABLE = "pengel_2003_acute_lbp_course"
TIME_POINTS = ("baseline", "6 weeks", "26 weeks", "52 weeks")
READING_SLOTS = ("when", "acute_pain", "acute_lower", "acute_upper", "persistent_pain", "persistent_lower",
                 "persistent_upper")


def recovery_points(cohort: str) -> list[dict]:
    """The published rows of one cohort ("acute" or "persistent"), in time order."""
    rows = [row for row in load_table(RECOVERY_TABLE).rows if row["cohort"] == cohort]
    if not rows:
        raise KeyError(f"no cohort {cohort!r} in {RECOVERY_TABLE}")
    return sorted(rows, key=lambda row: row["week"])


# ---- referred or nerve root? ------------------------------------------------------------------------

@cache
def clue_set() -> sorter.ClueSet:
    """The lesson's clue set; a clue's nerve root must be one of lesson 02's."""
    return sorter.load_clue_set(CONTENT / "clues.yml", roots=[root.id for root in nerve_roots()])


def sort_clues(selected: Iterable[str] | None) -> sorter.Sorting:
    """Say which pattern the ticked clues fit. Unknown or malformed input gives a message, not an error."""
    return sorter.sort(clue_set(), selected)


def clue_card(result: sorter.Sorting) -> str:
    """The result as HTML: a headline, one line per clue, and the not-a-diagnosis line (all escaped)."""
    return sorter.card(result)


# ---- the recovery timeline -----------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineWords:
    plain_text: str
    openings: dict[str, str]   # time point -> how the reading starts
    reading: str               # with READING_SLOTS


def load_timeline_words(path: Path | str = CONTENT / "recovery_timeline.yml") -> TimelineWords:
    """Read and check the timeline's words: one opening per time point of the figure, known slots only."""
    path = Path(path)
    name = data.display_name(path)
    document = data.load(path, "recovery_timeline")
    if tuple(document["openings"]) != TIME_POINTS:
        raise data.ContentError(name, f"needs one opening per time point, in order: {', '.join(TIME_POINTS)}",
                                field="openings")
    prose.check_text(document["reading"], READING_SLOTS, name, field="reading")
    return TimelineWords(document["plain_text"], dict(document["openings"]), document["reading"])


@cache
def timeline_words() -> TimelineWords:
    return load_timeline_words()


def timepoint_text(time_point: str) -> str:
    """What the published pooled pain scores were at one time point, in plain words."""
    if time_point not in TIME_POINTS:
        return f"Unknown time point {time_point!r}: choose {', '.join(TIME_POINTS)}."
    index = TIME_POINTS.index(time_point)
    acute, persistent = recovery_points("acute")[index], recovery_points("persistent")[index]
    words = timeline_words()
    numbers = {f"{cohort}_{key}": f"{row[key]:.0f}" for cohort, row in (("acute", acute), ("persistent", persistent))
               for key in ("pain", "lower", "upper")}
    return prose.fill(words.reading, when=words.openings[time_point], **numbers)
