"""The beliefs check widget (lessons 00 and 19): the statements, one "Save my answers" button, feedback.

Each statement has two standard radio groups (the answer, and how sure), so the whole check works from the
keyboard. What the research says about a statement is shown only after the learner saves an answer to it.
Answers are saved in the progress store under the lesson they were given in; the store is looked up at the
first Save, so opening a notebook creates no file and an executed notebook holds no learner's answers. In
lesson 19 (``show_change``) a Save also draws the learner's change since lesson 00 (``change_figure``) and
says it in words. Nothing here adds answers up: there is no score.
"""

from __future__ import annotations

import sqlite3

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle

from lessons.kit.widget import CourseWidget, escape, feedback_html, show_figure
from lessons.quiz.beliefs import (
    END,
    START,
    BeliefsCheck,
    answer_words,
    change_sentence,
    feedback,
    learner_changes,
    load_beliefs,
    problems,
    ready_answers,
)
from lessons.quiz.beliefs_figures import change_figure
from lessons.quiz.widget import SharedModels
from lessons.records.store import ProgressStore, StoreBusy, now, open_default_store


class BeliefModels(SharedModels):
    """The quiz's shared layout and style models (a smaller notebook), plus the ones only this check uses."""

    def __init__(self):
        super().__init__()
        self.labelled = DescriptionStyle(description_width="initial")
        self.row = widgets.Layout(flex_flow="row wrap", grid_gap="24px")


class StatementWidget(widgets.VBox):
    """One statement: its text, "Your view" (agree / not sure / disagree), "How sure", and the feedback."""

    def __init__(self, check: BeliefsCheck, statement, shared: BeliefModels | None = None):
        self.statement = statement
        shared = shared or BeliefModels()
        self.prompt = widgets.HTML(f"<p><strong>{statement.number}.</strong> {escape(statement.text)}</p>",
                                   layout=shared.layout, style=shared.html)
        self.answer = widgets.RadioButtons(options=[(label, key) for key, label in check.answer_labels.items()],
                                           value=None, description="Your view:", layout=shared.auto_width,
                                           style=shared.labelled)
        self.sureness = widgets.RadioButtons(options=[(label, key) for key, label in check.sureness_labels.items()],
                                             value=None, description="How sure:", layout=shared.auto_width,
                                             style=shared.labelled)
        self.feedback = widgets.HTML("", layout=shared.layout, style=shared.html)
        self.answer.observe(self._answer_changed, names="value")
        controls = widgets.HBox([self.answer, self.sureness], layout=shared.row)
        super().__init__([self.prompt, controls, self.feedback], layout=shared.layout)
        self.add_class("course-belief")
        self.add_class(f"course-belief-{statement.id}")

    def _answer_changed(self, change) -> None:
        """"Not sure" needs no "how sure": that group is cleared and skipped by Tab."""
        not_sure = change["new"] == "not_sure"
        if not_sure:
            self.sureness.value = None
        self.sureness.disabled = not_sure

    def chosen(self) -> tuple[str | None, str | None]:
        return self.answer.value, self.sureness.value


class BeliefsCheckWidget(CourseWidget):
    """The whole check; ``lesson`` is where it is asked (``START`` or ``END``), and answers are saved under it."""

    def __init__(self, check: BeliefsCheck, lesson: str = START, *, store: ProgressStore | None = None,
                 show_change: bool = False):
        self.check, self.lesson, self.store, self.show_change = check, lesson, store, show_change
        self.saved: dict[str, tuple[str, str]] = {}        # what this widget last saved, per statement
        self.pending: list[tuple[str, str, str]] = []      # answers a busy store could not take yet
        texts = check.texts
        self.heading = widgets.HTML(f"<h3>{escape(check.title)}</h3><p>{escape(texts['not_a_test'])}</p>"
                                    f"<p><em>{escape(texts['keyboard'])}</em></p>")
        shared = BeliefModels()
        self.statements = [StatementWidget(check, s, shared) for s in check.statements]
        self.save_button = widgets.Button(description="Save my answers", button_style="primary",
                                          tooltip="Save your answers and see what the research says",
                                          layout=shared.auto_width, style=shared.button)
        self.save_button.on_click(lambda _: self.save())
        self.status = widgets.HTML("", layout=shared.layout, style=shared.html)
        self.change_text = widgets.HTML("", layout=shared.layout, style=shared.html)
        self.change_output = widgets.Output()
        parts = [self.heading, *self.statements, self.save_button, self.status]
        if show_change:
            parts += [self.change_text, self.change_output]
        super().__init__(parts)
        self.add_class("course-beliefs")
        self.plain_text = (f"Beliefs check: {check.title} ({len(check)} statements). "
                           "Run this notebook in JupyterLab to answer it.")

    def chosen(self) -> dict[str, tuple[str | None, str | None]]:
        return {w.statement.id: w.chosen() for w in self.statements}

    def save(self) -> None:
        """Save the answers that are complete, show feedback under each, and say what happened; never raises."""
        chosen = self.chosen()
        ready = ready_answers(self.check, chosen)
        missing = problems(self.check, chosen)
        if not ready:
            self.status.value = feedback_html(None, missing[0] if missing else self.check.texts["nothing_chosen"])
            return
        for widget in self.statements:
            answer = dict((s, a) for s, a, _ in ready).get(widget.statement.id)
            if answer is not None:
                headline, body = feedback(self.check, widget.statement.id, answer)
                widget.feedback.value = feedback_html(None, headline, body)
        last = {**self.saved, **{item[0]: item[1:3] for item in self.pending}}   # saved, or waiting to be
        new = [item for item in ready if last.get(item[0]) != item[1:]]
        message = self._store_answers(new)
        notes = tuple(missing)
        self.status.value = feedback_html(None, message, notes=notes)
        if self.show_change:
            self._draw_change()

    def _store_answers(self, new: list[tuple[str, str, str]]) -> str:
        at = now()
        self.pending = [*self.pending, *((s, a, sure, at) for s, a, sure in new)]
        try:
            store = self.store = self.store or open_default_store()
            for time in dict.fromkeys(item[3] for item in self.pending):
                batch = [item[:3] for item in self.pending if item[3] == time]
                store.record_beliefs(self.lesson, batch, time)
                self.saved.update({s: (a, sure) for s, a, sure in batch})
                self.pending = [item for item in self.pending if item[3] != time]
        except StoreBusy:
            return self.check.texts["busy"]
        except (ValueError, OSError, sqlite3.Error) as error:
            self.pending = []
            return f"{self.check.texts['saved_here_only']} ({error})"
        return store.notice or store.not_kept or self.check.texts["saved"]

    def _draw_change(self) -> None:
        """The learner's saved answers at the start and now, as a chart and in words."""
        try:
            beliefs = (self.store or open_default_store()).beliefs()
        except (OSError, sqlite3.Error):
            beliefs = []
        changes = learner_changes(self.check, beliefs)
        intro = self.check.texts["change_intro"]
        if not any(c.start for c in changes):
            intro += " " + self.check.texts["no_start"]
        items = "".join(f"<li><strong>{c.statement.number}. {escape(c.statement.text)}</strong> "
                        f"{escape(change_sentence(self.check, c))}</li>" for c in changes)
        self.change_text.value = (f'<div class="course-beliefs-change"><p>{escape(intro)}</p>'
                                  f"<ul>{items}</ul></div>")
        show_figure(self.change_output, change_figure(self.check, changes))


def beliefs_check(lesson: str = START, store: ProgressStore | None = None) -> BeliefsCheckWidget:
    """The beliefs check as asked in ``lesson``: lesson 00 asks it, lesson 19 asks it again and shows the change."""
    return BeliefsCheckWidget(load_beliefs(), lesson, store=store, show_change=lesson == END)


__all__ = ["BeliefsCheckWidget", "answer_words", "beliefs_check"]
