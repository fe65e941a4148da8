"""Teacher widgets (``teachers/class_results.ipynb``): a class's results, and quiz exports for an LMS.

The counting is in ``lessons.progress.classroom`` and the charts in ``lessons.progress.classroom_figures``;
this module only wires them to standard, keyboard-usable controls. Every file name, reason and
answer from a learner's file is escaped before it is shown.
"""

from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as widgets

from lessons.kit.files import write_atomically
from lessons.kit.widget import CourseWidget, escape, feedback_html, show_figure
from lessons.progress import exports
from lessons.progress.classroom import (
    SAMPLE_DIR,
    SAMPLE_FOLDER,
    ClassResults,
    class_beliefs,
    class_progress,
    item_analysis,
    load_class,
    quoted,
    wrong_choices,
)
from lessons.progress.classroom_figures import missed_figure, progress_figure, question_text, wrong_choices_figure
from lessons.quiz.bank import all_banks
from lessons.quiz.beliefs import BeliefsCheck, ClassMove, load_beliefs
from lessons.quiz.beliefs_figures import class_beliefs_figure

AUTO = widgets.Layout(width="auto")


def relative_folder(folder: Path = SAMPLE_DIR) -> str:
    """``folder`` relative to the kernel's working folder (e.g. ``../assets/sample_class``)."""
    try:
        return Path(os.path.relpath(folder)).as_posix()
    except ValueError:  # another drive on Windows
        return str(folder)


def sample_folder() -> str:
    """Where the sample class is, as the folder box shows it: the repository's copy relative to the kernel's
    working folder, or, for an installed package (no source tree), ``../assets/sample_class`` beside
    ``teachers/`` in the course folder; if that is missing too, Load says so in plain words."""
    return relative_folder(SAMPLE_DIR) if SAMPLE_DIR.is_dir() else SAMPLE_FOLDER


def skipped_html(skipped) -> str:
    if not skipped:
        return ""
    items = "".join(f"<li><code>{escape(name)}</code>: {escape(reason)}</li>" for name, reason in skipped)
    return (f'<div class="course-class-skipped"><p><strong>{len(skipped)} file{"s" if len(skipped) != 1 else ""}'
            f" skipped</strong> (not loaded):</p><ul>{items}</ul></div>")


class ClassResultsWidget(CourseWidget):
    """Type a folder of learners' results files, press Load: progress, most-missed questions, wrong answers."""

    plain_text = "Class results: load a folder of learners' results files (run this notebook in JupyterLab)."

    def __init__(self, folder: str | None = None, top: int = 10):
        self.top = top
        self.folder = widgets.Text(value=sample_folder() if folder is None else folder, description="Folder:",
                                   layout=widgets.Layout(width="32em"))
        self.load_button = widgets.Button(description="Load", button_style="primary", icon="folder-open",
                                          tooltip="Load every results file in this folder")
        self.status, self.skipped = widgets.HTML(), widgets.HTML()
        self.progress, self.missed, self.wrong = widgets.Output(), widgets.Output(), widgets.Output()
        self.picker = widgets.Dropdown(options=[], description="Question:", layout=widgets.Layout(width="44em"))
        self.beliefs_table, self.beliefs = widgets.HTML(), widgets.Output()
        self.learners, self.stats = (), {}
        self.load_button.on_click(lambda _button: self.load())
        self.picker.observe(lambda change: self.show_question(change["new"]), names="value")
        super().__init__([widgets.HBox([self.folder, self.load_button]), self.status, self.skipped,
                          self.progress, self.missed, self.picker, self.wrong, self.beliefs, self.beliefs_table])
        self.add_class("course-class-results")
        self.load()

    def load(self) -> None:
        shown = self.folder.value.strip()
        result = load_class(shown) if shown else ClassResults((), (), "Type the folder that holds the results files.")
        self.learners = result.learners
        self.skipped.value = skipped_html(result.skipped)
        if not result.learners:
            self.status.value = feedback_html(False, result.notice or "No results loaded.")
            for output in (self.progress, self.missed, self.wrong, self.beliefs):
                output.outputs = ()
            self.beliefs_table.value = ""
            self.stats = {}
            self.picker.options = []
            return
        stats = item_analysis(result.learners)
        names = ", ".join(learner.display_name or f"(no name: {learner.source})" for learner in result.learners)
        self.status.value = feedback_html(None, f"Loaded the results of {len(result.learners)} learners from "
                                                f"{quoted(shown)}.", notes=(f"Learners: {names}.",))
        show_figure(self.progress, progress_figure(class_progress(result.learners)))
        show_figure(self.missed, missed_figure(stats, self.top))
        self.stats = {(s.lesson, s.question): s for s in stats}
        self.picker.options = [(f"{question_text(s, 70)} ({s.missed} of {s.answered} missed)",
                                (s.lesson, s.question)) for s in stats]
        self.picker.value = (stats[0].lesson, stats[0].question) if stats else None
        self.show_question(self.picker.value)
        check = load_beliefs()
        moves = class_beliefs(result.learners, check)
        show_figure(self.beliefs, class_beliefs_figure(check, moves))
        self.beliefs_table.value = beliefs_table_html(check, moves)

    def show_question(self, key) -> None:
        if key is None or key not in self.stats:
            self.wrong.outputs = ()
            return
        show_figure(self.wrong, wrong_choices_figure(self.stats[key], wrong_choices(self.learners, *key)))


def beliefs_table_html(check: BeliefsCheck, moves: list[ClassMove]) -> str:
    """Per statement: the answer research supports, the class's answers at the start and at the end, and, among
    learners who answered both times, how many moved toward it, stayed or moved away. No totals or scores."""
    labels = check.answer_labels
    def counts(row: dict[str, int]) -> str:
        return ", ".join(f"{labels[answer]} {n}" for answer, n in row.items())
    head = ("<tr><th scope='col'>Statement</th><th scope='col'>Research supports</th>"
            "<th scope='col'>Start</th><th scope='col'>End</th>"
            "<th scope='col'>Answered both times: moved toward / no change / moved away</th></tr>")
    rows = "".join(
        f"<tr><th scope='row'>{m.statement.number}. {escape(m.statement.text)}</th>"
        f"<td>{escape(labels[m.statement.research_says])}</td><td>{escape(counts(m.start))}</td>"
        f"<td>{escape(counts(m.end))}</td><td>{m.moved['toward']} / {m.moved['no change']} / {m.moved['away from']}"
        f" (of {m.both})</td></tr>" for m in moves)
    return ('<div class="course-class-beliefs"><table><caption>The beliefs check: each learner\'s first answer '
            "in lesson 00 (start) and latest answer in lesson 19 (end)</caption>"
            f"<thead>{head}</thead><tbody>{rows}</tbody></table></div>")


# --------------------------------------------------------------------------- LMS export

def write_quiz_export(kind: str, folder: str = "exports") -> str:
    """Write every quiz question as Moodle GIFT (``kind="gift"``) or an Anki deck (``"anki"``) into
    ``folder``; returns a sentence naming the file by the path given (so relative stays relative)."""
    banks, beliefs = all_banks(), load_beliefs()
    if kind == "gift":
        path = Path(folder) / "course-quizzes.gift"
        text = exports.all_banks_to_gift(banks, beliefs)
        write_atomically(path, lambda temp: temp.write_text(text, encoding="utf-8"))
    elif kind == "anki":
        path = Path(folder) / "course-quizzes.apkg"
        write_atomically(path, lambda temp: exports.write_anki_package(temp, banks, beliefs=beliefs))
    else:
        raise ValueError(f"kind must be 'gift' or 'anki', not {kind!r}")
    return f"Wrote {exports.export_summary(banks, beliefs)} to {path.as_posix()}."


class QuizExportWidget(CourseWidget):
    """Two buttons: write the question banks for Moodle (GIFT) or Anki, into ``folder``."""

    plain_text = "Quiz export: buttons to write every quiz question for Moodle or Anki (run in JupyterLab)."

    def __init__(self, folder: str = "exports"):
        self.folder_name = folder
        self.gift_button = widgets.Button(description="Write Moodle GIFT file", icon="download", layout=AUTO,
                                          tooltip=f"Write {folder}/course-quizzes.gift")
        self.anki_button = widgets.Button(description="Write Anki deck", icon="download", layout=AUTO,
                                          tooltip=f"Write {folder}/course-quizzes.apkg")
        self.status = widgets.HTML(feedback_html(None, f"The files go into the folder '{folder}' next to "
                                                       "this notebook."))
        self.gift_button.on_click(lambda _button: self.write("gift"))
        self.anki_button.on_click(lambda _button: self.write("anki"))
        super().__init__([widgets.HBox([self.gift_button, self.anki_button]), self.status])
        self.add_class("course-quiz-export")

    def write(self, kind: str) -> None:
        try:
            self.status.value = feedback_html(True, write_quiz_export(kind, self.folder_name))
        except OSError as exc:
            self.status.value = feedback_html(False, f"The file could not be written: {exc.strerror or exc}")
