"""Lesson 02c: the reflection exercise (no score, kind words, escaped), its content file and the trial figure."""

from __future__ import annotations

import re

import pytest
import yaml

from lessons.kit import data
from lessons.kit.references import bibliography
from lessons.kit.tables import load_table
from lessons.topics.person_behind_the_pain import figures, model, widgets
from lessons.topics.person_behind_the_pain.model import ReflectionError, factors, load_reflection, reflect

IDS = [factor.id for factor in factors()]
SCORE_WORDS = re.compile(r"\d|\bscore[sd]?\b|\bpoints?\b|\blow risk\b|\bmedium risk\b|\bhigh risk\b|\bout of\b|%",
                         re.I)


# --- the content ------------------------------------------------------------------------------------

def test_the_five_yellow_flags_of_the_lesson_are_there():
    assert IDS == ["fear-of-moving", "expecting-the-worst", "low-mood", "work", "feeling-alone"]
    names = " ".join(factor.name for factor in factors())
    assert "catastrophising" in names and "fear-avoidance" in names


def test_every_factor_cites_known_references_and_says_what_helps_and_who():
    known = bibliography()
    for factor in factors():
        assert factor.refs and all(ref in known for ref in factor.refs)
        assert factor.common and factor.helps and factor.who


def test_no_text_blames_the_learner_or_scores_them():
    content = model.content()
    texts = [content.start, content.none_ticked, *content.closing]
    texts += [text for f in factors() for text in (f.label, f.name, f.common, f.helps, f.who)]
    for text in texts:
        assert not re.search(r"(?<!not )your fault|you should have|\bweak\b(?!ness)|lazy|exaggerat", text, re.I), text
    # the exercise says plainly that it does not score and that the pain is real
    closing = " ".join(content.closing)
    assert "no score" in closing and "no risk group" in closing and "the pain is real" in closing


def _write(tmp_path, change):
    document = data.read_yaml(model.REFLECTION_FILE)
    change(document)
    path = tmp_path / "reflection.yml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    (tmp_path / "reflection.schema.json").write_text(
        (model.CONTENT / "reflection.schema.json").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_a_duplicate_factor_is_named(tmp_path):
    path = _write(tmp_path, lambda d: d["factors"].append(dict(d["factors"][0])))
    with pytest.raises(data.ContentError) as error:
        load_reflection(path)
    assert "duplicate factor id" in str(error.value) and "fear-of-moving" in str(error.value)


def test_an_unknown_reference_is_named(tmp_path):
    path = _write(tmp_path, lambda d: d["factors"][1]["refs"].append("no-such-paper"))
    with pytest.raises(data.ContentError) as error:
        load_reflection(path)
    assert "no-such-paper" in str(error.value) and "factors.1.refs" in str(error.value)


def test_a_missing_field_is_named(tmp_path):
    path = _write(tmp_path, lambda d: d["factors"][2].pop("who"))
    with pytest.raises(data.ContentError) as error:
        load_reflection(path)
    assert "who" in str(error.value)


# --- reflect(): kind words, no score ----------------------------------------------------------------

def test_reflect_keeps_the_content_order_and_ignores_repeats():
    result = reflect(["work", "fear-of-moving", "work"])
    assert [f.id for f in result.factors] == ["fear-of-moving", "work"]
    assert result.none_ticked is None and result.closing == model.content().closing
    assert "nhs-accessing-physiotherapy" in result.sources


def test_nothing_ticked_is_a_kind_message_not_an_error():
    result = reflect([])
    assert result.factors == () and result.none_ticked == model.content().none_ticked


@pytest.mark.parametrize("bad", [["lazy"], ["<script>"], [None], [5], "work", None, 3, b"work", [["work"]]])
def test_bad_input_is_the_exercises_own_short_error(bad):
    with pytest.raises(ReflectionError) as error:
        reflect(bad)
    assert len(str(error.value)) <= 200


def test_a_huge_unknown_choice_is_not_echoed_in_full():
    with pytest.raises(ReflectionError) as error:
        reflect(["x" * 100_000])
    assert len(str(error.value)) < 200


@pytest.mark.parametrize("count", range(len(IDS) + 1))
def test_the_card_never_shows_a_score_a_count_or_a_risk_group(count):
    html = widgets.reflection_card(reflect(IDS[:count]))
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("no score", "").replace("no risk group", "")
    assert not SCORE_WORDS.search(text), SCORE_WORDS.search(text)


def test_the_card_shows_what_helps_and_who_can_help_for_each_choice():
    html = widgets.reflection_card(reflect(["low-mood", "feeling-alone"]))
    assert html.count("What can help") == 2 and html.count("Who can help") == 2
    assert "Low mood" in html and "Feeling alone with it" in html and "Problems at work" not in html
    assert 'role="status"' in html


def test_the_card_escapes_its_text():
    factor = factors()[0]
    evil = model.Factor("x", "<b>label</b>", "<script>alert(1)</script>", "a & b", "\"quoted\"", "'who'", ("x",))
    html = widgets.reflection_card(model.Reflection((factor, evil), ("<i>closing</i>",), None))
    assert "<script" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html and "&quot;quoted&quot;" in html and "&#x27;who&#x27;" in html


# --- the widget ---------------------------------------------------------------------------------------

def test_the_widget_shows_the_card_for_the_ticked_boxes_and_clears():
    exercise = widgets.ReflectionExercise()
    assert "Nothing you tick is saved" in exercise.card.value
    exercise.boxes["expecting-the-worst"].value = True
    exercise.show_button.click()
    assert "Expecting the worst (catastrophising)" in exercise.card.value
    exercise.clear_button.click()
    assert not any(box.value for box in exercise.boxes.values())
    assert "Nothing you tick is saved" in exercise.card.value


def test_the_widget_shows_bad_input_as_a_message_not_a_traceback():
    exercise = widgets.ReflectionExercise()
    assert exercise.show(["<img src=x onerror=alert(1)>"]) is None
    assert "&lt;img" in exercise.card.value and "<img" not in exercise.card.value
    assert "not one of the choices" in exercise.card.value


def test_every_box_is_a_keyboard_usable_checkbox_with_its_sentence():
    exercise = widgets.ReflectionExercise()
    assert [box.description for box in exercise.boxes.values()] == [f.label for f in factors()]
    assert exercise.plain_text.startswith("A reflection exercise")


# --- the figure ---------------------------------------------------------------------------------------

def test_the_figure_uses_the_checked_numbers_of_hill_2011():
    table = load_table(figures.TRIAL_TABLE)
    assert table.source == "hill-2011-startback-trial"
    rows = {row["months"]: row for row in table.rows}
    assert (rows[4]["stratified_change"], rows[4]["usual_change"], rows[4]["difference"]) == (4.7, 3.0, 1.81)
    assert (rows[4]["lower"], rows[4]["upper"]) == (1.06, 2.57)
    assert (rows[12]["stratified_change"], rows[12]["usual_change"], rows[12]["difference"]) == (4.3, 3.3, 1.06)
    assert (rows[12]["lower"], rows[12]["upper"]) == (0.25, 1.86)
    assert rows[4]["stratified_people"] + rows[4]["usual_people"] == 851


def test_the_figure_draws_both_groups_with_patterns_labels_and_the_differences():
    fig = figures.stratified_care_figure()
    assert [trace.meta for trace in fig.data] == ["stratified", "usual"]
    assert list(fig.data[0].y) == [4.7, 4.3] and list(fig.data[1].y) == [3.0, 3.3]
    assert fig.data[0].marker.pattern.shape != fig.data[1].marker.pattern.shape
    assert "568 people" in fig.data[0].name and "283 people" in fig.data[1].name
    notes = " ".join(annotation.text for annotation in fig.layout.annotations)
    assert "1.81" in notes and "1.06 to 2.57" in notes and "0.25 to 1.86" in notes
    assert fig.layout.title.text and fig.layout.yaxis.range[0] == 0
