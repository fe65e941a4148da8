"""Lesson 14: body mass index (BMI) and waist-to-height ratio, and what a published odds ratio means, as
pure functions (the widgets only show what they return).

Units
-----
* ``units="metric"``: weight in kilograms, height in **metres**, waist in centimetres.
* ``units="imperial"``: weight in pounds, height in **inches** (use ``height_in_inches(feet, inches)``
  for feet and inches), waist in inches.

Imperial values are converted exactly (1 lb = 0.45359237 kg, 1 in = 2.54 cm, the international
definitions), so ``bmi(154, 69, "imperial")`` is the same number as the metric calculation.

Invalid input (missing, not a number, zero, negative, or outside a sensible range for an adult)
raises ``MeasurementError``, a ``ValueError`` whose message names the field and the allowed range.
The ranges are plausibility limits chosen for this calculator, not medical thresholds.

Categories follow NICE (CG189, 2022; now NG246) and the WHO: BMI under 18.5 underweight, 18.5 to 24.9
healthy, 25 to 29.9 overweight, 30 or more obesity; NICE's lower thresholds for people from some ethnic
backgrounds (overweight 23 to 27.4, obesity 27.5 or more); waist-to-height ratio 0.4 to 0.49 healthy,
0.5 to 0.59 increased, 0.6 or more high. BMI is classified after rounding to one decimal place and the
ratio after rounding to two, the precision in which the bands are written. A category's ``name``
describes the number, never the person: "in the range NICE calls obesity", "in the healthy range".

The cut-offs (with their sources), what each range means and the widgets' sentences are data:
``content/weight_measures.yml`` (schema beside it), read and checked by ``load_measures``. The formulas,
the unit conversions and the plausibility limits stay here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from lessons.kit import data, inputs, prose, references
from lessons.kit.tables import load_table

CONTENT = Path(__file__).parent / "content"
MEASURES_FILE = CONTENT / "weight_measures.yml"

KG_PER_LB = 0.45359237  # exact, international avoirdupois pound (1959)
CM_PER_INCH = 2.54      # exact, international inch (1959)
UNITS = ("metric", "imperial")


class MeasurementError(ValueError):
    """A measurement is missing, not a number, or outside the allowed range. Names the field."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class Limits:
    field: str
    unit: str
    low: float
    high: float

    def describe(self) -> str:
        return f"between {_fmt(self.low)} and {_fmt(self.high)} {self.unit}"


# Plausibility limits for adults, in each unit system (imperial limits are about the metric ones).
LIMITS = {
    ("weight", "metric"): Limits("Weight", "kg", 20, 450),
    ("weight", "imperial"): Limits("Weight", "lb", 44, 990),
    ("height", "metric"): Limits("Height", "m", 0.5, 2.5),
    ("height", "imperial"): Limits("Height", "inches", 20, 98),
    ("height_cm", "metric"): Limits("Height", "cm", 50, 250),
    ("feet", "imperial"): Limits("Height (feet)", "feet", 1, 8),
    ("inches", "imperial"): Limits("Height (inches)", "inches", 0, 11.99),
    ("waist", "metric"): Limits("Waist", "cm", 40, 250),
    ("waist", "imperial"): Limits("Waist", "inches", 16, 98),
}


BMI_LIMITS = Limits("BMI", "kg/m²", 5, 150)  # the BMIs bmi_category classifies


def _fmt(value: float) -> str:
    return f"{value:g}"


def round_half_up(value: float, places: int) -> float:
    """Round as people do on paper (24.95 -> 25.0), not as floats do (Python gives 24.9)."""
    return float(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def check_units(units) -> str:
    if units not in UNITS:
        raise MeasurementError("Units", f"Units must be 'metric' or 'imperial', not {inputs.shown(units)}.")
    return units


def read_number(value, limits: Limits) -> float:
    """A number inside ``limits`` from a number or a typed text, or a MeasurementError naming the field.

    Typed text follows the course's rule (``lessons.kit.inputs.read_number``): spaces around it are fine, a
    point or a comma for decimals ("70,5"), no thousands separator ("1,750" is unclear and refused).
    """
    field, allowed = limits.field, limits.describe()
    try:
        return inputs.read_number(value, field, limits.low, limits.high, unit=limits.unit,
                                  allowed=f"Type a number {allowed}.")
    except inputs.NumberError as problem:
        kind, number, reason = problem.kind, problem.number, problem.reason
    if kind == "empty":
        raise MeasurementError(field, f"{field} is missing: type a number {allowed}.")
    if kind == "not a number" and not isinstance(value, str):
        raise MeasurementError(field, f"{field} must be a number {allowed}, not {inputs.shown(value)}.")
    if kind == "not a number":
        raise MeasurementError(field, f"{field}: {inputs.shown(value.strip())} is not a number. Type a number "
                                      f"{allowed}, using digits only (for example 70 or 70.5). "
                                      f"{inputs.NUMBER_RULE}")
    if kind == "not finite":
        raise MeasurementError(field, f"{field} must be an ordinary number {allowed}.")
    if kind in ("too small", "too big"):
        if number is not None and number <= 0 < limits.low:
            raise MeasurementError(field, f"{field} must be more than zero: type a number {allowed}.")
        hint = ""
        if number is not None and field == "Height" and limits.unit == "m" and 50 <= number <= 250:
            hint = f" Did you type centimetres? {number:g} cm is {number / 100:g} m."
        elif number is not None and field == "Height" and limits.unit == "cm" and 0.5 <= number <= 2.5:
            hint = f" Did you type metres? {number:g} m is {number * 100:g} cm."
        said = f"{number:g}" if number is not None else inputs.shown(value)
        raise MeasurementError(field, f"{field} {said} {limits.unit} is outside the range this calculator "
                                      f"accepts: type a number {allowed}.{hint}")
    raise MeasurementError(field, f"{field}: {reason}")


def height_in_inches(feet, inches=0) -> float:
    """Feet and inches as inches (5 ft 9 in -> 69). Inches may be empty or missing (taken as 0)."""
    feet = read_number(feet, LIMITS["feet", "imperial"])
    inches = 0.0 if inches is None or (isinstance(inches, str) and not inches.strip()) else \
        read_number(inches, LIMITS["inches", "imperial"])
    return feet * 12 + inches


def pounds_to_kg(pounds: float) -> float:
    return pounds * KG_PER_LB


def inches_to_cm(inches: float) -> float:
    return inches * CM_PER_INCH


def to_metric(weight, height, units="metric") -> tuple[float, float]:
    """(kilograms, metres) from checked input in either unit system."""
    units = check_units(units)
    weight = read_number(weight, LIMITS["weight", units])
    height = read_number(height, LIMITS["height", units])
    if units == "imperial":
        return pounds_to_kg(weight), inches_to_cm(height) / 100
    return weight, height


def bmi(weight, height, units="metric") -> float:
    """Body mass index: weight in kg divided by the square of height in m (not rounded).

    >>> round(bmi(70, 1.75), 1)
    22.9
    """
    kilograms, metres = to_metric(weight, height, units)
    return kilograms / metres**2


# --- what the numbers mean: content/weight_measures.yml ---------------------------------------------

# The {fields} each sentence may hold (filled in with ``prose.fill``); any other "{" or "}" is an error.
FIELDS = {
    "calculator.headline": ("bmi", "name", "band"),
    "calculator.lower_thresholds": ("groups", "overweight", "obesity"),
    "calculator.waist": ("ratio", "name", "band", "meaning"),
    "calculator.waist_above_bmi_limit": ("limit",),
    "calculator.conversion": ("conversion",),
    "odds.explanation": ("interval", "group", "odds_ratio", "percent", "outcome", "compared_with", "start",
                         "in_people", "low", "high"),
}


@dataclass(frozen=True)
class Meaning:
    name: str
    meaning: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Measures:
    """The published cut-offs and what they mean, and the widgets' sentences (``content/weight_measures.yml``)."""

    bmi_sources: tuple[str, ...]
    healthy_from: float                           # BMI below this: underweight
    thresholds: dict[str, tuple[float, float]]    # "standard" / "lower" -> (overweight from, obesity from)
    lower_groups: str
    categories: dict[str, Meaning]                # underweight, healthy, overweight, obesity
    waist_sources: tuple[str, ...]
    waist_from: tuple[float, float, float]        # healthy, increased, high from
    waist_bmi_below: float                        # NICE suggests the ratio below this BMI
    bands: dict[str, Meaning]                     # below, healthy, increased, high
    calculator: dict[str, str]
    odds: dict[str, str]


def load_measures(path: Path | str = MEASURES_FILE) -> Measures:
    """Read and check a measures file (the shipped one unless ``path`` is given)."""
    path = Path(path)
    name = data.display_name(path)
    document = data.load(path, "weight_measures")

    def refs(ids: list[str], field: str, item: str | None = None) -> tuple[str, ...]:
        return references.check_ids(ids, name, field, item=item)

    bmi_part, waist = document["bmi"], document["waist"]
    thresholds = {}
    for key, entry in bmi_part["thresholds"].items():
        cuts = (bmi_part["healthy_from"], entry["overweight_from"], entry["obesity_from"])
        if not cuts[0] < cuts[1] < cuts[2]:
            raise data.ContentError(name, f"the cut-offs must rise: healthy from {cuts[0]:g}, overweight from "
                                    f"{cuts[1]:g}, obesity from {cuts[2]:g}", item=key, field=f"bmi.thresholds.{key}")
        thresholds[key] = (float(entry["overweight_from"]), float(entry["obesity_from"]))
    waist_from = (waist["healthy_from"], waist["increased_from"], waist["high_from"])
    if not waist_from[0] < waist_from[1] < waist_from[2]:
        raise data.ContentError(name, "the cut-offs must rise: healthy_from < increased_from < high_from",
                                field="waist")
    texts = {f"{part}.{key}": text for part in ("calculator", "odds") for key, text in document[part].items()}
    texts["bmi.lower_groups"] = bmi_part["lower_groups"]
    for group, entries in (("bmi.categories", bmi_part["categories"]), ("waist.bands", waist["bands"])):
        for key, entry in entries.items():
            texts.update({f"{group}.{key}.name": entry["name"], f"{group}.{key}.meaning": entry["meaning"]})
    for field, text in texts.items():
        prose.check_text(text, FIELDS.get(field, ()), name, field=field)
    categories = {key: Meaning(entry["name"], entry["meaning"],
                               refs(entry["sources"], f"bmi.categories.{key}.sources", key))
                  for key, entry in bmi_part["categories"].items()}
    return Measures(
        bmi_sources=refs(bmi_part["sources"], "bmi.sources"), healthy_from=float(bmi_part["healthy_from"]),
        thresholds=thresholds, lower_groups=bmi_part["lower_groups"], categories=categories,
        waist_sources=refs(waist["sources"], "waist.sources"), waist_from=tuple(float(v) for v in waist_from),
        waist_bmi_below=float(waist["bmi_below"]),
        bands={key: Meaning(entry["name"], entry["meaning"]) for key, entry in waist["bands"].items()},
        calculator=dict(document["calculator"]), odds=dict(document["odds"]))


@cache
def measures() -> Measures:
    """The shipped measures file, loaded once."""
    return load_measures()


@dataclass(frozen=True)
class Category:
    key: str         # underweight | healthy | overweight | obesity
    name: str        # the range, as written on the result card: "in the range NICE calls obesity"
    band: str        # the range in words
    meaning: str     # what it means, in plain and kind words


def _bands(lower_thresholds: bool) -> tuple[float, float]:
    return measures().thresholds["lower" if lower_thresholds else "standard"]


def bmi_category(value, lower_thresholds: bool = False) -> Category:
    """The adult BMI category for a BMI value (classified after rounding to one decimal place).

    ``lower_thresholds=True`` uses NICE's lower thresholds for people with a South Asian, Chinese,
    other Asian, Middle Eastern, Black African or African-Caribbean family background.
    """
    value = read_number(value, BMI_LIMITS)
    shown = round_half_up(value, 1)
    over, obese = _bands(lower_thresholds)
    healthy = measures().healthy_from
    if shown < healthy:
        key, band = "underweight", f"below {healthy:g}"
    elif shown < over:
        key, band = "healthy", f"{healthy:g} to {over - 0.1:.1f}"
    elif shown < obese:
        key, band = "overweight", f"{over:g} to {obese - 0.1:.1f}"
    else:
        key, band = "obesity", f"{obese:g} or more"
    words = measures().categories[key]
    return Category(key, words.name, band, words.meaning)


def waist_to_height_ratio(waist, height, units="metric") -> float:
    """Waist divided by height in the same unit (not rounded).

    Metric: waist in cm and height in m. Imperial: both in inches.
    """
    units = check_units(units)
    waist = read_number(waist, LIMITS["waist", units])
    height = read_number(height, LIMITS["height", units])
    if units == "metric":
        height = height * 100  # metres to centimetres, like the waist
    ratio = waist / height
    if ratio >= 1.5:
        raise MeasurementError("Waist", f"A waist of {_fmt(waist)} and a height of {_fmt(height)} give a ratio of "
                                        f"{ratio:.2f}, which is not possible for an adult: check both numbers "
                                        "and their units.")
    return ratio


@dataclass(frozen=True)
class WaistBand:
    key: str        # below | healthy | increased | high
    name: str
    band: str
    meaning: str


def waist_band(ratio) -> WaistBand:
    """NICE's band for a waist-to-height ratio (classified after rounding to two decimal places)."""
    ratio = read_number(ratio, Limits("Waist-to-height ratio", "", 0.1, 1.5))
    shown = round_half_up(ratio, 2)
    healthy, increased, high = measures().waist_from
    if shown < healthy:
        key, band = "below", f"below {healthy:g}"
    elif shown < increased:
        key, band = "healthy", f"{healthy:g} to {increased - 0.01:.2f}"
    elif shown < high:
        key, band = "increased", f"{increased:g} to {high - 0.01:.2f}"
    else:
        key, band = "high", f"{high:g} or more"
    words = measures().bands[key]
    return WaistBand(key, words.name, band, words.meaning)


def risk_with_odds_ratio(baseline_risk, odds_ratio) -> float:
    """Turn an odds ratio into a risk, for a group whose risk without the factor is ``baseline_risk``.

    Both risks are proportions (0.2 = 20 in 100). Used to show what an odds ratio means in people.
    """
    risk = read_number(baseline_risk, Limits("Baseline risk", "(a proportion)", 0.0001, 0.9999))
    ratio = read_number(odds_ratio, Limits("Odds ratio", "", 0.01, 100))
    odds = risk / (1 - risk) * ratio
    return odds / (1 + odds)


# --- the published odds ratios (Shiri et al. 2010 and 2014, content/tables) -------------------------

LBP_TABLE = "shiri_2010_obesity_low_back_pain"
SCIATICA_TABLE = "shiri_2014_obesity_sciatica"

# Plain words for each outcome, first the words a learner uses, then the study's term where it differs.
OUTCOME_WORDS = {
    "low back pain in the past 12 months": "Low back pain in the past year",
    "seeking care for low back pain": "Seeking care for low back pain",
    "chronic low back pain": "Long-lasting (chronic) low back pain",
    "new low back pain (at least 1 day in the past 12 months)": "New low back pain (followed over time)",
    "lumbar radicular pain": "Back pain spreading into the leg (radicular pain)",
    "sciatica diagnosed by a doctor": "Sciatica diagnosed by a doctor",
    "hospital stay for sciatica": "A hospital stay for sciatica",
    "surgery for lumbar disc herniation": "Surgery for a herniated disc",
}


@cache
def _rows(name: str) -> tuple[dict, ...]:
    rows = []
    for row in load_table(name).rows:
        row = dict(row)
        row.setdefault("weight_group", "obesity")  # the 2010 abstract gives obesity only
        row["label"] = OUTCOME_WORDS[row["outcome"]]
        rows.append(row)
    return tuple(rows)


def low_back_pain_rows() -> list[dict]:
    """Shiri et al. 2010: obesity and low back pain (4 pooled odds ratios from the abstract)."""
    return [dict(r) for r in _rows(LBP_TABLE)]


def sciatica_rows() -> list[dict]:
    """Shiri et al. 2014: overweight, obesity and sciatica (7 pooled odds ratios from the abstract)."""
    return [dict(r) for r in _rows(SCIATICA_TABLE)]


def all_rows() -> list[dict]:
    """Every confirmed odds ratio, each with the paper it comes from ('2010' or '2014')."""
    return ([{**r, "paper": "2010"} for r in low_back_pain_rows()] +
            [{**r, "paper": "2014"} for r in sciatica_rows()])


def interval_text(row: dict) -> str:
    return f"{row['odds_ratio']:.2f} ({row['ci_lower']:.2f} to {row['ci_upper']:.2f})"


# --- the calculator's reasoning (the widget only shows it) -----------------------------------------

CALCULATOR = measures().calculator     # the calculator's sentences (content/weight_measures.yml)
ODDS = measures().odds                 # the odds-ratio explainer's sentences
ADULTS_ONLY = CALCULATOR["adults_only"]
NOT_A_JUDGEMENT = CALCULATOR["not_a_judgement"]
LOWER_GROUPS = measures().lower_groups


@dataclass(frozen=True)
class Assessment:
    errors: tuple[str, ...] = ()          # one plain message per bad field
    bmi: float | None = None
    category: Category | None = None
    ratio: float | None = None
    band: WaistBand | None = None
    conversion: str = ""                  # the imperial input in metric, to show the arithmetic
    lower_thresholds: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and self.bmi is not None


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def calculate(units: str = "metric", weight="", height="", waist="", feet="", inches="",
              lower_thresholds: bool = False) -> Assessment:
    """Check the typed values and work out BMI (and the waist-to-height ratio if a waist is given).

    Metric: ``weight`` in kg, ``height`` in cm, ``waist`` in cm. Imperial: ``weight`` in lb, ``feet`` and
    ``inches`` for height, ``waist`` in inches. Never raises for bad input: errors come back as messages.
    """
    if units not in UNITS:
        return Assessment(errors=(f"Units must be metric or imperial, not {inputs.shown(units)}.",))
    errors: list[str] = []

    def attempt(function, *args):
        try:
            return function(*args)
        except MeasurementError as problem:
            errors.append(str(problem))
            return None

    weight_value = attempt(read_number, weight, LIMITS["weight", units])
    if units == "metric":
        height_cm = attempt(read_number, height, LIMITS["height_cm", "metric"])
        height_value = None if height_cm is None else height_cm / 100  # metres, as bmi() expects
    else:
        height_value = attempt(height_in_inches, feet, inches)
        if height_value is not None:
            height_value = attempt(read_number, height_value, LIMITS["height", "imperial"])
    waist_value = None if _blank(waist) else attempt(read_number, waist, LIMITS["waist", units])
    if errors:
        return Assessment(errors=tuple(errors), lower_thresholds=lower_thresholds)

    value = attempt(bmi, weight_value, height_value, units)
    if value is not None and not BMI_LIMITS.low <= value <= BMI_LIMITS.high:
        errors.append(f"This weight and height give a BMI of {value:.0f}, which is not possible for an adult "
                      f"(this calculator shows a BMI {BMI_LIMITS.describe()}): check both numbers and their units.")
    ratio = None if waist_value is None else attempt(waist_to_height_ratio, waist_value, height_value, units)
    if errors:
        return Assessment(errors=tuple(errors), lower_thresholds=lower_thresholds)
    conversion = ""
    if units == "imperial":
        conversion = (f"{weight_value:g} lb = {weight_value * KG_PER_LB:.1f} kg; height {height_value:g} inches = "
                      f"{height_value * CM_PER_INCH:.1f} cm"
                      + ("" if waist_value is None else f"; waist {waist_value:g} inches = "
                                                        f"{waist_value * CM_PER_INCH:.1f} cm") + ".")
    return Assessment(bmi=value, category=bmi_category(value, lower_thresholds),
                      ratio=ratio, band=None if ratio is None else waist_band(ratio),
                      conversion=conversion, lower_thresholds=lower_thresholds)


def result_lines(result: Assessment) -> tuple[str, list[str]]:
    """(headline, paragraphs) for a result, in plain and kind words."""
    if result.errors:
        return "Please check what you typed:", list(result.errors)
    if not result.ok:
        return CALCULATOR["prompt"], [ADULTS_ONLY]
    category = result.category
    headline = prose.fill(CALCULATOR["headline"], bmi=f"{round_half_up(result.bmi, 1):.1f}", name=category.name,
                          band=category.band)
    lines = [category.meaning]
    if result.lower_thresholds:
        overweight, obesity = measures().thresholds["lower"]
        lines.append(prose.fill(CALCULATOR["lower_thresholds"], groups=LOWER_GROUPS, overweight=f"{overweight:g}",
                                obesity=f"{obesity:g}"))
    if result.band is not None:
        lines.append(prose.fill(CALCULATOR["waist"], ratio=f"{round_half_up(result.ratio, 2):.2f}",
                                name=result.band.name, band=result.band.band, meaning=result.band.meaning))
        if round_half_up(result.bmi, 1) >= measures().waist_bmi_below:
            lines.append(prose.fill(CALCULATOR["waist_above_bmi_limit"], limit=f"{measures().waist_bmi_below:g}"))
    else:
        lines.append(CALCULATOR["add_waist"])
    if result.conversion:
        lines.append(prose.fill(CALCULATOR["conversion"], conversion=result.conversion))
    lines += [ADULTS_ONLY, NOT_A_JUDGEMENT]
    return headline, lines


# --- what an odds ratio means ------------------------------------------------------------------------

COMPARED_WITH = ODDS["compared_with"]
LIMITS_PER_100 = Limits("Starting number", "in 100", 1, 60)


def odds_options() -> list[tuple[str, int]]:
    """(label, index) for every confirmed odds ratio, for a radio-button list."""
    return [(f"{row['label']}: {row['weight_group']} ({'Shiri 2010' if row['paper'] == '2010' else 'Shiri 2014'})",
             index) for index, row in enumerate(all_rows())]


def odds_explanation(index, baseline_per_100) -> str:
    """A plain-words sentence for one odds ratio, with a made-up starting number to show it in people."""
    rows = all_rows()
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(rows):
        return f"Choose one of the {len(rows)} results in the list."
    try:
        start = read_number(baseline_per_100, LIMITS_PER_100)
    except MeasurementError as problem:
        return str(problem)
    row = rows[index]
    odds_ratio, low, high = row["odds_ratio"], row["ci_lower"], row["ci_upper"]
    group = "people with overweight or obesity" if row["weight_group"] == "overweight or obesity" else \
        f"people with {row['weight_group']}"
    outcome = row["label"][0].lower() + row["label"][1:]
    in_people = [100 * risk_with_odds_ratio(start / 100, value) for value in (odds_ratio, low, high)]
    return prose.fill(ODDS["explanation"], interval=interval_text(row), group=group, odds_ratio=f"{odds_ratio:.2f}",
                      percent=f"{(odds_ratio - 1) * 100:.0f}", outcome=outcome, compared_with=COMPARED_WITH,
                      start=f"{start:g}", in_people=f"{in_people[0]:.0f}", low=f"{in_people[1]:.0f}",
                      high=f"{in_people[2]:.0f}")
