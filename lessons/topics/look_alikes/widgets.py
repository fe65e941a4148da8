"""Lesson 09b widget: the look-alike explorer, and the thin-bones and balance cautions.

``LookAlikeExplorer``: choose a look-alike; a card shows its typical pattern beside the back problem it can
be mistaken for, who checks it (triage words from the course's one triage file), and the "where it hurts"
figure with the pair framed. The words come from ``model`` (``content/look_alikes.yml``);
``comparison_card`` only turns them into escaped HTML and is unit-tested without a widget. The choices are
standard radio buttons (Tab to reach them, arrow keys to move). An unknown choice gives a message in the
widget, never a traceback. Nothing here asks about or scores a person.
"""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import Markdown

from lessons.kit.widget import CARD_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.topics.look_alikes.figures import where_it_hurts_figure
from lessons.topics.look_alikes.model import bone_safety_markdown, comparison_rows, load, look_alikes


def comparison_card(look_alike_id: str) -> str:
    """HTML card: a table with the look-alike and the back problem side by side, then who checks it."""
    title, (left, right), rows, closing = comparison_rows(look_alike_id)
    head = (f'<tr><th scope="col"></th><th scope="col">{escape(left)}</th>'
            f'<th scope="col">{escape(right)}</th></tr>')
    body = "".join(f'<tr><th scope="row" style="text-align:left;vertical-align:top">{escape(label)}</th>'
                   f'<td style="vertical-align:top">{escape(mine)}</td>'
                   f'<td style="vertical-align:top">{escape(theirs)}</td></tr>'
                   for label, mine, theirs in rows)
    after = "".join(f"<dt><strong>{escape(label)}</strong></dt><dd>{escape(text)}</dd>" for label, text in closing)
    return (f'<div class="course-card" style="{CARD_STYLE}"><h4>{escape(title)}</h4>'
            f'<table style="border-collapse:separate;border-spacing:8px 6px">'
            f"<thead>{head}</thead><tbody>{body}</tbody></table><dl>{after}</dl></div>")


class LookAlikeExplorer(CourseWidget):
    """Lesson 09b: pick a look-alike; see its pattern beside the back problem it mimics."""

    def __init__(self, start: str = "vascular-claudication"):
        self.picker = widgets.RadioButtons(
            options=[(item.label, item.id) for item in look_alikes()], value=None, description="Look-alike:",
            layout=widgets.Layout(width="max-content"), style={"description_width": "initial"})
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self.picker.observe(lambda change: self.show(change["new"]), names="value")
        super().__init__([self.picker, self.card, self.figure])
        self.plain_text = load().plain_text
        self.add_class("course-look-alike-explorer")
        self.show(start)

    def show(self, look_alike_id: str | None) -> None:
        try:
            card = comparison_card(look_alike_id)
        except ValueError as error:
            self.card.value = feedback_html(False, "That choice is not available.", str(error))
            show_figure(self.figure, where_it_hurts_figure())
            return
        if self.picker.value != look_alike_id:
            self.picker.value = look_alike_id  # calls show() again through the observer
            return
        self.card.value = card
        show_figure(self.figure, where_it_hurts_figure(highlight=look_alike_id))


def bone_safety_note() -> Markdown:
    """The thin-bones caution and the balance cue, as the stretching planner (lesson 12) prints them."""
    return Markdown(bone_safety_markdown())
