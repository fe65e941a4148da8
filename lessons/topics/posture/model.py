"""The revised NIOSH lifting equation, as pure functions (lesson 15).

Sources: Waters TR, Putz-Anderson V, Garg A, Fine LJ. Ergonomics 1993;36(7):749-76, and the NIOSH
*Applications Manual for the Revised NIOSH Lifting Equation*, DHHS (NIOSH) Publication No. 94-110
(revised September 2021). Page numbers below are the manual's.

    RWL = LC x HM x VM x DM x AM x FM x CM        (recommended weight limit, p. 7)
    LI  = load weight / RWL                        (lifting index, p. 1)

Metric: LC = 23 kg, HM = 25/H, VM = 1 - 0.003|V - 75|, DM = 0.82 + 4.5/D, AM = 1 - 0.0032A (H, V, D in
cm, A in degrees). U.S. units (used only to check the manual's worked examples): LC = 51 lb, HM = 10/H,
VM = 1 - 0.0075|V - 30|, DM = 0.82 + 1.8/D (inches). FM comes from Table 5 (p. 15) and CM from Table 7
(p. 18); both depend on whether V at the start of the lift is below 75 cm (30 in).

How inputs are treated (decided with the manual; see the lesson text):

* Rules of the method are applied, not rejected: H below 25 cm counts as 25 cm (HM = 1); D below 25 cm
  counts as 25 cm (DM = 1); F below 0.2 lifts/min counts as 0.2 (pp. 8, 11, 14).
* The manual's limits give a multiplier of 0 (pp. 8-15): H over 63 cm, V over 175 cm, D over 175 cm,
  A over 135 degrees, or F above the highest frequency with a non-zero entry in its Table 5 column.
  The multiplier functions return 0 there, as the tables do, and ``recommended_weight_limit`` returns
  0 ("a RWL of zero, or no load", p. 12). A lifting index cannot be worked out from an RWL of 0, so
  ``lifting_index`` and ``assess_lift`` raise :class:`OutsideEquationLimits`, naming each input that
  is out of range and the limit it broke.
* Between two rows of Table 5 the FM is interpolated linearly, as the manual asks (p. 7). The manual
  does not say how to treat a frequency between a non-zero row and a row of 0; here any frequency above
  the last non-zero row of its column is outside the limits (FM = 0).
* Nonsense is rejected with :class:`LiftInputError` (a ``ValueError``) naming the input and the allowed
  range: not a number, not finite, negative, zero where a lift needs more than zero, more than the
  calculator's upper bound (``upper_bound``: a load over 300 kg or 660 lb, a distance or height over
  300 cm or 120 in, an angle over 180 degrees, more than 60 lifts per minute), a duration or coupling
  not in the tables, unknown units. The bounds are far above the equation's own limits, so an input
  between the two still gets the manual's answer (a multiplier of 0); they keep nonsense such as a load
  of 1e308 kg from coming back as "LI = inf". Typed text is read by ``parse_number`` with the course's
  rule for numbers (``lessons.kit.inputs.read_number``).
* Nothing is rounded inside the calculation. The manual's worked examples round multipliers to two
  decimals and weight limits and indices to one (p. 29), so they can differ from full precision in the
  last digit.

The equation is for designing and checking workplace lifting tasks for a working population; it is not
a personal safety guarantee, and the manual lists tasks it does not apply to (p. 6).

The published constants, Tables 5 and 7, what a lifting index means and why a lift is outside the limits
are data: ``content/niosh.yml`` (schema beside it), read and checked by ``load_niosh``. The formulas, the
calculator's own bounds and the checking of inputs stay here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from lessons.kit import data, prose
from lessons.kit.inputs import NumberError, read_number, shown
from lessons.kit.references import bibliography

CONTENT = Path(__file__).parent / "content"
NIOSH_FILE = CONTENT / "niosh.yml"
TEXTS_FILE = CONTENT / "posture_texts.yml"

# --- the published constants and tables: content/niosh.yml ---------------------------------------

# The {fields} of each "outside_limits" sentence (filled in with ``prose.fill``); any other "{" or "}" is an error.
OUTSIDE_FIELDS = {
    "horizontal": ("value", "unit", "limit"), "vertical": ("value", "unit", "limit"),
    "distance": ("value", "unit", "limit"), "asymmetry": ("value", "limit"),
    "frequency": ("value", "limit", "duration", "where", "split", "unit"),
}


@dataclass(frozen=True)
class Niosh:
    """The equation's constants and tables as the manual prints them (``content/niosh.yml``)."""

    sources: tuple[str, ...]
    units: dict[str, dict]                     # "metric" / "us" -> the formulas' constants and unit names
    distance_constant: float                   # DM = distance_constant + coefficient / D
    asymmetry_coefficient: float               # AM = 1 - coefficient x A
    max_angle: float                           # A over this gives AM = 0
    durations: dict[str, str]                  # duration -> label
    duration_headings: dict[str, str]          # duration -> Table 5's column heading
    frequency_rows: tuple[float, ...]          # lifts per minute
    frequency_table: dict[str, tuple[tuple[float, float], ...]]   # duration -> one (V low, V high) per row
    couplings: dict[str, str]                  # grip -> label
    coupling_table: dict[str, tuple[float, float]]
    bands: tuple[tuple[str, float | None, str], ...]   # (id, LI above which it holds, what it means)
    outside_limits: dict[str, str]             # input -> why it is outside the limits


def load_niosh(path: Path | str = NIOSH_FILE) -> Niosh:
    """Read and check a NIOSH constants file (the shipped one unless ``path`` is given)."""
    path = Path(path)
    name = data.display_name(path)
    document = data.load(path, "niosh")
    known = bibliography()
    for field, ids in (("sources", document["sources"]), ("units.source", [document["units"]["source"]]),
                       ("frequency_table.source", [document["frequency_table"]["source"]]),
                       ("coupling_table.source", [document["coupling_table"]["source"]]),
                       ("lifting_index.source", [document["lifting_index"]["source"]])):
        for index, ref in enumerate(ids):
            if ref not in known:
                raise data.ContentError(name, f"unknown reference {ref!r}",
                                        field=f"{field}.{index}" if field == "sources" else field)
    table = document["frequency_table"]
    durations = list(table["durations"])
    rows = table["rows"]
    for index in range(1, len(rows)):
        if rows[index]["per_minute"] <= rows[index - 1]["per_minute"]:
            raise data.ContentError(name, "the frequencies must rise from row to row",
                                    field=f"frequency_table.rows.{index}.per_minute")
        for duration in durations:
            for column in (0, 1):
                if rows[index][duration][column] > rows[index - 1][duration][column]:
                    raise data.ContentError(name, "a multiplier cannot rise with the frequency (check the "
                                            "transcription)", field=f"frequency_table.rows.{index}.{duration}")
    bands = document["lifting_index"]["bands"]
    for index, band in enumerate(bands):
        if (index == 0) == ("above" in band):
            raise data.ContentError(name, "only the first band has no 'above'", item=band["id"],
                                    field=f"lifting_index.bands.{index}.above")
        if index > 1 and band["above"] <= bands[index - 1]["above"]:
            raise data.ContentError(name, "the bands' 'above' must rise", item=band["id"],
                                    field=f"lifting_index.bands.{index}.above")
    for key, text in document["outside_limits"].items():
        prose.check_text(text, OUTSIDE_FIELDS[key], name, field=f"outside_limits.{key}")
    units = {}
    for system in ("metric", "us"):
        u = document["units"][system]
        units[system] = {
            "lc": float(u["load_constant"]), "h_ref": float(u["horizontal"]["reference"]),
            "h_max": float(u["horizontal"]["maximum"]), "v_opt": float(u["vertical"]["optimum"]),
            "v_coef": u["vertical"]["coefficient"], "v_max": float(u["vertical"]["maximum"]),
            "d_min": float(u["distance"]["minimum"]), "d_coef": u["distance"]["coefficient"],
            "d_max": float(u["distance"]["maximum"]), "v_split": float(u["table_split"]),
            "length": u["length"], "weight": u["weight"]}
    couplings = document["coupling_table"]["couplings"]
    return Niosh(
        sources=tuple(document["sources"]), units=units, distance_constant=document["distance_constant"],
        asymmetry_coefficient=document["asymmetry"]["coefficient"], max_angle=float(document["asymmetry"]["maximum"]),
        durations={key: entry["label"] for key, entry in table["durations"].items()},
        duration_headings={key: entry["heading"] for key, entry in table["durations"].items()},
        frequency_rows=tuple(row["per_minute"] for row in rows),
        frequency_table={d: tuple((row[d][0], row[d][1]) for row in rows) for d in durations},
        couplings={key: entry["label"] for key, entry in couplings.items()},
        coupling_table={key: (entry["multipliers"][0], entry["multipliers"][1]) for key, entry in couplings.items()},
        bands=tuple((band["id"], band.get("above"), band["text"]) for band in bands),
        outside_limits=dict(document["outside_limits"]))


@cache
def niosh() -> Niosh:
    """The shipped constants and tables, loaded once."""
    return load_niosh()


# The {fields} of the calculator's numbers_note (content/posture_texts.yml): each box's upper bound.
NUMBERS_NOTE_FIELDS = ("load", "length", "angle", "frequency")


def load_texts(path: Path | str = TEXTS_FILE) -> dict[str, str]:
    """The calculator's and figures' sentences (``content/posture_texts.yml``, or ``path``), by key."""
    path = Path(path)
    name = data.display_name(path)
    document = data.load(path, "posture_texts")
    for part in ("calculator", "figures"):
        for key, text in document[part].items():
            allowed = NUMBERS_NOTE_FIELDS if (part, key) == ("calculator", "numbers_note") else ()
            prose.check_text(text, allowed, name, field=f"{part}.{key}")
    return {**document["calculator"], **document["figures"]}


@cache
def texts() -> dict[str, str]:
    """The shipped sentences, loaded once."""
    return load_texts()


# --- units -----------------------------------------------------------------------------------------

# The calculator's own upper bounds (not the equation's limits): far above them, they keep nonsense out.
CALCULATOR_BOUNDS = {"metric": {"length_bound": 300.0, "load_bound": 300.0},
                     "us": {"length_bound": 120.0, "load_bound": 660.0}}
# load constant, H: numerator / upper limit, V: optimum / coefficient / upper limit,
# D: lower bound / coefficient / upper limit, the V boundary of Tables 5 and 7, unit names, bounds
UNITS = {system: {**niosh().units[system], **CALCULATOR_BOUNDS[system]} for system in CALCULATOR_BOUNDS}
# Upper bounds of the inputs that have no unit system (the others are in UNITS).
ANGLE_BOUND = 180.0        # degrees
FREQUENCY_BOUND = 60.0     # lifts per minute
RWL_BOUND = 51.0           # the largest load constant (lb); an RWL is never more

FIELD_NAMES = {
    "load": "Load weight",
    "horizontal": "Horizontal distance (H)",
    "vertical": "Starting height of the hands (V)",
    "distance": "Vertical travel distance (D)",
    "asymmetry": "Twist angle (A)",
    "frequency": "Lifts per minute (F)",
    "duration": "Work duration",
    "coupling": "Grip (coupling)",
    "units": "Units",
    "rwl": "Recommended weight limit (RWL)",
}

# Table 5 (p. 15): frequency multiplier. Rows: lifts per minute. Columns: duration and whether V is below
# 75 cm (30 in): (V < 75, V >= 75). A frequency below 0.2 counts as 0.2, and above 15 FM is 0.
DURATIONS = niosh().durations
FREQUENCY_ROWS = niosh().frequency_rows
FREQUENCY_TABLE = niosh().frequency_table

# Table 7 (p. 18): coupling multiplier, (V < 75 cm, V >= 75 cm).
COUPLINGS = niosh().couplings
COUPLING_TABLE = niosh().coupling_table

MAX_ANGLE = niosh().max_angle  # degrees; A over 135 gives AM = 0 (p. 12)


class LiftInputError(ValueError):
    """An input the equation cannot take. ``field`` names it; the message says why, in plain words."""

    def __init__(self, field: str, reason: str):
        self.field = field
        self.reason = reason
        super().__init__(f"{FIELD_NAMES.get(field, field)}: {reason}")


class OutsideEquationLimits(LiftInputError):
    """The lift is outside the equation's limits: a multiplier is 0, so the RWL is 0 and LI undefined."""

    def __init__(self, reasons: list[tuple[str, str]]):
        self.reasons = tuple(reasons)
        field, first = self.reasons[0] if self.reasons else ("rwl", "the RWL is 0")
        ValueError.__init__(self, "The recommended weight limit is 0: this lift is outside the equation's "
                                  "limits. " + " ".join(f"{FIELD_NAMES.get(f, f)}: {r}" for f, r in self.reasons))
        self.field = field
        self.reason = first


# --- checking inputs -------------------------------------------------------------------------------

def _units(units: str) -> dict:
    if not isinstance(units, str) or units not in UNITS:
        raise LiftInputError("units", f"{shown(units)} is not one of {', '.join(UNITS)} (metric: cm and kg).")
    return UNITS[units]


def upper_bound(field: str, units: str = "metric") -> tuple[float, str]:
    """(the largest value this calculator takes, its unit) for a numeric input."""
    u = _units(units)
    if field in ("horizontal", "vertical", "distance"):
        return u["length_bound"], u["length"]
    if field == "load":
        return u["load_bound"], u["weight"]
    return {"asymmetry": (ANGLE_BOUND, "degrees"), "frequency": (FREQUENCY_BOUND, "lifts per minute"),
            "rwl": (RWL_BOUND, "")}[field]


def _read(value, field: str, upper: float, unit: str, allow_zero: bool) -> float:
    try:
        return read_number(value, FIELD_NAMES.get(field, field), 0, upper, unit=unit, above_low=not allow_zero)
    except NumberError as problem:
        reason = "is empty. Type a number." if problem.kind == "empty" else problem.reason
        raise LiftInputError(field, reason) from None


def _number(value, field: str, units: str = "metric", allow_zero: bool = True) -> float:
    """A finite number from 0 (or more than 0) up to the field's upper bound; bools and text are refused."""
    upper, unit = upper_bound(field, units)
    if value is None or isinstance(value, str):
        raise LiftInputError(field, f"{shown(value)} is not a number. Type a number{f' in {unit}' if unit else ''}.")
    return _read(value, field, upper, unit, allow_zero)


# --- the four formula multipliers ------------------------------------------------------------------

def horizontal_multiplier(h, units: str = "metric") -> float:
    """HM = 25/H (H in cm). H below 25 cm counts as 25 (HM = 1); H over 63 cm gives HM = 0 (p. 8)."""
    u = _units(units)
    h = _number(h, "horizontal", units, allow_zero=False)
    if h > u["h_max"]:
        return 0.0
    return u["h_ref"] / max(h, u["h_ref"])


def vertical_multiplier(v, units: str = "metric") -> float:
    """VM = 1 - 0.003|V - 75| (V in cm, from the floor). V over 175 cm gives VM = 0 (p. 9)."""
    u = _units(units)
    v = _number(v, "vertical", units)
    if v > u["v_max"]:
        return 0.0
    return 1.0 - u["v_coef"] * abs(v - u["v_opt"])


def distance_multiplier(d, units: str = "metric") -> float:
    """DM = 0.82 + 4.5/D (D in cm). D below 25 cm counts as 25 (DM = 1); D over 175 cm gives DM = 0."""
    u = _units(units)
    d = _number(d, "distance", units, allow_zero=False)
    if d > u["d_max"]:
        return 0.0
    return niosh().distance_constant + u["d_coef"] / max(d, u["d_min"])


def asymmetric_multiplier(a) -> float:
    """AM = 1 - 0.0032A (A in degrees of twist away from straight ahead). A over 135 gives AM = 0."""
    a = _number(a, "asymmetry")
    if a > MAX_ANGLE:
        return 0.0
    return 1.0 - niosh().asymmetry_coefficient * a


# --- the two table look-ups ------------------------------------------------------------------------

def _duration(duration: str) -> str:
    if not isinstance(duration, str) or duration not in DURATIONS:
        raise LiftInputError("duration", f"{shown(duration)} is not in the table; choose short (1 hour or less), "
                                         "moderate (over 1 and up to 2 hours) or long (over 2 and up to "
                                         "8 hours). The equation gives no limits for more than 8 hours.")
    return duration


def _is_low(v, units: str) -> bool:
    u = _units(units)
    return _number(v, "vertical", units) < u["v_split"]


def max_frequency(duration: str, v, units: str = "metric") -> float:
    """The highest frequency (lifts/min) with a non-zero FM in this column of Table 5."""
    column = 0 if _is_low(v, units) else 1
    rows = FREQUENCY_TABLE[_duration(duration)]
    return max(f for f, row in zip(FREQUENCY_ROWS, rows, strict=True) if row[column] > 0)


def frequency_multiplier(frequency, duration: str, v, units: str = "metric") -> float:
    """FM from Table 5, interpolated linearly between rows (p. 7). 0 above the column's highest frequency."""
    f = _number(frequency, "frequency", allow_zero=False)
    column = 0 if _is_low(v, units) else 1
    values = [row[column] for row in FREQUENCY_TABLE[_duration(duration)]]
    f = max(f, FREQUENCY_ROWS[0])  # "less than .2 lifts per minute: set F = .2" (p. 14)
    if f > max_frequency(duration, v, units):
        return 0.0
    for i in range(len(FREQUENCY_ROWS) - 1):
        f0, f1 = FREQUENCY_ROWS[i], FREQUENCY_ROWS[i + 1]
        if f0 <= f <= f1:
            return values[i] + (values[i + 1] - values[i]) * (f - f0) / (f1 - f0)
    return values[-1]


def coupling_multiplier(coupling: str, v, units: str = "metric") -> float:
    """CM from Table 7: good, fair or poor grip, and whether V is below 75 cm (30 in)."""
    if not isinstance(coupling, str) or coupling not in COUPLING_TABLE:
        raise LiftInputError("coupling", f"{shown(coupling)} is not in the table; choose good, fair or poor.")
    return COUPLING_TABLE[coupling][0 if _is_low(v, units) else 1]


# --- the equation ----------------------------------------------------------------------------------

def multipliers(h, v, d, a, frequency, duration, coupling, units: str = "metric") -> dict[str, float]:
    """The six multipliers, in the equation's order: HM, VM, DM, AM, FM, CM."""
    return {
        "HM": horizontal_multiplier(h, units),
        "VM": vertical_multiplier(v, units),
        "DM": distance_multiplier(d, units),
        "AM": asymmetric_multiplier(a),
        "FM": frequency_multiplier(frequency, duration, v, units),
        "CM": coupling_multiplier(coupling, v, units),
    }


def recommended_weight_limit(h, v, d, a, frequency, duration, coupling, units: str = "metric") -> float:
    """RWL = LC x HM x VM x DM x AM x FM x CM, in kg (metric) or lb (us). 0 outside the limits."""
    product = _units(units)["lc"]
    for value in multipliers(h, v, d, a, frequency, duration, coupling, units).values():
        product *= value
    return product


def lifting_index(load, rwl, units: str = "metric") -> float:
    """LI = load / RWL. An RWL of 0 means the lift is outside the equation's limits: no LI."""
    load = _number(load, "load", units, allow_zero=False)
    rwl = _number(rwl, "rwl")
    if rwl == 0:
        raise OutsideEquationLimits([("rwl", "is 0, so no lifting index can be worked out.")])
    return load / rwl


def limit_reasons(h, v, d, a, frequency, duration, coupling, units: str = "metric") -> list[tuple[str, str]]:
    """Which inputs break the equation's limits (each gives a multiplier of 0), and why."""
    u = _units(units)
    m = multipliers(h, v, d, a, frequency, duration, coupling, units)
    cm = length = u["length"]
    why = niosh().outside_limits
    reasons = []
    if m["HM"] == 0:
        reasons.append(("horizontal", prose.fill(why["horizontal"], value=f"{float(h):g}", unit=cm,
                                                 limit=f"{u['h_max']:g}")))
    if m["VM"] == 0:
        reasons.append(("vertical", prose.fill(why["vertical"], value=f"{float(v):g}", unit=cm,
                                               limit=f"{u['v_max']:g}")))
    if m["DM"] == 0:
        reasons.append(("distance", prose.fill(why["distance"], value=f"{float(d):g}", unit=length,
                                               limit=f"{u['d_max']:g}")))
    if m["AM"] == 0:
        reasons.append(("asymmetry", prose.fill(why["asymmetry"], value=f"{float(a):g}", limit=f"{MAX_ANGLE:g}")))
    if m["FM"] == 0:
        top = max_frequency(duration, v, units)
        reasons.append(("frequency", prose.fill(why["frequency"], value=f"{float(frequency):g}", limit=f"{top:g}",
                                                duration=DURATIONS[duration], split=f"{u['v_split']:g}", unit=cm,
                                                where="below" if _is_low(v, units) else "at or above")))
    return reasons


@dataclass(frozen=True)
class LiftAssessment:
    load: float
    units: str
    multipliers: dict
    rwl: float
    li: float

    @property
    def band(self) -> str:
        """'goal' (LI 1.0 or less), 'increased' (over 1.0) or 'high' (over 3.0), as the manual words it."""
        found = niosh().bands[0][0]
        for band, above, _text in niosh().bands[1:]:   # rising: the last one the LI is above
            if self.li > above:
                found = band
        return found


def assess_lift(load, h, v, d, a, frequency, duration, coupling, units: str = "metric") -> LiftAssessment:
    """RWL, LI and the multipliers for one lift, measured where the hands start the lift.

    Raises LiftInputError for nonsense input and OutsideEquationLimits (naming every input that is out
    of range) when a multiplier is 0.
    """
    load = _number(load, "load", units, allow_zero=False)
    values = multipliers(h, v, d, a, frequency, duration, coupling, units)
    reasons = limit_reasons(h, v, d, a, frequency, duration, coupling, units)
    if reasons:
        raise OutsideEquationLimits(reasons)
    rwl = recommended_weight_limit(h, v, d, a, frequency, duration, coupling, units)
    return LiftAssessment(load, units, values, rwl, lifting_index(load, rwl, units))


def parse_number(text, field: str, units: str = "metric") -> float:
    """Read a number typed in a text box ("12", "12.5", "12,5"); anything else is a LiftInputError.

    The course's rule for typed numbers (``lessons.kit.inputs``): a point or a comma for decimals, no
    thousands separator ("1,000" is unclear and refused), and the field's bounds (``upper_bound``).
    """
    upper, unit = upper_bound(field, units)
    return _read("" if text is None else text, field, upper, unit, allow_zero=True)


# --- reading a lift typed in the calculator, and saying it in words (the widget only shows these) --------

TEXT_INPUTS = ("load", "horizontal", "vertical", "distance", "asymmetry", "frequency")   # typed in boxes
BAND_TEXT = {band: text for band, _above, text in niosh().bands}   # what each lifting index means


def two_decimals(value: float) -> str:
    """Round half up to two decimals, as the manual's tables do (0.625 shows as 0.63)."""
    # via 10 decimals first, so that 1 - 0.003 x 65 (0.80499... in binary) rounds like 0.805
    return str(Decimal(f"{value:.10f}").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Calculation:
    assessment: LiftAssessment | None = None
    error: LiftInputError | None = None


def read_inputs(texts: dict[str, str], duration: str, coupling: str) -> dict:
    """The typed texts as numbers, ready for ``assess_lift``; raises LiftInputError for the first bad box."""
    values = {}
    for field in TEXT_INPUTS:
        values[field] = parse_number(texts.get(field, ""), field)
    values["duration"], values["coupling"] = duration, coupling
    return values


def calculate(texts: dict[str, str], duration: str, coupling: str) -> Calculation:
    """Read and check the inputs, then run the equation. Problems come back as the error, never raised."""
    try:
        v = read_inputs(texts, duration, coupling)
        return Calculation(assessment=assess_lift(v["load"], v["horizontal"], v["vertical"], v["distance"],
                                                  v["asymmetry"], v["frequency"], v["duration"], v["coupling"]))
    except LiftInputError as error:
        return Calculation(error=error)


def lift_summary(load, h, v, d, a, frequency, duration, coupling) -> str:
    """One lift in words (Markdown): the multiplication, the RWL and LI, or why it cannot be worked out."""
    try:
        result = assess_lift(load, h, v, d, a, frequency, duration, coupling)
    except LiftInputError as error:
        return f"**Not worked out.** {error}"
    factors = " × ".join(two_decimals(value) for value in result.multipliers.values())
    return (f"RWL = {UNITS['metric']['lc']:g} kg × {factors} = **{result.rwl:.1f} kg** (multiplied before rounding). "
            f"LI = {result.load:g} kg ÷ {result.rwl:.1f} kg = **{result.li:.2f}**. {BAND_TEXT[result.band]}")


def frequency_table_markdown() -> str:
    """Table 5 of the NIOSH manual (frequency multiplier) as a Markdown table."""
    split = f"{UNITS['metric']['v_split']:g}"
    headings = niosh().duration_headings
    header = ("| Lifts per minute | "
              + " | ".join(f"{headings[d]}: V under {split} cm | V {split} cm or more" for d in DURATIONS) + " |")
    lines = [header, "|---|" + "---|" * 2 * len(DURATIONS)]
    for index, frequency in enumerate(FREQUENCY_ROWS):
        label = f"{frequency:g} or fewer" if index == 0 else f"{frequency:g}"
        cells = [f"{FREQUENCY_TABLE[duration][index][column]:.2f}" for duration in DURATIONS for column in (0, 1)]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append(f"| more than {FREQUENCY_ROWS[-1]:g} | " + " | ".join(["0.00"] * 2 * len(DURATIONS)) + " |")
    return "\n".join(lines)


def coupling_table_markdown() -> str:
    """Table 7 of the NIOSH manual (coupling multiplier) as a Markdown table."""
    split = f"{UNITS['metric']['v_split']:g}"
    lines = [f"| Grip (coupling) | V under {split} cm | V {split} cm or more |", "|---|---|---|"]
    lines += [f"| {COUPLINGS[key]} | {low:.2f} | {high:.2f} |" for key, (low, high) in COUPLING_TABLE.items()]
    return "\n".join(lines)
