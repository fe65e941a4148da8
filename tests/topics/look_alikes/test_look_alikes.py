"""Lesson 09b: the look-alikes, their figure and explorer, and the one source of the thin-bones and balance
cautions that the stretching planner (lesson 12) reads."""

from __future__ import annotations

import pytest

from lessons.kit import triage
from lessons.kit.data import ContentError
from lessons.kit.references import bibliography
from lessons.topics.look_alikes import model
from lessons.topics.look_alikes.figures import where_it_hurts_figure
from lessons.topics.look_alikes.widgets import LookAlikeExplorer, bone_safety_note, comparison_card
from tests.conftest import broken_copy, load_error

SCRIPT = "<script>alert(1)</script>"


# --- the content file ----------------------------------------------------------------------------

def test_each_look_alike_sits_beside_the_back_problem_it_mimics():
    pairs = {item.id: item.mimics for item in model.look_alikes()}
    assert pairs == {"hip-osteoarthritis": "referred-or-sciatica", "vascular-claudication": "spinal-stenosis",
                     "aortic-aneurysm": "everyday-back-pain"}
    assert [item.id for item in model.patterns()][::2] == list(pairs)
    known = bibliography()
    for item in model.patterns():
        assert item.refs and set(item.refs) <= set(known), item.id
        assert "{" not in " ".join((item.where, item.brings_on, item.eases, item.clues, item.route))


def test_the_typical_patterns_match_the_lesson():
    arteries, stenosis = model.look_alike("vascular-claudication"), model.spinal_pattern("spinal-stenosis")
    assert "standing still" in arteries.eases.lower() and "calves" in arteries.where
    assert "sitting down or bending forward" in stenosis.eases.lower()
    hip = model.look_alike("hip-osteoarthritis")
    assert hip.main == ("groin", "thigh") and "45 or over" in hip.clues
    assert model.look_alike("aortic-aneurysm").main == ("belly", "lower-back")


def test_who_checks_it_comes_from_the_triage_file():
    arteries = model.look_alike("vascular-claudication").route
    assert arteries == f"{triage.capital(triage.sign('calf-claudication').short)} needs " \
                       f"{triage.level('soon').needs}."
    aneurysm = model.look_alike("aortic-aneurysm").route
    assert triage.sign("aortic-aneurysm").short in aneurysm.lower()
    assert triage.level("emergency").needs in aneurysm and triage.level("urgent").needs in aneurysm


def test_a_copy_of_the_shipped_file_loads_the_same(tmp_path):
    assert model.read(broken_copy(tmp_path, model.PATH, name="copy.yml")) == model.load()


@pytest.mark.parametrize("change, field", [
    (lambda d: d["look_alikes"][0].update(mimics="kidney"), "look_alikes.0.mimics"),
    (lambda d: d["look_alikes"][1]["main"].append("elbow"), "look_alikes.1.main.1"),
    (lambda d: d["spinal"][0]["refs"].append("no-such-paper"), "spinal.0.refs.3"),
    (lambda d: d["look_alikes"][2].update(id="hip-osteoarthritis"), "look_alikes.2.id"),
    (lambda d: d["look_alikes"][0]["also"].append("groin"), "look_alikes.0.also"),
    (lambda d: d["look_alikes"][0].update(route="{{sign:not-a-sign}}"), "look_alikes.0.route"),
    (lambda d: d["look_alikes"][0].pop("route"), "look_alikes.0"),
])
def test_a_broken_copy_names_the_field(tmp_path, change, field):
    error = load_error(model.read, broken_copy(tmp_path, model.PATH, change, "copy.yml"))
    assert field in str(error)


def test_an_unknown_look_alike_names_the_choices():
    with pytest.raises(ValueError, match="Choose one of: hip-osteoarthritis"):
        model.look_alike("fly")
    with pytest.raises(ValueError, match="Choose one of"):
        model.comparison_rows(SCRIPT)


# --- the card, the explorer and the figure ----------------------------------------------------------

def test_the_card_puts_the_pair_side_by_side_and_escapes():
    html = comparison_card("vascular-claudication")
    assert html.count("<tr>") == 1 + len(model.ROWS) and 'scope="col"' in html
    assert "Narrowed leg arteries (vascular claudication)" in html and "Spinal stenosis" in html
    assert "Who checks it" in html and "British Heart Foundation" in html
    assert "<script" not in comparison_card("aortic-aneurysm")


def test_the_card_escapes_what_it_shows(monkeypatch):
    item = model.look_alike("hip-osteoarthritis")
    fake = type(item)(**{**item.__dict__, "where": SCRIPT, "label": "A & B"})
    monkeypatch.setattr(model, "look_alike", lambda _id: fake)
    html = comparison_card("hip-osteoarthritis")
    assert "&lt;script&gt;" in html and "<script" not in html and "A &amp; B" in html


def test_the_explorer_shows_a_card_and_a_message_for_a_bad_choice():
    explorer = LookAlikeExplorer()
    assert explorer.picker.value == "vascular-claudication" and "Spinal stenosis" in explorer.card.value
    explorer.picker.value = "aortic-aneurysm"
    assert "Everyday (non-specific) low back pain" in explorer.card.value
    figure = explorer.figure.outputs[0]["data"]["application/vnd.plotly.v1+json"]
    assert figure["layout"]["shapes"][0]["line"]["dash"] == "dash"
    explorer.show(SCRIPT)
    assert "not available" in explorer.card.value and "&lt;script&gt;" in explorer.card.value
    assert "<script" not in explorer.card.value
    assert explorer.picker.value == "aortic-aneurysm"       # the last good choice stays chosen
    assert "run in JupyterLab" in explorer.plain_text


def test_the_figure_marks_every_area_once_with_a_second_cue():
    figure = where_it_hurts_figure()
    points = sum(len(trace.x) for trace in figure.data)
    assert points == len(model.area_marks())
    symbols = {trace.name: trace.marker.symbol for trace in figure.data}
    assert symbols["Look-alike: usually felt here"] == "diamond"
    assert symbols["Back problem: some people feel it here"] == "circle-open"
    assert not figure.layout.shapes or all(shape.type == "line" for shape in figure.layout.shapes)
    framed = where_it_hurts_figure("hip-osteoarthritis")
    (frame,) = [shape for shape in framed.layout.shapes if shape.type == "rect"]
    assert (frame.x0, frame.x1) == (-0.45, 1.45)
    with pytest.raises(ValueError):
        where_it_hurts_figure("fly")


# --- thin bones and balance: one source, shared with the planner -------------------------------------

def test_the_cautions_have_one_source_that_the_planner_reads():
    from lessons.topics.planner.catalogue import load_catalogue, safety_texts
    from lessons.topics.planner.plan import PlanRequest, make_plan

    texts = model.bone_safety()
    assert texts.thin_bones_sources == ("brooke-wavell-2022-osteoporosis-exercise",)
    assert "chair" in texts.balance_cue and "bend your back forwards" in texts.thin_bones_caution
    planner = safety_texts()
    assert (planner.balance_cue, planner.thin_bones_caution, planner.thin_bones_sources) == (
        texts.balance_cue, texts.thin_bones_caution, texts.thin_bones_sources)
    assert all(item.cue == texts.balance_cue for item in load_catalogue() if item.balance == "high")
    plan = make_plan(PlanRequest(problem="general", level="beginner", positions=frozenset({"lying"})))
    notes = {note.kind: note for note in plan.notes}
    assert notes["thin-bones"].text == texts.thin_bones_caution
    shown = bone_safety_note().data
    assert texts.thin_bones_caution in shown and texts.balance_cue in shown and "Brooke-Wavell 2022" in shown


def test_the_planner_catalogue_no_longer_holds_the_cautions():
    from lessons.kit.data import read_yaml
    from lessons.topics.planner.catalogue import CATALOGUE_FILE

    assert not {"balance_cue", "thin_bones_caution", "thin_bones_sources"} & set(read_yaml(CATALOGUE_FILE))


@pytest.mark.parametrize("change, field", [
    (lambda d: d.update(thin_bones_sources=["no-such-paper"]), "thin_bones_sources.0"),
    (lambda d: d.pop("balance_cue"), "balance_cue"),
    (lambda d: d.update(balance_cue="Hold on to {something}."), "balance_cue"),
])
def test_a_broken_bone_safety_copy_names_the_field(tmp_path, change, field):
    error = load_error(model.read_bone_safety, broken_copy(tmp_path, model.BONE_SAFETY_PATH, change, "bones.yml"))
    assert field in str(error)


def test_content_errors_are_value_errors():
    assert issubclass(ContentError, ValueError)
