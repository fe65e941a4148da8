"""Lesson 19 widget: the final assessment, questions from every lesson with a score by lesson.

It looks like a lesson quiz (class ``course-quiz``, one ``course-question`` per question, and one
``course-quiz-score`` line), so learners and the browser test use it the same way. The drawing,
scoring and "revisit" rule are pure functions in ``lessons.quiz.assessment``; the card text is the pure
``results_card`` below, and the chart is ``lessons.quiz.figures.results_figure``. Checked
answers are saved in the progress store as lesson ``19_final_assessment``, as a lesson quiz saves them.
What the widget says around the questions is content: ``lessons/quiz/content/final_assessment.yml``, read
by ``assessment_texts`` (checked against its schema; every template must use exactly its ``{fields}``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ipywidgets as widgets

from lessons.kit import course, prose
from lessons.kit.widget import CARD_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.quiz.assessment import (
    DEFAULT_SEED,
    FINAL_ASSESSMENT,
    REVISIT_THRESHOLD,
    DrawnQuestion,
    LessonScore,
    check_threshold,
    draw_questions,
    lessons_to_revisit,
    question_key,
    score_by_lesson,
)
from lessons.quiz.bank import Question, QuizScore
from lessons.quiz.figures import lesson_name, results_figure
from lessons.quiz.widget import ProgressRecorder, QuestionWidget, SharedModels, score_html
from lessons.records.store import ProgressStore

TEXTS_FILE = Path(__file__).parent / "content" / "final_assessment.yml"
TEMPLATES = {"intro": {"questions", "lessons"}, "score": {"correct", "total"}, "answered": {"answered", "total"},
             "revisit": {"percent"}, "no_revisit": {"percent"}}


@dataclass(frozen=True)
class AssessmentTexts:
    """What the widget says (see final_assessment.yml); the templates' fields are in ``TEMPLATES``."""

    intro: str
    start_results: str
    score: str
    answered: str
    unanswered: str
    revisit_heading: str
    revisit: str
    no_revisit_heading: str
    no_revisit: str


def assessment_texts(path: Path | str | None = None) -> AssessmentTexts:
    """What the widget says, validated; the shipped file unless ``path`` is given."""
    return _assessment_texts(str((Path(path) if path is not None else TEXTS_FILE).resolve()))


@cache
def _assessment_texts(path_text: str) -> AssessmentTexts:
    return AssessmentTexts(**prose.load(Path(path_text), "final_assessment", TEMPLATES))


def lesson_link_html(lesson_file: str) -> str:
    """The lesson's number and title, linked to its notebook once the lesson is ready (escaped)."""
    name = escape(lesson_name(lesson_file))
    try:
        ready = course.lesson(lesson_file).ready
    except KeyError:
        ready = False
    return f'<a href="{escape(lesson_file)}.ipynb">{name}</a>' if ready else name


def results_card(scores: dict[str, LessonScore], threshold: float = REVISIT_THRESHOLD) -> str:
    """The results as HTML: overall score, how many are unanswered, and the lessons to revisit."""
    limit = check_threshold(threshold)
    correct = sum(s.correct for s in scores.values())
    answered = sum(s.answered for s in scores.values())
    total = sum(s.total for s in scores.values())
    revisit = lessons_to_revisit(scores, limit)
    percent = round(100 * limit)
    texts = assessment_texts()
    lines = [f"<p><strong>{prose.fill(texts.score, correct=correct, total=total)}</strong> "
             f"{prose.fill(texts.answered, answered=answered, total=total)}</p>"]
    if answered < total:
        lines.append(f"<p>{escape(texts.unanswered)}</p>")
    if revisit:
        items = "".join(f"<li>{lesson_link_html(f)}: {scores[f].correct} of {scores[f].total} correct</li>"
                        for f in revisit)
        lines.append(f"<p><strong>{texts.revisit_heading}</strong> {prose.fill(texts.revisit, percent=percent)}"
                     f"</p><ul>{items}</ul>")
    else:
        lines.append(f"<p><strong>{texts.no_revisit_heading}</strong> "
                     f"{prose.fill(texts.no_revisit, percent=percent)}</p>")
    return (f'<div class="course-card course-assessment-results" role="status" style="{CARD_STYLE}">'
            f"<h4>Your results</h4>{''.join(lines)}</div>")


class FinalAssessment(CourseWidget):
    """Questions from every lesson's bank, a running score, and results by lesson on request."""

    plain_text = ("Final assessment: questions from every lesson, with a score by lesson. "
                  "Run this notebook in JupyterLab to answer it.")

    def __init__(self, drawn: Sequence[DrawnQuestion], threshold: float = REVISIT_THRESHOLD, *,
                 store: ProgressStore | None = None):
        self.drawn = tuple(drawn)
        self.threshold = check_threshold(threshold)
        self.score = QuizScore(len(self.drawn), {})
        self.progress = ProgressRecorder(FINAL_ASSESSMENT, len(self.drawn), store)
        self.shared = SharedModels()
        n_lessons = len({lesson_file for lesson_file, _ in self.drawn})
        texts = assessment_texts()
        intro = prose.fill(texts.intro, questions=len(self.drawn), lessons=n_lessons)
        self.heading = widgets.HTML(f"<h3>Final assessment</h3><p>{intro}</p>")
        self.questions = [self._question(lesson_file, question, number)
                          for number, (lesson_file, question) in enumerate(self.drawn, start=1)]
        self.score_label = widgets.HTML(self._score_html())
        self.results_button = widgets.Button(description="Show my results", icon="bar-chart",
                                             tooltip="Show your score by lesson and the lessons to revisit",
                                             layout=widgets.Layout(width="auto"))
        self.results_button.on_click(lambda _button: self.show_results())
        self.card = widgets.HTML(feedback_html(None, texts.start_results))
        self.figure = widgets.Output()
        super().__init__([self.heading, *self.questions, self.score_label, self.results_button,
                          self.card, self.figure])
        self.add_class("course-quiz")
        self.add_class("course-final-assessment")

    def _question(self, lesson_file: str, question: Question, number: int) -> QuestionWidget:
        key = question_key(lesson_file, question)
        intro = f'<p class="course-question-lesson"><em>From lesson {escape(lesson_name(lesson_file))}</em></p>'
        widget = QuestionWidget(question, number, shared=self.shared, intro_html=intro)
        widget.on_checked = lambda _qid, feedback: self._record(key, feedback, widget.chosen())
        return widget

    def _score_html(self, message: str = "") -> str:
        return score_html(self.score, message)

    def _record(self, key: str, feedback, chosen: tuple[str, ...] = ()) -> None:
        self.score.record(key, feedback)
        message = self.progress.save(key, feedback, chosen)
        self.score_label.value = self._score_html(message)

    def scores(self) -> dict[str, LessonScore]:
        """The score by lesson so far (unanswered questions count as not correct)."""
        return score_by_lesson((lesson_file, self.score.results.get(question_key(lesson_file, question)))
                               for lesson_file, question in self.drawn)

    def revisit(self) -> list[str]:
        return lessons_to_revisit(self.scores(), self.threshold)

    def show_results(self) -> dict[str, LessonScore]:
        """Show the results card and the chart by lesson."""
        scores = self.scores()
        self.card.value = results_card(scores, self.threshold)
        show_figure(self.figure, results_figure(scores, self.threshold))
        return scores


def final_assessment(seed: int = DEFAULT_SEED, store: ProgressStore | None = None) -> FinalAssessment:
    """The final assessment: about two questions from every lesson, in an order fixed by ``seed``."""
    return FinalAssessment(draw_questions(seed=seed), store=store)
