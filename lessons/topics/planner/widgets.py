"""Lesson 12 widget: the stretching-routine planner.

Controls for every input, a "Make my plan" button, the plan as cards with the pictures (SVG as
data URIs, with alt text), the safety notes, a plotly chart of the weeks, a follow-along mode (an
``ipywidgets.Play`` clock running in the browser, with a countdown for each hold and rest) and
buttons that save the plan into ``exports/`` and keep it, by name, in the learner's progress store.
The HTML comes from pure functions (``plan_cards_html``, ``notes_html``, ``schedule_html``,
``countdown_html``) tested without a widget.
Nothing here raises: a request the planner cannot honour shows its message in the widget.
What the widget says is content: ``lessons/topics/planner/content/planner_widget.yml``, read by
``lessons.topics.planner.texts.planner_texts``; button captions and short labels stay here.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

import ipywidgets as widgets

from lessons.kit.prose import fill
from lessons.kit.widget import CARD_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.records.store import ProgressStore, open_default_store
from lessons.topics.planner.catalogue import LEVELS, POSITIONS, PROBLEMS, load_catalogue
from lessons.topics.planner.export import (
    CALENDAR_FIRST,
    CALENDAR_LAST,
    FORMATS,
    ExportError,
    cue_html,
    export_plan,
    file_stem,
    image_data_uri,
    next_monday,
)
from lessons.topics.planner.figures import weeks_figure
from lessons.topics.planner.plan import (
    LEVEL_LABELS,
    PHASE_LABELS,
    POSITION_LABELS,
    PROBLEM_LABELS,
    WEEKDAYS,
    Plan,
    PlanError,
    PlanItem,
    PlanRequest,
    Step,
    WeekPlan,
    duration,
    follow_along,
    make_plan,
    step_at,
)
from lessons.topics.planner.texts import plan_notes, planner_texts

BUTTON_LABELS = {"html": "Save printable sheet (HTML)", "md": "Save Markdown sheet", "csv": "Save table (CSV)",
                 "ics": "Save calendar (.ics)"}
SAFETY_STYLE = "border-left:6px solid #D55E00;background:#FBEDE5;padding:4px 12px;color:#1a1a1a"
ITEM_STYLE = CARD_STYLE + ";display:flex;gap:12px;align-items:flex-start;margin:6px 0"


def item_card_html(item: PlanItem, number: int) -> str:
    """One exercise of a session as a card: picture, name, dose, position, steps, feel and stop sign."""
    ex = item.exercise
    uri = image_data_uri(ex.image)
    picture = (f'<img src="{uri}" alt="{escape(ex.alt)}" width="120" style="flex:none">' if uri
               else f'<p style="width:120px;flex:none"><em>Picture: {escape(ex.alt)}</em></p>')
    steps = "".join(f"<li>{escape(step)}</li>" for step in ex.steps)
    return (f'<div class="course-card course-plan-item" data-exercise="{escape(ex.id)}" style="{ITEM_STYLE}">'
            f"{picture}<div><h5 style='margin:2px 0'>{number}. {escape(ex.name)}</h5>"
            f"<p style='margin:2px 0'><strong>{escape(item.dose)}</strong> "
            f"({escape(duration(item.time_seconds))})</p>{cue_html(ex)}"
            f"<p style='margin:2px 0'>{escape(POSITION_LABELS.get(ex.position, ex.position))} · "
            f"{escape(LEVEL_LABELS.get(ex.level, ex.level))} · {escape(ex.purpose)}</p>"
            f"<details><summary>How to do it, and when to stop</summary><ol>{steps}</ol>"
            f"<p><strong>How it should feel:</strong> {escape(ex.feel)}</p>"
            f"<p><strong>Stop if:</strong> {escape(ex.stop_if)}</p></details></div></div>")


def plan_cards_html(plan: Plan, number: int = 1) -> str:
    """One week's session as cards, part by part, with what changed since the week before."""
    week = plan.week(number)
    parts = [f"<h4>Week {week.number}: your session ({escape(duration(week.total_seconds))}, on "
             f"{escape(', '.join(plan.days))})</h4>",
             "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in plan.changes(number)) + "</ul>",
             f"<p>{escape(plan_notes().dose_note)}</p>"]
    for phase, label in PHASE_LABELS.items():
        items = week.items_in(phase)
        if items:
            parts.append(f"<h5>{escape(label)}: {escape(duration(week.phase_seconds(phase)))}</h5>")
            parts += [item_card_html(item, index) for index, item in enumerate(items, start=1)]
    return '<div class="course-plan-cards">' + "".join(parts) + "</div>"


def notes_html(plan: Plan) -> str:
    """The plan's headline and safety notes (a warning box), and what was left out and why."""
    notes = "".join(f"<li>{escape(note.text)}</li>" for note in plan.notes)
    left = "".join(f"<li>{escape(ex_id)}: {escape(reason)}</li>" for ex_id, reason in plan.left_out)
    left_out = (f"<details><summary>Left out of your plan ({len(plan.left_out)})</summary><ul>{left}</ul>"
                "</details>") if plan.left_out else ""
    return (feedback_html(True, f"Your plan: {plan.summary}.")
            + f'<div class="course-plan-safety" role="note" style="{SAFETY_STYLE}"><strong>⚠ Safety first</strong>'
            + f"<ul>{notes}</ul></div>{left_out}<p><em>{escape(planner_texts().not_advice)}</em></p>")


def schedule_html(plan: Plan) -> str:
    """The weekly schedule as a table: week, days, rest and what changes."""
    rows = "".join(
        f"<tr><th scope='row'>Week {week.number}</th><td>{escape(week.rest_words)}</td>"
        f"<td>{escape(' '.join(plan.changes(week.number)))}</td></tr>" for week in plan.weeks)
    return (f"<table class='course-plan-schedule'><caption>Week by week: sessions on "
            f"{escape(', '.join(plan.days))}</caption><thead><tr><th scope='col'>Week</th>"
            "<th scope='col'>Rest between holds and sets</th>"
            f"<th scope='col'>What changes</th></tr></thead><tbody>{rows}</tbody></table>")


def plan_record(plan: Plan) -> tuple[str, dict]:
    """The name and the JSON-able choices under which a plan is kept in the progress store."""
    req = plan.request
    return file_stem(plan), {
        "problem": req.problem, "minutes": req.minutes, "sessions_per_week": req.sessions_per_week,
        "level": req.level, "positions": sorted(req.positions), "leave_out": sorted(req.leave_out),
        "weeks": req.weeks, "days": list(plan.days), "summary": plan.summary}


def countdown_html(steps: tuple[Step, ...], second: int) -> tuple[str, str]:
    """(what to do now, and next; the countdown) at ``second`` seconds into a session."""
    found = step_at(steps, second)
    if found is None:
        texts = planner_texts()
        if not steps:
            return f"<p>{texts.make_first}</p>", ""
        return f"<p><strong>{texts.finished}</strong> {texts.after_session}</p>", ""
    index, left = found
    step = steps[index]
    after = steps[index + 1].label if index + 1 < len(steps) else "finish"
    verb = "Rest" if step.action == "rest" else "Now"
    now = (f"<p><strong>{escape(verb)}:</strong> {escape(step.label)} (step {index + 1} of {len(steps)})</p>"
           f"<p>Next: {escape(after)}</p>")
    return now, f'<p style="font-size:2em;margin:0"><strong>{left}</strong> s left</p>'


class StretchPlanner(CourseWidget):
    """Lesson 12: build a personal stretching routine, see it week by week, follow it and save it."""

    plain_text = ("Stretching-routine planner: choose your problem, minutes, sessions, level, positions and "
                  "weeks, then press Make my plan (run in JupyterLab).")

    def __init__(self, catalogue=None, export_folder: Path | str | None = None, *,
                 store: ProgressStore | None = None):
        self.catalogue = tuple(catalogue) if catalogue is not None else load_catalogue()
        self.export_folder = export_folder
        self.store = store                      # None: open_default_store(), at the first save
        self.plan: Plan | None = None
        self.steps: tuple[Step, ...] = ()
        texts = planner_texts()
        style = {"description_width": "initial"}
        wide = widgets.Layout(width="max-content")
        self.problem = widgets.RadioButtons(options=[(PROBLEM_LABELS[p], p) for p in PROBLEMS], value="general",
                                            description=texts.problem_question, style=style, layout=wide)
        self.minutes = widgets.IntText(value=20, description="Minutes per session (5 to 60):", style=style)
        self.sessions = widgets.IntText(value=3, description="Sessions per week (1 to 7):", style=style)
        self.weeks = widgets.IntText(value=4, description="Weeks of plan (1 to 12):", style=style)
        self.level = widgets.ToggleButtons(options=[(LEVEL_LABELS[lv], lv) for lv in LEVELS], value="beginner",
                                           description="Level:", style=style)
        self.positions = {p: widgets.Checkbox(value=True, description=POSITION_LABELS[p], indent=False, layout=wide)
                          for p in POSITIONS}
        self.leave_out = {ex.id: widgets.Checkbox(value=False, description=ex.name, indent=False, layout=wide)
                          for ex in sorted(self.catalogue, key=lambda ex: (ex.name.lower(), ex.id))}
        self.days = {day: widgets.Checkbox(value=False, description=day, indent=False, layout=wide)
                     for day in WEEKDAYS}
        self.make_button = widgets.Button(description="Make my plan", icon="check", button_style="primary",
                                          tooltip="Build the plan from your choices")
        self.status = widgets.HTML(feedback_html(None, texts.start))
        self.notes = widgets.HTML()
        self.week_picker = widgets.IntSlider(value=1, min=1, max=1, description="Show week:", style=style,
                                             disabled=True)
        self.cards = widgets.HTML()
        self.schedule = widgets.HTML()
        self.chart = widgets.Output()
        self.play = widgets.Play(value=0, min=0, max=1, step=1, interval=1000, description="Follow along",
                                 show_repeat=False, disabled=True)
        self.clock = widgets.IntSlider(value=0, min=0, max=1, description="Seconds in:", style=style,
                                       disabled=True)
        widgets.jslink((self.play, "value"), (self.clock, "value"))
        self.now = widgets.HTML(f"<p>{texts.make_first}</p>")
        self.countdown = widgets.HTML()
        self.start_date = widgets.DatePicker(value=None, description="First day of the calendar:", style=style,
                                             min=CALENDAR_FIRST, max=CALENDAR_LAST,
                                             tooltip=f"A day from {CALENDAR_FIRST.year} to {CALENDAR_LAST.year}",
                                             layout=widgets.Layout(width="360px"))
        self.export_buttons = {fmt: widgets.Button(description=BUTTON_LABELS[fmt], disabled=True,
                                                   tooltip=f"Save the plan as a {FORMATS[fmt]}",
                                                   layout=widgets.Layout(width="auto"))
                               for fmt in FORMATS}
        self.saved = widgets.HTML()

        self.make_button.on_click(lambda _button: self.make())
        self.week_picker.observe(lambda change: self.show_week(change["new"]), names="value")
        self.play.observe(lambda change: self.tick(change["new"]), names="value")
        self.clock.observe(lambda change: self.tick(change["new"]), names="value")
        for fmt, button in self.export_buttons.items():
            button.on_click(lambda _button, fmt=fmt: self.export(fmt))

        def grid(boxes, columns):
            return widgets.GridBox(list(boxes), layout=widgets.Layout(
                grid_template_columns=f"repeat({columns}, max-content)", grid_gap="0 18px"))

        def heading(text):
            return widgets.HTML(f"<strong>{escape(text)}</strong>")

        inputs = [self.problem, self.minutes, self.sessions, self.weeks, self.level,
                  heading(texts.positions_question), grid(self.positions.values(), 4),
                  heading(texts.leave_out_question), grid(self.leave_out.values(), 2),
                  heading(texts.days_question), grid(self.days.values(), 7), self.make_button, self.status]
        follow = [widgets.HTML(f"<h4>Follow along</h4><p>{texts.follow_along}</p>"),
                  widgets.HBox([self.play, self.clock]), self.now, self.countdown]
        saving = [widgets.HTML(f"<h4>Save your plan</h4><p>{texts.saving_html}</p>"),
                  self.start_date, widgets.HBox(list(self.export_buttons.values())), self.saved]
        super().__init__([*inputs, self.notes, self.chart, self.schedule, self.week_picker, self.cards,
                          *follow, *saving])
        self.add_class("course-stretch-planner")

    # --- reading the controls ----------------------------------------------------------------

    def request(self) -> PlanRequest:
        ticked_days = tuple(day for day, box in self.days.items() if box.value)
        return PlanRequest(
            problem=self.problem.value, minutes=self.minutes.value, sessions_per_week=self.sessions.value,
            level=self.level.value,
            positions=frozenset(p for p, box in self.positions.items() if box.value),
            leave_out=frozenset(ex_id for ex_id, box in self.leave_out.items() if box.value),
            weeks=self.weeks.value, days=ticked_days or None)

    # --- actions -----------------------------------------------------------------------------

    def make(self) -> Plan | None:
        """Build the plan from the controls and show it, or show what to change. Never raises."""
        try:
            plan = make_plan(self.request(), self.catalogue)
        except PlanError as error:
            self.clear()
            self.status.value = feedback_html(False, planner_texts().no_plan, str(error))
            return None
        self.plan = plan
        self.status.value = feedback_html(True, planner_texts().plan_made)
        self.notes.value = notes_html(plan)
        self.schedule.value = schedule_html(plan)
        show_figure(self.chart, weeks_figure(plan))
        self.week_picker.max = plan.request.weeks
        self.week_picker.disabled = plan.request.weeks == 1
        self.saved.value = ""
        for button in self.export_buttons.values():
            button.disabled = False
        if self.week_picker.value == 1:
            self.show_week(1)
        else:
            self.week_picker.value = 1          # the observer shows week 1
        return plan

    def clear(self) -> None:
        self.plan, self.steps = None, ()
        self.notes.value = self.cards.value = self.schedule.value = self.saved.value = ""
        self.chart.outputs = ()
        self.week_picker.disabled = self.play.disabled = self.clock.disabled = True
        for button in self.export_buttons.values():
            button.disabled = True
        self.now.value, self.countdown.value = f"<p>{planner_texts().make_first}</p>", ""

    def show_week(self, number: int) -> None:
        if self.plan is None:
            return
        number = max(1, min(int(number), len(self.plan.weeks)))
        week: WeekPlan = self.plan.week(number)
        self.cards.value = plan_cards_html(self.plan, number)
        self.steps = follow_along(week)
        total = week.total_seconds
        self.play.value = 0
        self.clock.value = 0
        self.play.max = self.clock.max = total
        self.play.disabled = self.clock.disabled = False
        self.tick(0)

    def tick(self, second: int) -> None:
        self.now.value, self.countdown.value = countdown_html(self.steps, int(second))

    def export(self, fmt: str) -> Path | None:
        """Save the plan in one format and say where; a problem is a message, never a traceback."""
        if self.plan is None:
            self.saved.value = feedback_html(False, planner_texts().save_first)
            return None
        start = self.start_date.value if isinstance(self.start_date.value, date) else next_monday(date.today())
        try:
            path = export_plan(self.plan, fmt, self.export_folder, start=start)
        except (OSError, ExportError) as error:
            self.saved.value = feedback_html(False, "Could not save the file.", str(error))
            return None
        where = Path(os.path.relpath(path, Path.cwd())).as_posix()
        texts = planner_texts()
        body = f"{texts.saved} {fill(texts.calendar_start, start=start)}" if fmt == "ics" else texts.saved
        self.saved.value = feedback_html(True, f"Saved {where}", body, self.save_to_progress())
        return path

    def save_to_progress(self) -> tuple[str, ...]:
        """Keep the plan in the progress store; a note for the learner if that failed (never raises)."""
        try:
            self.store = self.store or open_default_store()
            if self.store is None:
                raise OSError("the progress file could not be opened")
            self.store.save_plan(*plan_record(self.plan))
        except (OSError, ValueError, TypeError, sqlite3.Error) as error:
            return (f"The file is saved, but the plan could not be kept with your progress: {error}",)
        return (self.store.not_kept,) if self.store.not_kept else ()
