"""Lesson 17 (red-flag checker): the data, the check() rule for every flag, the figure and the widget."""

from __future__ import annotations

import pytest

from lessons.kit import data, triage
from lessons.kit.references import bibliography
from lessons.kit.tables import load_table, source_note
from lessons.topics.red_flags.figures import TABLE, red_flag_share_figure
from lessons.topics.red_flags.model import (
    UnknownFlagError,
    check,
    flag,
    flags,
    levels,
)
from lessons.topics.red_flags.widgets import RedFlagChecker, verdict_html
from tests.conftest import broken_copy

EMERGENCY = [item.id for item in flags() if item.group == "emergency"]
URGENT = [item.id for item in flags() if item.group == "urgent"]
SOON = [item.id for item in flags() if item.group == "soon"]
ALL_IDS = [item.id for item in flags()]


# --- the data ---------------------------------------------------------------------------------

def test_the_checker_asks_every_sign_of_the_triage_file_once_at_its_level():
    assert [(item.id, item.group, item.sign) for item in flags()] == [
        (sign.id, sign.level, sign.text) for sign in triage.signs()]
    assert len(ALL_IDS) == len(set(ALL_IDS))


def test_issue_signs_are_covered():
    assert {"saddle-numbness", "bladder-bowel", "both-legs", "worsening-weakness", "serious-injury",
            "aortic-aneurysm"} <= set(EMERGENCY)
    assert {"fever", "cancer-history", "injury", "weight-loss", "steroids", "infection-risk", "over-70",
            "belly-pulsing"} <= set(URGENT)
    assert {"calf-claudication", "worse-over-time"} <= set(SOON)
    assert set(ALL_IDS) == set(EMERGENCY) | set(URGENT) | set(SOON)


def test_questions_are_questions_and_refs_exist():
    refs = bibliography()
    for item in flags():
        assert item.question.endswith("?")
        assert item.refs and all(ref in refs for ref in item.refs)
    assert all(ref in refs for ref in triage.sources())


def _load_broken(tmp_path, change):
    return broken_copy(tmp_path, data.CONTENT_DIR / "red_flags.yml", change)


@pytest.mark.parametrize("change, words", [
    (lambda d: d["signs"][1].update(id=d["signs"][0]["id"]), "duplicate sign id"),
    (lambda d: d["signs"][0].update(refs=["no-such-ref"]), "unknown reference 'no-such-ref'"),
    (lambda d: d.update(sources=["no-such-ref"]), "unknown reference"),
])
def test_loader_names_the_problem(tmp_path, monkeypatch, change, words):
    path = _load_broken(tmp_path, change)
    monkeypatch.setattr(triage, "FILE", str(path))
    for cached in (triage._document, triage._all_signs):
        cached.cache_clear()
    try:
        with pytest.raises(data.ContentError, match=words) as info:
            triage.signs()
        assert "red_flags.yml" in str(info.value)
    finally:
        monkeypatch.undo()
        for cached in (triage._document, triage._all_signs):
            cached.cache_clear()


@pytest.mark.parametrize("change, field", [
    (lambda d: d["signs"][0].update(level="later"), "signs.0.level"),
    (lambda d: d["signs"][0].pop("question"), "signs.0.question"),
    (lambda d: d["levels"].pop("soon"), "levels.soon"),
])
def test_schema_names_the_field(tmp_path, change, field):
    path = _load_broken(tmp_path, change)
    with pytest.raises(data.ContentError, match=field.replace(".", r"\.")):
        data.load(path, "red_flags")


def test_emergency_action_gives_the_numbers_of_the_safety_box():
    heading = triage.level("emergency").heading
    action = levels()["emergency"].action
    for number in ("999", "112", "911"):
        assert number in heading and number in action
    assert "emergency department" in action


# --- check(): every flag on its own --------------------------------------------------------------

@pytest.mark.parametrize("flag_id", EMERGENCY)
def test_every_emergency_flag_alone_gives_emergency(flag_id):
    verdict = check([flag_id])
    assert verdict.level == "emergency"
    assert verdict.headline.startswith("EMERGENCY") and verdict.symbol == "⚠"
    assert "emergency number" in verdict.action and "emergency department" in verdict.action
    assert "now" in verdict.how_fast
    assert verdict.why == triage.level("emergency").why and "cauda equina" in verdict.why
    assert [item.id for item in verdict.ticked] == [flag_id]
    assert flag(flag_id).sign in verdict_html(verdict)


@pytest.mark.parametrize("flag_id", URGENT)
def test_every_urgent_flag_alone_gives_urgent(flag_id):
    verdict = check([flag_id])
    assert verdict.level == "urgent"
    assert verdict.headline == "URGENT: see a doctor today" and verdict.symbol == "‼"
    assert "today" in verdict.action and "same day" in verdict.how_fast
    assert verdict.why == triage.level("urgent").why
    assert [item.id for item in verdict.ticked] == [flag_id]


def test_serious_injury_is_an_emergency_and_a_small_one_with_thin_bones_urgent():
    assert check(["serious-injury"]).level == "emergency"
    verdict = check(["injury"])
    assert verdict.level == "urgent"
    assert len(verdict.notes) == 1 and "emergency department" in verdict.notes[0]
    assert verdict.notes[0] in verdict.message
    assert check(["fever"]).notes == ()


# --- check(): combinations, none, bad input ---------------------------------------------------

@pytest.mark.parametrize("emergency_id", EMERGENCY)
@pytest.mark.parametrize("urgent_id", URGENT)
def test_emergency_beats_urgent(emergency_id, urgent_id):
    verdict = check([urgent_id, emergency_id])
    assert verdict.level == "emergency"
    assert {item.id for item in verdict.ticked} == {emergency_id, urgent_id}


def test_all_flags_and_groups():
    assert check(ALL_IDS).level == "emergency"
    assert check(URGENT).level == "urgent"
    assert check(EMERGENCY).level == "emergency"
    assert [item.id for item in check(list(reversed(ALL_IDS))).ticked] == ALL_IDS  # checker order


def test_duplicates_and_other_iterables_are_fine():
    assert check(["fever", "fever"]).level == "urgent"
    assert check(("both-legs",)).level == "emergency"
    assert check({"weight-loss"}).level == "urgent"
    assert check(item for item in ["night-pain"]).level == "urgent"


@pytest.mark.parametrize("nothing", [[], (), set(), None])
def test_nothing_ticked_is_a_careful_none(nothing):
    verdict = check(nothing)
    assert verdict.level == "none" and verdict.ticked == () and verdict.why == ""
    assert "not a diagnosis" in verdict.action
    assert "worried" in verdict.action and "severe" in verdict.action
    assert "EMERGENCY" not in verdict.message


def test_unknown_id_message_lists_the_known_ids():
    with pytest.raises(UnknownFlagError) as info:
        check(["headache"])
    assert all(flag_id in str(info.value) for flag_id in ALL_IDS)


# --- the published numbers and the figure ------------------------------------------------------

def test_table_matches_the_henschke_abstract():
    # Henschke N et al. Arthritis Rheum 2009;60(10):3072-80, abstract: 1,172 patients, 11 cases (0.9%)
    # of serious pathology, 80.4% had at least 1 red flag.
    table = load_table(TABLE)
    rows = {row["measure"]: row["percent"] for row in table.rows}
    assert rows == {"at_least_one_red_flag": 80.4, "serious_cause": 0.9}
    assert table.source == "henschke-2009-serious-pathology" and "1,172" in table.note
    assert "Henschke" in source_note(TABLE).data


def test_figure_plots_the_table_with_words_and_patterns():
    fig = red_flag_share_figure()
    bar = fig.data[0]
    assert list(bar.x) == [80.4, 0.9]
    assert list(bar.text) == ["80.4%", "0.9%"]
    assert list(bar.y) == ["Had at least one red flag", "Turned out to have a serious cause"]
    assert len(set(bar.marker.pattern.shape)) == 2
    assert fig.layout.xaxis.range == (0, 110)


# --- the verdict box and the widget -----------------------------------------------------------

def test_verdict_html_classes_roles_symbols_and_colours():
    emergency = verdict_html(check(["both-legs"]))
    assert 'class="course-verdict course-verdict-emergency"' in emergency and 'role="alert"' in emergency
    assert "#D55E00" in emergency and "⚠" in emergency and "font-weight:bold" in emergency
    urgent = verdict_html(check(["fever"]))
    assert "course-verdict-urgent" in urgent and 'role="alert"' in urgent and "‼" in urgent
    none = verdict_html(check([]))
    assert "course-verdict-none" in none and 'role="status"' in none and 'role="alert"' not in none
    assert "ℹ" in none and "not a diagnosis" in none


def test_widget_has_one_box_per_flag_grouped_under_one_heading_per_level():
    widget = RedFlagChecker()
    assert "course-red-flag-checker" in widget._dom_classes
    assert list(widget.boxes) == ALL_IDS
    for item in flags():
        box = widget.boxes[item.id]
        assert box.description == item.question and box.indent is False and box.value is False
    headings = [child.value for child in widget.children if getattr(child, "value", None)
                and isinstance(child.value, str) and child.value.startswith("<h4>")]
    assert headings == [f"<h4>Signs that need {triage.level(key).needs}</h4>" for key in triage.LEVELS]
    assert widget.check_button.description == "Check"
    assert "Tick every sentence" in widget.verdict.value


@pytest.mark.parametrize("flag_id", ALL_IDS)
def test_ticking_any_box_updates_the_verdict_at_once(flag_id):
    widget = RedFlagChecker()
    widget.boxes[flag_id].value = True
    level = flag(flag_id).group
    assert f"course-verdict-{level}" in widget.verdict.value
    assert 'role="alert"' in widget.verdict.value


def test_button_and_untick_all():
    widget = RedFlagChecker()
    widget.check_button.click()
    assert "course-verdict-none" in widget.verdict.value
    widget.boxes["fever"].value = True
    assert "course-verdict-urgent" in widget.verdict.value
    widget.boxes["both-legs"].value = True
    assert "course-verdict-emergency" in widget.verdict.value
    widget.boxes["both-legs"].value = False
    assert "course-verdict-urgent" in widget.verdict.value
    widget.check_button.click()
    assert "course-verdict-urgent" in widget.verdict.value
    widget.clear_button.click()
    assert widget.ticked() == [] and "Tick every sentence" in widget.verdict.value


def test_widget_shows_a_message_not_a_traceback(monkeypatch):
    widget = RedFlagChecker()
    monkeypatch.setattr(widget, "ticked", lambda: ["not-a-flag"])
    assert widget.update() is None
    assert "could not read" in widget.verdict.value and "not-a-flag" in widget.verdict.value


def test_widget_plain_text():
    bundle = RedFlagChecker()._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Red-flag checker")
