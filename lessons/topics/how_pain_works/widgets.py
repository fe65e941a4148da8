"""Lesson 02b widgets: the volume dial and the flare-up plan.

``VolumeDial``: tick boxes for the things that can turn pain's "volume" up or down, and the dial
(``volume_dial_figure``) with what each ticked thing does, in words, redrawn at every tick.

``FlareUpPlanner``: three boxes the learner types in (what helps, how I pace, whom I contact), the
warning signs from the course's one triage source (``lessons.kit.triage``), and a Save button that keeps
the plan in the learner's progress store under ``PLAN_NAME``. When the lesson is opened again the saved
plan is read back into the boxes. The store is only looked at if its file already exists (or in the live
edition), so opening the lesson creates no file; it is opened for writing at the first Save. The HTML
comes from pure functions (``plan_card_html``, ``seek_help_html``) tested without a widget. Nothing here
raises: bad input or a store that cannot be used is a message in the widget. Typed text is escaped.
"""

from __future__ import annotations

import sqlite3

import ipywidgets as widgets

from lessons.kit import triage
from lessons.kit.widget import CARD_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.records.drive import in_browser
from lessons.records.store import ProgressStore, default_path, default_store, open_default_store
from lessons.topics.how_pain_works.figures import volume_dial_figure
from lessons.topics.how_pain_works.model import (
    DOWN,
    FIELDS,
    MAX_CHARS,
    PLAN_NAME,
    UP,
    DialError,
    FlareUpPlan,
    PlanInputError,
    dial_content,
    make_plan,
    plan_texts,
    save_plan,
    saved_plan,
    turn_dial,
)

STORE_ERRORS = (OSError, ValueError, TypeError, sqlite3.Error)
SAFETY_STYLE = "border-left:6px solid #D55E00;background:#FBEDE5;padding:4px 12px;color:#1a1a1a"


# --- the volume dial ----------------------------------------------------------------------------------

def reasons_html(dial) -> str:
    """What each ticked factor does, one line each (course text, escaped)."""
    if not dial.up and not dial.down:
        return ""
    items = "".join(f"<li><strong>{escape(item.label)}</strong> ({'up' if item.direction == UP else 'down'}): "
                    f"{escape(item.why)}</li>" for item in (*dial.up, *dial.down))
    return f'<ul class="course-dial-reasons">{items}</ul>'


class VolumeDial(CourseWidget):
    """Tick what is going on; the dial (a picture, not a measurement) turns up or down."""

    plain_text = ("Volume dial: tick the things that are going on for you and see how each one can turn pain's "
                  "volume up or down (an illustration, not a measurement; run in JupyterLab).")

    def __init__(self):
        content = dial_content()
        wide = widgets.Layout(width="max-content")
        self.boxes = {item.id: widgets.Checkbox(value=False, description=item.label, indent=False, layout=wide)
                      for item in content.factors}
        self.chart = widgets.Output()
        self.reasons = widgets.HTML()
        for box in self.boxes.values():
            box.observe(lambda _change: self.update(), names="value")
        columns = []
        for direction, heading in ((UP, "Can turn the volume up"), (DOWN, "Can help turn it down")):
            boxes = [self.boxes[item.id] for item in content.of(direction)]
            columns.append(widgets.VBox([widgets.HTML(f"<strong>{escape(heading)}</strong>"), *boxes]))
        super().__init__([widgets.HBox(columns, layout=widgets.Layout(grid_gap="0 24px", flex_flow="row wrap")),
                          self.chart, self.reasons])
        self.add_class("course-volume-dial")
        self.update()

    def chosen(self) -> list[str]:
        return [factor_id for factor_id, box in self.boxes.items() if box.value]

    def update(self) -> None:
        try:
            dial = turn_dial(self.chosen())
        except DialError as error:                 # cannot happen from the boxes; never a traceback
            self.reasons.value = feedback_html(False, "The dial could not be drawn.", str(error))
            return
        show_figure(self.chart, volume_dial_figure(dial))
        self.reasons.value = reasons_html(dial)


# --- the flare-up plan --------------------------------------------------------------------------------

def _lines_html(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n")) if text else "<em>(not filled in)</em>"


def seek_help_html() -> str:
    """The warning signs, level by level, worded by the course's one triage source (never typed here)."""
    items = "".join(f"<li>{escape(triage.sentence(level_key=key))}</li>" for key in triage.LEVELS)
    most_serious = triage.level(triage.LEVELS[0])
    return (f'<div class="course-plan-safety" role="note" style="{SAFETY_STYLE}">'
            f"<strong>⚠ When I seek help</strong><p>{escape(plan_texts().seek_help_intro)}</p><ul>{items}</ul>"
            f"<p><strong>{escape(most_serious.lead)}:</strong> {escape(most_serious.action)}</p></div>")


def plan_card_html(plan: FlareUpPlan) -> str:
    """The plan as a card to read in a flare-up: the learner's three parts (escaped) and the warning signs."""
    texts = plan_texts()
    rows = "".join(f"<dt><strong>{escape(texts.fields[key].label)}</strong></dt>"
                   f"<dd>{_lines_html(getattr(plan, key))}</dd>" for key in FIELDS)
    return (f'<div class="course-card course-flare-up-plan" style="{CARD_STYLE}"><h4>{escape(PLAN_NAME)}</h4>'
            f"<dl>{rows}</dl>{seek_help_html()}<p><em>{escape(texts.not_advice)}</em></p></div>")


def existing_store() -> ProgressStore | None:
    """The learner's store if there is one to read (its file exists, or the live edition), else None.
    Never raises and never creates a file."""
    try:
        if not in_browser() and not default_path().exists():
            return None
    except OSError:
        return None
    return default_store()


class FlareUpPlanner(CourseWidget):
    """Write a flare-up plan, see it with the warning signs, and keep it with your progress."""

    plain_text = ("Flare-up plan: write what helps you, how you pace and whom you contact, then press Save my "
                  "plan to keep it with your progress (run in JupyterLab).")

    def __init__(self, store: ProgressStore | None = None, *, load: bool = True):
        """``store``: where the plan is kept (None: the learner's own store). ``load``: read a saved plan back."""
        self.store = store
        texts = plan_texts()
        style = {"description_width": "initial"}
        self.boxes = {key: widgets.Textarea(value="", description=f"{texts.fields[key].label}:",
                                            placeholder=texts.fields[key].hint, rows=4, style=style,
                                            layout=widgets.Layout(width="95%"))
                      for key in FIELDS}
        self.save_button = widgets.Button(description="Save my plan", icon="check", button_style="primary",
                                          tooltip="Keep this plan with your progress")
        self.save_button.on_click(lambda _button: self.save())
        self.status = widgets.HTML(feedback_html(None, f"Write up to {MAX_CHARS} characters in each box, then "
                                                       "press Save my plan."))
        self.card = widgets.HTML()
        super().__init__([*self.boxes.values(), widgets.HTML(seek_help_html()), self.save_button, self.status,
                          self.card])
        self.add_class("course-flare-up-planner")
        if load:
            self.load()

    def typed(self) -> tuple[str, ...]:
        return tuple(self.boxes[key].value for key in FIELDS)

    def load(self) -> FlareUpPlan | None:
        """Put a saved plan back into the boxes; a store that cannot be read is a message."""
        store = self.store if self.store is not None else existing_store()
        if store is None:
            return None
        try:
            plan = saved_plan(store)
        except STORE_ERRORS as error:
            self.status.value = feedback_html(False, "Your saved plan could not be read.", str(error))
            return None
        if plan is None:
            return None
        self.store = store
        for key in FIELDS:
            self.boxes[key].value = getattr(plan, key)
        self.status.value = feedback_html(True, "Your saved plan is back in the boxes.",
                                          "Change it and press Save my plan to keep the new version.")
        self.card.value = plan_card_html(plan)
        return plan

    def save(self) -> FlareUpPlan | None:
        """Check the typed plan and keep it; a problem is a message, never a traceback."""
        try:
            plan = make_plan(*self.typed())
        except PlanInputError as error:
            self.status.value = feedback_html(False, "The plan was not saved.", str(error))
            return None
        try:
            self.store = self.store or open_default_store()
            save_plan(self.store, plan)
        except STORE_ERRORS as error:
            self.status.value = feedback_html(False, "The plan could not be kept with your progress.", str(error))
            self.card.value = plan_card_html(plan)
            return None
        notes = (self.store.not_kept,) if self.store.not_kept else ()
        self.status.value = feedback_html(True, f"Saved as “{PLAN_NAME}”.",
                                          "It is listed in My progress and goes into the results file you "
                                          "download there.", notes)
        self.card.value = plan_card_html(plan)
        return plan
