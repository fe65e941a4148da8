"""Lesson 10: the treatment-pathway explorer.

Three keyboard-usable choices (new or long-lasting pain, back pain or sciatica, warning signs or
not) redraw the pathway figure and a text card listing the same steps. The steps come from the
pure function ``lessons.topics.medical_treatment.model.pathway``; the card text from the pure
function ``pathway_card``. Every card ends with when to see a clinician, and a choice the pathway
does not know gives a plain message in the widget, never a traceback.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.widget import CourseWidget, escape, feedback_html, show_figure
from lessons.topics.medical_treatment.figures import pathway_figure
from lessons.topics.medical_treatment.model import (
    COMPLAINT_LABELS,
    COMPLAINTS,
    DURATION_LABELS,
    DURATIONS,
    PathwayError,
    Step,
    pathway,
    see_a_clinician,
    situation_label,
    texts,
)

RED_FLAG_CHOICES = (("No warning signs", False), ("Warning signs present (see the list at the end)", True))
CARD_STYLE = "border:1px solid #999;border-radius:6px;padding:6px 12px"


def _items(title: str, items: tuple[str, ...]) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<p><strong>{escape(title)}</strong></p><ul>{rows}</ul>"


def step_html(step: Step) -> str:
    """One step as escaped HTML: who, what may be offered, what is not advised, when to see a clinician."""
    mark = "⚠ " if step.urgent else ""
    parts = [f"<h4>{escape(mark + step.stage)}</h4>", f"<p><strong>Who:</strong> {escape(step.who)}</p>",
             _items("✔ Warning signs and what happens:" if step.urgent else "✔ May be offered:", step.what),
             _items("✘ Do not:" if step.urgent else "✘ Not advised:", step.what_not),
             _items("Evidence:", step.notes),
             f"<p><strong>When to see a clinician:</strong> {escape(step.see_clinician)}</p>"]
    return "".join(parts)


def pathway_card(duration: str, complaint: str, red_flags: bool) -> str:
    """The whole pathway as text (escaped HTML), ending with when to see a clinician.

    Raises PathwayError for choices the pathway does not know.
    """
    steps = pathway(duration, complaint, red_flags)
    heading = f"Pathway for: {situation_label(duration, complaint, red_flags)}"
    body = "".join(f'<li style="margin-bottom:6px">{step_html(step)}</li>' for step in steps)
    words = texts()
    lead = (f"<p><strong>{escape(words.card_lead_warning_signs)}</strong></p>" if red_flags else
            f"<p>{escape(words.card_lead)}</p>")
    return (f'<div class="course-card" role="status" aria-live="polite" style="{CARD_STYLE}">'
            f"<h3>{escape(heading)}</h3>{lead}<ol style=\"list-style:none;padding-left:0\">{body}</ol>"
            f"<p><strong>☎ See a clinician:</strong> {escape(see_a_clinician())}</p>"
            f"<p><em>{escape(words.no_doses)} {escape(words.not_a_plan)}</em></p></div>")


class TreatmentPathwayExplorer(CourseWidget):
    """Choose the situation; see where each treatment sits from the first visit to specialist care."""

    def __init__(self, duration: str = "acute", complaint: str = "back pain", red_flags: bool = False):
        self.plain_text = texts().plain_text
        style = {"description_width": "initial"}
        self.duration = widgets.ToggleButtons(
            options=[(DURATION_LABELS[d], d) for d in DURATIONS], value=duration,
            description="How long has it lasted?", style=style,
            tooltips=["Days or weeks", "More than about 3 months (often called chronic)"])
        self.complaint = widgets.ToggleButtons(
            options=[(COMPLAINT_LABELS[c], c) for c in COMPLAINTS], value=complaint,
            description="Where is the main pain?", style=style,
            tooltips=["Pain mainly in the lower back", "Leg pain from an irritated nerve root in the back"])
        self.red_flags = widgets.RadioButtons(
            options=list(RED_FLAG_CHOICES), value=red_flags, description="Warning signs?", style=style,
            layout=widgets.Layout(width="max-content"))
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        for control in (self.duration, self.complaint, self.red_flags):
            control.observe(self._on_change, names="value")
        super().__init__([self.duration, self.complaint, self.red_flags, self.figure, self.card])
        self.add_class("course-treatment-pathway")
        self.show(duration, complaint, red_flags)

    def _on_change(self, _change) -> None:
        self.show(self.duration.value, self.complaint.value, self.red_flags.value)

    def show(self, duration, complaint, red_flags) -> None:
        """Redraw the figure and the card; a choice the pathway does not know becomes a message."""
        try:
            card = pathway_card(duration, complaint, red_flags)
            figure = pathway_figure(duration, complaint, red_flags)
        except PathwayError as problem:
            self.card.value = feedback_html(False, "This pathway cannot be drawn.", str(problem),
                                            notes=(see_a_clinician(),))
            self.figure.outputs = ()
            return
        self.card.value = card
        show_figure(self.figure, figure)
