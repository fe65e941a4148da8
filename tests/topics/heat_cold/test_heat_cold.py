"""Lesson 13 (hot and cold therapy): published data, the session builder, figures and the widget."""

from __future__ import annotations

import math

import pytest

from lessons.kit.tables import load_table
from lessons.topics.heat_cold.figures import (
    COLD_TEXT,
    EVIDENCE_TABLE,
    benefit,
    evidence_figure,
    evidence_rows,
    session_timeline_figure,
)
from lessons.topics.heat_cold.model import (
    AREAS,
    COLD,
    CONCERNS,
    HEAT,
    LIMITS,
    InvalidSessionInput,
    SessionError,
    UnsafeSession,
    parse_minutes,
    plan_session,
)
from lessons.topics.heat_cold.widgets import NOT_ADVICE, SessionBuilder, session_card
from tests.conftest import shown_figure

# --- the published numbers -------------------------------------------------------------------

def test_table_matches_the_cochrane_abstract():
    # French et al., Cochrane Database Syst Rev 2006;(1):CD004750, abstract (main results).
    table = load_table(EVIDENCE_TABLE)
    rows = {row["comparison"]: row for row in table.rows}
    wrap, blanket = rows["heat_wrap_vs_oral_placebo"], rows["heated_blanket"]
    assert (wrap["trials"], wrap["participants"]) == (2, 258)
    assert (wrap["difference"], wrap["lower"], wrap["upper"]) == (1.06, 0.68, 1.45)
    assert (wrap["scale_min"], wrap["scale_max"], wrap["better"]) == (0, 5, "higher")
    assert wrap["timing"] == "after 5 days"
    assert (blanket["trials"], blanket["participants"]) == (1, 90)
    assert (blanket["difference"], blanket["lower"], blanket["upper"]) == (-32.20, -38.69, -25.71)
    assert (blanket["scale_min"], blanket["scale_max"], blanket["better"]) == (0, 100, "lower")
    assert table.source == "french-2006-heat-cold-cochrane" and "CD004750" in table.citation


# --- the session builder: a good session -----------------------------------------------------

def test_good_heat_session():
    session = plan_session("heat", "lower back", 12)
    assert session.kind == HEAT and session.area == "lower back"
    assert session.timer_minutes == session.minutes == 12
    assert session.limit == 15 and session.advised == (10, 15)
    assert session.title == "Heat on the lower back for 12 minutes"
    assert any("towel" in step for step in session.steps)
    assert any("not boiling" in step for step in session.steps)
    assert any("12 minutes" in step for step in session.steps)
    assert any("awake" in step for step in session.steps)
    assert "three times a day" in session.repeat
    assert len(session.checks) == 3 and session.checks[0].startswith("Before")
    assert "mpft-safe-use-heat" in session.sources


def test_good_cold_session_allows_up_to_twenty_minutes():
    session = plan_session("cold", "back of thigh", "20")
    assert session.minutes == 20 and session.limit == 20
    assert any("damp towel" in step and "never" in step for step in session.steps)
    assert "2 to 3 hours" in session.repeat
    assert "numb" in session.area_note          # leg areas carry the numbness note
    assert "more than the 10 to 15 minutes" in session.advice
    assert "mpft-safe-use-cold" in session.sources


@pytest.mark.parametrize("minutes, expected", [(1, 1), ("15", 15), (" 7 ", 7), ("+9", 9), (10.0, 10), ("12.0", 12)])
def test_whole_minutes_in_range_are_accepted(minutes, expected):
    assert plan_session(HEAT, "buttock", minutes).minutes == expected


def test_input_is_normalised_and_short_sessions_are_explained():
    session = plan_session(" Cold ", "CALF", 5)
    assert (session.kind, session.area) == (COLD, "calf")
    assert "shorter session is fine" in session.advice


def test_limits_are_the_cited_ones():
    assert LIMITS[HEAT].maximum == 15 and LIMITS[COLD].maximum == 20
    assert LIMITS[HEAT].advised == LIMITS[COLD].advised == (10, 15)


# --- the session builder: every refusal -------------------------------------------------------

@pytest.mark.parametrize("kind", ["warm", "", None, 3, "ice"])
def test_unknown_kind_is_refused(kind):
    with pytest.raises(InvalidSessionInput, match="Type:") as info:
        plan_session(kind, "lower back", 10)
    assert info.value.field == "kind" and "heat" in str(info.value)


@pytest.mark.parametrize("area", ["neck", "", None, 5, "foot"])
def test_unknown_area_is_refused(area):
    with pytest.raises(InvalidSessionInput, match="Body area:") as info:
        plan_session(HEAT, area, 10)
    assert info.value.field == "area" and "lower back" in str(info.value)


@pytest.mark.parametrize("minutes, words", [
    (0, "0 minutes is not a session"),
    ("0", "0 minutes is not a session"),
    (-5, "negative"),
    ("-1", "negative"),
    (16, "longer than the 15-minute limit for heat"),
    (10**9, "longer than the 15-minute limit"),
    ("abc", "is not a number"),
    ("15 min", "is not a number"),          # wrong units
    ("0.25h", "is not a number"),
    ("12.5", "is not a whole number"),
    (12.5, "is not a whole number"),
    (math.nan, "is not a whole number"),
    (math.inf, "is not a whole number"),
    ("inf", "is not a whole number"),
    ("", "nothing was typed"),
    ("   ", "nothing was typed"),
    (None, "nothing was typed"),
    (True, "is not a number"),
    ([10], "is not a number"),
])
def test_bad_minutes_are_refused_with_the_allowed_range(minutes, words):
    with pytest.raises(InvalidSessionInput) as info:
        plan_session(HEAT, "lower back", minutes)
    message = str(info.value)
    assert info.value.field == "minutes" and message.startswith("Minutes:")
    assert words in message and "from 1 to 15" in message


def test_cold_over_twenty_minutes_is_refused_with_the_source_words():
    with pytest.raises(InvalidSessionInput, match="never for longer than 20 minutes"):
        plan_session(COLD, "lower back", 21)


def test_errors_are_value_errors():
    assert issubclass(SessionError, ValueError)
    assert issubclass(InvalidSessionInput, SessionError) and issubclass(UnsafeSession, SessionError)
    with pytest.raises(ValueError):
        parse_minutes("x", HEAT)


@pytest.mark.parametrize("concern", [concern.id for concern in CONCERNS])
def test_every_safety_tick_refuses_with_its_reason(concern):
    for kind in (HEAT, COLD):
        with pytest.raises(UnsafeSession) as info:
            plan_session(kind, "lower back", 10, [concern])
        reason = next(c.reason for c in CONCERNS if c.id == concern)
        assert info.value.field == "safety questions"
        assert info.value.reasons == (reason,)
        assert reason in str(info.value) and "Talk to a doctor" in str(info.value)


def test_numb_and_broken_skin_refuse_even_with_good_minutes():
    with pytest.raises(UnsafeSession, match="numb"):
        plan_session(HEAT, "back of thigh", 10, ["numb"])
    with pytest.raises(UnsafeSession, match="broken"):
        plan_session(COLD, "calf", 10, ["skin"])


def test_several_ticks_list_every_reason_in_order():
    with pytest.raises(UnsafeSession) as info:
        plan_session(HEAT, "buttock", 10, ["asleep", "numb"])
    assert len(info.value.reasons) == 2 and "numb" in info.value.reasons[0]


def test_safety_ticks_come_before_minutes():
    with pytest.raises(UnsafeSession):
        plan_session(HEAT, "buttock", "abc", ["numb"])


@pytest.mark.parametrize("concerns", [["unknown"], "numb", 5, [None]])
def test_malformed_safety_answers_are_refused(concerns):
    with pytest.raises(InvalidSessionInput, match="Safety questions"):
        plan_session(HEAT, "lower back", 10, concerns)


def test_no_ticks_is_fine():
    assert plan_session(HEAT, "lower back", 10, None).minutes == 10
    assert plan_session(HEAT, "lower back", 10, []).minutes == 10


# --- figures ----------------------------------------------------------------------------------

def test_evidence_figure_plots_only_the_published_numbers():
    fig = evidence_figure()
    rows = {row["comparison"]: row for row in evidence_rows()}
    assert len(fig.data) == 2
    for trace in fig.data:
        row = rows[trace.meta]
        estimate, low, high = benefit(row)
        assert list(trace.x) == [estimate]
        assert trace.error_x.array[0] == pytest.approx(high - estimate)
        assert trace.error_x.arrayminus[0] == pytest.approx(estimate - low)
        assert "95% CI" in trace.text[0]               # the number is written, not shown by colour
    assert benefit(rows["heated_blanket"]) == (32.20, 25.71, 38.69)
    assert benefit(rows["heat_wrap_vs_oral_placebo"]) == (1.06, 0.68, 1.45)
    texts = " ".join(a.text for a in fig.layout.annotations)
    assert "258 people" in texts and "90 people" in texts and COLD_TEXT.split(".")[0] in texts


def test_evidence_axes_show_each_full_scale():
    fig = evidence_figure()
    assert fig.layout.xaxis.range[1] >= 5 and fig.layout.xaxis2.range[1] >= 100


@pytest.mark.parametrize("kind, minutes", [(HEAT, 15), (COLD, 12), (COLD, 20)])
def test_session_timeline_figure(kind, minutes):
    session = plan_session(kind, "lower back", minutes)
    fig = session_timeline_figure(session)
    bar, checks = fig.data
    assert list(bar.x) == [minutes] and bar.marker.pattern.shape in ("/", ".")
    assert list(checks.x) == [0, minutes]
    texts = " ".join(a.text for a in fig.layout.annotations)
    assert f"limit: {LIMITS[kind].maximum} min" in texts and "suggested: 10 to 15 min" in texts
    assert session.repeat in texts and str(minutes) in fig.layout.title.text


# --- the widget, driven from Python -----------------------------------------------------------

def test_widget_builds_a_session_and_shows_the_timeline():
    builder = SessionBuilder()
    assert "Choose heat or cold" in builder.card.value and builder.figure.outputs == ()
    builder.kind_picker.value = COLD
    builder.area_picker.value = "buttock"
    builder.minutes_box.value = "12"
    builder.build_button.click()
    assert "Cold on the buttock for 12 minutes" in builder.card.value
    assert "Timer: 12 minutes" in builder.card.value and "damp towel" in builder.card.value
    assert shown_figure(builder.figure)["data"][0]["x"] == [12]


@pytest.mark.parametrize("minutes, words", [("0", "not a session"), ("-3", "negative"), ("99", "limit"),
                                            ("ten", "not a number"), ("", "nothing was typed")])
def test_widget_shows_bad_minutes_in_the_card(minutes, words):
    builder = SessionBuilder()
    builder.minutes_box.value = minutes
    builder.build_button.click()                      # never raises
    assert words in builder.card.value and "fix one thing" in builder.card.value
    assert builder.figure.outputs == ()


def test_widget_refuses_a_ticked_safety_question_and_clears_the_figure():
    builder = SessionBuilder()
    builder.minutes_box.value = "10"
    builder.build_button.click()
    assert builder.figure.outputs != ()
    builder.boxes["numb"].value = True
    builder.boxes["infection"].value = True
    builder.build_button.click()
    assert "not safe to go ahead" in builder.card.value and 'role="alert"' in builder.card.value
    assert "numb" in builder.card.value and "fever" in builder.card.value
    assert builder.figure.outputs == ()
    assert builder.ticked() == ["numb", "infection"]


def test_widget_area_note_follows_the_choice():
    builder = SessionBuilder()
    assert "mirror" in builder.area_note.value
    builder.area_picker.value = "calf"
    assert "numb" in builder.area_note.value
    assert [option[1] for option in builder.area_picker.options] == [area.id for area in AREAS]


def test_widget_plain_text_is_a_sentence():
    bundle = SessionBuilder()._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Heat and cold session builder")


def test_session_card_lists_the_steps_and_says_not_advice():  # escaping: tests/course/test_every_lesson.py
    good = session_card(plan_session(HEAT, "lower back", 10))
    assert NOT_ADVICE.split(":")[0] in good and "<ol>" in good
