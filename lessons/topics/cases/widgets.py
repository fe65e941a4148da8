"""Lesson 18: one case study: a made-up person's story above a quiz of its questions."""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit import prose
from lessons.kit.widget import CARD_STYLE, CourseWidget, escape
from lessons.quiz.widget import QuizWidget
from lessons.topics.cases.model import case, words


def story_html(case_id: str) -> str:
    """The story card: the person's name and age, the story, and a note that they are made up."""
    item = case(case_id)
    heading = prose.fill(words()["heading"], title=item.title)
    return (f'<div class="course-card" style="{CARD_STYLE}"><h3>{escape(heading)}</h3>'
            f"<p>{escape(item.story)}</p><p><em>{escape(words()['made_up'])}</em></p></div>")


class CaseStudy(CourseWidget):
    """A case's story (class ``course-case-story``) above its questions (``course-case-quiz``).

    The questions use the course quiz widget, with its ``course-quiz`` class swapped for
    ``course-case-quiz``: the lesson's own "Check yourself" quiz stays the only ``course-quiz``.
    """

    def __init__(self, case_id: str):
        self.case = case(case_id)  # KeyError naming the case if it does not exist
        self.story = widgets.HTML(story_html(case_id))
        self.story.add_class("course-case-story")
        self.quiz = QuizWidget(self.case.bank)
        self.quiz.remove_class("course-quiz")
        self.quiz.add_class("course-case-quiz")
        super().__init__([self.story, self.quiz])
        self.add_class("course-case-study")
        self.add_class(f"course-case-{self.case.id}")
        self.plain_text = prose.fill(words()["plain_text"], title=self.case.title, story=self.case.story,
                                            made_up=words()["made_up"], count=len(self.case.bank))


def case_study(case_id: str) -> CaseStudy:
    """The case study widget for one case, e.g. ``case_study("sam-l5")``."""
    return CaseStudy(case_id)
