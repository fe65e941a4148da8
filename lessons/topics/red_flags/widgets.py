"""Lesson 17 widget: tick any warning sign that is true and read what care to seek, and how fast.

The verdict comes from the pure function ``lessons.topics.red_flags.model.check``; ``verdict_html`` turns it into
escaped HTML, so both are unit-tested without a widget. The checker's words are ``model.words``
(``content/red_flag_checker.yml``). Nothing here raises: a problem is a message.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit import triage
from lessons.kit.widget import CourseWidget, escape, feedback_html
from lessons.topics.red_flags.model import GROUPS, UnknownFlagError, Verdict, check, flags, group_heading, words

# Okabe-Ito border colours with light tints; the verdict is also spelled out in words and a symbol.
VERDICT_STYLE = {
    "emergency": "border:3px solid #D55E00;border-left-width:12px;background:#FBEDE5",
    "urgent": "border:3px solid #E69F00;border-left-width:12px;background:#FDF5E6",
    "soon": "border:3px solid #009E73;border-left-width:12px;background:#E6F5F0",
    "none": "border:2px solid #0072B2;border-left-width:12px;background:#E5F1F8",
}
ACTION_STYLE = "font-size:1.2em;font-weight:bold;margin:4px 0"


def verdict_html(verdict: Verdict) -> str:
    """The verdict box: large bold headline with a symbol, what to do, how fast, why, and what was ticked."""
    role = 'role="alert"' if verdict.level in GROUPS else 'role="status" aria-live="polite"'
    parts = [f'<p style="font-size:1.5em;font-weight:bold;margin:4px 0">{escape(verdict.symbol)} '
             f"{escape(verdict.headline)}</p>",
             f'<p style="{ACTION_STYLE if verdict.level in GROUPS else ""}">{escape(verdict.action)}</p>',
             f"<p><strong>{escape(verdict.how_fast)}</strong></p>"]
    parts += [f"<p><strong>{escape(note)}</strong></p>" for note in verdict.notes]
    if verdict.why:
        parts.append(f"<p>{escape(verdict.why)}</p>")
    if verdict.ticked:
        items = "".join(f"<li>{escape(item.sign)} ({escape(triage.level(item.group).name)})</li>"
                        for item in verdict.ticked)
        parts.append(f"<p>{escape(words().you_ticked)}</p><ul>{items}</ul>")
    parts.append(f"<p><em>{escape(words().not_a_diagnosis)}</em></p>")
    return (f'<div class="course-verdict course-verdict-{verdict.level}" {role} '
            f'style="{VERDICT_STYLE[verdict.level]};padding:6px 14px;color:#1a1a1a">' + "".join(parts) + "</div>")


class RedFlagChecker(CourseWidget):
    """Lesson 17: one tick box per warning sign, grouped by triage level; the verdict updates as you tick."""

    def __init__(self):
        self.boxes = {item.id: widgets.Checkbox(value=False, description=item.question, indent=False,
                                                layout=widgets.Layout(width="max-content"))
                      for item in flags()}
        children = [widgets.HTML(f"<p>{escape(words().start)}</p>")]
        for group in GROUPS:
            children.append(widgets.HTML(f"<h4>{escape(group_heading(group))}</h4>"))
            children += [self.boxes[item.id] for item in flags() if item.group == group]
        self.check_button = widgets.Button(description="Check", icon="check", button_style="",
                                           tooltip="Show what care to seek, and how fast")
        self.clear_button = widgets.Button(description="Untick all", icon="times",
                                           tooltip="Untick every box and start again")
        self.verdict = widgets.HTML(feedback_html(None, words().start))
        for box in self.boxes.values():
            box.observe(lambda _change: self.update(), names="value")
        self.check_button.on_click(lambda _button: self.update())
        self.clear_button.on_click(lambda _button: self.clear())
        children += [widgets.HBox([self.check_button, self.clear_button]), self.verdict]
        super().__init__(children)
        self.plain_text = words().plain_text
        self.add_class("course-red-flag-checker")

    def ticked(self) -> list[str]:
        return [flag_id for flag_id, box in self.boxes.items() if box.value]

    def update(self) -> Verdict | None:
        """Show the verdict for the ticked boxes. Never raises: a problem becomes a message."""
        try:
            verdict = check(self.ticked())
        except UnknownFlagError as error:
            self.verdict.value = feedback_html(False, "The checker could not read the boxes.", str(error))
            return None
        self.verdict.value = verdict_html(verdict)
        return verdict

    def clear(self) -> None:
        for box in self.boxes.values():
            box.value = False
        self.verdict.value = feedback_html(None, words().start)
