"""The course's one clue sorter (lessons/kit/sorter.py), tried on both clue sets that use it
(lesson 06, "Referred or nerve root?", and lesson 08, "Follow the pain") and on small made-up sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessons.kit import sorter, triage
from lessons.kit.data import ContentError
from lessons.kit.sorter import ClueSorter, card, load_clue_set, sort
from lessons.kit.widget import escape
from lessons.topics.muscle_strain.model import clue_set as referred_or_root
from lessons.topics.sciatica.model import clue_set as follow_the_pain
from lessons.topics.sciatica.model import numb_areas
from tests.conftest import PLOTLY, REPO, broken_copy

CLUE_SETS = {"06-referred-or-root": referred_or_root, "08-follow-the-pain": follow_the_pain}


@pytest.fixture(params=sorted(CLUE_SETS))
def clue_set(request) -> sorter.ClueSet:
    return CLUE_SETS[request.param]()


def side_clues(clue_set, side):
    return [clue.id for clue in clue_set.clues if clue.leans == side]


# --- both real clue sets ---------------------------------------------------------------------------

def test_a_set_has_two_sides_and_every_clue_a_known_leaning(clue_set):
    assert len(clue_set.sides) == 2
    known = {leaning.id for leaning in clue_set.leanings}
    assert all(clue.leans in known and clue.text and clue.why for clue in clue_set.clues)
    assert len({clue.id for clue in clue_set.clues}) == len(clue_set.clues)
    assert all("{" not in clue.text + clue.why for clue in clue_set.clues)   # placeholders and slots filled in


def test_nothing_ticked_asks_for_clues(clue_set):
    for nothing in (None, [], ()):
        sorting = sort(clue_set, nothing)
        assert sorting.verdict == "none" and sorting.ok is None and sorting.headline == clue_set.headlines["none"]


def test_every_clue_sorts_alone_and_every_card_closes_with_its_line(clue_set):
    for clue in clue_set.clues:
        sorting = sort(clue_set, [clue.id])
        assert sorting.clues == (clue,)
        leaning = clue_set.leaning(clue.leans)
        expected = {"side": clue.leans, "neutral": "neutral", "warning": "warning"}[leaning.kind]
        assert sorting.verdict == expected
        html = card(sorting)
        assert clue_set.closing.split(".")[0] in html and "<script" not in html
        assert escape(clue.text) in html and escape(clue.why) in html


def test_one_clue_from_each_side(clue_set):
    first, second = (side_clues(clue_set, side.id)[0] for side in clue_set.sides)
    assert sort(clue_set, [first, second]).verdict == "mixed"   # a tie, and clues on both sides


@pytest.mark.parametrize("bad, words", [
    ("shooting", "list of clue names"), (7, "list of clue names"),
    (["made-up"], "made-up"), ([42], "42"), (["<script>alert(1)</script>"], "&lt;script&gt;"),
])
def test_clues_that_cannot_be_sorted_give_a_message_not_an_error(clue_set, bad, words):
    sorting = sort(clue_set, bad)
    assert sorting.problem and sorting.ok is False and sorting.clues == ()
    html = card(sorting)
    assert words in html and "<script" not in html and "✘" in html


def test_the_order_is_the_sets_and_duplicates_count_once(clue_set):
    ids = [clue.id for clue in clue_set.clues if clue_set.leaning(clue.leans).kind == "side"][:3]
    assert sort(clue_set, list(reversed(ids)) + ids).clues == sort(clue_set, ids).clues
    assert [clue.id for clue in sort(clue_set, list(reversed(ids))).clues] == ids


def test_the_widget_follows_the_ticks_and_clears(clue_set):
    widget = ClueSorter(clue_set)
    assert widget._repr_mimebundle_()["text/plain"] == clue_set.plain_text
    assert clue_set.headlines["none"].split(",")[0] in widget.card.value and widget.figure.outputs == ()
    first = clue_set.clues[0]
    widget.boxes[first.id].value = True
    assert widget.selected() == [first.id] and widget.card.value == card(sort(clue_set, [first.id]))
    widget.clear_button.click()
    assert widget.selected() == [] and widget.card.value == card(sort(clue_set, []))
    assert [box.description for box in widget.boxes.values()] == [clue.text for clue in clue_set.clues]
    assert (widget.area_picker is None) == (clue_set.area is None)


def test_the_widget_draws_what_the_lesson_gives_and_leaves_it_on_a_problem(clue_set):
    from lessons.topics.back_to_leg.figures import leg_map_figure

    widget = ClueSorter(clue_set, lambda sorting: leg_map_figure(root=sorting.root, buttons=False))
    assert widget.figure.outputs[0]["data"][PLOTLY]["layout"]["title"]["text"] == "Where L4, L5 and S1 are usually felt"
    widget.show(["no-such-clue"])
    assert "no-such-clue" in widget.card.value and len(widget.figure.outputs) == 1


# --- the rules, on each set -----------------------------------------------------------------------

def test_one_side_needs_every_side_clue_on_it():
    clues = referred_or_root()
    assert clues.decide == "one-side"
    referred, root = side_clues(clues, "referred"), side_clues(clues, "root")
    assert sort(clues, referred[:2]).verdict == "referred"
    assert sort(clues, referred[:2] + root[:1]).verdict == "mixed"   # two against one is still a mix
    assert sort(clues, ["bending-hurts", "after-lifting"]).verdict == "neutral"
    assert sort(clues, ["bending-hurts"] + root[:1]).verdict == "root"   # neutral clues do not count


def test_majority_wins_and_a_numb_area_counts_for_its_side():
    clues = follow_the_pain()
    assert clues.decide == "majority"
    assert sort(clues, ["dull-ache", "above-knee", "shooting"]).verdict == "referred"
    assert sort(clues, ["dull-ache", "shooting"]).verdict == "mixed"
    assert sort(clues, ["dull-ache", "shooting"], "top-of-foot").verdict == "radicular"
    alone = sort(clues, [], "outer-foot")
    assert alone.verdict == "radicular" and alone.root == "S1"
    assert alone.area.name == "Outer edge of the foot and the little toe"
    for nothing in (None, "", sorter.NO_AREA):
        assert sort(clues, [], nothing).verdict == "none"
    assert sort(clues, [], "left-ear").problem and "left-ear" in sort(clues, [], "left-ear").headline
    with pytest.raises(ValueError, match="no areas"):
        sort(referred_or_root(), [], "outer-foot")


def test_opposite_clues_cannot_both_be_ticked():
    clues = follow_the_pain()
    sorting = sort(clues, ["below-knee", "above-knee"])
    assert sorting.problem and "cannot both be true" in sorting.headline
    assert clues.clue("below-knee").text in sorting.headline and clues.clue("above-knee").text in sorting.headline


@pytest.mark.parametrize("clue_id, level", [("saddle-bladder", "emergency"), ("fever", "urgent")])
def test_a_warning_sign_overrides_and_takes_its_level_from_the_triage_file(clue_id, level):
    clues = referred_or_root()
    sorting = sort(clues, ["buttock-ache", "numb-top-foot", clue_id])
    assert sorting.verdict == "warning" and sorting.urgent and sorting.ok is False
    assert triage.level(level).lead in sorting.headline
    assert sorting.root == "L5" and sorting.show_map              # still points to the root and the map
    assert f"A warning sign that needs {triage.level(level).needs}." == clues.clue(clue_id).why
    assert 'role="alert"' in card(sorting)


def test_headline_additions_follow_their_conditions():
    clues = referred_or_root()
    with_root = sort(clues, ["buttock-ache", "weak-foot-lift"]).headline
    without = sort(clues, ["buttock-ache", "shooting"]).headline
    several = sort(clues, ["numb-top-foot", "weak-tiptoe"])
    assert with_root.startswith(clues.headlines["mixed"] + " ") and "not caused by referred pain" in with_root
    assert "test feeling, strength and reflexes" in without and "not caused" not in without
    assert several.root is None and several.roots == ("L5", "S1") and "more than one root" in several.headline
    assert "more than one root" not in sort(clues, ["numb-top-foot", "weak-foot-lift"]).headline


def test_the_card_layouts():
    listed = card(sort(referred_or_root(), ["buttock-ache"]))
    assert listed.startswith('<div class="course-feedback course-feedback-info"') and "<ul><li><strong>" in listed
    assert "fits referred pain" in listed
    carded = sort(follow_the_pain(), ["shooting", "weak"], "top-of-foot")
    html = card(carded)
    assert html.startswith('<div class="course-card"') and html.count("<ul>") == 1
    assert "Clues that fit radicular pain (an irritated nerve root):" in html
    assert "<strong>L5</strong> nerve root" in html and "lifting the big toe" in html   # the area note
    assert triage.sentence(triage.group("cauda-equina")) in html                        # the clue's alert
    no_area = card(sort(follow_the_pain(), ["shooting"]))
    assert "No area chosen for numbness" in no_area and "<strong>S1</strong>" in no_area
    problem = card(sort(follow_the_pain(), ["nope"]))
    assert problem.startswith('<div class="course-feedback course-feedback-wrong"')
    assert "These clues cannot be sorted yet." in problem and "course-card" not in problem


# --- loading: what the schema and the loader refuse ----------------------------------------------

REAL = REPO / "lessons" / "topics"


def broken(tmp_path, topic, change) -> Path:
    return broken_copy(tmp_path, REAL / topic / "content" / "clues.yml", change)


def set_(path, value):
    def change(document):
        *parents, last = path
        node = document
        for step in parents:
            node = node[step]
        node[last] = value
    return change


def delete(path):
    def change(document):
        *parents, last = path
        node = document
        for step in parents:
            node = node[step]
        del node[last]
    return change


MUSCLE = ("muscle_strain", None)
SCIATICA = ("sciatica", numb_areas)


@pytest.mark.parametrize("where, change, words", [
    (MUSCLE, set_(["layout"], "table"), "field 'layout'"),
    (MUSCLE, set_(["clues", 0, "colour"], "red"), "item 'buttock-ache', field 'clues.0'"),
    (MUSCLE, delete(["clues", 1, "why"]), "item 'hard-to-place', field 'clues.1.why': is required"),
    (MUSCLE, set_(["clues", 2, "root"], "X"), "item 'back-worse', field 'clues.2.root': must match pattern"),
    (SCIATICA, delete(["messages", "unknown_clue"]), "field 'messages.unknown_clue': is required"),
])
def test_the_schema_refuses(tmp_path, where, change, words):
    topic, areas = where
    with pytest.raises(ContentError, match=rf"clues\.yml, {words}"):
        load_clue_set(broken(tmp_path, topic, change), areas=areas() if areas else ())


@pytest.mark.parametrize("where, change, words", [
    (MUSCLE, set_(["clues", 1, "id"], "buttock-ache"), "item 'buttock-ache', field 'clues.1.id': duplicate clue id"),
    (MUSCLE, set_(["clues", 0, "leans"], "sideways"), "field 'clues.0.leans': unknown leaning 'sideways'"),
    (MUSCLE, set_(["clues", 12, "signs"], ["no-such-sign"]), "field 'clues.12.signs': unknown warning sign"),
    (MUSCLE, delete(["clues", 12, "signs"]), "field 'clues.12.signs': a warning clue needs its warning signs"),
    (MUSCLE, set_(["clues", 0, "signs"], ["fever"]), "field 'clues.0.signs': only a clue that leans to a warning"),
    (MUSCLE, set_(["clues", 5, "root"], "L1"), "field 'clues.5.root': unknown nerve root 'L1'"),
    (MUSCLE, set_(["leanings", 2, "kind"], "side"), "field 'leanings': needs exactly two leanings"),
    (MUSCLE, delete(["leanings", 0, "fits"]), "field 'leanings.0.fits': is required by the 'list' layout"),
    (MUSCLE, delete(["headlines", "neutral"]), "field 'headlines.neutral': is required but missing"),
    (MUSCLE, set_(["headlines", "radicular"], "x"), "field 'headlines.radicular': no verdict 'radicular'"),
    (MUSCLE, set_(["headlines", "warning"], "{lead} and {colour}"),
     r"field 'headlines.warning': unknown placeholder \{colour\}"),
    (MUSCLE, set_(["additions", 0, "when"], ["sometimes"]), "field 'additions.0.when': unknown condition"),
    (MUSCLE, set_(["messages", "unknown_clue"], "No {clue"), "field 'messages.unknown_clue': has a { or }"),
    (SCIATICA, set_(["opposites", 0], ["below-knee", "nowhere"]), "field 'opposites.0': unknown clue 'nowhere'"),
    (SCIATICA, delete(["messages", "opposites"]), "field 'messages.opposites': is required when the set has"),
    (SCIATICA, set_(["clues", 7, "alert"], "no-such-group"), "field 'clues.7.alert': unknown group"),
    (SCIATICA, set_(["area", "leans"], "referred-ish"), "field 'area.leans'"),
    (SCIATICA, set_(["area", "note"], "{area} moves {reflex}"), r"field 'area.note': unknown placeholder \{reflex\}"),
    (SCIATICA, delete(["leanings", 1, "title"]), "field 'leanings.1.title': is required by the 'card' layout"),
])
def test_the_loader_refuses_what_the_schema_cannot_check(tmp_path, where, change, words):
    topic, areas = where
    roots = ["L4", "L5", "S1"]
    with pytest.raises(ContentError, match=rf"clues\.yml, (item '[a-z-]+', )?{words}"):
        load_clue_set(broken(tmp_path, topic, change), roots=roots, areas=areas() if areas else ())


def test_areas_and_the_area_words_come_together(tmp_path):
    with pytest.raises(ContentError, match="field 'area': the lesson that uses this set gives no areas"):
        load_clue_set(broken(tmp_path, "sciatica", lambda document: None))
    with pytest.raises(ContentError, match="field 'area': the lesson gives areas"):
        load_clue_set(broken(tmp_path, "muscle_strain", lambda document: None), areas=numb_areas())


def test_a_made_up_set_with_three_leanings(write_yaml):
    path = write_yaml("""\
        widget: {plain_text: A sorter., heading: Clues, clear_tooltip: Untick}
        layout: card
        decide: one-side
        leanings:
          - {id: left, kind: side, title: Left}
          - {id: right, kind: side, title: Right}
          - {id: both, kind: neutral, title: Either}
        clues:
          - {id: a, text: A, leans: left, why: Because.}
          - {id: b, text: B, leans: right, why: Because.}
          - {id: c, text: C, leans: both, why: Because.}
        headlines: {none: Tick., mixed: Mixed., left: Left., right: Right., neutral: Neither.}
        closing: Not a diagnosis.
        messages: {not_a_list: A list please., unknown_clue: "No {clue}."}
        """, "clues.yml")
    clues = load_clue_set(path)
    assert [sort(clues, ids).verdict for ids in (["a"], ["a", "c"], ["c"], ["a", "b"])] == [
        "left", "left", "neutral", "mixed"]
    html = card(sort(clues, ["a", "c"]))
    assert "<p><strong>Left:</strong></p>" in html and "<p><strong>Either:</strong></p>" in html
    assert sort(clues, ["z"]).headline == "No 'z'."
