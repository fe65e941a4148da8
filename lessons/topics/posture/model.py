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
"""

from __future__ import annotations

from dataclasses import dataclass

from lessons.kit.inputs import NumberError, read_number, shown

# --- units -----------------------------------------------------------------------------------------

UNITS = {
    # load constant, H: numerator / upper limit, V: optimum / coefficient / upper limit,
    # D: lower bound / coefficient / upper limit, the V boundary of Tables 5 and 7, unit names
    "metric": {"lc": 23.0, "h_ref": 25.0, "h_max": 63.0, "v_opt": 75.0, "v_coef": 0.003, "v_max": 175.0,
               "d_min": 25.0, "d_coef": 4.5, "d_max": 175.0, "v_split": 75.0, "length": "cm", "weight": "kg",
               "length_bound": 300.0, "load_bound": 300.0},
    "us": {"lc": 51.0, "h_ref": 10.0, "h_max": 25.0, "v_opt": 30.0, "v_coef": 0.0075, "v_max": 70.0,
           "d_min": 10.0, "d_coef": 1.8, "d_max": 70.0, "v_split": 30.0, "length": "in", "weight": "lb",
           "length_bound": 120.0, "load_bound": 660.0},
}
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

# --- Table 5 (p. 15): frequency multiplier --------------------------------------------------------
# Rows: lifts per minute. Columns: duration and whether V is below 75 cm (30 in): (V < 75, V >= 75).
# Transcribed from the 2021 manual; a frequency below 0.2 counts as 0.2, and above 15 FM is 0.

DURATIONS = {
    "short": "1 hour or less",
    "moderate": "more than 1 hour, up to 2 hours",
    "long": "more than 2 hours, up to 8 hours",
}
FREQUENCY_ROWS = (0.2, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
FREQUENCY_TABLE = {
    "short": ((1.00, 1.00), (0.97, 0.97), (0.94, 0.94), (0.91, 0.91), (0.88, 0.88), (0.84, 0.84),
              (0.80, 0.80), (0.75, 0.75), (0.70, 0.70), (0.60, 0.60), (0.52, 0.52), (0.45, 0.45),
              (0.41, 0.41), (0.37, 0.37), (0.00, 0.34), (0.00, 0.31), (0.00, 0.28)),
    "moderate": ((0.95, 0.95), (0.92, 0.92), (0.88, 0.88), (0.84, 0.84), (0.79, 0.79), (0.72, 0.72),
                 (0.60, 0.60), (0.50, 0.50), (0.42, 0.42), (0.35, 0.35), (0.30, 0.30), (0.26, 0.26),
                 (0.00, 0.23), (0.00, 0.21), (0.00, 0.00), (0.00, 0.00), (0.00, 0.00)),
    "long": ((0.85, 0.85), (0.81, 0.81), (0.75, 0.75), (0.65, 0.65), (0.55, 0.55), (0.45, 0.45),
             (0.35, 0.35), (0.27, 0.27), (0.22, 0.22), (0.18, 0.18), (0.00, 0.15), (0.00, 0.13),
             (0.00, 0.00), (0.00, 0.00), (0.00, 0.00), (0.00, 0.00), (0.00, 0.00)),
}

# --- Table 7 (p. 18): coupling multiplier, (V < 75 cm, V >= 75 cm) --------------------------------

COUPLINGS = {
    "good": "good: a box of a good size with good handles or hand-hold cut-outs, or an easy-to-grip object",
    "fair": "fair: a good box without good handles, where the fingers can curl about 90 degrees under it",
    "poor": "poor: a bulky, awkward or slippery object, or a box that is too big or has no good grip",
}
COUPLING_TABLE = {"good": (1.00, 1.00), "fair": (0.95, 1.00), "poor": (0.90, 0.90)}

MAX_ANGLE = 135.0  # degrees; A over 135 gives AM = 0 (p. 12)


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
    return 0.82 + u["d_coef"] / max(d, u["d_min"])


def asymmetric_multiplier(a) -> float:
    """AM = 1 - 0.0032A (A in degrees of twist away from straight ahead). A over 135 gives AM = 0."""
    a = _number(a, "asymmetry")
    if a > MAX_ANGLE:
        return 0.0
    return 1.0 - 0.0032 * a


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
    reasons = []
    if m["HM"] == 0:
        reasons.append(("horizontal", f"{float(h):g} {cm} is farther than {u['h_max']:g} {cm}, the longest reach "
                                      "the equation covers (HM = 0)."))
    if m["VM"] == 0:
        reasons.append(("vertical", f"{float(v):g} {cm} is higher than {u['v_max']:g} {cm}, the upper limit "
                                    "of reach for lifting (VM = 0)."))
    if m["DM"] == 0:
        reasons.append(("distance", f"{float(d):g} {length} is more than {u['d_max']:g} {length} of vertical "
                                    "travel (DM = 0)."))
    if m["AM"] == 0:
        reasons.append(("asymmetry", f"{float(a):g} degrees is more than the {MAX_ANGLE:g} degrees the "
                                     "equation covers (AM = 0)."))
    if m["FM"] == 0:
        top = max_frequency(duration, v, units)
        reasons.append(("frequency", f"{float(frequency):g} lifts per minute is above {top:g}, the highest "
                                     f"frequency in the table for {DURATIONS[duration]} with the hands starting "
                                     f"{'below' if _is_low(v, units) else 'at or above'} {u['v_split']:g} "
                                     f"{cm} (FM = 0)."))
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
        if self.li > 3.0:
            return "high"
        if self.li > 1.0:
            return "increased"
        return "goal"


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
