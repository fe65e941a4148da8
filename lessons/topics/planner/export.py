"""Lesson 12: save a plan as a printable HTML or Markdown sheet, a CSV table or an iCalendar file.

The text of each format comes from a pure function (``markdown_sheet``, ``html_sheet``, ``csv_text``,
``ical_bytes``), so it is tested without touching the disk. ``export_plan`` writes one of them into
an ``exports/`` folder under the current working directory (the notebook's folder when run from
JupyterLab; the course's ``.gitignore`` lists it). Files are named
``stretching-plan-<problem>-<minutes>min.<ext>``; if that name is taken, ``-2``, ``-3`` ... is added,
so an earlier plan is never overwritten. A file is written to a temporary file first and moved
into place with ``os.replace``, so a reader never sees half a file.

The calendar has one event per session (sessions per week x weeks) on the chosen days, from a
start date the caller gives. Nothing depends on the clock: the UIDs are hashes of the plan and the
session's number, and DTSTAMP is midnight (UTC) of the start date, so the same plan and start date
always give the same bytes.

The sheets' sentences (the not-advice line, the week-by-week note) are content:
``lessons/topics/planner/content/plan_sheet.yml``, read by ``lessons.topics.planner.texts.sheet_texts``.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path

from lessons.kit.files import NameTaken, write_atomically
from lessons.kit.inputs import shown
from lessons.kit.widget import escape
from lessons.topics.planner.catalogue import PICTURE_DIR
from lessons.topics.planner.plan import (
    LEVEL_LABELS,
    PHASE_LABELS,
    POSITION_LABELS,
    WEEKDAYS,
    Plan,
    PlanItem,
    WeekPlan,
    duration,
)
from lessons.topics.planner.texts import plan_notes, sheet_texts

EXPORT_FOLDER = "exports"
FORMATS = {"html": "printable sheet (HTML)", "md": "Markdown sheet", "csv": "table (CSV)",
           "ics": "calendar (iCalendar)"}
DEFAULT_TIME = time(18, 0)
CSV_COLUMNS = ("week", "days", "rest_between_sets", "phase", "order", "exercise_id", "exercise", "position",
               "sets", "set_seconds", "rest_seconds", "item_seconds", "dose")


class ExportError(ValueError):
    """An export that cannot be made (unknown format, a start date that is not a date)."""


# --- pictures --------------------------------------------------------------------------------

@cache
def _image_bytes(relative: str) -> bytes | None:
    path = (PICTURE_DIR / relative).resolve()
    if PICTURE_DIR.resolve() not in path.parents or not path.is_file():
        return None
    return path.read_bytes()


def image_data_uri(image: str) -> str | None:
    """The picture (an SVG in the planner's content/, package data) as a data URI, or None if missing."""
    data = _image_bytes(image)
    if data is None:
        return None
    kind = "image/svg+xml" if image.endswith(".svg") else "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


# --- names and writing -----------------------------------------------------------------------

def file_stem(plan: Plan) -> str:
    return f"stretching-plan-{plan.request.problem}-{plan.request.minutes}min"


def free_path(folder: Path, stem: str, ext: str) -> Path:
    """The first name not yet taken: ``stem.ext``, then ``stem-2.ext``, ``stem-3.ext`` ..."""
    candidate, number = folder / f"{stem}.{ext}", 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}-{number}.{ext}"
    return candidate


def write_new_file(folder: Path, stem: str, ext: str, data: bytes) -> Path:
    """Write ``data`` under a name nobody has used, atomically; return the path.

    The bytes go to a temporary file in the same folder, are flushed to disk, and only then get
    the first free name (``write_atomically(..., replace=False)``: a hard link, which never
    overwrites, so two exports at once cannot take the same name). A crash at any moment leaves
    either no file or the whole file under the final name, never an empty or half one.
    """
    folder.mkdir(parents=True, exist_ok=True)
    while True:
        target = free_path(folder, stem, ext)
        try:
            return write_atomically(target, lambda temp: temp.write_bytes(data), replace=False)
        except NameTaken:
            continue


def export_plan(plan: Plan, fmt: str, folder: Path | str | None = None, start: date | None = None) -> Path:
    """Write the plan in one format ("html", "md", "csv" or "ics") into ``folder`` (default: ./exports)."""
    if fmt not in FORMATS:
        raise ExportError(f"Unknown format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    folder = Path.cwd() / EXPORT_FOLDER if folder is None else Path(folder)
    if fmt == "ics":
        data = ical_bytes(plan, start if start is not None else next_monday(date.today()))
    else:
        text = {"html": html_sheet, "md": markdown_sheet, "csv": csv_text}[fmt](plan)
        data = text.encode("utf-8")
    return write_new_file(folder, file_stem(plan), fmt, data)


def next_monday(today: date) -> date:
    """The Monday after ``today`` (a week ahead if today is Monday): a default first day for a calendar."""
    return today + timedelta(days=7 - today.weekday())


# --- shared pieces ---------------------------------------------------------------------------

# The first day of a calendar may be from CALENDAR_FIRST to CALENDAR_LAST: a plan then always ends
# long before the last date Python can hold (a start near the year 9999 used to overflow).
CALENDAR_FIRST, CALENDAR_LAST = date(2000, 1, 1), date(2100, 12, 31)
CALENDAR_RANGE = (f"from {CALENDAR_FIRST.day} {CALENDAR_FIRST:%B} {CALENDAR_FIRST.year} "
                  f"to {CALENDAR_LAST.day} {CALENDAR_LAST:%B} {CALENDAR_LAST.year}")


def session_dates(plan: Plan, start: date) -> list[tuple[int, date]]:
    """(week, date) of every session: week ``w`` is the seven days from ``start + 7 (w - 1)``."""
    if not isinstance(start, date) or isinstance(start, datetime):
        raise ExportError(f"The first day must be a date, not {shown(start)}.")
    if not CALENDAR_FIRST <= start <= CALENDAR_LAST:
        raise ExportError(f"The first day of the calendar must be {CALENDAR_RANGE}, not "
                          f"{start.day} {start:%B} {start.year}. Choose another day.")
    found = []
    for week in range(1, plan.request.weeks + 1):
        first = start + timedelta(days=7 * (week - 1))
        for day in plan.days:
            found.append((week, first + timedelta(days=(WEEKDAYS.index(day) - first.weekday()) % 7)))
    return sorted(found, key=lambda pair: pair[1])


def dose_for_week(plan: Plan, exercise_id: str, week: WeekPlan) -> str:
    item = week.item(exercise_id)
    if item is None:
        return "-"
    return f"{item.set_seconds // 60} min" if item.kind == "timed" else f"{item.sets}"


def _sources(plan: Plan) -> list[str]:
    from lessons.kit.references import reference_markdown

    lines = []
    for ref in plan.sources:
        try:
            lines.append(reference_markdown(ref))
        except KeyError:
            lines.append(ref)
    return lines


def _item_line(item: PlanItem) -> tuple[str, str, str, str]:
    ex = item.exercise
    return (ex.name, POSITION_LABELS.get(ex.position, ex.position), item.dose, ex.purpose)


# --- Markdown --------------------------------------------------------------------------------

def md_escape(text: object) -> str:
    """Escape the characters that would change Markdown formatting in a name or sentence."""
    out = str(text).replace("\\", "\\\\")
    for char in "*_`[]<>#|":
        out = out.replace(char, "\\" + char)
    return out.replace("\n", " ")


def markdown_sheet(plan: Plan, details: bool = True) -> str:
    """The plan as a Markdown sheet: safety first, week 1's session, the weeks, how to do each exercise.

    ``details=False`` stops after the week-by-week table (a short preview for the notebook)."""
    first, texts = plan.weeks[0], sheet_texts()
    lines = [f"# {md_escape(plan.title)}", "", md_escape(plan.summary), "", f"*{md_escape(texts.not_advice)}*", "",
             "## Safety first", ""]
    lines += [f"- {md_escape(note.text)}" for note in plan.notes]
    lines += ["", f"## Your session (week 1): {duration(first.total_seconds)}", "", md_escape(plan_notes().dose_note),
              ""]
    for phase, label in PHASE_LABELS.items():
        items = first.items_in(phase)
        if not items:
            continue
        lines += [f"### {label}: {duration(first.phase_seconds(phase))}", ""]
        for number, item in enumerate(items, start=1):
            name, position, dose, purpose = (md_escape(part) for part in _item_line(item))
            lines.append(f"{number}. **{name}** ({position.lower()}): {dose}. {purpose}")
        lines.append("")
    lines += ["## Week by week", "",
              md_escape(texts.weeks_note), ""]
    header = "| Exercise | " + " | ".join(f"Wk {week.number}" for week in plan.weeks) + " |"
    lines += [header, "|---|" + "---|" * len(plan.weeks)]
    for ex in plan.exercises:
        cells = " | ".join(dose_for_week(plan, ex.id, week) for week in plan.weeks)
        lines.append(f"| {md_escape(ex.name)} | {cells} |")
    rests = " | ".join(md_escape(week.rest_words.replace(" rest", "")) for week in plan.weeks)
    lines += [f"| *Rest between holds and sets* | {rests} |", ""]
    for week in plan.weeks:
        lines.append(f"- **Week {week.number}:** " + " ".join(md_escape(line) for line in plan.changes(week.number)))
    if not details:
        return "\n".join(lines) + "\n"
    lines += ["", "## How to do each exercise", ""]
    for ex in plan.exercises:
        lines += [f"### {md_escape(ex.name)}", "", f"*{md_escape(ex.purpose)}*", ""]
        lines += [f"{n}. {md_escape(step)}" for n, step in enumerate(ex.steps, start=1)]
        cue = [f"- **Balance:** {md_escape(ex.cue)}"] if ex.cue else []
        lines += ["", *cue, f"- **How it should feel:** {md_escape(ex.feel)}",
                  f"- **Stop if:** {md_escape(ex.stop_if)}", ""]
    if plan.left_out:
        lines += ["## Left out", ""]
        lines += [f"- {md_escape(ex_id)}: {md_escape(reason)}" for ex_id, reason in plan.left_out]
        lines.append("")
    lines += ["## Sources", ""]
    lines += [f"{n}. {md_escape(text)}" for n, text in enumerate(_sources(plan), start=1)]
    return "\n".join(lines) + "\n"


# --- HTML ------------------------------------------------------------------------------------

SHEET_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; max-width: 60em; margin: 1em auto;
       line-height: 1.45; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: .2em; margin-top: 1.4em; }
.item { display: flex; gap: 1em; align-items: flex-start; border: 1px solid #999; border-radius: 6px;
        padding: .5em .8em; margin: .5em 0; page-break-inside: avoid; break-inside: avoid; }
.item img { width: 120px; height: auto; flex: none; }
.safety { border-left: 6px solid #D55E00; background: #FBEDE5; padding: .3em 1em; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: .2em .5em; text-align: center; }
th:first-child, td:first-child { text-align: left; }
.tick { display: inline-block; width: 1em; height: 1em; border: 1px solid #1a1a1a; margin-right: .3em; }
@media print { body { max-width: none; margin: 0; } a { color: inherit; } h2 { break-after: avoid; } }
"""


def cue_html(ex) -> str:
    """The exercise's balance cue as a paragraph, or nothing."""
    return f'<p class="course-plan-cue"><strong>Balance:</strong> {escape(ex.cue)}</p>' if ex.cue else ""


def item_html(item: PlanItem, number: int, heading: str = "h4") -> str:
    """One exercise as a card: picture (data URI, alt text), name, position, dose, steps, feel, stop."""
    ex = item.exercise
    uri = image_data_uri(ex.image)
    picture = (f'<img src="{uri}" alt="{escape(ex.alt)}" width="120">' if uri
               else f'<p class="no-picture"><em>Picture: {escape(ex.alt)}</em></p>')
    steps = "".join(f"<li>{escape(step)}</li>" for step in ex.steps)
    return (f'<div class="item course-plan-item" data-exercise="{escape(ex.id)}">{picture}<div>'
            f"<{heading}>{number}. {escape(ex.name)}</{heading}>"
            f"<p><strong>{escape(item.dose)}</strong> · {escape(POSITION_LABELS.get(ex.position, ex.position))} · "
            f"{escape(LEVEL_LABELS.get(ex.level, ex.level))}</p>{cue_html(ex)}"
            f"<p>{escape(ex.purpose)}</p><ol>{steps}</ol>"
            f"<p><strong>How it should feel:</strong> {escape(ex.feel)}</p>"
            f"<p><strong>Stop if:</strong> {escape(ex.stop_if)}</p></div></div>")


def html_sheet(plan: Plan) -> str:
    """A complete, printable HTML page (no scripts, no network: pictures are data URIs)."""
    first, texts = plan.weeks[0], sheet_texts()
    parts = [f"<h1>{escape(plan.title)}</h1>", f"<p>{escape(plan.summary)}</p>",
             f"<p><em>{escape(texts.not_advice)}</em></p>", '<section class="safety"><h2>Safety first</h2><ul>']
    parts += [f"<li>{escape(note.text)}</li>" for note in plan.notes]
    parts += ["</ul></section>", f"<h2>Your session (week 1): {escape(duration(first.total_seconds))}</h2>",
              f"<p>{escape(plan_notes().dose_note)}</p>"]
    for phase, label in PHASE_LABELS.items():
        items = first.items_in(phase)
        if items:
            parts.append(f"<h3>{escape(label)}: {escape(duration(first.phase_seconds(phase)))}</h3>")
            parts += [item_html(item, number) for number, item in enumerate(items, start=1)]
    parts += ["<h2>Week by week</h2>",
              f"<p>{escape(texts.weeks_note)} {escape(texts.tick_note)}</p>",
              "<table><caption>Sets each week</caption><thead><tr><th scope='col'>Exercise</th>"
              + "".join(f"<th scope='col'>Week {week.number}</th>" for week in plan.weeks) + "</tr></thead><tbody>"]
    for ex in plan.exercises:
        parts.append(f"<tr><th scope='row'>{escape(ex.name)}</th>"
                     + "".join(f"<td>{escape(dose_for_week(plan, ex.id, week))}</td>" for week in plan.weeks) + "</tr>")
    parts.append("<tr><th scope='row'>Rest between holds and sets</th>"
                 + "".join(f"<td>{escape(week.rest_words.replace(' rest', ''))}</td>" for week in plan.weeks) + "</tr>")
    boxes = '<span class="tick"></span>' * plan.request.sessions_per_week
    parts.append("<tr><th scope='row'>Done (" + escape(", ".join(day[:3] for day in plan.days)) + ")</th>"
                 + f"<td>{boxes}</td>" * len(plan.weeks) + "</tr></tbody></table><ul>")
    parts += [f"<li><strong>Week {week.number}:</strong> {escape(' '.join(plan.changes(week.number)))}</li>"
              for week in plan.weeks]
    parts.append("</ul>")
    if plan.left_out:
        parts.append("<h2>Left out</h2><ul>" + "".join(f"<li>{escape(ex_id)}: {escape(reason)}</li>"
                                                        for ex_id, reason in plan.left_out) + "</ul>")
    parts.append("<h2>Sources</h2><ol>" + "".join(f"<li>{escape(text)}</li>" for text in _sources(plan)) + "</ol>")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(plan.title)}</title><style>{SHEET_CSS}</style></head><body>"
            + "\n".join(parts) + "</body></html>\n")


# --- CSV -------------------------------------------------------------------------------------

def csv_text(plan: Plan) -> str:
    """One row per exercise per week, with the dose in numbers and in words."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    days = " ".join(plan.days)
    for week in plan.weeks:
        for order, item in enumerate(week.items, start=1):
            ex = item.exercise
            writer.writerow([week.number, days, week.rest_words, item.phase, order, ex.id, ex.name, ex.position,
                             item.sets, item.set_seconds, item.rest_seconds, item.time_seconds, item.dose])
    return buffer.getvalue()


# --- iCalendar -------------------------------------------------------------------------------

def session_description(plan: Plan, week: WeekPlan) -> str:
    lines = [plan.summary, ""]
    for phase, label in PHASE_LABELS.items():
        items = week.items_in(phase)
        if items:
            lines.append(f"{label}:")
            lines += [f"- {item.exercise.name}: {item.dose}" + (f" ({item.exercise.cue})" if item.exercise.cue else "")
                      for item in items]
    lines += ["", "This week: " + " ".join(plan.changes(week.number)), "", plan.notes[0].text, "",
              sheet_texts().not_advice]
    return "\n".join(lines)


def event_uid(plan: Plan, index: int) -> str:
    digest = hashlib.sha256(f"{plan.fingerprint()}:{index}".encode()).hexdigest()[:32]
    return f"{digest}@stretching-planner.backpain-course"


def ical_bytes(plan: Plan, start: date, at: time = DEFAULT_TIME) -> bytes:
    """An iCalendar file with one event per session (floating local time ``at``), deterministic bytes."""
    from icalendar import Calendar, Event

    sessions = session_dates(plan, start)
    calendar = Calendar()
    calendar.add("prodid", "-//Back Pain & Leg Pain course//Stretching-routine planner//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", plan.title)
    stamp = datetime.combine(start, time(0, 0), tzinfo=UTC)
    length = timedelta(minutes=plan.request.minutes)
    for index, (number, day) in enumerate(sessions):
        week = plan.week(number)
        event = Event()
        event.add("uid", event_uid(plan, index))
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.combine(day, at))
        event.add("dtend", datetime.combine(day, at) + length)
        event.add("summary", f"Stretching routine, week {number} ({plan.request.minutes} min)")
        event.add("description", session_description(plan, week))
        event.add("categories", ["Exercise"])
        calendar.add_component(event)
    return calendar.to_ical()


def sheet_preview(plan: Plan):
    """The first part of the Markdown sheet as a notebook display object (nothing is written to disk)."""
    from IPython.display import Markdown

    return Markdown(markdown_sheet(plan, details=False))
