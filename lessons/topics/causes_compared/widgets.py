"""Lesson 09: compare the causes by a clue, or read one cause's summary."""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit import prose
from lessons.kit.course import lesson
from lessons.kit.widget import CARD_STYLE, CourseWidget, card_html, escape, show_figure
from lessons.topics.causes_compared.figures import clue_chart
from lessons.topics.causes_compared.model import (
    LEVELS,
    cause,
    cause_rows,
    causes,
    clue,
    clues,
    comparison,
    level_words,
)


def clue_card(clue_id: str) -> str:
    """For one clue: which causes it is typical of, which it can happen with, and so on."""
    item = clue(clue_id)
    parts = [f"<h4>{escape(item.name)}</h4>"]
    for level in LEVELS:
        matching = [c for c in causes() if item.levels[c.id]["level"] == level]
        if not matching:
            continue
        rows = "".join(f"<li><strong>{escape(c.name)}</strong>: {escape(item.levels[c.id]['note'])}</li>"
                       for c in matching)
        parts.append(f"<p><em>{escape(level_words(level).capitalize())}:</em></p><ul>{rows}</ul>")
    parts.append(f"<p>{escape(comparison().comparer['not_a_diagnosis'])}</p>")
    return f'<div class="course-card" style="{CARD_STYLE}">' + "".join(parts) + "</div>"


def cause_card(cause_id: str) -> str:
    item = cause(cause_id)
    more = prose.fill(comparison().comparer["more"], number=lesson(item.lesson).number,
                             title=lesson(item.lesson).title)
    return card_html(item.name, cause_rows(item), after=f"<p>{escape(more)}</p>")


class CauseComparer(CourseWidget):
    """Pick a clue to see which causes it fits (the chart highlights that row), or pick a cause."""

    def __init__(self):
        self.clue_picker = widgets.RadioButtons(options=[(c.name, c.id) for c in clues()], value=None,
                                                description="A clue:", layout=widgets.Layout(width="max-content"))
        self.cause_picker = widgets.ToggleButtons(options=[(c.name, c.id) for c in causes()], value=None,
                                                  description="A cause:")
        self.card = widgets.HTML(f"<p>{escape(comparison().comparer['start'])}</p>")
        self.figure = widgets.Output()
        self.clue_picker.observe(self._on_clue, names="value")
        self.cause_picker.observe(self._on_cause, names="value")
        super().__init__([self.clue_picker, self.cause_picker, self.card, self.figure])
        self.plain_text = comparison().comparer["plain_text"]
        self.add_class("course-cause-comparer")
        show_figure(self.figure, clue_chart())

    def _on_clue(self, change) -> None:
        if change["new"] is None:
            return
        self.cause_picker.value = None
        self.card.value = clue_card(change["new"])
        show_figure(self.figure, clue_chart(highlight=change["new"]))

    def _on_cause(self, change) -> None:
        if change["new"] is None:
            return
        self.clue_picker.value = None
        self.card.value = cause_card(change["new"])
        show_figure(self.figure, clue_chart())
