"""Lesson 02c widget: a reflection exercise. Tick what you recognise; read what can help and who can help.

The words come from ``lessons.topics.person_behind_the_pain.model.reflect``; the card is a pure function
(``reflection_card``), unit-tested without a widget. It never shows a score, a count or a risk group, and
nothing raises: bad input is a message in the card, never a traceback.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.widget import CARD_STYLE, CourseWidget, escape, feedback_html
from lessons.topics.person_behind_the_pain.model import Reflection, ReflectionError, content, factors, reflect


def reflection_card(reflection: Reflection) -> str:
    """The kind, non-scoring card for one reflection, as HTML (every text escaped)."""
    parts = []
    if reflection.none_ticked:
        parts.append(f"<p>{escape(reflection.none_ticked)}</p>")
    for factor in reflection.factors:
        parts.append(
            f"<h4>{escape(factor.name)}</h4><dl>"
            f"<dt><strong>Why this is understandable</strong></dt><dd>{escape(factor.common)}</dd>"
            f"<dt><strong>What can help</strong></dt><dd>{escape(factor.helps)}</dd>"
            f"<dt><strong>Who can help</strong></dt><dd>{escape(factor.who)}</dd></dl>")
    closing = "".join(f"<li>{escape(line)}</li>" for line in reflection.closing)
    return (f'<div class="course-card" role="status" aria-live="polite" style="{CARD_STYLE}">'
            + "".join(parts) + f"<ul>{closing}</ul></div>")


def problem_card(error: ReflectionError) -> str:
    """What to do when the choice cannot be used (escaped)."""
    return feedback_html(False, "Please choose again.", str(error))


class ReflectionExercise(CourseWidget):
    """Lesson 02c: tick the things you recognise, press the button, read what can help. No score."""

    def __init__(self):
        self.plain_text = content().plain_text
        self.boxes = {factor.id: widgets.Checkbox(value=False, description=factor.label, indent=False,
                                                  layout=widgets.Layout(width="max-content"))
                      for factor in factors()}
        self.show_button = widgets.Button(description="Show what can help", icon="heart",
                                          tooltip="Show what can help with what you ticked")
        self.clear_button = widgets.Button(description="Clear", tooltip="Untick everything and start again")
        self.card = widgets.HTML(feedback_html(None, content().start))
        self.show_button.on_click(lambda _button: self.show())
        self.clear_button.on_click(lambda _button: self.clear())
        super().__init__([widgets.HTML("<strong>Tick anything you recognise</strong>"), *self.boxes.values(),
                          widgets.HBox([self.show_button, self.clear_button]), self.card])
        self.add_class("course-reflection")

    def ticked(self) -> list[str]:
        return [factor_id for factor_id, box in self.boxes.items() if box.value]

    def show(self, selected=None) -> Reflection | None:
        """Show the card for the ticked boxes (or for ``selected``). Never raises."""
        try:
            reflection = reflect(self.ticked() if selected is None else selected)
        except ReflectionError as error:
            self.card.value = problem_card(error)
            return None
        self.card.value = reflection_card(reflection)
        return reflection

    def clear(self) -> None:
        for box in self.boxes.values():
            box.value = False
        self.card.value = feedback_html(None, content().start)
