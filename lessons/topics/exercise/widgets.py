"""Lesson 11 widget: "How did that exercise go?" A few keyboard-usable questions give one advice card.

The advice comes from the pure functions ``check_exercise`` and ``run_check`` of
``lessons.topics.exercise.model``; this module only turns the answer (or its error message) into escaped
HTML. Education, not diagnosis: every card says so, and names the sources the rule rests on.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit.widget import FEEDBACK_STYLE, CourseWidget, escape
from lessons.topics.exercise.model import (
    EMERGENCY,
    MAX_WEEKS,
    PAIN_AFTER,
    SEE_CLINICIAN,
    STEP_UP,
    USED_TO_IT,
    ExerciseAdvice,
    ExerciseInputError,
    check_content,
    clinician_signs,
    emergency_signs,
    run_check,
    source_names,
)

QUESTION_NAMES = {
    "emergency_signs": "Question 1 (warning signs)",
    "clinician_signs": "Question 1 (other signs)",
    "pain_after": "Question 2 (pain afterwards)",
    "weeks_at_this_amount": "Question 3 (weeks at this amount)",
    "used_to_it": "Question 4 (used to it)",
}
NOT_ADVICE = check_content().not_advice
SYMBOL = {EMERGENCY: "⚠", SEE_CLINICIAN: "⚠", STEP_UP: "▲"}
STYLE = {EMERGENCY: "wrong", SEE_CLINICIAN: "wrong"}


def advice_card(result: ExerciseAdvice | ExerciseInputError) -> str:
    """The advice (or the input problem) as escaped HTML; urgent results are announced as alerts."""
    if isinstance(result, ExerciseInputError):
        return (f'<div class="course-feedback course-feedback-info" role="status" style="{FEEDBACK_STYLE["info"]}">'
                f"<strong>ℹ Please check an answer.</strong><p>{escape(QUESTION_NAMES.get(result.field, result.field))}"
                f": {escape(result.problem)}</p></div>")
    urgent = result.category in (EMERGENCY, SEE_CLINICIAN)
    role = "alert" if urgent else "status"
    style = FEEDBACK_STYLE[STYLE.get(result.category, "info")]
    symbol = SYMBOL.get(result.category, "ℹ")
    reasons = "".join(f"<li>{escape(reason)}</li>" for reason in result.reasons)
    sources = "; ".join(escape(name) for name in source_names(result.sources))
    return (f'<div class="course-feedback course-exercise-{escape(result.category)}" role="{role}" '
            f'aria-live="polite" style="{style}"><strong>{symbol} {escape(result.name)}.</strong> '
            f"{escape(result.headline)}<ul>{reasons}</ul><p><small>Based on: {sources}.</small></p></div>"
            f"<p><em>{escape(NOT_ADVICE)}</em></p>")


def question(text: str) -> widgets.HTML:
    """A question's heading, escaped."""
    return widgets.HTML(f"<strong>{escape(text)}</strong>")


class ExerciseCheck(CourseWidget):
    """Lesson 11: answer a few questions about how an exercise went; read one advice card."""

    def __init__(self):
        words = check_content()
        self.plain_text = words.plain_text

        def box(label: str) -> widgets.Checkbox:
            return widgets.Checkbox(value=False, description=label, indent=False,
                                    layout=widgets.Layout(width="max-content"))

        self.emergency_boxes = {key: box(label) for key, label in emergency_signs().items()}
        self.clinician_boxes = {key: box(label) for key, label in clinician_signs().items()}
        self.pain_after = widgets.ToggleButtons(options=[(label, key) for key, label in PAIN_AFTER.items()],
                                                value="less_or_same", style={"button_width": "auto"})
        self.weeks = widgets.IntText(value=0, description=f"Weeks at this amount (0 to {MAX_WEEKS}):",
                                     style={"description_width": "initial"})
        self.used_to_it = widgets.ToggleButtons(options=[(label, key) for key, label in USED_TO_IT.items()],
                                                value="not_sure", style={"button_width": "auto"})
        self.reset_button = widgets.Button(description="Start again", tooltip="Clear every answer")
        self.card = widgets.HTML()
        controls = [*self.emergency_boxes.values(), *self.clinician_boxes.values(),
                    self.pain_after, self.weeks, self.used_to_it]
        for control in controls:
            control.observe(lambda _change: self.update(), names="value")
        self.reset_button.on_click(lambda _button: self.reset())
        super().__init__([
            question(words.questions["signs"]), *self.emergency_boxes.values(), *self.clinician_boxes.values(),
            question(words.questions["pain_after"]), self.pain_after,
            question(words.questions["weeks"]), self.weeks,
            question(words.questions["used_to_it"]), self.used_to_it,
            self.reset_button, self.card])
        self.add_class("course-exercise-check")
        self.update()

    def answers(self) -> dict:
        return {
            "emergency_signs": [key for key, box in self.emergency_boxes.items() if box.value],
            "clinician_signs": [key for key, box in self.clinician_boxes.items() if box.value],
            "pain_after": self.pain_after.value,
            "weeks_at_this_amount": self.weeks.value,
            "used_to_it": self.used_to_it.value,
        }

    def result(self) -> ExerciseAdvice | ExerciseInputError:
        return run_check(**self.answers())

    def update(self) -> None:
        self.card.value = advice_card(self.result())

    def reset(self) -> None:
        for box in (*self.emergency_boxes.values(), *self.clinician_boxes.values()):
            box.value = False
        self.pain_after.value = "less_or_same"
        self.weeks.value = 0
        self.used_to_it.value = "not_sure"
        self.update()
