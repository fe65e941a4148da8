"""The "My progress" page: what a learner studying alone has done, what to do next, and their data.

The rules live in ``lessons.progress.summary`` and the charts in ``lessons.progress.figures``; the HTML
pieces are the pure ``*_html`` functions below. Everything a learner typed is escaped. A store that
cannot be read, a file that cannot be written: a message in the widget, never a traceback. The store's
location is shown only when asked for, so a saved notebook never holds a path.

What the page says is content: ``lessons/progress/content/my_progress.yml``, read by ``progress_texts``
(checked against its schema; ``plans_lesson`` must be in the course map and every template must use
exactly its ``{fields}``). Button captions, section headings and error messages stay here.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ipywidgets as widgets

from lessons.kit import course, data, prose
from lessons.kit.names import clean_name, display_name
from lessons.kit.widget import FEEDBACK_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.progress.figures import history_figure, progress_figure
from lessons.progress.summary import COMPLETED, NOT_STARTED, lesson_progress, next_steps, score_history
from lessons.quiz.assessment import REVISIT_THRESHOLD
from lessons.quiz.beliefs import change_sentence, learner_changes, load_beliefs
from lessons.records.results import ResultsError, export_results, merge_results, results_from_bytes
from lessons.records.store import Merged

STORE_ERRORS = (OSError, ValueError, sqlite3.Error)
MAX_NAME = 60
TEXTS_FILE = Path(__file__).parent / "content" / "my_progress.yml"
TEMPLATES = {"name_shortened": {"limit"}, "completed": {"done", "total"}, "next_new": {"lesson"},
             "next_started": {"lesson"}, "revisit": {"percent"}, "no_plans": {"lesson"}, "reset_done.text": {"backup"},
             "import_done": {"file"}, "import_added.answers_and_plans": {"answers", "quizzes", "plans"},
             "import_added.answers": {"answers", "quizzes"}, "import_added.plans": {"plans"},
             "import_added.beliefs": {"beliefs"},
             "import_already": {"already"}, "import_words.*.*": {"n"}, "import_renamed": {"name", "new_name"}}
UPLOAD_TYPES = ".json,.csv"
LINK_STYLE = "color:#0072B2;text-decoration:underline"   # a link looks like one in a widget, not by colour only
CELL = 'style="padding:2px 16px 2px 0;text-align:left"'
_MARKDOWN_LINK = re.compile(r"^\[(?P<text>[^\]]+)\]\((?P<href>[^)]+)\)$")


@dataclass(frozen=True)
class Message:
    headline: str
    text: str


@dataclass(frozen=True)
class ProgressTexts:
    """What the page says (see my_progress.yml); the templates' fields are in ``TEMPLATES``."""

    no_store: Message
    name_intro: str
    type_name_first: str
    name_shortened: str
    completed: str
    no_scores: str
    next_new: str
    next_started: str
    all_done: str
    well_done: str
    revisit_heading: str
    revisit: str
    no_plans: str
    plans_lesson: str
    download_help: str
    import_intro: str
    import_done: str
    import_added: dict[str, str]
    import_already: str
    import_words: dict[str, list[str]]
    import_nothing_new: str
    import_renamed: str
    import_failed: Message
    reset_question: Message
    nothing_deleted: str
    reset_done: Message
    location: str
    beliefs_intro: str
    no_beliefs: str


def progress_texts(path: Path | str | None = None) -> ProgressTexts:
    """What the page says, validated; the shipped file unless ``path`` is given."""
    return _progress_texts(str((Path(path) if path is not None else TEXTS_FILE).resolve()))


@cache
def _progress_texts(path_text: str) -> ProgressTexts:
    path = Path(path_text)
    document = prose.load(path, "my_progress", TEMPLATES)
    try:
        course.lesson(document["plans_lesson"])
    except KeyError:
        raise data.ContentError(data.display_name(path), f"{document['plans_lesson']!r} is not a lesson of "
                                "lessons/kit/content/course.yml", field="plans_lesson") from None
    messages = {key: Message(**value) for key, value in document.items()
                if isinstance(value, dict) and value.keys() == {"headline", "text"}}
    return ProgressTexts(**{**document, **messages})


def lesson_link_html(file: str) -> str:
    """``lessons.kit.course.lesson_link`` (Markdown) as an HTML link, escaped."""
    text = course.lesson_link(file)
    match = _MARKDOWN_LINK.match(text)
    if match is None:
        return escape(text.replace("*", ""))
    return f'<a href="{escape(match["href"])}" style="{LINK_STYLE}">{escape(match["text"])}</a>'


def progress_html(progress) -> str:
    """A table: each lesson, its status in words and how many of its questions were answered right."""
    rows = "".join(
        f'<tr data-lesson="{escape(item.file)}"><td {CELL}>{lesson_link_html(item.file)}</td>'
        f'<td class="course-progress-status" {CELL}>{escape(item.status)}</td>'
        f"<td {CELL}>{f'{item.right} of {item.questions}' if item.questions else '–'}</td></tr>"
        for item in progress)
    done = sum(item.status == COMPLETED for item in progress)
    return (f"<p>{prose.fill(progress_texts().completed, done=done, total=len(progress))}</p>"
            f'<table class="course-progress-table"><thead><tr><th {CELL}>Lesson</th><th {CELL}>Status</th>'
            f"<th {CELL}>Questions ever answered right</th></tr></thead><tbody>{rows}</tbody></table>")


def next_html(steps, progress, threshold: float = REVISIT_THRESHOLD) -> str:
    texts = progress_texts()
    status = {item.file: item.status for item in progress}
    if steps.next_lesson is None:
        lines = [f"<p><strong>{texts.all_done}</strong> {texts.well_done}</p>"]
    else:
        template = texts.next_new if status.get(steps.next_lesson) == NOT_STARTED else texts.next_started
        lines = [f"<p><strong>Next:</strong> {prose.fill(template, lesson=lesson_link_html(steps.next_lesson))}</p>"]
    if steps.revisit:
        items = "".join(f"<li>{lesson_link_html(file)}</li>" for file in steps.revisit)
        lines.append(f"<p><strong>{texts.revisit_heading}</strong> "
                     f"{prose.fill(texts.revisit, percent=round(100 * threshold))}</p><ul>{items}</ul>")
    return '<div class="course-progress-next" role="status">' + "".join(lines) + "</div>"


# A plan of a kind the page knows is shown with its parts (other plans by name only): the "kind" key of
# the saved dict, the lesson that makes it, and its text parts with their headings.
PLAN_KINDS = {"flare-up": ("02b_how_pain_works", (("helps", "What helps me"), ("pacing", "How I pace"),
                                                  ("contact", "Who I contact")))}
PLAN_PART_LENGTH = 500


def plan_item_html(plan) -> str:
    """One saved plan: its name, and for a known kind (a flare-up plan) its parts, escaped, under a
    disclosure. A part that is not text is left out and a long one is cut, so an edited file cannot break it."""
    name = escape(plan.name)
    record = plan.plan if isinstance(plan.plan, dict) else {}
    kind = record.get("kind")
    if not isinstance(kind, str) or kind not in PLAN_KINDS:
        return f"<li>{name}</li>"
    lesson, parts = PLAN_KINDS[kind]
    rows = "".join(
        f"<dt><strong>{escape(heading)}</strong></dt><dd>"
        + "<br>".join(escape(line) for line in record[key][:PLAN_PART_LENGTH].split("\n")) + "</dd>"
        for key, heading in parts if isinstance(record.get(key), str) and record[key].strip())
    body = f"<dl>{rows}</dl>" if rows else "<p>(empty)</p>"
    return (f'<li data-plan-kind="{escape(kind)}">{name} ({escape(kind)} plan, from {lesson_link_html(lesson)})'
            f"<details><summary>Show the plan</summary>{body}</details></li>")


def plans_html(plans) -> str:
    if not plans:
        texts = progress_texts()
        return f"<p>{prose.fill(texts.no_plans, lesson=lesson_link_html(texts.plans_lesson))}</p>"
    return "<ul>" + "".join(plan_item_html(plan) for plan in plans) + "</ul>"


def beliefs_html(beliefs) -> str:
    """The learner's beliefs-check answers, start and end, statement by statement in words (no score)."""
    texts, check = progress_texts(), load_beliefs()
    changes = [c for c in learner_changes(check, beliefs) if c.start or c.end]
    if not changes:
        return f"<p>{escape(texts.no_beliefs)}</p>"
    items = "".join(f"<li><strong>{escape(c.statement.text)}</strong> {escape(change_sentence(check, c))}</li>"
                    for c in changes)
    return f'<div class="course-progress-beliefs"><p>{escape(texts.beliefs_intro)}</p><ul>{items}</ul></div>'


def saved_file_html(where: str) -> str:
    """The message after an export: a link to the file and how to download it (escaped)."""
    return (f'<div class="course-feedback course-feedback-right" role="status" aria-live="polite" '
            f'style="{FEEDBACK_STYLE["right"]}"><strong>✔ Saved '
            f'<a href="{escape(where)}" style="{LINK_STYLE}">{escape(where)}</a></strong>'
            f"<p>{escape(progress_texts().download_help)}</p></div>")


def counted(word: str, n: int) -> str:
    """``import_words[word]`` for ``n``: "1 answer", "12 answers"."""
    one, other = progress_texts().import_words[word]
    return prose.fill(one if n == 1 else other, n=n)


def merged_text(merged: Merged) -> str:
    """What a merge added, in words: "Added 12 answers from 3 quizzes and 1 plan. 40 answers were already here."
    (plain text: the caller escapes it)."""
    texts = progress_texts()
    words = {"answers": counted("answers", merged.answers_added), "quizzes": counted("quizzes", merged.quizzes),
             "plans": counted("plans", merged.plans_added)}
    if merged.answers_added and merged.plans_added:
        sentences = [prose.fill(texts.import_added["answers_and_plans"], **words)]
    elif merged.answers_added:
        sentences = [prose.fill(texts.import_added["answers"], answers=words["answers"], quizzes=words["quizzes"])]
    elif merged.plans_added:
        sentences = [prose.fill(texts.import_added["plans"], plans=words["plans"])]
    else:
        sentences = []
    if merged.beliefs_added:
        sentences.append(prose.fill(texts.import_added["beliefs"], beliefs=counted("beliefs", merged.beliefs_added)))
    sentences = sentences or [texts.import_nothing_new]
    if merged.answers_already_there and (merged.answers_added or merged.plans_added):
        sentences.append(prose.fill(texts.import_already, already=counted("already", merged.answers_already_there)))
    sentences += [prose.fill(texts.import_renamed, name=f"“{name}”", new_name=f"“{new_name}”")
                  for name, new_name in merged.renamed_plans]
    return " ".join(sentences)


def upload_name(item) -> str:
    """The name of an uploaded file (``FileUpload.value`` item), without any folder."""
    name = str(item.get("name") or "")
    return name.replace("\\", "/").rsplit("/", 1)[-1] or "the file"


def upload_bytes(item, name: str) -> bytes:
    """The content of an uploaded file as bytes: a memoryview in JupyterLab (ipywidgets 8), bytes or a
    browser buffer elsewhere. ``ResultsError`` if there is none."""
    content = item.get("content")
    if hasattr(content, "to_bytes"):          # a browser ArrayBuffer seen from Pyodide
        content = content.to_bytes()
    try:
        return bytes(content)
    except TypeError:
        raise ResultsError(name, "arrived without its content; choose it again") from None


def _button(description: str, tooltip: str, action, **style) -> widgets.Button:
    button = widgets.Button(description=description, tooltip=tooltip, layout=widgets.Layout(width="auto"), **style)
    button.on_click(lambda _button: action())
    return button


class ProgressDashboard(CourseWidget):
    """The progress page, built from a ``ProgressStore`` (None: a message saying progress is not kept)."""

    plain_text = ("My progress: your lessons (not started, started or completed), your quiz scores, what to "
                  "do next, and buttons to export your progress, bring it back or reset it. Run this notebook in "
                  "JupyterLab to use it.")

    def __init__(self, store, export_folder: Path | str = "exports", threshold: float = REVISIT_THRESHOLD):
        self.store, self.export_folder, self.threshold = store, export_folder, threshold
        self.status = widgets.HTML()
        texts = progress_texts()
        if store is None:
            self.status.value = feedback_html(False, texts.no_store.headline, texts.no_store.text)
            super().__init__([self.status])
            self.add_class("course-progress-dashboard")
            return
        self.notice = widgets.HTML(feedback_html(False, "About your saved progress", store.notice)
                                   if store.notice else "")
        self.heading = widgets.HTML()
        self.name_box = widgets.Text(description="Your name:", placeholder=f"up to {MAX_NAME} characters")
        self.name_message = widgets.HTML()
        self.progress_table, self.progress_chart = widgets.HTML(), widgets.Output()
        self.history_message, self.history_chart = widgets.HTML(), widgets.Output()
        self.next_card, self.plans, self.beliefs = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.export_message, self.reset_message, self.where_message = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.upload = widgets.FileUpload(accept=UPLOAD_TYPES, multiple=False, description="Choose a saved file",
                                         tooltip="Choose a .json or .csv file you downloaded from this page",
                                         layout=widgets.Layout(width="auto"))
        self.upload.observe(lambda change: self.bring_back(change["new"]), names="value")
        self.import_message = widgets.HTML()
        self.confirm_row = widgets.HBox([
            _button("Yes, delete my progress", "Delete every saved answer (a copy is kept)", self.reset,
                    button_style="danger"),
            _button("Cancel", "Keep your progress", self.cancel_reset)], layout=widgets.Layout(display="none"))
        h = widgets.HTML
        super().__init__([
            self.notice, self.heading, self.status,
            widgets.HBox([_button("Refresh", "Read your progress again (after working in other lessons)",
                                  self.refresh, icon="refresh"),
                          _button("Where is my progress kept?", "Show the file your progress is saved in",
                                  self.show_location)]), self.where_message,
            h(f"<h4>Your name</h4><p>{texts.name_intro}</p>"),
            widgets.HBox([self.name_box, _button("Save name", "Save your name", self.save_name)]), self.name_message,
            h("<h4>Progress per lesson</h4>"), self.progress_table, self.progress_chart,
            h("<h4>Quiz score history</h4>"), self.history_message, self.history_chart,
            h("<h4>What to do next</h4>"), self.next_card,
            h("<h4>Saved plans</h4>"), self.plans,
            h("<h4>Beliefs check</h4>"), self.beliefs,
            h("<h4>Keep a copy of your progress</h4>"),
            widgets.HBox([_button("Download as JSON", "Save your progress as a JSON file", lambda: self.export("json")),
                          _button("Download as CSV", "Save your answers as a CSV table", lambda: self.export("csv"))]),
            self.export_message,
            h(f"<h4>Bring back saved progress</h4><p>{texts.import_intro}</p>"), widgets.HBox([self.upload]),
            self.import_message,
            h("<h4>Start again</h4>"),
            widgets.HBox([_button("Reset my progress…", "Delete your saved progress (asks first)", self.ask_reset)]),
            self.confirm_row,
            self.reset_message])
        self.add_class("course-progress-dashboard")
        self.refresh()

    def refresh(self) -> None:
        """Read the store again and redraw every part."""
        try:
            attempts, answers = self.store.attempts(), self.store.answers()
            plans, name = self.store.plans(), self.store.display_name()
            beliefs = self.store.beliefs()
        except STORE_ERRORS as error:
            self.status.value = feedback_html(False, "Your progress could not be read.", str(error))
            return
        self.status.value = ""
        name = display_name(name)               # a name saved before direction controls were taken out
        self.heading.value = f"<h3>Hello, {escape(name)}</h3>" if name else ""
        self.name_box.value = name
        progress = lesson_progress(attempts, answers)
        history = score_history(attempts)
        self.progress_table.value = progress_html(progress)
        show_figure(self.progress_chart, progress_figure(progress))
        if history:
            self.history_message.value = ""
            show_figure(self.history_chart, history_figure(history, self.threshold))
        else:
            self.history_message.value = feedback_html(None, progress_texts().no_scores)
            self.history_chart.outputs = ()
        self.next_card.value = next_html(next_steps(progress, history, self.threshold), progress, self.threshold)
        self.plans.value = plans_html(plans)
        self.beliefs.value = beliefs_html(beliefs)

    def save_name(self) -> None:
        typed = self.name_box.value.strip()
        if not typed:
            self.name_message.value = feedback_html(False, progress_texts().type_name_first)
            return
        try:
            stored = self.store.set_display_name(typed)
        except STORE_ERRORS as error:
            self.name_message.value = feedback_html(False, "Your name could not be saved.", str(error))
            return
        shortened = len(clean_name(typed, limit=len(typed))) > MAX_NAME
        note = (prose.fill(progress_texts().name_shortened, limit=MAX_NAME),) if shortened else ()
        self.name_message.value = feedback_html(True, f"Saved your name: {stored}", notes=note)
        self.refresh()

    def export(self, fmt: str) -> Path | None:
        """Save the progress as JSON or CSV in the export folder and say where; errors are a message."""
        try:
            path = Path(export_results(self.store, self.export_folder, fmt))
        except STORE_ERRORS as error:
            self.export_message.value = feedback_html(False, "Could not save the file.", str(error))
            return None
        try:
            where = Path(os.path.relpath(path, Path.cwd())).as_posix()
        except ValueError:  # another drive (Windows)
            where = path.name
        self.export_message.value = saved_file_html(where)
        return path

    def bring_back(self, uploaded) -> Merged | None:
        """Add the progress in an uploaded results file (``FileUpload.value``) to the store, say what was
        added and redraw the page. A file that cannot be used changes nothing and says why."""
        if not uploaded:
            return None                              # nothing chosen, or the upload was just cleared
        item = uploaded[0]
        name = upload_name(item)
        texts = progress_texts()
        try:
            learner = results_from_bytes(upload_bytes(item, name), name)
            merged = merge_results(self.store, learner)
        except ResultsError as error:
            failed = texts.import_failed
            self.import_message.value = feedback_html(False, failed.headline, failed.text, notes=(str(error),))
            return None
        except STORE_ERRORS as error:
            self.import_message.value = feedback_html(False, "Your progress could not be saved. Nothing was changed.",
                                                      str(error))
            return None
        finally:
            self.upload.value = ()                   # the file's content is not kept in the page
        self.import_message.value = feedback_html(True, prose.fill(texts.import_done, file=name), merged_text(merged))
        self.reset_message.value = ""                # "Your progress was deleted" is no longer true
        self.refresh()
        return merged

    def ask_reset(self) -> None:
        self.confirm_row.layout.display = "flex"
        question = progress_texts().reset_question
        self.reset_message.value = feedback_html(None, question.headline, question.text)

    def cancel_reset(self) -> None:
        self.confirm_row.layout.display = "none"
        self.reset_message.value = feedback_html(None, progress_texts().nothing_deleted)

    def reset(self) -> Path | None:
        self.confirm_row.layout.display = "none"
        try:
            backup = Path(self.store.reset())
        except STORE_ERRORS as error:
            self.reset_message.value = feedback_html(False, "Your progress could not be reset.", str(error))
            return None
        done = progress_texts().reset_done
        self.reset_message.value = feedback_html(True, done.headline, prose.fill(done.text, backup=backup.name))
        self.name_message.value = self.export_message.value = self.import_message.value = ""
        self.refresh()
        return backup

    def show_location(self) -> None:
        try:
            where = self.store.location_text()
        except STORE_ERRORS as error:
            where = str(error)
        self.where_message.value = feedback_html(None, progress_texts().location, where)


def dashboard(store=None, export_folder: Path | str = "exports") -> ProgressDashboard:
    """The progress page for ``store`` (default: the learner's own store, ``default_store()``)."""
    if store is None:
        from lessons.records.store import default_store

        store = default_store()
    return ProgressDashboard(store, export_folder)
