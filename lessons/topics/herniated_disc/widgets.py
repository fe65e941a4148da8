"""Lesson 03's explorer: pick a disc level and where the herniation points; see which root it
usually presses (the rule is ``model.root_pressed``) and where that root is felt on the leg map.
The card text comes from ``herniation_card``; the widget only shows it.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit import prose, triage
from lessons.kit.widget import CourseWidget, card_html, escape, show_figure
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.herniated_disc.figures import disc_from_above_figure
from lessons.topics.herniated_disc.model import explanation, herniation, root_pressed, where_felt

WARNING_STYLE = "border-left:6px solid #D55E00;background:#FBEDE5;padding:4px 10px;color:#1a1a1a"


def cauda_equina_warning() -> str:
    """The warning for a central herniation, then the triage file's sentence for its group of signs."""
    words = herniation().card
    return f"{words.warning} {triage.sentence(words.warning_signs)}"


def herniation_card(level: str, position: str) -> str:
    """HTML card for one choice: which root, why, and where it is usually felt."""
    pressed = root_pressed(level, position)
    words = herniation()
    where, term = words.position(pressed.position).where, words.position(pressed.position).term
    title = prose.fill(words.card.several_roots if pressed.emergency else words.card.one_root,
                       level=pressed.level_label, where=where, root=pressed.roots[0])
    rows = [("Position", f"{where} ({term})"), ("Why", explanation(pressed))]
    rows += [(f"Where {root} is usually felt", where_felt(root)) for root in pressed.roots]
    rows.append(("Remember", words.card.remember))
    warning = (f'<div role="alert" style="{WARNING_STYLE}"><strong>{escape(cauda_equina_warning())}</strong></div>'
               if pressed.emergency else "")
    return card_html(title, rows, before=warning)


def problem_card(message: str) -> str:
    return (f'<div class="course-card" role="status" style="{WARNING_STYLE}">'
            f"<strong>ℹ {escape(message)}</strong></div>")


class HerniationExplorer(CourseWidget):
    """Choose a disc level and where the herniation points; see which root it usually presses."""

    def __init__(self, level: str = "L4-L5", position: str = "paracentral"):
        words = herniation()
        self.plain_text = words.plain_text
        self.level_picker = widgets.ToggleButtons(
            options=[(name.replace("-", "–"), name) for name in words.levels], value=level, description="Disc level:",
            tooltips=[f"The disc between {name.replace('-', ' and ')}" for name in words.levels])
        # Radio buttons, not a Dropdown: JupyterLab takes the arrow keys from a focused Dropdown.
        self.position_picker = widgets.RadioButtons(
            options=[(f"{item.where} ({item.term})", item.id) for item in words.positions],
            value=position, description="Points:", layout=widgets.Layout(width="max-content"))
        self.card = widgets.HTML()
        self.disc_figure = widgets.Output()
        self.leg_figure = widgets.Output()
        self.level_picker.observe(self._on_change, names="value")
        self.position_picker.observe(self._on_change, names="value")
        super().__init__([self.level_picker, self.position_picker, self.card, self.disc_figure, self.leg_figure])
        self.add_class("course-herniation-explorer")
        self.show(level, position)

    def _on_change(self, change) -> None:
        self.show(self.level_picker.value, self.position_picker.value)

    def show(self, level: str, position: str) -> None:
        try:
            pressed = root_pressed(level, position)
        except ValueError as problem:
            self.card.value = problem_card(str(problem))
            self.disc_figure.outputs = ()
            self.leg_figure.outputs = ()
            return
        self.card.value = herniation_card(level, position)
        show_figure(self.disc_figure, disc_from_above_figure(pressed))
        if pressed.emergency:
            show_figure(self.leg_figure, leg_map_figure(buttons=False))
        elif pressed.map_roots:
            show_figure(self.leg_figure, leg_map_figure(root=pressed.map_roots[0], buttons=False))
        else:
            self.leg_figure.outputs = ()  # L3 is not on the leg map; the card says where it is felt
