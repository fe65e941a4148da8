"""Lesson 16: the symptom explorer's rules, explain(), map figure and widget."""

from __future__ import annotations

import pytest

from lessons.kit import triage
from lessons.kit.data import ContentError, read_yaml
from lessons.kit.references import bibliography
from lessons.topics.back_to_leg.model import leg_areas
from lessons.topics.causes_compared.model import causes
from lessons.topics.symptom_explorer import model as symptoms_module
from lessons.topics.symptom_explorer.figures import REGIONS, symptom_map_figure
from lessons.topics.symptom_explorer.model import (
    areas,
    explain,
    rule,
    rules,
    selection,
)
from lessons.topics.symptom_explorer.widgets import SymptomExplorer, banner_html, explanation_card
from tests.conftest import broken_copy

NOTHING_SELECTED = symptoms_module.words()["messages.nothing_selected"]
NOTHING_MATCHES = symptoms_module.words()["messages.nothing_matches"]

EMERGENCY = ["saddle-area", "both-legs", "bladder-bowel", "worsening-weakness"]
LEG = ["inner-shin", "outer-shin", "top-of-foot", "outer-foot", "back-of-calf"]


def ids(result):
    return [item.id for item in result.matches]


# ---- the data ----

def test_every_rule_has_known_refs_causes_and_areas():
    known_refs, cause_ids = bibliography(), {c.id for c in causes()}
    for item in rules():
        assert item.refs and all(ref in known_refs for ref in item.refs), item.id
        assert all(c in cause_ids for c in item.causes), item.id
        assert item.why and item.check and item.structures
    area_ids = {a.id for a in areas()}
    assert set(leg_areas()) <= area_ids
    assert {"low-back", "buttock", "back-of-thigh", "groin", "saddle", "both-legs"} <= area_ids
    assert set(REGIONS) == area_ids  # every area can be drawn


def test_emergency_rules_are_the_red_flags():
    assert [r.id for r in rules() if r.emergency] == EMERGENCY
    for rule_id in EMERGENCY:
        assert "bass-2018-cauda-equina" in rule(rule_id).refs


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["rules"][0]["when"].update(where=["elbow"]), "unknown areas id 'elbow'"),
    (lambda d: d["rules"][5]["points_to"].update(causes=["flu"]), "unknown cause 'flu'"),
    (lambda d: d["rules"][5].update(refs=["made-up-2099"]), "unknown reference 'made-up-2099'"),
    (lambda d: d["rules"][6].update(id=d["rules"][5]["id"]), "duplicate rule id"),
])
def test_mistakes_in_the_rules_file_are_reported(monkeypatch, change, message):
    document = read_yaml(symptoms_module.CONTENT / "symptom_rules.yml")
    change(document)
    monkeypatch.setattr(symptoms_module.triage, "load", lambda name, schema: document)
    symptoms_module._document.cache_clear()
    try:
        with pytest.raises(ContentError, match=message):
            symptoms_module._document()
    finally:
        symptoms_module._document.cache_clear()


def test_the_schema_rejects_a_rule_without_sources(tmp_path):
    path = broken_copy(tmp_path, symptoms_module.CONTENT / "symptom_rules.yml", lambda d: d["rules"][0].pop("refs"))
    with pytest.raises(ContentError, match="refs"):
        symptoms_module.data.load(path, "symptom_rules")


# ---- explain(): one test per rule ----

RULE_CASES = {
    "saddle-area": {"areas": ["saddle"], "kind": "numbness"},
    "both-legs": {"areas": ["both-legs"], "kind": "pain"},
    "bladder-bowel": {"areas": ["low-back"], "other": ["bladder-bowel"]},
    "worsening-weakness": {"areas": ["outer-shin"], "kind": "pain", "other": ["worsening-weakness"]},
    "calf-claudication": {"areas": ["back-of-calf"], "kind": "pain", "worse": ["walking-standing"],
                          "better": ["standing-still"]},
    "numb-l4": {"areas": ["inner-shin"], "kind": "numbness"},
    "numb-l5": {"areas": ["top-of-foot"], "kind": "tingling"},
    "numb-s1": {"areas": ["outer-foot"], "kind": "numbness"},
    "pain-below-knee": {"areas": ["back-of-calf"], "kind": "pain"},
    "pain-above-knee": {"areas": ["low-back"], "kind": "pain"},
    "numb-above-knee": {"areas": ["back-of-thigh"], "kind": "numbness"},
    "buttock-pain": {"areas": ["buttock"], "kind": "pain"},
    "groin-pain": {"areas": ["groin"], "kind": "pain"},
    "walking-eased-by-sitting": {"areas": ["back-of-thigh"], "kind": "tingling", "worse": ["walking-standing"],
                                 "better": ["bending-forward"]},
    "cough-leg-pain": {"areas": ["outer-shin"], "kind": "pain", "worse": ["coughing"]},
    "back-worse-sitting-bending": {"areas": ["low-back"], "kind": "pain", "worse": ["sitting"]},
    "sudden-after-lift": {"areas": ["low-back"], "kind": "pain", "onset": "sudden-lift"},
    "gradual-onset": {"areas": ["groin"], "kind": "numbness", "onset": "gradual"},
}


def test_every_rule_has_a_case():
    assert sorted(RULE_CASES) == sorted(r.id for r in rules())


@pytest.mark.parametrize("rule_id", sorted(RULE_CASES))
def test_each_rule_matches_its_pattern(rule_id):
    result = explain(RULE_CASES[rule_id])
    assert rule_id in ids(result)
    assert result.emergency == rule(rule_id).emergency


def test_warning_rules_take_their_level_from_the_triage_file_and_come_first():
    for item in rules():
        if item.sign:
            assert item.level == triage.sign(item.sign).level
    result = explain({"areas": ["back-of-calf", "both-legs"], "kind": "pain", "worse": ["walking-standing"],
                      "better": ["standing-still"]})
    assert [r.id for r in result.matches][:2] == ["both-legs", "calf-claudication"]
    assert result.message.startswith(triage.level("emergency").symbol)
    alone = explain(RULE_CASES["calf-claudication"])
    assert not alone.emergency and alone.message.startswith(triage.level("soon").symbol)


def test_one_buttock_numb_is_not_an_emergency_but_the_saddle_area_is():
    assert not explain({"areas": ["buttock"], "kind": "numbness"}).emergency
    assert explain({"areas": ["saddle"], "kind": "tingling"}).emergency


def test_rules_do_not_match_the_wrong_pattern():
    assert "numb-l5" not in ids(explain({"areas": ["top-of-foot"], "kind": "pain"}))
    assert "pain-above-knee" not in ids(explain({"areas": ["low-back", "outer-shin"], "kind": "pain"}))
    assert "walking-eased-by-sitting" not in ids(explain({"areas": ["low-back"], "worse": ["walking-standing"]}))
    assert "cough-leg-pain" not in ids(explain({"areas": ["low-back"], "kind": "pain", "worse": ["coughing"]}))
    assert not explain({"areas": ["buttock"], "kind": "pain"}).emergency


def test_the_root_rules_name_the_right_root():
    assert explain({"areas": ["inner-shin"], "kind": "numbness"}).roots == ("L4",)
    assert explain({"areas": ["outer-shin"], "kind": "numbness"}).roots == ("L5",)
    assert explain({"areas": ["back-of-calf"], "kind": "tingling"}).roots == ("S1",)
    assert "spinal-stenosis" in explain(RULE_CASES["walking-eased-by-sitting"]).causes


def test_emergency_rules_come_first_whatever_else_matches():
    result = explain({"areas": ["top-of-foot", "low-back", "saddle"], "kind": "numbness",
                      "worse": ["walking-standing"], "better": ["sitting"], "other": ["bladder-bowel"]})
    flags = [item.emergency for item in result.matches]
    assert flags == sorted(flags, reverse=True) and flags[0]
    assert ids(result)[:2] == ["saddle-area", "bladder-bowel"]
    assert triage.level("emergency").heading in result.message


def test_order_is_fixed_and_follows_the_file():
    order = [r.id for r in rules()]
    result = explain({"areas": ["buttock", "outer-foot"], "kind": "pain", "worse": ["coughing"]})
    assert ids(result) == sorted(ids(result), key=order.index)
    assert explain({"areas": ["buttock", "outer-foot"], "kind": "pain", "worse": ["coughing"]}) == result


def test_nothing_selected_and_nothing_matching_give_clear_messages():
    assert explain(None).message == NOTHING_SELECTED
    assert explain({}).message == NOTHING_SELECTED
    assert explain({"worse": ["sitting"]}).message == NOTHING_SELECTED  # no area marked
    result = explain({"areas": ["groin"]})  # no kind of symptom chosen
    assert result.matches == () and result.message == NOTHING_MATCHES


def test_selection_accepts_a_single_string_and_duplicates():
    assert selection(areas="low-back").areas == frozenset({"low-back"})
    assert selection(areas=["low-back", "low-back"]).areas == frozenset({"low-back"})


# ---- the figure ----

def test_map_shades_only_the_marked_areas():
    fig = symptom_map_figure(["buttock", "top-of-foot"])
    states = {trace.meta[0]: trace.meta[1] for trace in fig.data if trace.meta}
    assert {a for a, s in states.items() if s == "marked"} == {"buttock", "top-of-foot"}
    assert set(states) == {a.id for a in areas()}
    marked = [t for t in fig.data if t.meta and t.meta[1] == "marked"]
    assert all(t.fillpattern.shape == "x" for t in marked)  # a pattern, not only colour
    assert "✔ buttock" in " ".join(a.text for a in fig.layout.annotations)
    both = [t for t in symptom_map_figure(["both-legs"]).data if t.meta and t.meta[0] == "both-legs"]
    assert len(both) == 2 and all(t.meta[1] == "marked" for t in both)
    assert "nothing marked" in symptom_map_figure().layout.title.text
    with pytest.raises(ValueError, match="'elbow' is not an area"):
        symptom_map_figure(["elbow"])


# ---- the widget ----

def test_banner_and_card_say_not_a_diagnosis():  # escaping: tests/course/test_every_lesson.py
    assert 'class="course-not-a-diagnosis"' in banner_html() and "Not a diagnosis" in banner_html()
    card = explanation_card(explain({"areas": ["saddle"]}))
    assert 'class="course-warning-box"' in card and "cauda equina" in card
    assert "not a diagnosis" in card


def test_widget_explains_what_is_marked():
    widget = SymptomExplorer()
    assert "course-symptom-explorer" in widget._dom_classes
    assert widget.children[0].value == banner_html()
    assert "press <strong>Explain</strong>" in widget.card.value
    widget.explain_button.click()
    assert "Nothing is marked yet" in widget.card.value
    widget.area_boxes["top-of-foot"].value = True
    widget.kind.value = "numbness"
    assert widget.figure.outputs  # the map follows the ticks straight away
    widget.explain_button.click()
    assert 'data-rule="numb-l5"' in widget.card.value and "Herniated disc (lesson 03)" in widget.card.value
    widget.other_boxes["bladder-bowel"].value = True
    widget.explain_button.click()
    assert widget.card.value.index("course-warning-box") < widget.card.value.index('data-rule="numb-l5"')
    widget.clear_button.click()
    assert widget.current()["areas"] == [] and widget.kind.value == "pain"
    assert "press <strong>Explain</strong>" in widget.card.value


def test_widget_shows_a_message_not_a_traceback(monkeypatch):
    widget = SymptomExplorer()
    monkeypatch.setattr(widget, "current", lambda: {"areas": ["elbow"]})
    widget.explain_button.click()
    assert "course-feedback-wrong" in widget.card.value and "elbow" in widget.card.value
