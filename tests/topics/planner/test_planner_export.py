"""Lesson 12 (stretching planner): the printable sheets, CSV, iCalendar and safe file writing."""

from __future__ import annotations

import csv
import io
import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from lessons.kit import files
from lessons.records.store import ProgressStore
from lessons.topics.planner.export import (
    CSV_COLUMNS,
    ExportError,
    csv_text,
    event_uid,
    export_plan,
    file_stem,
    free_path,
    html_sheet,
    ical_bytes,
    image_data_uri,
    markdown_sheet,
    md_escape,
    next_monday,
    session_dates,
    write_new_file,
)
from lessons.topics.planner.plan import WEEKDAYS, PlanRequest, make_plan
from lessons.topics.planner.widgets import StretchPlanner
from tests.conftest import FIXTURE

START = date(2026, 1, 5)          # a Monday


@pytest.fixture(scope="module")
def plan():
    return make_plan(PlanRequest(problem="sciatica", minutes=20, sessions_per_week=3, weeks=4))


@pytest.fixture(scope="module")
def fixture_plan():
    return make_plan(PlanRequest(problem="general", minutes=10, weeks=2), FIXTURE)


# --- names and writing -----------------------------------------------------------------------

def test_file_names(plan):
    assert file_stem(plan) == "stretching-plan-sciatica-20min"


def test_free_path_never_reuses_a_name(tmp_path):
    assert free_path(tmp_path, "plan", "csv") == tmp_path / "plan.csv"
    (tmp_path / "plan.csv").write_text("old")
    assert free_path(tmp_path, "plan", "csv") == tmp_path / "plan-2.csv"
    (tmp_path / "plan-2.csv").write_text("old")
    assert free_path(tmp_path, "plan", "csv") == tmp_path / "plan-3.csv"


def test_exports_never_overwrite_an_earlier_plan(plan, tmp_path):
    first = export_plan(plan, "csv", tmp_path)
    (tmp_path / "note.txt").write_text("mine")
    second = export_plan(plan, "csv", tmp_path)
    third = export_plan(plan, "csv", tmp_path)
    assert [p.name for p in (first, second, third)] == [
        "stretching-plan-sciatica-20min.csv", "stretching-plan-sciatica-20min-2.csv",
        "stretching-plan-sciatica-20min-3.csv"]
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8") == csv_text(plan)
    first.write_text("edited by the learner")
    export_plan(plan, "csv", tmp_path)
    assert first.read_text() == "edited by the learner"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []   # no temporary files left


def test_write_is_atomic_and_cleans_up_on_failure(tmp_path, monkeypatch):
    calls = []
    real_link = os.link

    def spy(src, dst):
        calls.append((Path(src).name, Path(dst).name))
        assert Path(src).read_bytes() == b"data"           # the whole file is written before it gets its name
        assert not Path(dst).exists()                      # and the final name was never claimed empty
        real_link(src, dst)

    monkeypatch.setattr(files.os, "link", spy)
    path = write_new_file(tmp_path, "plan", "md", b"data")
    assert path.read_bytes() == b"data" and len(calls) == 1
    assert calls[0][0].startswith(".plan-") and calls[0][0].endswith(".tmp") and calls[0][1] == "plan.md"

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "link", broken)
    with pytest.raises(OSError, match="No space"):
        write_new_file(tmp_path, "plan", "md", b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]   # no half file, no claimed name
    assert path.read_bytes() == b"data"


def test_write_works_where_python_has_no_hard_links(tmp_path, monkeypatch):
    """The live edition's Python (Pyodide) has no ``os.link``: the name is claimed, then the file moved onto it."""
    monkeypatch.delattr(files.os, "link")
    first = write_new_file(tmp_path, "plan", "md", b"data")
    second = write_new_file(tmp_path, "plan", "md", b"more")
    assert (first.name, first.read_bytes()) == ("plan.md", b"data")
    assert second.name != first.name and second.read_bytes() == b"more"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_default_folder_is_exports_under_the_working_directory(plan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = export_plan(plan, "md", start=START)
    assert path == tmp_path / "exports" / "stretching-plan-sciatica-20min.md"


def test_unknown_format(plan, tmp_path):
    with pytest.raises(ExportError, match="Unknown format 'pdf'"):
        export_plan(plan, "pdf", tmp_path)


def test_next_monday():
    assert next_monday(date(2026, 1, 1)) == date(2026, 1, 5)      # a Thursday
    assert next_monday(date(2026, 1, 5)) == date(2026, 1, 12)     # a Monday: the next one


# --- Markdown and HTML -----------------------------------------------------------------------

def test_markdown_sheet(plan):
    text = markdown_sheet(plan)
    assert text.startswith("# Stretching plan: sciatica, 20 minutes\n")
    assert "## Safety first" in text and "Stop the exercises. " in text
    assert "### Gentle start (warm-up)" in text and "### Main part" in text and "### Easy finish (cool-down)" in text
    assert "| Exercise | Wk 1 | Wk 2 | Wk 3 | Wk 4 |" in text and "| *Rest between holds and sets* |" in text
    assert "## How to do each exercise" in text and "**Stop if:**" in text and "## Sources" in text
    for item in plan.week(1).items:
        assert md_escape(item.exercise.name) in text
    short = markdown_sheet(plan, details=False)
    assert "## How to do each exercise" not in short and "- **Week 4:**" in short
    assert markdown_sheet(plan) == text                      # deterministic


def test_markdown_escapes_names():
    assert md_escape("A *bold* [link](x) | pipe <b>") == "A \\*bold\\* \\[link\\](x) \\| pipe \\<b\\>"


def test_html_sheet_is_printable_offline_and_escapes_names(plan, fixture_plan):
    html = html_sheet(plan)
    assert html.startswith("<!DOCTYPE html>") and "@media print" in html
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert html.count('<img src="data:image/svg+xml;base64,') == len(plan.week(1).items)
    assert "Safety first" in html and "<table>" in html and "Week 4" in html
    fixture_html = html_sheet(fixture_plan)
    assert "&lt;b&gt;" in fixture_html and "<b>" not in fixture_html
    assert "<em>Picture: A person doing" in fixture_html         # a missing picture: its alt text


def test_image_data_uri_only_reads_inside_the_repository():
    assert image_data_uri("pictures/stretches/knee-rolls.svg").startswith("data:image/svg+xml;base64,")
    assert image_data_uri("pictures/stretches/no-such.svg") is None
    assert image_data_uri("../../etc/passwd") is None


# --- CSV -------------------------------------------------------------------------------------

def test_csv_header_and_rows(plan):
    rows = list(csv.DictReader(io.StringIO(csv_text(plan))))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert len(rows) == sum(len(week.items) for week in plan.weeks)
    for week in plan.weeks:
        mine = [row for row in rows if row["week"] == str(week.number)]
        assert sum(int(row["item_seconds"]) for row in mine) == week.total_seconds
        assert [row["exercise_id"] for row in mine] == [item.exercise.id for item in week.items]
        assert all(row["days"] == "Monday Wednesday Friday" for row in mine)
    first = rows[0]
    item = plan.week(1).items[0]
    assert (first["phase"], first["sets"], first["dose"]) == (item.phase, str(item.sets), item.dose)


def test_csv_quotes_awkward_names(fixture_plan):
    rows = list(csv.reader(io.StringIO(csv_text(fixture_plan))))
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)


# --- iCalendar -------------------------------------------------------------------------------

def test_session_dates_fall_on_the_chosen_days_week_by_week(plan):
    dates = session_dates(plan, START)
    assert len(dates) == 3 * 4
    assert [WEEKDAYS[d.weekday()] for _, d in dates[:3]] == ["Monday", "Wednesday", "Friday"]
    assert dates[-1] == (4, date(2026, 1, 30))
    thursday = session_dates(plan, date(2026, 1, 8))            # starting on a Thursday
    assert thursday[:3] == [(1, date(2026, 1, 9)), (1, date(2026, 1, 12)), (1, date(2026, 1, 14))]
    assert all(d >= START for _, d in dates)
    with pytest.raises(ExportError):
        session_dates(plan, "2026-01-05")


@pytest.mark.parametrize("sessions, weeks, days", [(3, 4, None), (1, 1, None), (7, 12, None),
                                                  (2, 5, ("Tuesday", "Saturday"))])
def test_ical_parses_back_with_one_event_per_session(sessions, weeks, days):
    plan = make_plan(PlanRequest(problem="general", minutes=15, sessions_per_week=sessions, weeks=weeks, days=days))
    data = ical_bytes(plan, START)
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == sessions * weeks
    expected_days = set(days or plan.days)
    uids = set()
    for event in events:
        start = event.decoded("dtstart")
        assert WEEKDAYS[start.weekday()] in expected_days
        assert start.time() == time(18, 0) and start.tzinfo is None          # floating local time
        assert event.decoded("dtend") - start == timedelta(minutes=15)
        assert event.decoded("dtstamp") == datetime(2026, 1, 5, tzinfo=UTC)
        assert "Stretching routine, week" in str(event["summary"])
        assert "Stop the exercises" in str(event["description"])
        uids.add(str(event["uid"]))
    assert len(uids) == len(events)
    assert ical_bytes(plan, START) == data                   # deterministic: no clock


def test_ical_uids_change_with_the_plan(plan):
    other = make_plan(PlanRequest(problem="sciatica", minutes=21, weeks=4))
    assert event_uid(plan, 0) == event_uid(plan, 0) != event_uid(plan, 1)
    assert event_uid(plan, 0) != event_uid(other, 0)
    assert event_uid(plan, 0).endswith("@stretching-planner.backpain-course")


def test_ical_weeks_carry_that_weeks_session(plan):
    events = list(Calendar.from_ical(ical_bytes(plan, START, at=time(7, 30))).walk("VEVENT"))
    week3 = [e for e in events if "week 3" in str(e["summary"])]
    assert len(week3) == 3 and week3[0].decoded("dtstart") == datetime(2026, 1, 19, 7, 30)
    assert plan.changes(3)[0] in str(week3[0]["description"])


# --- export from the widget --------------------------------------------------------------------

def test_widget_export_buttons_write_files_and_say_where(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    planner = StretchPlanner()
    planner.export_buttons["csv"].click()
    assert not list(tmp_path.iterdir())                        # nothing before a plan exists
    planner.minutes.value = 10
    planner.make_button.click()
    planner.start_date.value = START
    for fmt, button in planner.export_buttons.items():
        button.click()
        assert f"Saved exports/stretching-plan-general-10min.{fmt}" in planner.saved.value
    planner.export_buttons["ics"].click()
    assert "Saved exports/stretching-plan-general-10min-2.ics" in planner.saved.value
    assert "Monday 05 January 2026" in planner.saved.value
    names = sorted(p.name for p in (tmp_path / "exports").iterdir())
    assert names == ["stretching-plan-general-10min-2.ics", "stretching-plan-general-10min.csv",
                     "stretching-plan-general-10min.html", "stretching-plan-general-10min.ics",
                     "stretching-plan-general-10min.md"]
    events = list(Calendar.from_ical((tmp_path / "exports" / names[3]).read_bytes()).walk("VEVENT"))
    assert len(events) == 3 * 4 and events[0].decoded("dtstart").date() == START


def test_widget_export_failure_is_a_message(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    planner = StretchPlanner(export_folder=blocker)
    planner.make_button.click()
    assert planner.export(fmt="md") is None
    assert "Could not save the file." in planner.saved.value and 'role="status"' in planner.saved.value


def test_widget_export_keeps_the_plan_in_the_progress_store(tmp_path):
    store = ProgressStore(tmp_path / "progress.sqlite3")
    planner = StretchPlanner(export_folder=tmp_path / "exports", store=store)
    planner.minutes.value = 10
    planner.make_button.click()
    assert store.plans() == []                              # making a plan is not saving it
    planner.export_buttons["md"].click()
    planner.export_buttons["csv"].click()
    (saved,) = store.plans()                                # the same plan twice is kept once
    assert saved.name == "stretching-plan-general-10min"
    assert saved.plan["minutes"] == 10 and saved.plan["days"] == ["Monday", "Wednesday", "Friday"]
    assert saved.plan["positions"] == sorted(planner.plan.request.positions)
    planner.minutes.value = 15
    planner.make_button.click()
    planner.export_buttons["ics"].click()
    assert [p.name for p in store.plans()] == ["stretching-plan-general-10min", "stretching-plan-general-15min"]


class BrokenStore:
    def save_plan(self, name, plan):
        raise OSError("disk full")


def test_widget_export_with_a_failing_store_still_saves_the_file(tmp_path):
    planner = StretchPlanner(export_folder=tmp_path, store=BrokenStore())
    planner.make_button.click()
    path = planner.export("md")
    assert path is not None and path.exists()
    assert "Saved " in planner.saved.value and "could not be kept with your progress: disk full" in planner.saved.value
