"""The "Check yourself" quiz widget: displays a QuestionBank and shows grade() feedback.

Every checked answer is also saved in the learner's progress store (``lessons.progress``). The
store is looked up at the first Check, so opening a notebook creates no file, and a store that
fails only adds a short message under the score.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from lessons.kit.widget import CourseWidget, escape, feedback_html
from lessons.quiz.bank import NUMBER_HINT, Feedback, Question, QuestionBank, QuizScore, grade, load_bank
from lessons.records.store import ProgressStore, StoreBusy, now, open_default_store

TRUE_FALSE = ("True", "False")


class SharedModels:
    """One layout and one style model per kind of control, shared by every question of a quiz.

    Each ipywidgets control otherwise makes its own layout and style models, and every model is
    saved in the executed notebook's widget state: a long quiz would take the notebook near its
    1 MB limit. Sharing them keeps the file small and changes nothing visible.
    """

    def __init__(self):
        self.layout = widgets.Layout()
        self.auto_width = widgets.Layout(width="auto")
        self.html = HTMLStyle()
        self.button = widgets.ButtonStyle()
        self.description = DescriptionStyle()
        self.checkbox = CheckboxStyle()
        self.text = TextStyle()


class QuestionWidget(widgets.VBox):
    """One question: prompt, answer control, Check and Try again buttons, feedback.

    ``intro_html`` (already escaped) goes above the prompt, e.g. which lesson a question is from.
    """

    def __init__(self, question: Question, number: int, on_checked=None, *,
                 shared: SharedModels | None = None, intro_html: str = ""):
        self.question = question
        self.on_checked = on_checked
        self.shared = shared = shared or SharedModels()
        self.prompt = widgets.HTML(f"{intro_html}<p><strong>{number}.</strong> {escape(question.prompt)}</p>",
                                   layout=shared.layout, style=shared.html)
        self.control, self.choices = self._make_control()
        self.check_button = widgets.Button(description="Check", button_style="primary", tooltip="Check your answer",
                                           layout=shared.layout, style=shared.button)
        self.retry_button = widgets.Button(description="Try again", tooltip="Clear your answer",
                                           layout=shared.layout, style=shared.button)
        self.feedback = widgets.HTML("", layout=shared.layout, style=shared.html)
        self.check_button.on_click(lambda _: self.check())
        self.retry_button.on_click(lambda _: self.reset())
        buttons = widgets.HBox([self.check_button, self.retry_button], layout=shared.layout)
        super().__init__([self.prompt, self.control, buttons, self.feedback], layout=shared.layout)
        self.add_class("course-question")
        self.add_class(f"course-question-{question.id}")

    def _make_control(self):
        q, shared = self.question, self.shared
        if q.type in ("single", "true_false"):
            options = [o.text for o in q.options] if q.type == "single" else list(TRUE_FALSE)
            return widgets.RadioButtons(options=options, value=None, style=shared.description,
                                        layout=shared.auto_width if q.type == "single" else shared.layout), None
        if q.type == "multiple":
            boxes = [widgets.Checkbox(description=o.text, value=False, indent=False, layout=shared.auto_width,
                                      style=shared.checkbox) for o in q.options]
            return widgets.VBox(boxes, layout=shared.layout), boxes
        unit = f" ({q.unit})" if q.unit else ""
        return widgets.Text(placeholder=f"Type a number{unit}: 2.5 or 2,5, not 1,000", description="Answer:",
                            tooltip=NUMBER_HINT, layout=shared.layout, style=shared.text), None

    def response(self):
        """The learner's current answer in the form grade() expects."""
        q = self.question
        if q.type == "single":
            return self.control.index
        if q.type == "true_false":
            return None if self.control.value is None else self.control.value == "True"
        if q.type == "multiple":
            return {i for i, box in enumerate(self.choices) if box.value}
        return self.control.value

    def chosen(self) -> tuple[str, ...]:
        """The learner's current answer as text, as the progress store keeps it."""
        if self.question.type == "multiple":
            return tuple(option.text for option, box in zip(self.question.options, self.choices, strict=True)
                         if box.value)
        return () if self.control.value is None else (str(self.control.value),)

    def check(self):
        result = grade(self.question, self.response())
        self.feedback.value = feedback_html(
            result.correct if result.valid else None, result.headline,
            result.explanation, result.notes)
        if self.on_checked:
            self.on_checked(self.question.id, result)
        return result

    def reset(self):
        if self.question.type in ("single", "true_false"):
            self.control.value = None
        elif self.question.type == "multiple":
            for box in self.choices:
                box.value = False
        else:
            self.control.value = ""
        self.feedback.value = ""


class ProgressRecorder:
    """Saves one quiz's checked answers as one attempt in a progress store; never raises.

    ``store`` None means ``open_default_store()``, looked up at the first save. The attempt starts at
    the first answer that can be graded (an empty Check saves nothing).

    An answer that cannot be saved because the progress file is busy (another notebook holds it for
    longer than ``BUSY_TIMEOUT``) is kept in ``pending``, with the time it was checked, and saved, in
    order, with the next Check. ``pending`` keeps at most ``MAX_PENDING`` answers (the oldest go first).
    """

    MAX_PENDING = 500

    def __init__(self, lesson: str, total: int, store: ProgressStore | None = None):
        self.lesson, self.total, self.store = lesson, total, store
        self.attempt: int | None = None
        self.pending: list[tuple[str, bool, tuple[str, ...], str]] = []
        self._told_notice = False

    def _write_pending(self, store) -> None:
        if self.attempt is None:
            self.attempt = store.new_attempt(self.lesson, self.total)
        while self.pending:
            question, correct, chosen, at = self.pending[0]
            try:
                store.record_answer(self.attempt, self.lesson, question, correct, chosen, at)
            except ValueError:              # the progress was reset since this attempt began
                self.attempt = store.new_attempt(self.lesson, self.total)
                store.record_answer(self.attempt, self.lesson, question, correct, chosen, at)
            self.pending.pop(0)

    def save(self, question: str, feedback: Feedback, chosen: tuple[str, ...]) -> str:
        """Record one answer (and any kept from before); returns "" or a short message for the learner."""
        if not feedback.valid:
            return ""
        self.pending = [*self.pending, (question, bool(feedback.correct), tuple(chosen), now())][-self.MAX_PENDING:]
        try:
            store = self.store = self.store or open_default_store()
            self._write_pending(store)
        except StoreBusy:
            waiting = len(self.pending)
            return ("Checked. Your progress file is busy (another notebook is saving to it), so "
                    + ("this answer is" if waiting == 1 else f"this answer and {waiting - 1} earlier ones are")
                    + " kept here and will be saved with your next check.")
        except ValueError as error:
            self.pending.clear()            # an answer the store refuses would block every later one
            return f"Checked, but your progress could not be saved: {error}"
        except (OSError, sqlite3.Error) as error:
            why = error if self.store is not None else "the progress file could not be opened"
            return f"Checked, but your progress could not be saved: {why}"
        if store.notice and not self._told_notice:
            self._told_notice = True
            return store.notice
        return store.not_kept or ""


def score_html(score: QuizScore, message: str = "") -> str:
    """The score line, with a message about saving progress under it if there is one."""
    extra = f'<br><span class="course-progress-message">{escape(message)}</span>' if message else ""
    return f'<p class="course-quiz-score" role="status">{escape(score.summary())}{extra}</p>'


class QuizWidget(CourseWidget):
    """A whole "Check yourself" quiz with a running score; answers are saved as the learner's progress.

    ``lesson`` is the notebook name saved with each answer (default: the bank's ``quiz`` name).
    """

    def __init__(self, bank: QuestionBank, *, lesson: str | None = None, store: ProgressStore | None = None):
        self.bank = bank
        self.score = QuizScore.for_bank(bank)
        self.progress = ProgressRecorder(lesson or bank.quiz, len(bank), store)
        self.heading = widgets.HTML(f"<h3>{escape(bank.title)}</h3>")
        shared = SharedModels()
        self.questions = [QuestionWidget(q, n, self._record, shared=shared)
                          for n, q in enumerate(bank.questions, start=1)]
        self.score_label = widgets.HTML(self._score_html())
        super().__init__([self.heading, *self.questions, self.score_label])
        self.add_class("course-quiz")
        self.plain_text = (f"Quiz: {bank.title} ({len(bank)} questions). "
                           "Run this notebook in JupyterLab to answer it.")

    def _score_html(self, message: str = "") -> str:
        return score_html(self.score, message)

    def _record(self, question_id, feedback):
        self.score.record(question_id, feedback)
        widget = next(q for q in self.questions if q.question.id == question_id)
        message = self.progress.save(question_id, feedback, widget.chosen())
        self.score_label.value = self._score_html(message)


def quiz(name: str, store: ProgressStore | None = None) -> QuizWidget:
    """The quiz for a notebook, e.g. ``quiz("01_anatomy_of_the_lower_back")``."""
    return QuizWidget(load_bank(name), lesson=Path(name).stem, store=store)
