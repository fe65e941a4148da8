"""Lesson 18 (case studies): the cases data, its checks, the overview figure and the case widget."""

from __future__ import annotations

import copy

import pytest

from lessons.kit import triage
from lessons.kit.data import ContentError, read_yaml
from lessons.kit.references import bibliography
from lessons.quiz.bank import QUESTION_TYPES, grade
from lessons.topics.cases import model as cases_module
from lessons.topics.cases.figures import CAUSE_STYLE, cases_overview_figure
from lessons.topics.cases.model import bank_for, case, cases_by_cause, load, parse
from lessons.topics.cases.widgets import CaseStudy, case_study
from lessons.topics.causes_compared.model import causes, clue

CASES_FILE = cases_module.CASES_FILE


@pytest.fixture
def document():
    return copy.deepcopy(read_yaml(CASES_FILE))


# --- the data ---------------------------------------------------------------------------------

def test_at_least_eight_cases_cover_all_six_causes():
    assert len(load()) >= 8
    assert all(cases_by_cause()[item.id] for item in causes()), "every cause has a case"


def test_each_case_is_complete_and_consistent():
    known = bibliography()
    lessons_of = {item.id: item.lesson for item in causes()}
    for item in load():
        assert 80 <= len(item.story.split()) <= 150, item.id
        assert item.lesson == lessons_of[item.cause]
        assert item.refs and all(ref in known for ref in item.refs)
        for clue_id in item.clues:
            clue(clue_id)
        assert 2 <= len(item.bank) <= 3
        for question in item.bank.questions:
            assert question.type in QUESTION_TYPES and question.explanation
            assert all(option.explanation for option in question.options)


def test_every_case_asks_where_it_points_and_likely_cause_or_next_step():
    for item in load():
        topics = {q.topic for q in item.bank.questions}
        assert "where it points" in topics, item.id
        assert topics & {"likely cause", "next step"}, item.id


def test_the_red_flag_case_sends_to_emergency_care():
    (emergency,) = [item for item in load() if item.urgency == "emergency"]
    assert "both-legs" in emergency.clues and "both-legs" in emergency.signs
    step = emergency.bank.question("next-step")
    (right,) = [o for o in step.options if o.correct]
    assert right.text == triage.level("emergency").lead


def test_a_case_urgency_is_its_most_serious_signs_level():
    for item in load():
        expected = triage.level_of(item.signs)
        assert item.urgency == (expected.key if expected else "routine"), item.id
    assert sum(1 for item in load() if not item.signs) >= 6


def test_an_unknown_warning_sign_names_the_case_and_field():
    from lessons.kit.data import ContentError, read_yaml
    from lessons.topics.cases.model import validate

    document = read_yaml(cases_module.CASES_FILE)
    document["cases"][0]["signs"] = ["no-such-sign"]
    with pytest.raises(ContentError, match=r"signs\.0.*|unknown warning sign") as info:
        validate(document)
    assert info.value.field == "cases.0.signs.0" and "no-such-sign" in str(info.value)


def test_root_cases_point_to_l5_and_s1():
    answers = {}
    for case_id in ("sam-l5", "rosa-s1"):
        question = bank_for(case_id).question("root")
        (right,) = [o.text for o in question.options if o.correct]
        answers[case_id] = right
    assert answers == {"sam-l5": "L5", "rosa-s1": "S1"}


def test_numeric_answer_is_the_papers_number():
    # Jensen 1994: 52% of 98 people without back pain had a disc bulge (lesson 03).
    question = bank_for("daniel-mri").question("bulge-common")
    assert question.answer == 52
    assert "52%" in bibliography()["jensen-1994-mri-no-back-pain"]["supports"]


def test_case_lookup_errors():
    with pytest.raises(KeyError, match="no case 'nobody'"):
        case("nobody")
    assert case("sam-l5").name == "Sam"


# --- the checks name the case, question and field -----------------------------------------------

def test_bad_question_names_case_and_question(document):
    document["cases"][0]["questions"][0]["options"][1]["correct"] = False  # no correct option
    with pytest.raises(ContentError) as error:
        parse(document)
    assert error.value.item == "sam-l5 / question root"
    assert error.value.field == "cases.0.questions.0.options"
    assert "no correct option" in str(error.value)


def test_question_missing_explanation_is_named(document):
    del document["cases"][1]["questions"][1]["explanation"]
    with pytest.raises(ContentError) as error:
        parse(document)
    assert error.value.item.startswith("rosa-s1")
    assert "explanation" in error.value.field


@pytest.mark.parametrize("field, value, problem", [
    ("cause", "broken-leg", "unknown cause"),
    ("lesson", "08_sciatica", "the lesson of 'herniated-disc'"),
    ("clues", ["no-such-clue"], "unknown clue"),
    ("refs", ["no-such-ref"], "unknown reference"),
    ("story", "Too short a story.", "the story has 4 words"),
])
def test_bad_case_fields_are_named(document, field, value, problem):
    document["cases"][0][field] = value
    with pytest.raises(ContentError) as error:
        parse(document)
    assert error.value.item == "sam-l5" and error.value.field.startswith(f"cases.0.{field}")
    assert problem in str(error.value)


def test_schema_errors_name_the_case(document):
    document["cases"][2]["title"] = "margaret"
    with pytest.raises(ContentError) as error:
        parse(document)
    assert error.value.item == "margaret-stenosis"


def test_duplicate_case_id(document):
    document["cases"][1]["id"] = "sam-l5"
    with pytest.raises(ContentError, match="duplicate case id"):
        parse(document)


# --- the figure ---------------------------------------------------------------------------------

def test_overview_has_one_marker_per_case_and_a_trace_per_cause():
    fig = cases_overview_figure()
    assert [t.name for t in fig.data] == [item.name for item in causes()]
    assert sum(len(t.x) for t in fig.data) == len(load())
    symbols = {t.marker.symbol for t in fig.data}
    assert len(symbols) == len(CAUSE_STYLE) == 6, "each cause has its own marker shape"
    assert "all six causes" in fig.layout.title.text


def test_overview_labels_the_emergency_case_in_words():
    fig = cases_overview_figure()
    labelled = [(y, text) for t in fig.data for y, text in zip(t.y, t.text, strict=True) if text]
    assert len(labelled) == 1 and "emergency" in labelled[0][1] and "Mark" in labelled[0][0]


def test_overview_rows_show_each_key_clue():
    ticks = " ".join(cases_overview_figure().layout.yaxis.categoryarray).replace("<br>", " ")
    for item in load():
        assert item.title in ticks and item.key_clue in ticks


# --- the widget ---------------------------------------------------------------------------------

def test_case_widget_classes_keep_one_course_quiz_per_notebook():
    widget = case_study("sam-l5")
    assert isinstance(widget, CaseStudy)
    assert "course-case-study" in widget._dom_classes
    assert "course-case-story" in widget.story._dom_classes
    assert "course-case-quiz" in widget.quiz._dom_classes
    assert "course-quiz" not in widget.quiz._dom_classes
    assert "made up" in widget.plain_text.lower() or "made-up" in widget.plain_text.lower()


def test_answering_a_case_question_from_python():
    widget = case_study("mark-emergency")
    first = widget.quiz.questions[0]
    first.check_button.click()  # nothing chosen: asks for an answer, not counted
    assert "Choose one answer" in first.feedback.value
    first.control.value = triage.level("emergency").lead
    first.check_button.click()
    assert "Correct." in first.feedback.value
    assert "1 of 3 correct" in widget.quiz.score_label.value
    flags = widget.quiz.questions[1]
    for box in flags.choices[:2]:
        box.value = True
    feedback = flags.check()
    assert not feedback.correct and "2 more answers are also correct" in feedback.notes[0]
    flags.retry_button.click()
    assert flags.feedback.value == "" and not any(box.value for box in flags.choices)


def test_numeric_case_question_reads_typed_text():
    widget = case_study("daniel-mri")
    numeric = widget.quiz.questions[1]
    numeric.control.value = "fifty"
    numeric.check_button.click()
    assert "Please type a number" in numeric.feedback.value
    numeric.control.value = "52"
    numeric.check_button.click()
    assert "Correct." in numeric.feedback.value


def test_unknown_case_widget_raises_key_error():
    with pytest.raises(KeyError):
        case_study("nobody")


def test_every_case_grades_its_correct_options():
    for item in load():
        for question in item.bank.questions:
            if question.type == "single":
                response = next(iter(question.correct_indices))
            elif question.type == "multiple":
                response = set(question.correct_indices)
            else:
                response = question.answer
            assert grade(question, response).correct, (item.id, question.id)
