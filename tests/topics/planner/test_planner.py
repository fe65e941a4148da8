"""Lesson 12 (stretching planner): the planning rules, every refusal, the figure and the widget.

Rule tests use a small fixture catalogue built with the catalogue's own ``Exercise`` dataclass
(``FIXTURE`` in tests/conftest.py), so they do not change when the shipped catalogue does; integration
and property tests use the real catalogue (``load_catalogue()``).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.kit import triage
from lessons.kit.references import bibliography
from lessons.kit.widget import escape
from lessons.topics.planner.catalogue import LEVELS, PHASES, POSITIONS, PROBLEMS, load_catalogue
from lessons.topics.planner.figures import weeks_figure
from lessons.topics.planner.plan import (
    PHASE_SHARES,
    REST_QUARTERS,
    TOLERANCE_SECONDS,
    WEEKDAYS,
    Plan,
    PlanError,
    PlanRequest,
    default_days,
    exclusion_reason,
    follow_along,
    make_plan,
    phase_budgets,
    rest_at,
    set_cap,
    sides,
    step_at,
    step_for_week,
)
from lessons.topics.planner.texts import plan_notes
from lessons.topics.planner.widgets import (
    StretchPlanner,
    countdown_html,
    item_card_html,
    notes_html,
    plan_cards_html,
    schedule_html,
)
from tests.conftest import FIXTURE, PLOTLY
from tests.conftest import ex as fixture_exercise

STOP_SIGNS = plan_notes().stop_signs
PROBLEM_NOTES = {problem: (note.text, note.sources) for problem, note in plan_notes().problems.items()}

CATALOGUE = load_catalogue()
ALL_POSITIONS = frozenset(POSITIONS)
PROPERTY_SETTINGS = settings(max_examples=200, derandomize=True, deadline=None, database=None,
                             suppress_health_check=[HealthCheck.too_slow])


def plan_for(catalogue=FIXTURE, **fields) -> Plan:
    return make_plan(PlanRequest(**fields), catalogue)


def check_plan(plan: Plan, request: PlanRequest, catalogue) -> None:
    """Every rule a plan must keep, for any request it accepts."""
    by_id = {item.id: item for item in catalogue}
    req = plan.request
    assert len(plan.weeks) == req.weeks and [w.number for w in plan.weeks] == list(range(1, req.weeks + 1))
    assert len(plan.days) == req.sessions_per_week == len(set(plan.days))
    assert list(plan.days) == sorted(plan.days, key=WEEKDAYS.index)
    if request.days:
        assert set(plan.days) == set(request.days)
    previous = None
    for week in plan.weeks:
        assert abs(week.total_seconds - req.minutes * 60) <= TOLERANCE_SECONDS
        phases = [PHASES.index(item.phase) for item in week.items]
        assert phases == sorted(phases) and week.items_in("main")
        ids = [item.exercise.id for item in week.items]
        assert len(ids) == len(set(ids))
        for item in week.items:
            exercise = item.exercise
            assert by_id[exercise.id] == exercise
            assert req.problem not in exercise.avoid
            assert req.problem in exercise.suits or "general" in exercise.suits
            assert exercise.id not in req.leave_out
            assert exercise.position in req.positions
            assert LEVELS.index(exercise.level) <= LEVELS.index(req.level)
            assert item.phase in exercise.phases
            assert item.sets >= 1 and item.time_seconds > 0
            if item.kind != "timed":
                assert item.sets % sides(exercise) == 0 and item.sets <= set_cap(exercise)
                assert item.rest_seconds == rest_at(exercise, week.step)
        assert week.step == step_for_week(week.number)
        if previous is not None:
            assert week.step - previous.step in (0, 1)
            if week.step == previous.step:
                assert week.items == previous.items
            assert week.work_seconds >= previous.work_seconds
            for old in previous.items:
                new = week.item(old.exercise.id)
                assert new is not None and new.phase == old.phase
                assert new.sets >= old.sets and new.set_seconds >= old.set_seconds
        previous = week


# --- small rules ---------------------------------------------------------------------------

def test_phase_budgets_are_20_60_20_and_add_up():
    assert PHASE_SHARES == {"warm-up": 20, "main": 60, "cool-down": 20}
    assert phase_budgets(20) == {"warm-up": 240, "main": 720, "cool-down": 240}
    for minutes in range(5, 61):
        budgets = phase_budgets(minutes)
        assert sum(budgets.values()) == minutes * 60
        assert budgets["warm-up"] == budgets["cool-down"] == minutes * 60 // 5


@pytest.mark.parametrize("sessions, days", [
    (1, ("Monday",)), (2, ("Monday", "Thursday")), (3, ("Monday", "Wednesday", "Friday")),
    (4, ("Monday", "Tuesday", "Thursday", "Saturday")), (5, ("Monday", "Tuesday", "Wednesday", "Friday", "Saturday")),
    (6, WEEKDAYS[:6]), (7, WEEKDAYS)])
def test_default_days_spread_across_the_week(sessions, days):
    assert default_days(sessions) == days


def test_progression_steps_every_two_weeks_and_rests_fall_by_quarters():
    assert [step_for_week(week) for week in range(1, 13)] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4, 4]
    assert REST_QUARTERS == (8, 7, 6, 5, 4)
    hug = FIXTURE[1]
    assert [rest_at(hug, step) for step in range(5)] == [10, 9, 8, 6, 5]
    assert rest_at(FIXTURE[0], 0) == 0                     # a timed activity has no rest


def test_sides_and_caps():
    hug, tilt, lunge, sit_pull = FIXTURE[1], FIXTURE[2], FIXTURE[10], FIXTURE[7]
    assert (sides(hug), sides(tilt), sides(lunge), sides(sit_pull)) == (2, 1, 2, 2)
    assert set_cap(hug) == 18 and set_cap(tilt) == 15 and set_cap(FIXTURE[3]) == 3
    assert sides(replace(hug, sets=5)) == 1                 # an odd count cannot be shared between sides


def test_real_catalogue_two_sided_exercises_have_even_sets():
    two_sided = [item for item in CATALOGUE if sides(item) == 2]
    assert two_sided, "the catalogue marks some exercises sides: 2"
    assert all(item.sets % 2 == 0 for item in two_sided)


# --- a plan --------------------------------------------------------------------------------

def test_a_plan_keeps_every_rule_and_reads_well():
    request = PlanRequest(problem="sciatica", minutes=20, sessions_per_week=3, level="intermediate", weeks=6)
    plan = make_plan(request, FIXTURE)
    check_plan(plan, request, FIXTURE)
    assert plan.days == ("Monday", "Wednesday", "Friday")
    assert plan.summary.startswith("Sciatica · 20 minutes a session · 3 sessions a week (Monday, Wednesday, Friday)")
    assert [phase for phase in PHASES if plan.week(1).items_in(phase)] == list(PHASES)
    assert plan.week(1).items[0].exercise.position == "standing" or plan.week(1).items[0].phase == "warm-up"
    # the exercise advised for sciatica itself comes before general ones in the main part
    assert "slider" in [item.exercise.id for item in plan.week(1).items_in("main")]
    assert plan.changes(1) == ("Start gently: twice the usual rest between holds and sets.",)
    assert plan.changes(2) == ("Same as last week: keep to this amount.",)
    assert plan.changes(3)[0].startswith("Rest between holds and sets: 1.75 times the usual rest")


def test_same_request_same_plan_whatever_the_order_of_sets_or_catalogue():
    request = PlanRequest(problem="general", minutes=15, positions={"lying", "sitting", "standing"},
                          leave_out={"tilt"}, weeks=5)
    first = make_plan(request, FIXTURE)
    again = make_plan(PlanRequest(problem="general", minutes=15, positions=["standing", "sitting", "lying"],
                                  leave_out=["tilt"], weeks=5), tuple(reversed(FIXTURE)))
    assert first == again and first.fingerprint() == again.fingerprint()
    assert make_plan(replace(request, minutes=16), FIXTURE).fingerprint() != first.fingerprint()


def test_excluded_exercises_never_appear_and_say_why():
    plan = plan_for(problem="spinal-stenosis", minutes=15, level="advanced", leave_out={"walk"},
                    positions={"lying", "sitting", "standing"}, weeks=3)
    used = {item.exercise.id for week in plan.weeks for item in week.items}
    assert not used & {"rock", "arch-up", "walk", "dog", "heel-sit"}
    reasons = dict(plan.left_out)
    assert reasons["arch-up"] == "not advised for spinal stenosis"
    assert reasons["walk"] == "you chose to leave it out"
    assert reasons["dog"] == "needs a position you did not tick (On hands and knees)"
    assert reasons["slider"] == "meant for sciatica, not for spinal stenosis"
    beginner = make_plan(replace(plan.request, level="beginner", leave_out=frozenset()), FIXTURE)
    assert dict(beginner.left_out)["bridge"] == "above your level (intermediate)"


def test_exclusion_reason_order():
    request = PlanRequest(problem="spinal-stenosis", positions=frozenset({"sitting"}), leave_out=frozenset({"rock"}))
    assert exclusion_reason(FIXTURE[3], request) == "not advised for spinal stenosis"     # avoid comes first
    assert exclusion_reason(FIXTURE[9], request) is None


def test_safety_notes_always_say_when_to_stop_and_name_the_red_flags():
    for problem in PROBLEMS:
        plan = plan_for(problem=problem, minutes=10)
        kinds = [note.kind for note in plan.notes]
        assert kinds[:4] == ["stop", "red-flags", "pace", "problem"]
        assert plan.notes[0].text.startswith("Stop the exercises. " + triage.level("emergency").lead)
        for sign_id in STOP_SIGNS:
            assert triage.sign(sign_id).short in plan.notes[0].text
        for sign in triage.signs("emergency"):
            assert sign.short in plan.notes[1].text
        assert "When to get help fast" in plan.notes[1].text
        assert plan.notes[3].text == PROBLEM_NOTES[problem][0]
    stenosis = plan_for(problem="spinal-stenosis", minutes=10)
    assert "extension" in stenosis.notes[3].text
    assert stenosis.notes[4].kind == "left-out" and "Arch up <b>, Rock <b>" in stenosis.notes[4].text


def test_every_note_source_is_in_the_bibliography():
    refs = bibliography()
    for problem in PROBLEMS:
        plan = make_plan(PlanRequest(problem=problem, minutes=20))
        assert plan.sources and all(ref in refs for ref in plan.sources)


def test_a_missing_part_is_explained():
    only_main = tuple(item for item in FIXTURE if item.id in {"bridge", "tilt"})
    plan = make_plan(PlanRequest(problem="general", minutes=5, level="intermediate"), only_main)
    assert not plan.week(1).items_in("cool-down")
    assert any(note.kind == "parts" and "easy finish" in note.text for note in plan.notes)


def test_dose_words():
    plan = plan_for(problem="general", minutes=20, level="intermediate", weeks=1)
    doses = {item.exercise.id: item for item in plan.week(1).items}
    hug = doses.get("hug")
    assert hug is not None and f"{hug.sets // 2} on each side" in hug.dose and "holds of 10 s" in hug.dose
    walk = next(item for item in plan.week(1).items if item.kind == "timed")
    assert walk.dose == f"{walk.set_seconds // 60} minute{'s' if walk.set_seconds != 60 else ''}"
    reps = next(item for item in plan.week(1).items if item.kind == "reps")
    assert "repetitions, about" in reps.dose


# --- follow-along --------------------------------------------------------------------------

def test_follow_along_steps_add_up_to_the_session():
    week = plan_for(problem="general", minutes=15, weeks=1).week(1)
    steps = follow_along(week)
    assert sum(step.seconds for step in steps) == week.total_seconds
    assert steps[0].start == 0 and all(a.start + a.seconds == b.start for a, b in zip(steps, steps[1:], strict=False))
    holds = sum(item.sets for item in week.items)
    assert len([s for s in steps if s.action != "rest"]) == holds
    assert step_at(steps, 0) == (0, steps[0].seconds)
    assert step_at(steps, steps[1].start) == (1, steps[1].seconds)
    assert step_at(steps, week.total_seconds - 1) == (len(steps) - 1, 1)
    assert step_at(steps, week.total_seconds) is None and step_at((), 0) is None


def test_countdown_html():
    steps = follow_along(plan_for(problem="general", minutes=5, weeks=1).week(1))
    now, clock = countdown_html(steps, 0)
    assert "Now:" in now and "step 1 of" in now and "Next:" in now and f"{steps[0].seconds}</strong> s left" in clock
    rest = next(s for s in steps if s.action == "rest")
    assert "Rest:" in countdown_html(steps, rest.start)[0]
    assert "Finished" in countdown_html(steps, 10**6)[0]
    assert "Make a plan first" in countdown_html((), 0)[0]


# --- every bad input -----------------------------------------------------------------------

BAD = [
    ({"minutes": 4}, "minutes", "4 minutes a session is too few"),
    ({"minutes": 61}, "minutes", "61 minutes a session is too many"),
    ({"minutes": 0}, "minutes", "too few"),
    ({"minutes": -5}, "minutes", "too few"),
    ({"minutes": 20.5}, "minutes", "is not a whole number"),
    ({"minutes": "twenty"}, "minutes", "is not a number"),
    ({"minutes": "15 min"}, "minutes", "is not a number"),
    ({"minutes": None}, "minutes", "nothing was entered"),
    ({"minutes": ""}, "minutes", "nothing was entered"),
    ({"minutes": True}, "minutes", "is not a number"),
    ({"minutes": math.nan}, "minutes", "is not a whole number"),
    ({"minutes": math.inf}, "minutes", "is not a whole number"),
    ({"minutes": [20]}, "minutes", "is not a number"),
    ({"sessions_per_week": 0}, "sessions_per_week", "0 sessions a week is too few"),
    ({"sessions_per_week": 8}, "sessions_per_week", "8 sessions a week is too many"),
    ({"weeks": 0}, "weeks", "0 weeks in the plan is too few"),
    ({"weeks": 13}, "weeks", "13 weeks in the plan is too many"),
    ({"problem": "backache"}, "problem", "is not one of the choices"),
    ({"problem": ""}, "problem", "is not one of the choices"),
    ({"problem": None}, "problem", "is not one of the choices"),
    ({"level": "expert"}, "level", "Choose one of: Beginner, Intermediate, Advanced"),
    ({"positions": frozenset()}, "positions", "no position is ticked"),
    ({"positions": None}, "positions", "no position is ticked"),
    ({"positions": {"upside-down"}}, "positions", "is not a position"),
    ({"positions": 5}, "positions", "is not a list of choices"),
    ({"leave_out": {"no-such-exercise"}}, "leave_out", "is not an exercise in the catalogue"),
    ({"leave_out": [3]}, "leave_out", "is not one of the choices"),
    ({"days": ("Monday", "Tuesday")}, "days", "2 days are ticked but you asked for 3 sessions a week"),
    ({"days": ("Monday", "Monday", "Friday")}, "days", "Monday is chosen twice"),
    ({"days": ("Monday", "Funday", "Friday")}, "days", "is not a day of the week"),
]


@pytest.mark.parametrize("fields, field, words", BAD, ids=[f"{b[1]}-{b[0]!r}" for b in BAD])
def test_every_bad_input_is_refused_with_what_to_change(fields, field, words):
    with pytest.raises(PlanError) as info:
        make_plan(PlanRequest(**{"problem": "general", **fields}), FIXTURE)
    assert info.value.field == field
    assert words in str(info.value)
    assert str(info.value).split(":")[0] in {"Minutes per session", "Sessions per week", "Weeks of plan",
                                             "Problem a clinician has told you about", "Level", "Positions",
                                             "Leave out", "Days"}
    assert isinstance(info.value, ValueError)


def test_good_spellings_are_accepted():
    plan = plan_for(problem="Spinal stenosis", level=" Intermediate ", minutes="20", sessions_per_week=2.0,
                    positions=["Lying down", "sitting"], days=["fri", "TUESDAY"], weeks="3")
    assert plan.request.problem == "spinal-stenosis" and plan.request.level == "intermediate"
    assert plan.request.minutes == 20 and plan.request.sessions_per_week == 2 and plan.request.weeks == 3
    assert plan.request.positions == frozenset({"lying", "sitting"})
    assert plan.days == ("Tuesday", "Friday")


def test_all_suitable_exercises_left_out():
    with pytest.raises(PlanError) as info:
        plan_for(problem="general", leave_out={item.id for item in FIXTURE})
    assert info.value.field == "leave_out" and "Untick some" in str(info.value)


def test_positions_that_leave_nothing_suitable():
    with pytest.raises(PlanError) as info:
        plan_for(problem="spinal-stenosis", positions={"hands-and-knees"}, level="intermediate", leave_out={"heel-sit"})
    assert info.value.field == "positions" and "Tick more positions" in str(info.value)


def test_positions_with_no_main_part():
    with pytest.raises(PlanError) as info:
        plan_for(problem="general", positions={"hands-and-knees"}, level="beginner")
    assert info.value.field == "positions" and "main part" in str(info.value)


def test_too_many_minutes_for_the_exercises_left_says_how_many_fit():
    with pytest.raises(PlanError) as info:
        make_plan(PlanRequest(problem="general", minutes=60, positions={"lying"}))
    assert info.value.field == "minutes"
    found = re.search(r"Choose at most about (\d+) minutes, tick more positions", str(info.value))
    assert found and 5 <= int(found.group(1)) < 60
    assert make_plan(PlanRequest(problem="general", minutes=int(found.group(1)) - 5, positions={"lying"}))


def test_too_few_minutes_for_any_exercise():
    long_only = (fixture_exercise("long-walk", "standing", "beginner", ("main",), hold=400, sets=1),)
    with pytest.raises(PlanError) as info:
        make_plan(PlanRequest(problem="general", minutes=5), long_only)
    assert info.value.field == "minutes" and "too short" in str(info.value)


def test_not_a_request():
    with pytest.raises(PlanError) as info:
        make_plan({"problem": "general"}, FIXTURE)
    assert info.value.field == "request"


# --- the real catalogue --------------------------------------------------------------------

@pytest.mark.parametrize("problem", PROBLEMS)
@pytest.mark.parametrize("minutes", [5, 10, 30, 60])
@pytest.mark.parametrize("level", LEVELS)
def test_every_problem_gets_a_plan_with_all_positions(problem, minutes, level):
    request = PlanRequest(problem=problem, minutes=minutes, level=level, weeks=12)
    check_plan(make_plan(request), request, CATALOGUE)


def test_stenosis_never_gets_extension_exercises():
    avoided = {item.id for item in CATALOGUE if "spinal-stenosis" in item.avoid}
    assert avoided
    for minutes in (5, 20, 60):
        plan = make_plan(PlanRequest(problem="spinal-stenosis", minutes=minutes, level="advanced", weeks=12))
        assert not avoided & {item.exercise.id for week in plan.weeks for item in week.items}


@st.composite
def requests(draw, any_positions: bool = True):
    sessions = draw(st.integers(1, 7))
    days = draw(st.none() | st.permutations(WEEKDAYS).map(lambda days: tuple(days[:sessions])))
    ids = sorted(item.id for item in CATALOGUE)
    return PlanRequest(
        problem=draw(st.sampled_from(PROBLEMS)), minutes=draw(st.integers(5, 60)), sessions_per_week=sessions,
        level=draw(st.sampled_from(LEVELS)),
        positions=draw(st.frozensets(st.sampled_from(POSITIONS), min_size=1)) if any_positions else ALL_POSITIONS,
        leave_out=draw(st.frozensets(st.sampled_from(ids), max_size=4)) if any_positions else frozenset(),
        weeks=draw(st.integers(1, 12)), days=days)


@PROPERTY_SETTINGS
@given(requests(any_positions=False))
def test_property_every_valid_request_with_all_positions_gets_a_good_plan(request):
    plan = make_plan(request)
    check_plan(plan, request, CATALOGUE)
    assert make_plan(request) == plan                       # determinism


@PROPERTY_SETTINGS
@given(requests())
def test_property_random_choices_give_a_good_plan_or_say_what_to_change(request):
    try:
        plan = make_plan(request)
    except PlanError as error:
        assert error.field in {"positions", "leave_out", "minutes"}
        assert any(word in error.message for word in ("Tick", "Untick", "Choose"))
        return
    check_plan(plan, request, CATALOGUE)
    assert make_plan(request) == plan


@PROPERTY_SETTINGS
@given(requests(any_positions=False))
def test_property_fixture_catalogue(request):
    request = replace(request, leave_out=frozenset())
    try:
        plan = make_plan(request, FIXTURE)
    except PlanError as error:                               # the small fixture cannot fill every hour
        assert error.field == "minutes" and "Choose at most about" in error.message
        return
    check_plan(plan, request, FIXTURE)


# --- the figure ----------------------------------------------------------------------------

def test_weeks_figure_shows_work_and_rest_adding_up_to_the_session():
    plan = make_plan(PlanRequest(problem="sciatica", minutes=20, weeks=6))
    fig = weeks_figure(plan)
    work, rest, labels = fig.data
    assert (work.meta, rest.meta, labels.meta) == ("work", "rest", "rest-label")
    assert list(work.x) == [f"Week {n}" for n in range(1, 7)]
    for w, r, week in zip(work.y, rest.y, plan.weeks, strict=True):
        assert abs(w + r - week.total_seconds / 60) < 0.11
    assert list(work.y) == sorted(work.y)                   # more holding and moving as the weeks go on
    assert rest.marker.pattern.shape == "/"                 # not colour alone
    assert list(labels.text[:3]) == ["rest 2×", "rest 2×", "rest 1.75×"]
    assert fig.layout.shapes[0].y0 == 20 and "Your session: 20 min" in fig.layout.annotations[0].text


# --- HTML pieces ---------------------------------------------------------------------------

def test_cards_have_pictures_with_alt_text_and_escape_names():
    plan = make_plan(PlanRequest(problem="general", minutes=10, weeks=2))
    html = plan_cards_html(plan, 1)
    for item in plan.week(1).items:
        assert f'data-exercise="{item.exercise.id}"' in html
        assert f'alt="{escape(item.exercise.alt)}"' in html
    assert html.count('<img src="data:image/svg+xml;base64,') == len(plan.week(1).items)
    assert "http" not in html.replace("xmlns", "")
    fixture_html = item_card_html(plan_for(problem="general", minutes=5).week(1).items[0], 1)
    assert "&lt;b&gt;" in fixture_html and "<b>" not in fixture_html   # escaped name; no picture: alt text shown
    assert "<em>Picture: A person doing" in fixture_html


def test_notes_and_schedule_html():
    plan = make_plan(PlanRequest(problem="spinal-stenosis", minutes=15, weeks=4))
    notes = notes_html(plan)
    assert 'role="note"' in notes and "Safety first" in notes and "Left out of your plan" in notes
    table = schedule_html(plan)
    assert table.count("<tr>") == 5 and "Week 4" in table and "Monday, Wednesday, Friday" in table


# --- the widget, driven from Python --------------------------------------------------------

def test_widget_makes_a_plan_from_its_controls():
    planner = StretchPlanner()
    assert "Make my plan" in planner.status.value and planner.export_buttons["csv"].disabled
    planner.problem.value = "sciatica"
    planner.minutes.value = 15
    planner.sessions.value = 2
    planner.weeks.value = 6
    planner.level.value = "intermediate"
    planner.positions["standing"].value = False
    first_id = next(iter(planner.leave_out))
    planner.leave_out[first_id].value = True
    planner.make_button.click()
    plan = planner.plan
    assert plan is not None and plan.request.problem == "sciatica" and plan.request.minutes == 15
    assert plan.request.positions == ALL_POSITIONS - {"standing"} and first_id in plan.request.leave_out
    assert plan.days == ("Monday", "Thursday")
    assert "Plan made" in planner.status.value
    assert "Safety first" in planner.notes.value and "Stop the exercises" in planner.notes.value
    assert "data:image/svg+xml;base64," in planner.cards.value and "Week 1: your session" in planner.cards.value
    assert PLOTLY in planner.chart.outputs[0]["data"]
    assert "Week 6" in planner.schedule.value
    assert not planner.export_buttons["ics"].disabled
    assert planner.week_picker.max == 6 and not planner.week_picker.disabled
    planner.week_picker.value = 5
    assert "Week 5: your session" in planner.cards.value
    assert planner.play.max == plan.week(5).total_seconds


def test_widget_follow_along_counts_down():
    planner = StretchPlanner()
    planner.minutes.value = 5
    planner.make_button.click()
    steps = planner.steps
    assert sum(step.seconds for step in steps) == planner.play.max
    planner.play.value = 3
    assert f"{steps[0].seconds - 3}</strong> s left" in planner.countdown.value
    assert "step 1 of" in planner.now.value
    planner.clock.value = steps[1].start
    assert "step 2 of" in planner.now.value
    planner.play.value = planner.play.max
    assert "Finished" in planner.now.value


@pytest.mark.parametrize("setup, words", [
    (lambda w: setattr(w.minutes, "value", 4), "Minutes per session: 4 minutes a session is too few"),
    (lambda w: setattr(w.minutes, "value", 61), "is too many"),
    (lambda w: setattr(w.sessions, "value", 0), "Sessions per week"),
    (lambda w: setattr(w.weeks, "value", 13), "Weeks of plan"),
    (lambda w: [setattr(box, "value", False) for box in w.positions.values()], "no position is ticked"),
    (lambda w: [setattr(box, "value", True) for box in w.leave_out.values()], "Untick some"),
    (lambda w: setattr(w.days["Monday"], "value", True), "1 day is ticked but you asked for 3 sessions"),
])
def test_widget_shows_what_to_change_never_a_traceback(setup, words):
    planner = StretchPlanner()
    planner.make_button.click()
    assert planner.plan is not None
    setup(planner)
    planner.make_button.click()
    assert planner.plan is None
    assert 'role="status"' in planner.status.value and words in planner.status.value
    assert "No plan yet: please change one thing." in planner.status.value
    assert planner.cards.value == "" and planner.chart.outputs == () and planner.export_buttons["html"].disabled


def test_widget_chosen_days_and_keyboard_friendly_controls():
    import ipywidgets as widgets

    planner = StretchPlanner()
    for day in ("Tuesday", "Thursday", "Saturday"):
        planner.days[day].value = True
    planner.make_button.click()
    assert planner.plan.days == ("Tuesday", "Thursday", "Saturday")
    assert isinstance(planner.problem, widgets.RadioButtons) and isinstance(planner.level, widgets.ToggleButtons)
    assert all(isinstance(box, widgets.Checkbox) for box in (*planner.positions.values(), *planner.leave_out.values()))
    assert not any(isinstance(child, (widgets.Dropdown, widgets.SelectMultiple)) for child in planner.children)
    assert planner._repr_mimebundle_()["text/plain"] == planner.plain_text


def test_widget_calendar_picker_offers_only_the_days_the_export_accepts():
    from lessons.topics.planner.export import CALENDAR_FIRST, CALENDAR_LAST

    planner = StretchPlanner()
    assert (planner.start_date.min, planner.start_date.max) == (CALENDAR_FIRST, CALENDAR_LAST)
    assert str(CALENDAR_LAST.year) in planner.start_date.tooltip


def test_widget_with_a_fixture_catalogue():
    planner = StretchPlanner(catalogue=FIXTURE)
    assert set(planner.leave_out) == {item.id for item in FIXTURE}
    planner.make_button.click()
    assert planner.plan is not None and "<em>Picture:" in planner.cards.value


# ---- the lesson's safety rules hold for every plan the real catalogue can make ----------------------

def _position_sets():
    from itertools import combinations
    return [frozenset(chosen) for size in range(1, len(POSITIONS) + 1) for chosen in combinations(POSITIONS, size)]


def _every_plan():
    """Every plan the shipped catalogue makes for each problem, level and set of positions (20 minutes)."""
    for problem in PROBLEMS:
        for level in LEVELS:
            for positions in _position_sets():
                try:
                    yield make_plan(PlanRequest(problem=problem, minutes=20, level=level, positions=positions,
                                                weeks=4))
                except PlanError:
                    continue


def test_no_plan_breaks_a_rule_the_lesson_states():
    from lessons.topics.planner.catalogue import safety_texts

    texts = safety_texts()
    made = 0
    for plan in _every_plan():
        made += 1
        problem = plan.request.problem
        used = {item.exercise.id: item.exercise for week in plan.weeks for item in week.items}
        kinds = [note.kind for note in plan.notes]
        if problem == "spinal-stenosis":
            # Lesson 12: nothing that bends the back backwards, nothing done lying on your front.
            assert not [ex.id for ex in used.values() if ex.spine == "extension" or ex.prone], plan.request
        # Every exercise that tests balance carries the cue, in the plan, its steps and every export.
        for ex in used.values():
            if ex.balance == "high":
                assert ex.cue == texts.balance_cue
        # A plan with forward bending carries the thin-bones caution, and only then.
        assert ("thin-bones" in kinds) == any(ex.spine == "flexion" for ex in used.values()), plan.request
        # Every plan says when to stop and names the warning signs.
        assert kinds[:2] == ["stop", "red-flags"]
    assert made > 100            # the loop really made plans (7 problems x 3 levels x 15 position sets)


def test_the_balance_cue_is_on_every_export_and_follow_along_step():
    from lessons.topics.planner.export import html_sheet, markdown_sheet

    plan = make_plan(PlanRequest(problem="general", minutes=30, level="intermediate",
                                 positions=frozenset({"standing"})))
    balance = [item.exercise for item in plan.weeks[0].items if item.exercise.cue]
    assert balance, "a standing intermediate plan should include a one-leg stand or a lunge"
    cue = balance[0].cue
    assert cue in markdown_sheet(plan) and cue in html_sheet(plan)
    steps = [step for step in follow_along(plan.weeks[0])
             if step.exercise_id == balance[0].id and step.action != "rest"]
    assert steps and all(step.label.endswith(cue) for step in steps)


def test_stenosis_leaves_out_front_lying_tummy_tightening_and_says_why():
    plan = make_plan(PlanRequest(problem="spinal-stenosis", minutes=20))
    reasons = dict(plan.left_out)
    assert reasons["stomach-tone"] == "not advised for spinal stenosis"
    assert reasons["deep-lunge"] == "not advised for spinal stenosis"
    note = next(note for note in plan.notes if note.kind == "left-out")
    assert "lying on your front" in note.text and "Tummy tightening, lying on your front" in note.text
