"""Lesson 15b, back pain and work: HSE's guideline weights beside the NIOSH limit, as pure functions.

Two published methods describe a two-handed lift in different terms, and this module keeps them apart:

* **HSE's lifting and lowering risk filter** (``content/tables/hse_guideline_weights.csv``, from INDG143 and L23):
  a filter weight for women and for men in each box of a diagram. The rows of boxes are zones of hand height
  between body landmarks (floor, mid lower leg, knuckle, elbow, shoulder, full reach height); the columns are
  "close to the body" and "arms extended". Hands above the top of the diagram or farther than arm's length are
  outside the boxes: HSE gives no value there and asks for a more detailed assessment.
* **The revised NIOSH lifting equation** of lesson 15 (``lessons.topics.posture.model``): here only its best
  case for everything except hand position (``BEST_CASE``: D 25 cm, no twist, good grip, 0.2 lifts a minute
  for an hour or less, so DM = AM = CM = FM = 1), which leaves RWL = 23 kg x HM x VM. H over 63 cm or V over
  175 cm is outside the equation's limits; lesson 15's ``limit_reasons`` says why.

There is no conversion between the two: body landmarks are at different heights in different people, so a
zone is never turned into centimetres or back. A learner describes the same lift both ways (``compare``).

Problems come back as values, never raised, from ``compare``: an unknown zone or reach is a
:class:`WorkInputError`; a typed height or distance that is not a number in range is lesson 15's
:class:`LiftInputError` (a ``ValueError``) naming the box.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import prose
from lessons.kit.inputs import shown
from lessons.kit.tables import load_table
from lessons.topics.posture.model import (
    FIELD_NAMES,
    UNITS,
    LiftInputError,
    limit_reasons,
    multipliers,
    parse_number,
    recommended_weight_limit,
    two_decimals,
)

CONTENT = Path(__file__).parent / "content"
TEXTS_FILE = CONTENT / "work_texts.yml"
HSE_TABLE = "hse_guideline_weights"

ZONES = ("shoulder_to_full", "elbow_to_shoulder", "knuckle_to_elbow", "lower_leg_to_knuckle", "floor_to_lower_leg")
ABOVE_DIAGRAM = "above_full"          # a zone choice outside HSE's boxes
REACHES = ("close", "extended")
BEYOND_REACH = "beyond"               # a reach choice outside HSE's boxes
SEXES = ("women", "men")              # HSE's diagram gives one value for each

# NIOSH's inputs other than hand position, set to their best values (lesson 15's multipliers are all 1 here).
BEST_CASE = {"d": 25, "a": 0, "frequency": 0.2, "duration": "short", "coupling": "good"}


def load_texts(path: Path | str = TEXTS_FILE) -> dict:
    """The widget's words and the zone and reach names (``content/work_texts.yml``, or ``path``)."""
    return prose.load(path, "work_texts")


@cache
def texts() -> dict:
    """The shipped words, loaded once."""
    return load_texts()


class WorkInputError(ValueError):
    """A zone or reach that is not one of the choices. ``field`` names the input."""

    def __init__(self, field: str, reason: str):
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


# --- HSE's guideline weights -------------------------------------------------------------------------

@cache
def hse_weights() -> dict[tuple[str, str, str], float]:
    """Every box of HSE's diagram: (zone, sex, reach) -> kg. The table must fill the diagram exactly once."""
    table = load_table(HSE_TABLE)
    found: dict[tuple[str, str, str], float] = {}
    for row in table.rows:
        key = (row["zone"], row["sex"], row["reach"])
        if key in found:
            raise ValueError(f"{HSE_TABLE}: the box {key} is in the table twice")
        found[key] = row["weight_kg"]
    missing = [(z, s, r) for z in ZONES for s in SEXES for r in REACHES if (z, s, r) not in found]
    if missing:
        raise ValueError(f"{HSE_TABLE}: boxes missing from the table: {missing}")
    return found


def _choice(value, field: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise WorkInputError(field, f"{shown(value)} is not one of the choices ({', '.join(choices)}).")
    return value


@dataclass(frozen=True)
class HseFilter:
    """HSE's filter weights for one hand position: kg for women and men, or none (outside the boxes)."""

    zone: str
    reach: str
    weights: dict[str, float] | None    # sex -> kg; None when the hands are outside the boxes

    @property
    def inside(self) -> bool:
        return self.weights is not None


def hse_filter(zone: str, reach: str) -> HseFilter:
    """The boxes' values for a zone of hand height and a reach. Outside the diagram gives no values."""
    zone = _choice(zone, "zone", (ABOVE_DIAGRAM, *ZONES))
    reach = _choice(reach, "reach", (*REACHES, BEYOND_REACH))
    if zone == ABOVE_DIAGRAM or reach == BEYOND_REACH:
        return HseFilter(zone, reach, None)
    return HseFilter(zone, reach, {sex: hse_weights()[(zone, sex, reach)] for sex in SEXES})


# --- NIOSH's best case for a hand position -------------------------------------------------------------

@dataclass(frozen=True)
class NioshLimit:
    """Lesson 15's RWL for hand height V and distance H, everything else at its best (``BEST_CASE``)."""

    v: float
    h: float
    hm: float
    vm: float
    rwl: float
    outside: tuple[tuple[str, str], ...]    # (input, why) for each input outside the equation's limits

    @property
    def inside(self) -> bool:
        return not self.outside


def niosh_limit(v, h) -> NioshLimit:
    """RWL = 23 kg x HM x VM (the other multipliers are 1). Raises LiftInputError for nonsense input."""
    m = multipliers(h, v, BEST_CASE["d"], BEST_CASE["a"], BEST_CASE["frequency"], BEST_CASE["duration"],
                    BEST_CASE["coupling"])
    reasons = limit_reasons(h, v, BEST_CASE["d"], BEST_CASE["a"], BEST_CASE["frequency"], BEST_CASE["duration"],
                            BEST_CASE["coupling"])
    rwl = recommended_weight_limit(h, v, BEST_CASE["d"], BEST_CASE["a"], BEST_CASE["frequency"],
                                   BEST_CASE["duration"], BEST_CASE["coupling"])
    return NioshLimit(float(v), float(h), m["HM"], m["VM"], rwl, tuple(reasons))


# --- one lift described both ways ----------------------------------------------------------------------

@dataclass(frozen=True)
class Comparison:
    hse: HseFilter | None = None
    niosh: NioshLimit | None = None
    error: ValueError | None = None


def compare(zone: str, reach: str, v_text, h_text) -> Comparison:
    """Read the choices and the typed V and H (cm), and give both methods' answers. Never raises for bad input."""
    try:
        hse = hse_filter(zone, reach)
        v = parse_number(v_text, "vertical")
        h = parse_number(h_text, "horizontal")
        if h == 0:
            raise LiftInputError("horizontal", texts()["widget"]["h_zero"])
        return Comparison(hse=hse, niosh=niosh_limit(v, h))
    except (WorkInputError, LiftInputError) as error:
        return Comparison(error=error)


def hse_lines(result: HseFilter) -> list[tuple[str, str]]:
    """(label, words) rows for HSE's side of a comparison."""
    if not result.inside:
        return [("HSE guideline weight", texts()["widget"]["hse_outside"])]
    return [(f"HSE guideline weight, {sex}", f"{result.weights[sex]:g} kg") for sex in SEXES]


def niosh_lines(result: NioshLimit) -> list[tuple[str, str]]:
    """(label, words) rows for NIOSH's side of a comparison."""
    if not result.inside:
        why = " ".join(f"{FIELD_NAMES.get(field, field)}: {reason}" for field, reason in result.outside)
        return [("NIOSH recommended weight limit", f"{texts()['widget']['niosh_outside']} {why}")]
    words = (f"{result.rwl:.1f} kg (23 kg × HM {two_decimals(result.hm)} × VM {two_decimals(result.vm)}, "
             "multiplied before rounding)")
    rows = [("NIOSH recommended weight limit (best case)", words)]
    if result.h < UNITS["metric"]["h_ref"]:
        rows.append(("Note", texts()["widget"]["h_counts_as_25"]))
    return rows


def comparison_markdown(zone: str, reach: str, v, h) -> str:
    """One lift described both ways, in Markdown, with the warning that no number is a guarantee."""
    result = compare(zone, reach, v, h)
    words = texts()["widget"]
    if result.error is not None:
        return f"**Not worked out.** {result.error}"
    lines = [f"- **{label}:** {text}" for label, text in [*hse_lines(result.hse), *niosh_lines(result.niosh)]]
    return "\n".join([*lines, "", f"*{words['not_a_guarantee']}*"])
