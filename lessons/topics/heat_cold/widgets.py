"""Lesson 13 widget: build a safe home heat or cold session, or see why the builder refuses.

The rules live in ``lessons.topics.heat_cold.model.plan_session``; the cards are pure functions
(``session_card``, ``refusal_card``, ``area_note_html``) so they are unit-tested without a widget.
Nothing here raises: a refused session is a message in the widget, never a traceback.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.inputs import WHOLE_NUMBER_RULE
from lessons.kit.widget import FEEDBACK_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.topics.heat_cold.figures import session_timeline_figure
from lessons.topics.heat_cold.model import (
    AREAS,
    AREAS_BY_ID,
    ASK_FIRST,
    CONCERNS,
    LIMITS,
    Session,
    SessionError,
    UnsafeSession,
    minutes_hint,
    plan_session,
    rules,
)

NOT_ADVICE = rules().not_advice
START_TEXT = rules().start


def area_note_html(area: str) -> str:
    """The note for one body area, escaped; an unknown area gives a short message instead."""
    found = AREAS_BY_ID.get(area)
    if found is None:
        return f"<p>{escape('Choose a body area from the list.')}</p>"
    return f"<p><em>{escape(found.label)}:</em> {escape(found.note)}</p>"


def session_card(session: Session) -> str:
    """A built session as HTML: headline, numbered steps, checks, how often, and the sources (escaped)."""
    steps = "".join(f"<li>{escape(step)}</li>" for step in session.steps)
    checks = "".join(f"<li>{escape(check)}</li>" for check in session.checks)
    return (feedback_html(True, f"Your session: {session.title}.", notes=(session.advice,))
            + f"<p><strong>Timer: {session.timer_minutes} minutes.</strong> {escape(session.repeat)}</p>"
            + f"<p><strong>Steps</strong></p><ol>{steps}</ol>"
            + f"<p><strong>Skin checks</strong></p><ul>{checks}</ul>"
            + f"<p>{escape(session.area_note)}</p>"
            + f"<p><em>{escape(NOT_ADVICE)}</em></p>")


def refusal_card(error: SessionError) -> str:
    """Why no session was built, as HTML (a warning box for safety reasons, a fix-it box for bad input)."""
    if isinstance(error, UnsafeSession):
        items = "".join(f"<li>{escape(reason)}</li>" for reason in error.reasons)
        headline = escape("No session: it is not safe to go ahead.")
        return (f'<div class="course-feedback course-feedback-warning" role="alert" '
                f'style="{FEEDBACK_STYLE["wrong"]}"><strong>⚠ {headline}</strong><ul>{items}</ul>'
                f"<p>{escape(ASK_FIRST)}</p></div>")
    return feedback_html(False, "No session yet: please fix one thing.", str(error))


class SessionBuilder(CourseWidget):
    """Lesson 13: choose heat or cold, an area and minutes, answer safety questions, build a session."""

    def __init__(self):
        self.plain_text = rules().plain_text
        style = {"description_width": "initial"}
        self.kind_picker = widgets.ToggleButtons(
            options=[("Heat", "heat"), ("Cold", "cold")], value="heat", description="Type:", style=style,
            tooltips=[f"Heat: up to {LIMITS['heat'].maximum} minutes", f"Cold: up to {LIMITS['cold'].maximum} minutes"])
        self.area_picker = widgets.RadioButtons(
            options=[(area.label, area.id) for area in AREAS], value=AREAS[0].id, description="Body area:",
            style=style, layout=widgets.Layout(width="max-content"))
        self.area_note = widgets.HTML()
        self.minutes_box = widgets.Text(value="", description="Minutes:", style=style)
        self.show_minutes_hint(self.kind_picker.value)
        self.boxes = {concern.id: widgets.Checkbox(value=False, description=concern.label, indent=False,
                                                   layout=widgets.Layout(width="max-content"))
                      for concern in CONCERNS}
        self.build_button = widgets.Button(description="Build my session", icon="check",
                                           tooltip="Build the session, or see why it is not safe")
        self.card = widgets.HTML(feedback_html(None, START_TEXT))
        self.figure = widgets.Output()
        self.area_picker.observe(lambda change: self.show_area_note(change["new"]), names="value")
        self.kind_picker.observe(lambda change: self.show_minutes_hint(change["new"]), names="value")
        self.build_button.on_click(lambda _button: self.build())
        super().__init__([self.kind_picker, self.area_picker, self.area_note, self.minutes_box,
                          widgets.HTML("<strong>Safety questions: tick any that are true</strong>"),
                          *self.boxes.values(), self.build_button, self.card, self.figure])
        self.add_class("course-session-builder")
        self.show_area_note(self.area_picker.value)

    def ticked(self) -> list[str]:
        return [concern_id for concern_id, box in self.boxes.items() if box.value]

    def show_minutes_hint(self, kind: str) -> None:
        """The minutes box says what it takes for heat or for cold (the limits differ)."""
        self.minutes_box.placeholder = minutes_hint(kind)
        self.minutes_box.tooltip = f"Minutes: {minutes_hint(kind)}. {WHOLE_NUMBER_RULE}"

    def show_area_note(self, area: str) -> None:
        self.area_note.value = area_note_html(area)

    def build(self) -> Session | None:
        """Build from the controls; show the card (and timeline) or the reason. Never raises."""
        try:
            session = plan_session(self.kind_picker.value, self.area_picker.value, self.minutes_box.value,
                                   self.ticked())
        except SessionError as error:
            self.card.value = refusal_card(error)
            self.figure.outputs = ()
            return None
        self.card.value = session_card(session)
        show_figure(self.figure, session_timeline_figure(session))
        return session
