"""Hostile input at every place a learner (or a caller of the public API) gives the course a number.

Each entry point below takes one hostile value in an otherwise valid call. It must either give a
valid result or raise the calculator's own error (a ``ValueError`` subclass) with a short message:
never a traceback from Python itself (``OverflowError``, the int digit limit, ``TypeError``,
``IndexError``), never ``inf`` or ``nan`` as a result, never a megabyte echoed back. The same values are
thrown at every entry point (``HOSTILE``), then hypothesis throws random text, huge ints, floats and
digits of other writing systems. Specific cases a tester reproduced (issue 13) have their own tests.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.kit.inputs import MAX_NUMBER_CHARS, NUMBER_RULE, NumberError, read_number, shown
from lessons.quiz import bank as quiz
from lessons.quiz.widget import QuizWidget
from lessons.records.store import ProgressStore
from lessons.topics.degenerative_disc_disease import widgets as disc_widget
from lessons.topics.exercise import model as exercise
from lessons.topics.heat_cold import model as heat_cold
from lessons.topics.heat_cold import widgets as heat_cold_widget
from lessons.topics.how_pain_works import model as flare_up
from lessons.topics.person_behind_the_pain import model as reflection
from lessons.topics.planner import export as planner_export
from lessons.topics.planner.plan import PlanError, PlanRequest, make_plan
from lessons.topics.posture import model as niosh
from lessons.topics.posture import widgets as posture_widget
from lessons.topics.weight import model as weight
from lessons.topics.weight import widgets as weight_widget
from lessons.topics.work import model as work
from lessons.topics.work import widgets as work_widget
from tests.conftest import GOOD_BANK, REPO

MAX_MESSAGE = 500       # characters: a message says what is wrong, it does not repeat the input
PROPERTY_SETTINGS = settings(max_examples=150, derandomize=True, deadline=None, database=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# The unit tests' test bank, with a numeric question whose answer is large enough for "619,000" to matter.
BANK = GOOD_BANK.replace(
    "prompt: How many lumbar vertebrae?\n    answer: 5\n    tolerance: 0.5\n    explanation: Five.\n",
    "prompt: About how many million people had low back pain in 2020?\n    answer: 619\n    tolerance: 10\n"
    "    unit: million\n    explanation: 619 million.\n")
assert BANK != GOOD_BANK


class Evil:
    """An object whose repr fails: messages must still be short and not raise."""

    def __repr__(self):
        raise RuntimeError("no repr")


# --- the hostile values ------------------------------------------------------------------------------

HOSTILE_TEXT = [
    "", "   ", "\n", ".", ",", "-", "+", "1,", ",5", "1,000", "619,000", "5,400", "1,000,000", "1.000.000",
    "1,000.5", "1 000", "1_000", "0" * 4300 + "5", "9" * 4301, "1" * 5000, "1" * 1_000_000, "1e308", "-1e308",
    "1e-400", "1E3", "inf", "-inf", "nan", "NaN", "Infinity", "0x10", "+-5", "--5", "5-", "5²", "²", "½", "Ⅻ",
    "٣", "١٢٫٥", "５", "１２", "१२", "𝟓", "\x00", "5\x00", "\u200b5", "\u202e5", "<script>alert(1)</script>",
    "5 kg", " 5,5 ", "-0.0", "-0", "1/2", "💥", "A" * 100_000,
]
HOSTILE_NUMBERS = [
    10**400, -(10**400), 10**5000, 2**63, 1e308, -1e308, math.inf, -math.inf, math.nan, -0.0, 0, -1, 5e-324,
    True, False, None, Fraction(10**400), Fraction(1, 3), Decimal("1e400"), complex(1, 1), [5], {}, (), Evil(),
]
HOSTILE = HOSTILE_TEXT + HOSTILE_NUMBERS


def label(value: object) -> str:
    text = value if isinstance(value, str) else f"{type(value).__name__}:{shown(value, 16)}"
    text = text if len(text) <= 24 else f"{text[:12]}..{len(text)}"
    return text.encode("unicode_escape").decode("ascii")


# --- the entry points --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One place a number comes in: ``call(value)`` puts the value in an otherwise valid call."""

    call: Any
    errors: tuple[type[Exception], ...]      # the calculator's own errors
    valid: Any = None                         # checks a result; None: any result


def _bank():
    import yaml

    from lessons.quiz.bank import parse_bank

    return parse_bank(yaml.safe_load(BANK), Path("99_test_lesson.yml"))


def _question(qid):
    return _bank().question(qid)


NUMERIC, SINGLE, MULTIPLE, TRUE_FALSE = (_question(q) for q in ("num-one", "single-one", "multi-one", "tf-one"))
ANSWER_ERROR = getattr(quiz, "AnswerError", ValueError)
DEFAULT_LIFT = dict(posture_widget.DEFAULTS)
LIFT_ARGS = {"load": 12, "h": 40, "v": 30, "d": 50, "a": 0, "frequency": 1}
PLAN = make_plan(PlanRequest())


def _finite_feedback(result, value):
    if result.valid and result.correct:
        # graded correct: the text must say 619, give or take 10, in the course's one reading
        text = str(value).strip()
        assert not re.search(r",[0-9]{3}(?![0-9])", text), "a comma before three digits is unclear"
        assert len(text) <= MAX_NUMBER_CHARS
    return True


def _feedback_for_choice(result, value):
    return not result.valid if value is None or value in ((), [], set(), frozenset()) else result.valid


def _lift_ok(result, _value):
    if result.assessment is not None:
        return math.isfinite(result.assessment.li) and result.assessment.load <= 300
    return isinstance(result.error, niosh.LiftInputError) and len(str(result.error)) <= MAX_MESSAGE


def _assessment_ok(result, _value):
    if result.errors:
        return all(len(message) <= MAX_MESSAGE for message in result.errors)
    return result.bmi is None or math.isfinite(result.bmi)


def _comparison_ok(result, _value):
    if result.error is not None:
        return len(str(result.error)) <= MAX_MESSAGE
    return math.isfinite(result.niosh.rwl) and 0 <= result.niosh.rwl <= 23


def _session_ok(session, _value):
    return 1 <= session.minutes <= heat_cold.LIMITS["heat"].maximum


def _lift_text(field):
    return lambda value: posture_widget.calculate({**DEFAULT_LIFT, field: value}, "short", "fair")


def _lift_number(name):
    def call(value):
        return niosh.assess_lift(**{**LIFT_ARGS, name: value}, duration="short", coupling="fair")
    return call


ENTRIES: dict[str, Entry] = {
    "quiz numeric answer (grade)": Entry(lambda v: quiz.grade(NUMERIC, v), (ANSWER_ERROR,), _finite_feedback),
    "quiz numeric answer (parse_number)": Entry(
        quiz.parse_number, (),
        lambda r, v: r is None or (math.isfinite(r) and abs(r) <= 10**12 and not re.search(r",[0-9]{3}(?![0-9])",
                                                                                             str(v)))),
    "quiz single choice (grade)": Entry(lambda v: quiz.grade(SINGLE, v), (ANSWER_ERROR,), _feedback_for_choice),
    "quiz multiple select (grade)": Entry(lambda v: quiz.grade(MULTIPLE, v), (ANSWER_ERROR,),
                                          _feedback_for_choice),
    "quiz true/false (grade)": Entry(lambda v: quiz.grade(TRUE_FALSE, v), (ANSWER_ERROR,),
                                     lambda r, v: (v is None and not r.valid) or isinstance(v, bool)),
    **{f"lifting calculator box {field}": Entry(_lift_text(field), (), _lift_ok)
       for field, _label in posture_widget.TEXT_FIELDS},
    **{f"lifting calculator assess_lift({name})": Entry(
        _lift_number(name), (niosh.LiftInputError,), lambda r, v: math.isfinite(r.li) and r.load <= 300)
       for name in LIFT_ARGS},
    "lifting calculator lifting_index(load)": Entry(lambda v: niosh.lifting_index(v, 10), (niosh.LiftInputError,),
                                                    lambda r, v: math.isfinite(r)),
    **{f"weight calculator box {box}": Entry(
        lambda v, box=box: weight_widget.calculate("metric", **{"weight": "70", "height": "175", box: v}), (),
        _assessment_ok) for box in ("weight", "height", "waist")},
    **{f"weight calculator imperial box {box}": Entry(
        lambda v, box=box: weight_widget.calculate("imperial", **{"weight": "154", "feet": "5", "inches": "9",
                                                                   box: v}), (), _assessment_ok)
       for box in ("feet", "inches")},
    "weight bmi(weight)": Entry(lambda v: weight.bmi(v, 1.75), (weight.MeasurementError,),
                                lambda r, v: math.isfinite(r)),
    "weight odds explainer (start)": Entry(lambda v: weight_widget.odds_explanation(0, v), (),
                                           lambda r, v: len(r) <= 2000),
    **{f"lift comparison box {box}": Entry(
        lambda v, box=box: work.compare("knuckle_to_elbow", "close", **{"v_text": "75", "h_text": "25",
                                                                        f"{box}_text": v}), (), _comparison_ok)
       for box in ("v", "h")},
    "lift comparison zone": Entry(lambda v: work.compare(v, "close", "75", "25"), (), _comparison_ok),
    "heat/cold minutes (plan_session)": Entry(lambda v: heat_cold.plan_session("heat", "lower back", v),
                                              (heat_cold.SessionError,), _session_ok),
    "flare-up plan text (make_plan)": Entry(lambda v: flare_up.make_plan(v), (flare_up.PlanInputError,),
                                            lambda r, v: 0 < len(r.helps) <= flare_up.MAX_CHARS),
    "exercise check weeks": Entry(
        lambda v: exercise.check_exercise(pain_after="less_or_same", weeks_at_this_amount=v, used_to_it="yes"),
        (exercise.ExerciseInputError,)),
    "exercise example_plan(start_minutes)": Entry(lambda v: exercise.example_plan(start_minutes=v),
                                                  (exercise.ExerciseInputError,),
                                                  lambda r, v: all(math.isfinite(w.minutes) for w in r)),
    "reflection choice (reflect)": Entry(lambda v: reflection.reflect([v]), (reflection.ReflectionError,)),
    "reflection choices (reflect)": Entry(reflection.reflect, (reflection.ReflectionError,)),
    "planner minutes (make_plan)": Entry(lambda v: make_plan(PlanRequest(minutes=v)), (PlanError,)),
    "disc findings explorer age (explorer_view)": Entry(lambda v: disc_widget.explorer_view("disc degeneration", v),
                                                        (), lambda r, v: len(r[0]) <= 2000),
}


def check(entry: Entry, value) -> None:
    """The entry point gives a valid result or its own, short error: nothing else."""
    try:
        result = entry.call(value)
    except entry.errors as error:
        assert isinstance(error, ValueError)
        assert len(str(error)) <= MAX_MESSAGE, f"message of {len(str(error))} characters"
        return
    if entry.valid is not None:
        assert entry.valid(result, value), f"not a valid result: {result!r}"[:300]


@pytest.mark.parametrize("value", HOSTILE, ids=[label(v) for v in HOSTILE])
@pytest.mark.parametrize("name", list(ENTRIES))
def test_hostile_value_gives_a_result_or_the_calculators_own_error(name, value):
    check(ENTRIES[name], value)


# --- hypothesis: random text, huge ints, floats, other digits -------------------------------------------

DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９०१२३४५६७८९²³¹"
number_like = st.from_regex(re.compile(rf"[ +\-−]?[{DIGITS}]{{0,8}}([.,٫][{DIGITS}]{{0,5}})?[ ]?"), fullmatch=True)
anything = st.one_of(
    st.text(), number_like, st.integers(), st.integers(min_value=10**300, max_value=10**5000),
    st.floats(), st.just(-0.0), st.booleans(), st.none(), st.fractions(),
)


@PROPERTY_SETTINGS
@given(value=anything)
@pytest.mark.parametrize("name", list(ENTRIES))
def test_random_values_give_a_result_or_the_calculators_own_error(name, value):
    check(ENTRIES[name], value)


# --- the course's one rule for typed numbers ----------------------------------------------------------

@PROPERTY_SETTINGS
@given(st.integers(min_value=-10**6, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_point_or_comma_with_one_or_two_decimals_is_the_same_number(whole, cents):
    point, comma = f"{whole}.{cents:02d}", f"{whole},{cents:02d}"
    assert read_number(point, "x", -10**7, 10**7) == read_number(comma, "x", -10**7, 10**7) == float(point)


@PROPERTY_SETTINGS
@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=999))
def test_a_comma_before_exactly_three_digits_is_refused_everywhere(thousands, rest):
    text = f"{thousands},{rest:03d}"
    with pytest.raises(NumberError) as caught:
        read_number(text, "x", 0, 10**7)
    assert caught.value.kind == "unclear comma"
    assert quiz.parse_number(text) is None
    assert not quiz.grade(NUMERIC, text).valid
    assert posture_widget.calculate({**DEFAULT_LIFT, "load": text}, "short", "fair").error is not None
    assert weight_widget.calculate("metric", "70", "175", text).errors


def test_the_rule_examples():
    assert read_number("5,5", "x", 0, 10) == 5.5 == read_number(" 5.5 ", "x", 0, 10)
    assert read_number("1,0000", "x", 0, 10) == 1.0                     # four digits: a decimal comma
    assert read_number("٣٫٥", "x", 0, 10) == 3.5 == read_number("３.５", "x", 0, 10)  # other digits
    assert read_number("-0.0", "x", -1, 1) == 0.0 and math.copysign(1, read_number(-0.0, "x", -1, 1)) == 1
    for text in ("1,000", "619,000", "1,000,000", "1.000.000", "1e3", "5²", "inf", "1_000", "1 000"):
        with pytest.raises(NumberError):
            read_number(text, "x", 0, 10**9)
    with pytest.raises(NumberError, match="1000 or 1.000|\\(1000\\).*\\(1.000\\)"):
        read_number("1,000", "x", 0, 10**9)


def test_read_number_needs_its_bounds_and_says_them():
    with pytest.raises(NumberError, match="from 0 to 300 kg"):
        read_number("301", "Load", 0, 300, unit="kg")
    with pytest.raises(NumberError, match="too long") as caught:
        read_number("1" * (MAX_NUMBER_CHARS + 1), "Load", 0, 300)
    assert len(str(caught.value)) < 200


# --- what the testers reproduced (issue 13) -------------------------------------------------------------

def test_4301_digits_in_the_minutes_box_is_a_message_not_a_traceback():
    builder = heat_cold_widget.SessionBuilder()
    builder.minutes_box.value = "1" * 4301
    assert builder.build() is None
    assert "too long" in builder.card.value and len(builder.card.value) < 1500
    with pytest.raises(heat_cold.InvalidSessionInput):
        heat_cold.plan_session("heat", "lower back", "1" * 4301)


@pytest.mark.parametrize("start", [date.max, date.max - timedelta(days=10), date(2101, 1, 1), date(1999, 12, 31),
                                   date.min])
def test_a_calendar_start_near_the_end_of_time_is_refused_with_the_range(start):
    for make in (planner_export.session_dates, planner_export.ical_bytes):
        with pytest.raises(planner_export.ExportError, match="2000.*2100"):
            make(PLAN, start)


def test_a_calendar_start_inside_the_range_still_works():
    assert planner_export.session_dates(PLAN, date(2100, 12, 31))
    assert planner_export.ical_bytes(PLAN, date(2000, 1, 3)).startswith(b"BEGIN:VCALENDAR")


def test_a_load_of_1e308_kg_is_refused_not_shown_as_infinite():
    result = posture_widget.calculate({**DEFAULT_LIFT, "load": "1e308"}, "short", "fair")
    assert result.assessment is None and result.error.field == "load"
    with pytest.raises(niosh.LiftInputError, match="up to 300 kg"):
        niosh.assess_lift(1e308, 40, 30, 50, 0, 1, "short", "fair")
    assert "inf" not in posture_widget.problem_card(result.error)


def test_every_lifting_input_has_a_stated_upper_bound():
    for field, label_text in posture_widget.TEXT_FIELDS:
        bound, _unit = niosh.upper_bound(field)
        assert f"up to {bound:g}" in label_text
        over = posture_widget.calculate({**DEFAULT_LIFT, field: f"{bound + 1:g}"}, "short", "fair")
        assert over.error is not None and over.error.field == field and f"{bound:g}" in str(over.error)
    assert NUMBER_RULE in posture_widget.NUMBERS_NOTE


@pytest.mark.parametrize("call", [
    lambda: niosh.assess_lift(10**400, 40, 30, 50, 0, 1, "short", "fair"),
    lambda: niosh.horizontal_multiplier(10**400),
    lambda: weight.bmi(10**400, 1.75),
    lambda: weight.bmi_category(10**400),
    lambda: weight.risk_with_odds_ratio(0.2, 10**400),
    lambda: heat_cold.plan_session("heat", "lower back", 10**400),
    lambda: exercise.check_exercise(pain_after="more", weeks_at_this_amount=10**400, used_to_it="yes"),
    lambda: exercise.example_plan(start_minutes=10**400),
    lambda: make_plan(PlanRequest(minutes=Fraction(10**400))),
])
def test_10_to_the_400_is_the_calculators_own_error(call):
    with pytest.raises(ValueError) as caught:
        call()
    assert type(caught.value) is not ValueError and not isinstance(caught.value, (OverflowError, TypeError))
    assert len(str(caught.value)) <= MAX_MESSAGE


def test_619_000_is_not_graded_as_619_million():
    assert quiz.grade(NUMERIC, "619").correct
    assert quiz.grade(NUMERIC, "619,5").correct           # a decimal comma
    for typed in ("619,000", "619,000,000", "619.000.000"):
        feedback = quiz.grade(NUMERIC, typed)
        assert not feedback.valid and "thousands separator" in feedback.headline


def test_1000_is_not_read_as_1_by_the_lifting_and_weight_calculators():
    lift = posture_widget.calculate({**DEFAULT_LIFT, "load": "1,000"}, "short", "fair")
    assert lift.error is not None and "1000" in str(lift.error)
    body = weight_widget.calculate("metric", "70", "1,750")
    assert body.errors and "1750" in body.errors[0]
    assert weight_widget.calculate("metric", "70,5", "175").ok


def test_the_number_rule_is_stated_in_each_numeric_box():
    quiz_box = QuizWidget(_bank()).questions[3].control
    assert "2,5" in quiz_box.placeholder and "1,000" in quiz_box.placeholder and NUMBER_RULE in quiz_box.tooltip
    calculator = weight_widget.WeightCalculator()
    for box in (calculator.weight_kg, calculator.height_cm, calculator.waist_cm, calculator.weight_lb,
                calculator.height_ft, calculator.height_in, calculator.waist_in):
        assert re.search(r"\d+(\.\d+)? to \d+", box.placeholder) and NUMBER_RULE in box.tooltip
    comparison = work_widget.LiftComparison()
    for box in (comparison.v, comparison.h):
        assert NUMBER_RULE in box.tooltip and "up to 300" in box.description
    builder = heat_cold_widget.SessionBuilder()
    assert "1 to 15" in builder.minutes_box.placeholder
    builder.kind_picker.value = "cold"
    assert "1 to 20" in builder.minutes_box.placeholder and "1,000" in builder.minutes_box.tooltip


# --- a learner's own export must not be rejected ----------------------------------------------------------

def test_the_answer_limit_is_the_results_readers_limit():
    schema = json.loads((REPO / "lessons/kit/content/schema/results.schema.json").read_text(encoding="utf-8"))
    chosen = schema["properties"]["answers"]["items"]["properties"]["chosen"]
    assert chosen["items"]["maxLength"] == quiz.MAX_ANSWER_CHARS


@pytest.mark.parametrize("typed", ["0" * 1500 + "5", "0" * 999 + "5", "5" + " " * 2000, "0" * 30 + "5"])
def test_a_long_numeric_answer_is_not_graded_or_saved(typed, tmp_path):
    feedback = quiz.grade(NUMERIC, typed)
    assert not feedback.valid and len(feedback.headline) <= MAX_MESSAGE
    store = ProgressStore(tmp_path / "progress.sqlite3")
    widget = QuizWidget(_bank(), store=store)
    question = widget.questions[3]
    question.control.value = typed
    question.check()
    assert store.answers() == [] and "Not quite" not in question.feedback.value


def test_a_long_answer_message_says_the_limit():
    feedback = quiz.grade(NUMERIC, "0" * (quiz.MAX_ANSWER_CHARS + 1))
    assert f"{quiz.MAX_ANSWER_CHARS}" in feedback.headline and "too long" in feedback.headline


# --- the quiz API --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "response", "words"), [
    (TRUE_FALSE, "False", "True or False"), (TRUE_FALSE, "True", "True or False"), (TRUE_FALSE, 0, "True or False"),
    (TRUE_FALSE, 1, "True or False"), (SINGLE, "1", "from 0 to 1"), (SINGLE, 1.0, "from 0 to 1"),
    (SINGLE, True, "from 0 to 1"), (SINGLE, 2, "from 0 to 1"), (SINGLE, -1, "from 0 to 1"),
    (MULTIPLE, "01", "from 0 to 2"), (MULTIPLE, {5}, "from 0 to 2"), (MULTIPLE, 3, "from 0 to 2"),
    (MULTIPLE, [True], "from 0 to 2"), (NUMERIC, [5], "finite number"), (NUMERIC, math.nan, "finite number"),
    (NUMERIC, True, "finite number"),
])
def test_the_wrong_type_or_range_names_the_question_and_what_it_expects(question, response, words):
    with pytest.raises(quiz.AnswerError, match=words) as caught:
        quiz.grade(question, response)
    assert caught.value.question == question.id and repr(question.id) in str(caught.value)


def test_valid_api_answers_still_grade():
    assert quiz.grade(TRUE_FALSE, False).correct and not quiz.grade(TRUE_FALSE, True).correct
    assert quiz.grade(SINGLE, 1).correct and quiz.grade(MULTIPLE, [0, 2]).correct
    assert quiz.grade(MULTIPLE, frozenset({0, 2})).correct and quiz.grade(NUMERIC, 619).correct


def test_a_megabyte_typed_gives_a_short_message_everywhere():
    huge = "7" * 1_000_000
    messages = [quiz.grade(NUMERIC, huge[:999]).headline,
                str(posture_widget.calculate({**DEFAULT_LIFT, "load": huge}, "short", "fair").error),
                *weight_widget.calculate("metric", huge, "175").errors]
    for call, error in ((lambda: heat_cold.plan_session("heat", huge, 10), heat_cold.SessionError),
                        (lambda: heat_cold.plan_session("heat", "lower back", huge), heat_cold.SessionError),
                        (lambda: niosh.assess_lift(12, 40, 30, 50, 0, 1, huge, "fair"), niosh.LiftInputError),
                        (lambda: weight.bmi(70, 1.75, huge), weight.MeasurementError),
                        (lambda: quiz.grade(TRUE_FALSE, huge), quiz.AnswerError),
                        (lambda: planner_export.session_dates(PLAN, huge), planner_export.ExportError)):
        with pytest.raises(error) as caught:
            call()
        messages.append(str(caught.value))
    assert all(len(message) <= MAX_MESSAGE for message in messages), [len(m) for m in messages]


def test_datetime_is_not_a_first_day():
    with pytest.raises(planner_export.ExportError):
        planner_export.session_dates(PLAN, datetime(2026, 1, 5))


def test_a_weight_and_height_that_give_an_impossible_bmi_are_a_message():
    # found by the random probes: 70 kg at 50 cm is a BMI of 280, which bmi_category refused with a traceback
    result = weight_widget.calculate("metric", "70", "50")
    assert not result.ok and "BMI of 280" in result.errors[0] and "check both numbers" in result.errors[0]
    assert 'role="alert"' in weight_widget.result_card(result)
