"""Lesson 11: "how did that exercise go?" advice and an example progression plan, as pure functions.

``check_exercise`` turns a few answers about how an exercise felt into one advice category with its
reasons. The rules use only what the lesson's sources say (ids in ``sources`` of each result):

1. a cauda equina warning sign (the triage file's     -> the level the triage file gives it
   "cauda-equina" group)
2. new numbness or weakness in a leg, a fever,
   or pain getting worse over time (CLINICIAN_SIGN_IDS)-> stop, and see a clinician as fast as the
                                                          triage file says (rjah-low-back-pain-leaflet,
                                                                                     bridgwater-bay-back-pain,
                                                                                     nhs-borders-low-back-pain)
3. pain higher after the activity than usual           -> ease back                (sfh-..., nhs-borders-...)
4. less than a week at this amount, or not used to it  -> keep the same amount     (sfh-...)
5. otherwise                                           -> a small step up          (sfh-..., rjah-back-pain-self-care)

The words of every question, answer and advice, the ids of the clinician signs and each rule's sources
are data: ``content/exercise_check.yml`` (schema beside it), read and checked by ``load_check``. The six
kinds of exercise of the lesson's diagram are ``content/exercise_kinds.yml``, read by ``load_kinds``.
Warning signs and how fast they need help come from the triage file (``lessons.kit.triage``).

``example_plan`` draws an *illustrative* walking plan that follows rules 3-5. Its numbers are an
example chosen for the picture, not data and not a prescription.

Invalid input raises ``ExerciseInputError`` (a ``ValueError``) with a plain-English message that
names the field and what is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data, prose, references, triage
from lessons.kit.inputs import NumberError, read_number, shown
from lessons.kit.references import bibliography

CONTENT = Path(__file__).parent / "content"
CHECK_FILE = CONTENT / "exercise_check.yml"
KINDS_FILE = CONTENT / "exercise_kinds.yml"

EMERGENCY, SEE_CLINICIAN, EASE_BACK, KEEP_STEADY, STEP_UP = (
    "emergency", "see_clinician", "ease_back", "keep_steady", "step_up")
CATEGORIES = (EMERGENCY, SEE_CLINICIAN, EASE_BACK, KEEP_STEADY, STEP_UP)
MAX_WEEKS = 104
# The {fields} the model fills in (with ``prose.fill``), each in the one reason that must use it: {sign} (a
# sign in full, from the triage file) and {weeks} ("3 weeks"). No other text of the check may hold a "{" or "}".
FIELDS = {(EMERGENCY, "per_sign"): "sign", (STEP_UP, "used_to_it"): "weeks"}


@dataclass(frozen=True)
class Category:
    """One advice category of ``content/exercise_check.yml``."""

    id: str
    name: str
    headline: str
    reasons: dict[str, str]   # reason key -> text, shown when its condition holds
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CheckContent:
    """The exercise check's words and tables (``content/exercise_check.yml``)."""

    plain_text: str
    not_advice: str
    questions: dict[str, str]
    pain_after: dict[str, str]
    used_to_it: dict[str, str]
    clinician_signs: tuple[str, ...]
    categories: dict[str, Category]
    source_names: dict[str, str]


def _check_fields(text: str, needed: str | None, name: str, field: str, item: str | None = None) -> None:
    """``text`` uses the field ``needed`` (if given) and no other; else a ContentError naming the field."""
    prose.check_text(text, (needed,) if needed else (), name, item=item, field=field)
    if needed and needed not in prose.names_in(text):
        raise data.ContentError(name, f"needs the placeholder {{{needed}}}", item=item, field=field)


def load_check(path: Path | str = CHECK_FILE) -> CheckContent:
    """Read and check an exercise-check file (the shipped one unless ``path`` is given)."""
    path = Path(path)
    name = data.display_name(path)
    document = data.load(path, "exercise_check")
    known = bibliography()
    names = document["source_names"]
    for ref in names:
        if ref not in known:
            raise data.ContentError(name, f"unknown reference {ref!r}", field=f"source_names.{ref}")
    cauda_equina = triage.group("cauda-equina")
    for index, sign_id in enumerate(document["clinician_signs"]):
        try:
            triage.sign(sign_id)
        except KeyError:
            raise data.ContentError(name, f"unknown warning sign {sign_id!r} (not in {triage.FILE})",
                                    field=f"clinician_signs.{index}") from None
        if sign_id in cauda_equina:
            raise data.ContentError(name, f"{sign_id!r} is in the cauda-equina group, which question 1 "
                                    "already asks about", field=f"clinician_signs.{index}")
    categories = {}
    for key in CATEGORIES:
        entry = document["categories"][key]
        where = f"categories.{key}"
        references.check_ids(entry["sources"], name, f"{where}.sources", item=key)
        for index, ref in enumerate(entry["sources"]):
            if ref not in names:
                raise data.ContentError(name, f"reference {ref!r} has no short name in source_names", item=key,
                                        field=f"{where}.sources.{index}")
        reasons = entry.get("reasons", {})
        for field in ("name", "headline"):
            _check_fields(entry[field], None, name, f"{where}.{field}", key)
        for reason, text in reasons.items():
            _check_fields(text, FIELDS.get((key, reason)), name, f"{where}.reasons.{reason}", key)
        categories[key] = Category(key, entry["name"], entry["headline"], dict(reasons), tuple(entry["sources"]))
    for field in ("plain_text", "not_advice"):
        _check_fields(document[field], None, name, field)
    return CheckContent(plain_text=document["plain_text"], not_advice=document["not_advice"],
                        questions=dict(document["questions"]), pain_after=dict(document["answers"]["pain_after"]),
                        used_to_it=dict(document["answers"]["used_to_it"]),
                        clinician_signs=tuple(document["clinician_signs"]), categories=categories,
                        source_names=dict(names))


@cache
def check_content() -> CheckContent:
    """The shipped exercise check, loaded once."""
    return load_check()


@dataclass(frozen=True)
class Kind:
    """One card of the diagram of kinds of exercise (``content/exercise_kinds.yml``)."""

    id: str
    name: str
    mark: str
    aim: tuple[str, ...]        # the lines the card shows
    examples: tuple[str, ...]


@dataclass(frozen=True)
class KindsContent:
    kinds: tuple[Kind, ...]
    sources: tuple[str, ...]
    effects_note: tuple[str, ...]   # the lines of the note under the effects figure
    plan_note: str


def load_kinds(path: Path | str = KINDS_FILE) -> KindsContent:
    """Read and check a kinds-of-exercise file (the shipped one unless ``path`` is given)."""
    path = Path(path)
    name = data.display_name(path)
    document = data.load(path, "exercise_kinds")
    references.check_ids(document["sources"], name, "sources")
    seen = set()
    for index, kind in enumerate(document["kinds"]):
        if kind["id"] in seen:
            raise data.ContentError(name, "duplicate kind id", item=kind["id"], field=f"kinds.{index}.id")
        seen.add(kind["id"])
    kinds = tuple(Kind(k["id"], k["name"], k["mark"], tuple(k["aim"]), tuple(k["examples"])) for k in document["kinds"])
    return KindsContent(kinds, tuple(document["sources"]), tuple(document["effects_note"]), document["plan_note"])


@cache
def kinds_content() -> KindsContent:
    """The shipped kinds of exercise, loaded once."""
    return load_kinds()


# Names the rest of the lesson (and its tests) use; the words come from content/exercise_check.yml.
CATEGORY_NAMES = {key: category.name for key, category in check_content().categories.items()}
# The other warning signs the checker asks about: ids of the triage file (lessons/kit/content/red_flags.yml),
# which gives their wording and how fast each needs help. The first question asks about the file's
# "cauda-equina" group.
CLINICIAN_SIGN_IDS = check_content().clinician_signs
PAIN_AFTER = check_content().pain_after
USED_TO_IT = check_content().used_to_it
SOURCES = {key: category.sources for key, category in check_content().categories.items()}


def emergency_signs() -> dict[str, str]:
    """{sign id: its full text} for the cauda equina questions."""
    return {sign_id: triage.sign(sign_id).text for sign_id in triage.group("cauda-equina")}


def clinician_signs() -> dict[str, str]:
    """{sign id: its full text} for the signs that need a doctor's check rather than more exercise."""
    return {sign_id: triage.sign(sign_id).text for sign_id in CLINICIAN_SIGN_IDS}


class ExerciseInputError(ValueError):
    """An answer is missing or not one of the allowed values; the message names the field and what is allowed."""

    def __init__(self, field: str, problem: str):
        self.field, self.problem = field, problem
        super().__init__(f"{field}: {problem}")


@dataclass(frozen=True)
class ExerciseAdvice:
    category: str
    headline: str
    reasons: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def name(self) -> str:
        return CATEGORY_NAMES[self.category]


def _signs(value: object, field: str, allowed: tuple[str, ...]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ExerciseInputError(field, f"give a list of sign names (or an empty list), "
                                 f"for example [{next(iter(allowed))!r}]; got {shown(value)}.")
    signs = list(value)
    for sign in signs:
        if not isinstance(sign, str) or sign not in allowed:
            raise ExerciseInputError(field, f"unknown sign {shown(sign)}; choose from {', '.join(allowed)}.")
    return [sign for sign in allowed if sign in signs]  # in the lesson's order, no repeats


def _choice(value: object, field: str, allowed: dict[str, str]) -> str:
    if value is None:
        raise ExerciseInputError(field, f"this answer is missing; choose one of {', '.join(allowed)}.")
    if not isinstance(value, str) or value not in allowed:
        raise ExerciseInputError(field, f"{shown(value)} is not an allowed answer; choose one of "
                                 f"{', '.join(allowed)}.")
    return value


def _weeks(value: object) -> float:
    field = "weeks_at_this_amount"
    if value is None:
        raise ExerciseInputError(field, f"this answer is missing; give a number of weeks from 0 to {MAX_WEEKS}.")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExerciseInputError(field, f"{shown(value)} is not a number; give a number of weeks from 0 to "
                                 f"{MAX_WEEKS} (for example 2).")
    try:
        return read_number(value, field, 0, MAX_WEEKS)
    except NumberError:
        raise ExerciseInputError(field, f"{shown(value)} is outside the allowed range; give a number of weeks "
                                 f"from 0 to {MAX_WEEKS}.") from None


def check_exercise(*, emergency_signs: Iterable[str] | None = (), clinician_signs: Iterable[str] | None = (),
                   pain_after: str | None = None, weeks_at_this_amount: float | None = None,
                   used_to_it: str | None = None) -> ExerciseAdvice:
    """One advice category, with reasons, from a few answers about how an exercise went.

    Warning signs are checked first, so they are never hidden by a missing or odd later answer.
    """
    categories = check_content().categories
    emergency = _signs(emergency_signs, "emergency_signs", triage.group("cauda-equina"))
    if emergency:
        words = categories[EMERGENCY]
        reasons = tuple(prose.fill(words.reasons["per_sign"], sign=triage.sign(s).text) for s in emergency)
        return ExerciseAdvice(EMERGENCY, f"{words.headline} {triage.alert_text(emergency)[2:]}",
                              reasons, words.sources)
    clinician = _signs(clinician_signs, "clinician_signs", CLINICIAN_SIGN_IDS)
    if clinician:
        words = categories[SEE_CLINICIAN]
        reasons = tuple(f"{triage.sign(s).text} ({triage.level(triage.sign(s).level).lead.lower()})."
                        for s in clinician)
        return ExerciseAdvice(SEE_CLINICIAN, f"{words.headline} {triage.sentence(clinician)}",
                              reasons, words.sources)
    pain = _choice(pain_after, "pain_after", PAIN_AFTER)
    weeks = _weeks(weeks_at_this_amount)
    settled = _choice(used_to_it, "used_to_it", USED_TO_IT)
    if pain == "more":
        words = categories[EASE_BACK]
        return ExerciseAdvice(EASE_BACK, words.headline, (words.reasons["pain_higher"], words.reasons["common"]),
                              words.sources)
    if weeks < 1 or settled != "yes":
        words = categories[KEEP_STEADY]
        why = []
        if weeks < 1:
            why.append(words.reasons["under_a_week"])
        if settled != "yes":
            why.append(words.reasons["not_used_to_it"] if settled == "no" else words.reasons["not_sure"])
        return ExerciseAdvice(KEEP_STEADY, words.headline, tuple(why), words.sources)
    words = categories[STEP_UP]
    used = prose.fill(words.reasons["used_to_it"], weeks=f"{weeks:g} week{'s' if weeks != 1 else ''}")
    return ExerciseAdvice(STEP_UP, words.headline, (words.reasons["pain_not_higher"], used), words.sources)


def run_check(**answers) -> ExerciseAdvice | ExerciseInputError:
    """``check_exercise``, with a bad answer returned as its error (for the widget to show) instead of raised."""
    try:
        return check_exercise(**answers)
    except ExerciseInputError as error:
        return error


SOURCE_NAMES = check_content().source_names  # short names of the references, by id


def source_names(ids: tuple[str, ...]) -> list[str]:
    """Short names of a result's sources (each id is also checked against the course bibliography)."""
    bib = bibliography()
    return [SOURCE_NAMES[i] if i in bib else f"unknown source {i}" for i in ids]


@dataclass(frozen=True)
class PlanWeek:
    week: int
    minutes: float
    action: str   # "start", KEEP_STEADY, STEP_UP or EASE_BACK


def example_plan(start_minutes: float = 5, step_minutes: float = 2, weeks: int = 10,
                 flare_weeks: Iterable[int] = (5,)) -> list[PlanWeek]:
    """An illustrative plan (not data, not a prescription): daily minutes of walking, week by week.

    Each week at a new amount is followed by a step up, as long as the pain did not rise after the
    activity. In a ``flare_week`` the pain rose afterwards, so the next week starts again at the
    starting amount and stays there for a week before stepping up again.
    """
    for name, value in (("start_minutes", start_minutes), ("step_minutes", step_minutes)):
        try:
            if isinstance(value, str):
                raise NumberError(name, "is text", "not a number")
            read_number(value, name, 0, 120, above_low=True)
        except NumberError:
            raise ExerciseInputError(name, f"{shown(value)} is not allowed; give minutes above 0 and up to "
                                     "120.") from None
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= 52:
        raise ExerciseInputError("weeks", f"{shown(weeks)} is not allowed; give a whole number of weeks from 1 to "
                                 "52.")
    problem = f"give a list of whole week numbers from 1 to {weeks}; got {shown(flare_weeks)}."
    try:
        flares = set(flare_weeks)
    except TypeError:
        raise ExerciseInputError("flare_weeks", problem) from None
    if any(isinstance(w, bool) or not isinstance(w, int) or not 1 <= w <= weeks for w in flares):
        raise ExerciseInputError("flare_weeks", problem)
    plan = [PlanWeek(1, float(start_minutes), "start")]
    for week in range(2, weeks + 1):
        previous = plan[-1]
        if previous.week in flares:
            plan.append(PlanWeek(week, float(start_minutes), EASE_BACK))
        elif previous.action == EASE_BACK:
            plan.append(PlanWeek(week, previous.minutes, KEEP_STEADY))
        else:
            plan.append(PlanWeek(week, previous.minutes + step_minutes, STEP_UP))
    return plan
