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

``example_plan`` draws an *illustrative* walking plan that follows rules 3-5. Its numbers are an
example chosen for the picture, not data and not a prescription.

Invalid input raises ``ExerciseInputError`` (a ``ValueError``) with a plain-English message that
names the field and what is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lessons.kit import triage
from lessons.kit.inputs import NumberError, read_number, shown

EMERGENCY, SEE_CLINICIAN, EASE_BACK, KEEP_STEADY, STEP_UP = (
    "emergency", "see_clinician", "ease_back", "keep_steady", "step_up")
CATEGORIES = (EMERGENCY, SEE_CLINICIAN, EASE_BACK, KEEP_STEADY, STEP_UP)
CATEGORY_NAMES = {
    EMERGENCY: "Get help now",
    SEE_CLINICIAN: "Stop this exercise and see a clinician",
    EASE_BACK: "Ease back",
    KEEP_STEADY: "Keep to the same amount",
    STEP_UP: "Take a small step up",
}

# The other warning signs the checker asks about: ids of the triage file (lessons/kit/content/red_flags.yml),
# which gives their wording and how fast each needs help. The first question asks about the file's
# "cauda-equina" group.
CLINICIAN_SIGN_IDS = ("new-numbness", "new-weakness", "fever", "worse-over-time")


def emergency_signs() -> dict[str, str]:
    """{sign id: its full text} for the cauda equina questions."""
    return {sign_id: triage.sign(sign_id).text for sign_id in triage.group("cauda-equina")}


def clinician_signs() -> dict[str, str]:
    """{sign id: its full text} for the signs that need a doctor's check rather than more exercise."""
    return {sign_id: triage.sign(sign_id).text for sign_id in CLINICIAN_SIGN_IDS}


PAIN_AFTER = {
    "less_or_same": "Less than usual, or about the same",
    "more": "More than usual (later that day or the next day)",
}
USED_TO_IT = {"yes": "Yes", "no": "No", "not_sure": "Not sure"}
MAX_WEEKS = 104

SOURCES = {
    EMERGENCY: ("bass-2018-cauda-equina",),
    SEE_CLINICIAN: ("rjah-low-back-pain-leaflet", "bridgwater-bay-back-pain", "nhs-borders-low-back-pain"),
    EASE_BACK: ("sfh-back-pain-unit-introducing-exercise", "nhs-borders-low-back-pain"),
    KEEP_STEADY: ("sfh-back-pain-unit-introducing-exercise",),
    STEP_UP: ("sfh-back-pain-unit-introducing-exercise", "rjah-back-pain-self-care"),
}


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
    emergency = _signs(emergency_signs, "emergency_signs", triage.group("cauda-equina"))
    if emergency:
        reasons = tuple(f"{triage.sign(s).text}: this can be a sign of cauda equina syndrome, which needs "
                        "treatment within hours." for s in emergency)
        return ExerciseAdvice(EMERGENCY, f"Stop exercising. {triage.alert_text(emergency)[2:]}",
                              reasons, SOURCES[EMERGENCY])
    clinician = _signs(clinician_signs, "clinician_signs", CLINICIAN_SIGN_IDS)
    if clinician:
        reasons = tuple(f"{triage.sign(s).text} ({triage.level(triage.sign(s).level).lead.lower()})."
                        for s in clinician)
        return ExerciseAdvice(SEE_CLINICIAN, "Stop this exercise for now. " + triage.sentence(clinician),
                              reasons, SOURCES[SEE_CLINICIAN])
    pain = _choice(pain_after, "pain_after", PAIN_AFTER)
    weeks = _weeks(weeks_at_this_amount)
    settled = _choice(used_to_it, "used_to_it", USED_TO_IT)
    if pain == "more":
        return ExerciseAdvice(EASE_BACK, "You may have done too much. Let the pain settle, then start again with a "
                              "much lower amount: one you could manage every day.",
                              ("Your pain was higher after the activity than usual.",
                               "This is common and not a reason to give up: it can take a few tries to find "
                               "an amount you can manage."), SOURCES[EASE_BACK])
    if weeks < 1 or settled != "yes":
        why = []
        if weeks < 1:
            why.append("You have done this amount for less than a week.")
        if settled != "yes":
            why.append("Your body has not yet got used to this amount." if settled == "no"
                       else "You are not sure your body has got used to this amount yet.")
        return ExerciseAdvice(KEEP_STEADY, "Keep doing the same amount regularly. Do not add more until you have "
                              "done it for at least a week and your body has got used to it.",
                              tuple(why), SOURCES[KEEP_STEADY])
    return ExerciseAdvice(STEP_UP, "You could add a small, manageable amount (a little more time or a few more "
                          "repetitions), then keep to the new amount for at least a week.",
                          ("Your pain was not higher after the activity.",
                           f"You have kept to this amount for {weeks:g} week{'s' if weeks != 1 else ''} and your "
                           "body has got used to it."), SOURCES[STEP_UP])


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
