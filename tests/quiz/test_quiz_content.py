"""The final assessment's words as data: final_assessment.yml loads, and a broken copy names the file and field."""

from __future__ import annotations

import pytest

from lessons.kit.data import ContentError
from lessons.kit.prose import fill
from lessons.quiz.assessment import LessonScore
from lessons.quiz.assessment_widget import TEXTS_FILE, assessment_texts, results_card
from tests.conftest import broken_copy, names


def test_the_texts_load_and_the_results_card_uses_them():
    texts = assessment_texts()
    card = results_card({"03_herniated_disc": LessonScore(1, 2, 4)}, 0.5)
    assert fill(texts.score, correct=1, total=4) in card and fill(texts.answered, answered=2, total=4) in card
    assert texts.unanswered in card and texts.revisit_heading in card and fill(texts.revisit, percent=50) in card


def test_a_schema_error_names_the_file_and_field(tmp_path):
    with pytest.raises(ContentError, match=names("final_assessment.yml", "unanswered") + "is required"):
        assessment_texts(broken_copy(tmp_path, TEXTS_FILE, lambda doc: doc.pop("unanswered")))
    with pytest.raises(ContentError, match=names("final_assessment.yml", "revisit_heading") + "must match pattern"):
        assessment_texts(broken_copy(tmp_path, TEXTS_FILE, lambda doc: doc.update(revisit_heading="<em>Revisit</em>")))


@pytest.mark.parametrize("change, field, words", [
    (lambda doc: doc.update(score="You got {right} of {total} right"), "score",
     r"uses \{right\}, \{total\}, but must use exactly \{correct\}, \{total\}"),
    (lambda doc: doc.update(intro="{questions} questions in mixed order."), "intro",
     r"uses \{questions\}, but must use exactly \{lessons\}, \{questions\}"),
    (lambda doc: doc.update(start_results="Press {button}."), "start_results", "has a brace"),
])
def test_template_rules_name_the_file_and_field(tmp_path, change, field, words):
    with pytest.raises(ContentError, match=names("final_assessment.yml", field) + words):
        assessment_texts(broken_copy(tmp_path, TEXTS_FILE, change))
