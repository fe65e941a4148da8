"""The checks every lesson shares, written once and run for each lesson (issue 14).

Each check is one parametrised test. Where a check holds for the whole course it runs for every lesson of
the course map (``course.ready_lessons()``) or every data table; the tables below keep what each lesson's
own copy of the check used to expect: a question's answer, the reference ids its code and text cite, the
words of a source note, the hostile text a card must escape, the message a bad input must give.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import nbformat
import pytest

from lessons.kit import course
from lessons.kit.references import bibliography
from lessons.kit.tables import load_table, source_note, table_files
from lessons.quiz.bank import QUESTION_TYPES, load_bank
from lessons.topics.anatomy import widgets as anatomy_widgets
from lessons.topics.cases import widgets as cases_widgets
from lessons.topics.degenerative_disc_disease import model as degenerative_disc_disease
from lessons.topics.exercise import model as exercise
from lessons.topics.exercise import widgets as exercise_widgets
from lessons.topics.heat_cold import model as heat_cold
from lessons.topics.heat_cold import widgets as heat_cold_widgets
from lessons.topics.herniated_disc import model as herniated_disc
from lessons.topics.how_pain_works import model as how_pain_works
from lessons.topics.how_pain_works import widgets as how_pain_works_widgets
from lessons.topics.look_alikes import model as look_alikes
from lessons.topics.look_alikes import widgets as look_alikes_widgets
from lessons.topics.medical_treatment import model as medical_treatment
from lessons.topics.muscle_strain import model as muscle_strain
from lessons.topics.person_behind_the_pain import model as person_behind_the_pain
from lessons.topics.person_behind_the_pain import widgets as person_behind_the_pain_widgets
from lessons.topics.red_flags import model as red_flags
from lessons.topics.red_flags import widgets as red_flags_widgets
from lessons.topics.sacroiliac_joint import model as sacroiliac_joint
from lessons.topics.sacroiliac_joint import widgets as sacroiliac_joint_widgets
from lessons.topics.sciatica import model as sciatica
from lessons.topics.sciatica import widgets as sciatica_widgets
from lessons.topics.spinal_stenosis import model as spinal_stenosis
from lessons.topics.spinal_stenosis import widgets as spinal_stenosis_widgets
from lessons.topics.symptom_explorer import model as symptom_explorer
from lessons.topics.symptom_explorer import widgets as symptom_explorer_widgets
from lessons.topics.weight import model as weight
from lessons.topics.weight import widgets as weight_widgets
from lessons.topics.work import model as work
from lessons.topics.work import widgets as work_widgets
from tests.conftest import REPO

LESSONS = course.ready_lessons()
FINAL = "19_final_assessment"            # its quiz draws questions from every other lesson's bank
QUIZZED = [lesson for lesson in LESSONS if lesson.file != FINAL]
TABLES = sorted(table_files())
SCRIPT = "<script>alert(1)</script>"
MAX_MESSAGE = 500                         # characters: a message says what is wrong, it does not ramble


def ids(lessons) -> list[str]:
    return [lesson.file for lesson in lessons]


# --- quiz banks -------------------------------------------------------------------------------------

MIN_QUESTIONS = 6
ANSWERS = {                               # a question whose answer is a number from the lesson's paper
    "02c_the_person_behind_the_pain": {"trial-difference-4-months": 1.81},
    "08_sciatica": {"peul-recovery": 95},
    "10_medical_treatment": {"pace-placebo-days": 16},
    "11_exercise_and_stretching": {"pain-points": 15},
    "18_case_studies": {"sij-cluster": 3},
}


@pytest.mark.parametrize("lesson", QUIZZED, ids=ids(QUIZZED))
def test_quiz_bank_mixes_question_types(lesson):
    bank = load_bank(lesson.file)
    assert len(bank) >= MIN_QUESTIONS
    assert {question.type for question in bank.questions} == set(QUESTION_TYPES)
    assert all(question.explanation for question in bank.questions)
    for question_id, answer in ANSWERS.get(lesson.file, {}).items():
        assert bank.question(question_id).answer == answer, question_id


# --- references ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cites:
    """What a lesson cites beyond its notebook's reference list."""

    ids: tuple[str, ...] = ()                             # reference ids its code and text use
    from_code: Callable[[], list[str]] | None = None      # reference ids its model hands out
    supports: dict[str, str] = field(default_factory=dict)  # reference id: words its "supports" must hold


CITES = {
    "02b_how_pain_works": Cites(
        from_code=lambda: [ref for factor in how_pain_works.dial_content().factors for ref in factor.refs],
        supports={"traeger-2019-patient-education": "202 people", "nice-qs155": "early return to normal activities"}),
    "02c_the_person_behind_the_pain": Cites(
        from_code=lambda: list(person_behind_the_pain.reflect(
            [factor.id for factor in person_behind_the_pain.factors()]).sources),
        supports={"hill-2011-startback-trial": "1.81 (95% CI 1.06 to 2.57)",
                  "nice-qs155-statement-1": "approach to risk stratification",
                  "keele-startback-tool": "not a standalone online test"}),
    "03_herniated_disc": Cites(ids=(
        "chiu-2015-disc-regression", "radiopaedia-herniation-location", "deville-2000", "koes-2007-sciatica-review",
        "jensen-1994-mri-no-back-pain", "peul-2007-early-surgery")),
    "04_spinal_stenosis": Cites(
        from_code=lambda: [ref for item in spinal_stenosis.activities() for ref in item.refs],
        supports={"katz-2022-lumbar-stenosis-review": "103 million"}),
    "06_muscle_strain": Cites(ids=(
        "menezes-costa-2012-prognosis", "el-abd-2020-low-back-strain", "chou-2009-imaging-strategies",
        "dahm-2010-bed-rest", "henschke-2009-serious-pathology", "nice-qs155", "nhs-ggc-nonspecific-lbp-referred",
        "radebold-medscape-lumbosacral-strain", "healthify-strains-sprains")),
    "08_sciatica": Cites(ids=(
        "clinicaladvisor-peul-2007-summary", "peul-2008-sciatica-two-year-bmj", "konstantinou-2018-atlas-prognosis",
        "konstantinou-2015-atlas-baseline", "cook-2014-sciatica-risk-factors", "south-tees-sciatica-facts",
        "nhs-ctm-sciatica", "nice-ng59-sciatica-medicines-2020", "mathieson-2017-pregabalin-sciatica")),
    "09b_older_backs_and_look_alikes": Cites(
        from_code=lambda: [*(ref for item in look_alikes.patterns() for ref in item.refs),
                           *look_alikes.bone_safety().thin_bones_sources, *look_alikes.bone_safety().balance_sources],
        supports={"nhs-abdominal-aortic-aneurysm": "when they turn 65", "nice-ng226-osteoarthritis": "45 or over",
                  "brooke-wavell-2022-osteoporosis-exercise": "high degree of spinal flexion"}),
    "10_medical_treatment": Cites(ids=(
        "williams-2014-pace", "pinto-2012-epidural-steroids", "keele-startback-tool", "nice-ng59-ifp-exercise",
        "sps-nice-bites-2017-lbp", "nice-ng59-fusion-surveillance-2018", "aomrc-ebi-lumbar-discectomy",
        "guidelinecentral-acp-2017", "nice-ng59", "acp-qaseem-2017", "foster-2018")),
    "11_exercise_and_stretching": Cites(ids=(
        "hayden-2021-exercise-chronic-lbp", "hayden-2021-exercise-types-nma", "owen-2020-exercise-modes-nma",
        "long-2004-directional-preference", "cochrane-2023-exercise-acute-lbp", "verville-2023-exercise-who-review",
        "steiger-2012-exercise-mechanism", "nice-ng59-ifp-exercise", "sfh-back-pain-unit-introducing-exercise",
        "rjah-back-pain-self-care", "rjah-low-back-pain-leaflet", "nhs-borders-low-back-pain", "dahm-2010-bed-rest",
        "acp-qaseem-2017", "nice-ng59", "bass-2018-cauda-equina")),
    "13_hot_and_cold_therapy": Cites(
        ids=("french-2006-heat-cold-cochrane", "nadler-2003-overnight-heatwrap",
             "freiwald-2021-superficial-heat-review", "mccarthy-superficial-heat-congress",
             "heatwrap-exercise-2025-preprint", "mpft-safe-use-heat", "mpft-safe-use-cold",
             "move-better-gwent-using-heat", "barnsley-applying-ice-packs", "essex-hot-water-bottle-safety"),
        from_code=lambda: [
            *heat_cold.plan_session(heat_cold.HEAT, "lower back", 10).sources,
            *heat_cold.plan_session(heat_cold.COLD, "calf", 10).sources,
            *(ref for concern in heat_cold.CONCERNS for ref in concern.sources)]),
    "14_healthy_weight": Cites(ids=(
        "shiri-2010-obesity-lbp-meta", "shiri-2014-obesity-sciatica-meta", "who-obesity-fact-sheet",
        "nice-cg189-2022-measures", "nice-ng7-glossary-waist", "nhs-inform-bmi", "nhs-bmi-what-is",
        "nice-2014-modest-weight-loss", "nhs-lose-weight-tips", "nhs-unexpected-weight-loss",
        "williams-2018-healthy-lifestyle-lbp", "chen-2022-weight-loss-lbp-review", "gbd-2021-lbp")),
    "15_posture": Cites(ids=(
        "slater-2019-sit-up-straight", "swain-2020-posture-causality", "wilke-1999-disc-pressure",
        "li-2022-sitting-standing-disc-pressure", "waters-1993-revised-niosh", "niosh-1994-lifting-manual")),
    "15b_back_pain_and_work": Cites(
        ids=("hse-indg143-rev4", "hse-l23-2016", "hse-risk-filters-page", "govuk-fit-note-employers",
             "govuk-who-can-issue-fit-notes", "nice-qs155", "nice-ng59"),
        supports={"hse-risk-filters-page": "not 'safe limits'", "hse-l23-2016": "no legally binding weight limits",
                  "govuk-fit-note-employers": "not binding"}),
}


def notebook_refs(lesson) -> list[str]:
    """The reference ids of the notebook's generated reference list."""
    notebook = nbformat.read(REPO / "notebooks" / lesson.notebook, as_version=4)
    (cell,) = [cell for cell in notebook.cells
               if cell.get("metadata", {}).get("course", {}).get("generated") == "references"]
    return cell.metadata["course"]["refs"]


@pytest.mark.parametrize("lesson", LESSONS, ids=ids(LESSONS))
def test_lesson_references_exist(lesson):
    known = bibliography()
    cites = CITES.get(lesson.file, Cites())
    listed = notebook_refs(lesson)
    assert listed
    from_code = cites.from_code() if cites.from_code else []
    assert cites.from_code is None or from_code
    for ref in [*listed, *cites.ids, *from_code]:
        assert ref in known, ref
    for ref, words in cites.supports.items():
        assert words in known[ref]["supports"], ref


# --- source notes of the data tables -----------------------------------------------------------------

NOTE_WORDS = {                            # words a table's source note must show, beyond its citation
    "brinjikji_2015_asymptomatic_imaging": ("Brinjikji W",),
    "brinjikji_2015_back_pain_odds": ("2394",),
    "chiu_2015_disc_regression": ("Chiu CC",),
    "deville_2000_slr_accuracy": ("Devillé WL",),
    "french_2006_heat_cold_lbp": ("French SD", "Cochrane", "cold"),
    "gbd_2021_low_back_pain": ("GBD 2021 Low Back Pain Collaborators",),
    "hill_2011_startback_disability": ("Hill JC", "Lancet 2011", "851"),
    "mathieson_2017_pregabalin_sciatica": ("Mathieson S",),
    "menezes_costa_2012_pain_course": ("Menezes Costa",),
    "pengel_2003_acute_lbp_course": ("Pengel",),
    "peul_2007_sciatica_surgery": ("Peul WC",),
    "shiri_2010_obesity_low_back_pain": ("Shiri R, Karppinen J",),
    "shiri_2014_obesity_sciatica": ("Shiri R, Lallukka T",),
    "hse_guideline_weights": ("Health and Safety Executive", "INDG143", "NOT A SAFE LIMIT"),
    "sij_pain_referral": ("Slipman",),
    "sij_provocation_tests": ("Laslett M",),
}


@pytest.mark.parametrize("name", TABLES)
def test_source_note_cites_the_paper(name):
    table = load_table(name)
    note = source_note(name).data
    assert note.startswith("*Source:*")
    assert table.citation in note and table.note in note
    for words in NOTE_WORDS.get(name, ()):
        assert words in note, words


# --- cards escape what they show ----------------------------------------------------------------------

@dataclass(frozen=True)
class Card:
    """The HTML a card or widget shows, and what must (and must never) be in it."""

    html: Callable[[], str]
    present: tuple[str, ...] = ()          # the escaped text, and what the card says about it
    absent: tuple[str, ...] = ()           # besides "<script", which is never in any card


def _reflection_widget_card() -> str:
    exercise = person_behind_the_pain_widgets.ReflectionExercise()
    exercise.show([SCRIPT])
    return exercise.card.value


def _sciatica_explorer_card() -> str:
    explorer = sciatica_widgets.FollowThePainExplorer()
    explorer.show([SCRIPT], None)
    return explorer.card.value


def _symptom_explorer_card() -> str:
    explorer = symptom_explorer_widgets.SymptomExplorer()
    explorer.current = lambda: {"areas": [SCRIPT]}
    explorer.explain_button.click()
    return explorer.card.value


def _look_alike_explorer_message() -> str:
    explorer = look_alikes_widgets.LookAlikeExplorer()
    explorer.show(SCRIPT)
    return explorer.card.value


def _exercise_error_card() -> str:
    return exercise_widgets.advice_card(exercise.run_check(pain_after=SCRIPT, weeks_at_this_amount=2, used_to_it="yes"))


CARDS = {
    "02b-plan-card": Card(lambda: how_pain_works_widgets.plan_card_html(how_pain_works.FlareUpPlan(SCRIPT, "", "&")),
                          present=("&lt;script&gt;", "&amp;")),
    "02b-dial-reasons": Card(lambda: how_pain_works_widgets.reasons_html(how_pain_works.turn_dial(["worry"])),
                             present=("Worry that pain means damage",)),
    "02c-reflection-card": Card(lambda: person_behind_the_pain_widgets.problem_card(
        person_behind_the_pain.ReflectionError(f"'{SCRIPT}' is not one of the choices.")),
        present=("&lt;script&gt;",)),
    "02c-reflection-widget": Card(_reflection_widget_card, present=("&lt;script&gt;", "not one of the choices")),
    "01-part-card": Card(lambda: anatomy_widgets.part_card("disc")),
    "04-activity-card": Card(lambda: spinal_stenosis_widgets.activity_card("sit")),
    "04-explorer-start": Card(lambda: spinal_stenosis_widgets.ActivityExplorer(start="<script>'x'").card.value,
                              present=("&#x27;",)),
    "06-clue-card": Card(lambda: muscle_strain.clue_card(muscle_strain.sort_clues([SCRIPT])),
                         present=("&lt;script&gt;",)),
    "07-cluster-card": Card(lambda: sacroiliac_joint_widgets.cluster_card(
                                sacroiliac_joint.cluster_result(["distraction"])),
                            present=("Gaenslen&#x27;s",)),
    "08-explorer-clues": Card(_sciatica_explorer_card, present=("&lt;script&gt;",)),
    "09b-comparison-card": Card(lambda: look_alikes_widgets.comparison_card("aortic-aneurysm"),
                                present=("Everyday (non-specific) low back pain", "Who checks it")),
    "09b-explorer-message": Card(lambda: _look_alike_explorer_message(), present=("&lt;script&gt;", "Choose one of")),
    "11-advice-card": Card(_exercise_error_card, present=("&lt;script&gt;", "Question 2")),
    "13-area-note": Card(lambda: heat_cold_widgets.area_note_html("<script>"), present=("Choose a body area",)),
    "13-refusal-card": Card(lambda: heat_cold_widgets.refusal_card(
        heat_cold.InvalidSessionInput("minutes", "Minutes: '<b>' is not a number.")),
        present=("&lt;b&gt;",), absent=("<b>",)),
    "14-result-card": Card(lambda: weight_widgets.result_card(weight.calculate("metric", SCRIPT, "175")),
                           present=("&lt;script&gt;", 'role="alert"')),
    "15b-comparison-card": Card(lambda: work_widgets.card_for(work.compare("knuckle_to_elbow", "close", "75", SCRIPT)),
                                present=("&lt;script&gt;", "Compare again")),
    "15b-outside-card": Card(lambda: work_widgets.card_for(work.compare("above_full", "beyond", "180", "70")),
                             present=("HSE&#x27;s boxes", "63 cm", "personal guarantee")),
    "16-explorer-message": Card(_symptom_explorer_card, present=("&lt;script&gt;", "not one of the choices")),
    "17-verdict": Card(lambda: red_flags_widgets.verdict_html(
        red_flags.Verdict("urgent", "‼", "<b>x</b>", "fast & now", "act", "", (), ("<script>",))),
        present=("&lt;b&gt;", "&lt;script&gt;", "&amp;"), absent=("<b>x</b>",)),
    "18-story": Card(lambda: cases_widgets.story_html("daniel-mri"), present=("&quot;Multilevel degenerative",),
                     absent=('"Multilevel',)),
}


@pytest.mark.parametrize("card", CARDS.values(), ids=CARDS.keys())
def test_card_text_is_escaped(card):
    html = card.html()
    assert "<script" not in html
    for text in card.absent:
        assert text not in html, text
    for text in card.present:
        assert text in html, text


# --- bad input gives a plain message -------------------------------------------------------------------

@dataclass(frozen=True)
class Refusal:
    """A call with bad input, the error it must raise and the words its message must match."""

    lesson: str                            # its number
    call: Callable[..., Any]
    args: tuple
    error: type[Exception]
    words: str | None = None

    @property
    def id(self) -> str:
        return f"{self.lesson}-{self.call.__name__}({', '.join(map(repr, self.args))})"


SIJ = "not one of the six tests|list of test names"
REFUSALS = [
    *(Refusal("02b", how_pain_works.make_plan, args, how_pain_works.PlanInputError, words)
      for args, words in [(("",), "at least one part"), ((5,), "must be text, not int"),
                          (("x" * 501,), "501 characters long")]),
    *(Refusal("02b", how_pain_works.turn_dial, (bad,), how_pain_works.DialError, words)
      for bad, words in [(["kidney"], "not one of the dial's factors"), ("worry", "must be a list")]),
    *(Refusal("03", herniated_disc.root_pressed, (level, position), ValueError, words)
      for level, position, words in [("L2-L3", "central", "not a disc level"), (None, "central", "not a disc level"),
                                     ("L4-L5", "sideways", "not a position"), ("L4-L5", None, "not a position")]),
    Refusal("04", spinal_stenosis.activity, ("fly",), ValueError, "Choose one of: walk-upright"),
    *(Refusal("05", degenerative_disc_disease.people_out_of_100, (finding, age), ValueError)
      for finding, age in [("kidney", 50), (None, 50), ("disc bulge", 55), ("disc bulge", 90),
                           ("disc bulge", "50"), ("disc bulge", True), ("disc bulge", math.nan)]),
    *(Refusal("07", sacroiliac_joint.cluster_result, (bad,), ValueError, SIJ)
      for bad in (["kidney"], ["distraction", "hip"], 5, [None])),
    *(Refusal("08", sciatica.sort_clues, (clues, area), sciatica.ClueError, words)
      for clues, area, words in [(["below-knee", "above-knee"], None, "cannot both be true"),
                                 (["leg-worse", "back-worse"], None, "cannot both be true"),
                                 (["tingly-toes"], None, "no clue called"),
                                 ([], "left-ear", "not one of the areas")]),
    Refusal("09b", look_alikes.look_alike, ("fly",), ValueError, "Choose one of: hip-osteoarthritis"),
    Refusal("09b", look_alikes.comparison_rows, (None,), ValueError, "Unknown look-alike None"),
    *(Refusal("10", medical_treatment.pathway, (duration, complaint, red_flags), medical_treatment.PathwayError,
              words)
      for duration, complaint, red_flags, words in [
          ("chronic", "back pain", False, r"duration must be one of 'acute', 'persistent', not 'chronic'"),
          ("", "back pain", False, "duration must be one of"),
          (None, "back pain", False, r"duration must be one of .*NoneType"),
          (3, "sciatica", False, r"duration must be one of .*int"),
          ("acute", "neck pain", False, r"complaint must be one of 'back pain', 'sciatica', not 'neck pain'"),
          ("acute", ["sciatica"], False, "complaint must be one of"),
          ("acute", "sciatica", "yes", "red_flags must be True or False, not 'yes'"),
          ("acute", "sciatica", 1, "red_flags must be True or False, not 1"),
          ("acute", "sciatica", None, "red_flags must be True or False, not None")]),
    *(Refusal("15b", work.hse_filter, (zone, reach), work.WorkInputError, words)
      for zone, reach, words in [("kidney", "close", "zone: 'kidney' is not one of the choices"),
                                 (None, "close", "zone: None is not one of the choices"),
                                 ("knuckle_to_elbow", "far", "reach: 'far' is not one of the choices"),
                                 ("knuckle_to_elbow", 3, "reach: 3 is not one of the choices")]),
    Refusal("15b", work.niosh_limit, (75, "ten"), ValueError, "not a number"),
    *(Refusal("16", symptom_explorer.explain, (given,), symptom_explorer.SelectionError, words)
      for given, words in [({"areas": ["elbow"]}, "'elbow' is not one of the choices"),
                           ({"areas": ["low-back"], "kind": "itching"},
                            "'itching' is not one of the choices for “kind of symptom”"),
                           ({"areas": 5}, "must be a list"),
                           ({"colour": "red"}, "'colour' is not something the explorer asks about"),
                           (42, None)]),
    *(Refusal("17", red_flags.check, (bad,), red_flags.UnknownFlagError, words)
      for bad, words in [(["headache"], "Unknown red flag 'headache'"),
                         (["fever", "Fever"], "Unknown red flag 'Fever'"),
                         ([""], "Unknown red flag ''"),
                         ("fever", "not the single text 'fever'"),
                         ([3], "must be an id"),
                         ([None], "must be an id"),
                         (5, "not int")]),
]


@pytest.mark.parametrize("refusal", REFUSALS, ids=[refusal.id for refusal in REFUSALS])
def test_bad_input_gives_a_plain_message(refusal):
    with pytest.raises(refusal.error, match=refusal.words) as info:
        refusal.call(*refusal.args)
    assert isinstance(info.value, ValueError)                # the course's errors are ValueErrors
    assert 0 < len(str(info.value)) <= MAX_MESSAGE


# --- the tables above name lessons of the course map -----------------------------------------------------

def test_the_tables_name_lessons_and_tables_of_the_course():
    files = set(ids(LESSONS))
    assert set(ANSWERS) <= set(ids(QUIZZED)) and set(CITES) <= files
    assert set(NOTE_WORDS) <= set(TABLES)
    numbers = {lesson.number for lesson in LESSONS}
    assert {key.split("-")[0] for key in CARDS} | {refusal.lesson for refusal in REFUSALS} <= numbers
