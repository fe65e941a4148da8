"""Lesson 10 (medical treatment): the pathway function, its figure and widget, the PACE table and figure."""

from __future__ import annotations

import itertools
import re

import pytest

from lessons.kit.palette import OKABE_ITO
from lessons.kit.references import bibliography
from lessons.kit.tables import load_table, source_note
from lessons.topics.medical_treatment.figures import pace_trial_figure, pathway_figure, step_columns
from lessons.topics.medical_treatment.model import (
    COMPLAINTS,
    DURATIONS,
    PathwayError,
    Step,
    pathway,
    see_a_clinician,
    situation_label,
    warning_signs_step,
)
from lessons.topics.medical_treatment.widgets import TreatmentPathwayExplorer, pathway_card
from tests.conftest import shown_figure

ALL_CHOICES = list(itertools.product(DURATIONS, COMPLAINTS, (False, True)))
DOSE = re.compile(r"\d\s*(mg|g|ml|milligram|microgram|tablets? a day|times a day)\b|\bdose of \d", re.I)


def stages(duration, complaint):
    return [step.stage.split(" · ", 1)[1] for step in pathway(duration, complaint, False)]


def all_text(step: Step) -> str:
    return " ".join((step.stage, step.who, *step.what, *step.what_not, *step.notes, step.see_clinician))


# --- the pathway: every combination ----------------------------------------------------------

@pytest.mark.parametrize("duration, complaint, red_flags", ALL_CHOICES)
def test_every_combination_gives_ordered_complete_steps(duration, complaint, red_flags):
    steps = pathway(duration, complaint, red_flags)
    assert steps and all(isinstance(step, Step) for step in steps)
    for number, step in enumerate(steps, start=1):
        assert step.who and step.what and step.see_clinician, step.stage
        assert step.stage.startswith(f"{number} · ") or step.urgent
    known = bibliography()
    assert all(ref in known for step in steps for ref in step.refs)


@pytest.mark.parametrize("duration, complaint", list(itertools.product(DURATIONS, COMPLAINTS)))
def test_red_flags_make_urgent_care_the_first_and_only_step(duration, complaint):
    (step,) = pathway(duration, complaint, True)
    assert step == warning_signs_step() and step.urgent
    text = all_text(step)
    assert "emergency" in text.lower() and "both legs" in text and "Now" in step.see_clinician
    assert not any(s.urgent for s in pathway(duration, complaint, False))


def test_acute_back_pain_starts_simple_and_medicines_come_with_advice():
    assert stages("acute", "back pain") == ["First visit", "Pain medicines, if needed",
                                            "Exercise and therapy, if not settling", "If the pain goes on"]
    first = pathway("acute", "back pain", False)[0]
    assert any("STarT Back" in item for item in first.what)
    assert any("X-ray or MRI" in item for item in first.what_not)


def test_persistent_pain_puts_exercise_before_medicines():
    for complaint in COMPLAINTS:
        names = stages("persistent", complaint)
        assert names.index("Exercise and therapy") < names.index("Pain medicines, if needed")
        assert "Combined physical and psychological programme" in names
    assert stages("persistent", "back pain")[-1] == "Specialist back pain service"
    assert stages("persistent", "sciatica")[-1] == "Specialist: surgery for sciatica"


def test_sciatica_pathways_place_injections_and_surgery_last():
    assert stages("acute", "sciatica")[-2:] == ["Specialist: injection for severe sciatica",
                                                "Specialist: surgery for sciatica"]
    epidural = pathway("acute", "sciatica", False)[3]
    assert "acute and severe sciatica" in epidural.what[0]
    assert "neurogenic claudication" in epidural.what_not[0]
    surgery = pathway("persistent", "sciatica", False)[-1]
    assert "scan matches the symptoms" in surgery.what[0]


def test_medicines_follow_nice_for_back_pain():
    acute = pathway("acute", "back pain", False)[1]
    chronic = pathway("persistent", "back pain", False)[2]
    for step in (acute, chronic):
        assert "Paracetamol on its own" in step.what_not
        assert any("SSRIs" in item and "anticonvulsants" in item for item in step.what_not)
        assert any("lowest dose that works for the shortest time" in item for item in step.what)
    assert any("weak opioid only if an NSAID is unsuitable" in item for item in acute.what)
    assert "Opioids for long-lasting (chronic) low back pain" in chronic.what_not
    assert not any("opioid" in item.lower() for item in chronic.what)


def test_medicines_follow_the_2020_sciatica_update():
    acute = pathway("acute", "sciatica", False)[1]
    chronic = pathway("persistent", "sciatica", False)[2]
    for step in (acute, chronic):
        text = " ".join(step.what_not)
        assert "Gabapentinoids" in text and "epilepsy medicines" in text
        assert "oral corticosteroids" in text and "benzodiazepines" in text
        assert any("limited evidence" in item for item in step.what)
    assert "Opioids for long-lasting (chronic) sciatica" in chronic.what_not
    assert not any("Opioids" in item for item in acute.what_not)  # NICE asked for research instead


def test_what_nice_does_not_offer_is_listed_with_exercise():
    exercise = pathway("persistent", "back pain", False)[1]
    text = " ".join(exercise.what_not)
    for name in ("Belts or corsets", "orthotics", "rocker-sole", "Traction", "acupuncture", "TENS", "PENS",
                 "ultrasound"):
        assert name in text
    assert sum("only together with exercise" in item for item in exercise.what) == 2
    specialist = pathway("persistent", "back pain", False)[-1]
    assert any("Spinal fusion" in item and "research trial" in item for item in specialist.what_not)


@pytest.mark.parametrize("duration, complaint, red_flags", ALL_CHOICES)
def test_no_dosing_advice_anywhere(duration, complaint, red_flags):
    for step in pathway(duration, complaint, red_flags):
        assert not DOSE.search(all_text(step)), all_text(step)


@pytest.mark.parametrize("duration, complaint", [(" Acute ", "BACK  PAIN"), ("persistent", "Sciatica")])
def test_case_and_spaces_are_forgiven(duration, complaint):
    assert pathway(duration, complaint, False)


def test_situation_label():
    assert situation_label("acute", "sciatica", True) == "New sciatica with warning signs"
    assert situation_label("persistent", "back pain", False) == "Long-lasting back pain, no warning signs"
    with pytest.raises(PathwayError):
        situation_label("acute", "sciatica", "no")


# --- the pathway figure -----------------------------------------------------------------------

@pytest.mark.parametrize("duration, complaint, red_flags", ALL_CHOICES)
def test_pathway_figure_draws_each_step_and_always_a_clinician_line(duration, complaint, red_flags):
    fig = pathway_figure(duration, complaint, red_flags)
    steps = pathway(duration, complaint, red_flags)
    texts = " ".join(a.text for a in fig.layout.annotations).replace("<br>", " ")
    (markers,) = fig.data
    for step, hover in zip(steps, markers.hovertext, strict=True):
        assert step.stage in hover and step.who in hover
        assert step.what[0].split()[0] in texts
    banner = [a for a in fig.layout.annotations if a.name == "see-a-clinician"]
    assert len(banner) == 1 and "See a clinician" in banner[0].text and "emergency help now" in banner[0].text
    boxes = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(boxes) == len(steps) + 1
    assert len(markers.y) == len(steps) and list(markers.y) == sorted(markers.y)
    assert {c for c in markers.marker.color} <= set(OKABE_ITO.values())


def test_pathway_figure_uses_words_and_symbols_not_colour_alone():
    normal = pathway_figure("acute", "sciatica", False)
    urgent = pathway_figure("acute", "sciatica", True)
    normal_text = " ".join(a.text for a in normal.layout.annotations)
    assert "✔ May be offered:" in normal_text and "✘ Not advised:" in normal_text
    urgent_text = " ".join(a.text for a in urgent.layout.annotations)
    assert "⚠ WARNING SIGNS" in urgent_text and "Warning signs: get help first" in urgent_text
    assert list(urgent.data[0].marker.symbol) == ["diamond"]
    assert set(normal.data[0].marker.symbol) == {"circle"}
    assert "with warning signs" in urgent.layout.title.text


def test_pathway_figure_works_alone_and_rejects_bad_choices():
    fig = pathway_figure()
    assert "New back pain" in fig.layout.title.text
    with pytest.raises(PathwayError, match="complaint"):
        pathway_figure("acute", "headache", False)


def test_text_in_boxes_fits_its_column():
    for duration, complaint, red_flags in ALL_CHOICES:
        for step in pathway(duration, complaint, red_flags):
            left, mid, right = step_columns(step)
            assert max(map(len, left)) <= 32 and max(map(len, mid)) <= 46 and max(map(len, right)) <= 42


# --- the PACE table and figure: the numbers must be the paper's ----------------------------------

def test_pace_table_matches_the_abstract():
    table = load_table("williams_2014_pace_paracetamol")
    assert table.column("group") == ["regular", "as_needed", "placebo"]
    assert table.column("assigned") == [550, 549, 553]
    assert table.column("analysed") == [550, 546, 547]
    assert table.column("median_days") == [17, 17, 16]
    assert table.column("ci_lower") == [14, 15, 14]
    assert table.column("ci_upper") == [19, 20, 20]
    assert sum(table.column("analysed")) == 1643
    assert table.source == "williams-2014-pace" and "Lancet 2014;384" in table.citation
    assert "Williams CM" in source_note("williams_2014_pace_paracetamol").data
    assert not DOSE.search(table.note)


def test_pace_figure_plots_the_table():
    fig = pace_trial_figure()
    points = {trace.meta: trace for trace in fig.data}
    assert [points[g].x[0] for g in ("regular", "as_needed", "placebo")] == [17, 17, 16]
    assert points["placebo"].error_x.array[0] == 4 and points["placebo"].error_x.arrayminus[0] == 2
    assert points["regular"].text[0] == "17 days (14 to 19)"
    assert len({t.marker.symbol for t in fig.data}) == 3
    assert {t.marker.color for t in fig.data} <= set(OKABE_ITO.values())
    assert "1,643 people" in fig.layout.title.text and tuple(fig.layout.xaxis.range) == (0, 30)


# --- the widget ---------------------------------------------------------------------------------

def test_widget_redraws_when_the_learner_changes_each_choice():
    explorer = TreatmentPathwayExplorer()
    assert "New back pain" in explorer.card.value and see_a_clinician().split(" if ")[0] in explorer.card.value
    explorer.complaint.value = "sciatica"
    assert "Specialist: surgery for sciatica" in explorer.card.value
    assert "New sciatica" in shown_figure(explorer.figure)["layout"]["title"]["text"]
    explorer.duration.value = "persistent"
    assert "Long-lasting sciatica" in explorer.card.value
    explorer.red_flags.value = True
    assert "Warning signs: get help first" in explorer.card.value
    assert explorer.card.value.count("<li style") == 1
    assert "with warning signs" in shown_figure(explorer.figure)["layout"]["title"]["text"]


def test_widget_controls_are_keyboard_usable_standard_widgets():
    import ipywidgets as widgets

    explorer = TreatmentPathwayExplorer()
    assert isinstance(explorer.duration, widgets.ToggleButtons)
    assert isinstance(explorer.complaint, widgets.ToggleButtons)
    assert isinstance(explorer.red_flags, widgets.RadioButtons)
    assert [value for _, value in explorer.red_flags.options] == [False, True]
    assert explorer._repr_mimebundle_()["text/plain"].startswith("Treatment-pathway explorer")


def test_widget_shows_a_message_not_a_traceback_for_bad_choices():
    explorer = TreatmentPathwayExplorer()
    explorer.show("forever", "back pain", False)
    assert "cannot be drawn" in explorer.card.value and "duration must be one of" in explorer.card.value
    assert "See a GP" in explorer.card.value  # the clinician line is still there
    assert explorer.figure.outputs == ()
    explorer.show("acute", "<script>alert(1)</script>", False)
    assert "<script>" not in explorer.card.value and "&lt;script&gt;" in explorer.card.value


@pytest.mark.parametrize("duration, complaint, red_flags", ALL_CHOICES)
def test_card_always_ends_with_when_to_see_a_clinician(duration, complaint, red_flags):
    card = pathway_card(duration, complaint, red_flags)
    assert "See a clinician:" in card and "never gives medicine doses" in card
    assert card.count("When to see a clinician") == len(pathway(duration, complaint, red_flags))
