"""Lesson 06 widgets: sort leg-pain clues into "referred" or "nerve root", and step through
the published recovery time points.

The reasoning lives in pure functions (``sort_clues``, ``clue_card``, ``timepoint_text``) so it
is unit-tested without a widget. Education, not diagnosis: every card says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ipywidgets as widgets

from lessons.kit import triage
from lessons.kit.widget import FEEDBACK_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.muscle_strain.figures import TIME_POINTS, recovery_figure, recovery_points

REFERRED, ROOT, EITHER, URGENT = "referred", "nerve root", "either", "urgent"
PATTERN_NAMES = {
    REFERRED: "fits referred pain (the pattern of a back strain)",
    ROOT: "fits nerve-root pain or nerve-root damage",
    EITHER: "does not tell the two apart",
    URGENT: "a warning sign: get help fast",
}
# Warning-sign clues: (clue id, the triage file's sign ids); their wording and level come from there.
WARNING_CLUES = (("saddle-bladder", ("saddle-numbness", "bladder-bowel")), ("both-legs", ("both-legs",)),
                 ("worse-weakness", ("worsening-weakness",)), ("fever", ("fever",)),
                 ("major-injury", ("serious-injury",)))
NOT_A_DIAGNOSIS = ("This is not a diagnosis. It only shows which pattern each clue usually fits. "
                   "Only a clinician who talks with you and examines you can say what is going on.")


@dataclass(frozen=True)
class Clue:
    id: str
    label: str
    pattern: str
    why: str
    root: str | None = None


def _warning_clue(clue_id: str, *sign_ids: str) -> Clue:
    """A clue that is a warning sign, worded and triaged by the triage file."""
    chosen = [triage.sign(sign_id) for sign_id in sign_ids]
    text = chosen[0].text if len(chosen) == 1 else triage.capital(triage.join(s.short for s in chosen))
    top = triage.level_of(sign_ids)
    return Clue(clue_id, text, URGENT, f"A warning sign that needs {top.needs}.")


CLUES: tuple[Clue, ...] = (
    Clue("buttock-ache", "A dull, deep ache in the buttock or the back of the thigh", REFERRED,
         "Referred pain from the lower back is dull and aching and usually spreads into the buttock "
         "and thigh. Nerve-root pain can start in the buttock too, but it usually shoots on down the leg."),
    Clue("hard-to-place", "Pain spread over a wide area that is hard to point to", REFERRED,
         "Referred pain spreads over wide areas that are hard to place. Nerve-root pain travels along a band."),
    Clue("back-worse", "The back hurts more than the leg", REFERRED,
         "When pain is referred from the back into the leg, the back pain is usually the main problem."),
    Clue("shooting", "Sharp, shooting or electric pain running down the leg along a band", ROOT,
         "That is how radicular pain feels: an irritated nerve root fires off signals that shoot along the leg."),
    Clue("below-knee", "Pain that goes below the knee, into the lower leg or foot", ROOT,
         "Pain from the L5 and S1 nerve roots usually travels into the lower leg and foot (see the leg map). "
         "Referred pain from the back is usually felt in the buttock and thigh."),
    Clue("numb-top-foot", "Numbness or pins and needles on the top of the foot or the big toe", ROOT,
         "Numbness is lost nerve function (radiculopathy); referred pain does not cause it. "
         "The top of the foot and the big toe are usually in the L5 area.", root="L5"),
    Clue("numb-outer-foot", "Numbness on the outer edge of the foot or the sole", ROOT,
         "Numbness is lost nerve function (radiculopathy); referred pain does not cause it. "
         "The outer edge of the foot and the sole are usually in the S1 area.", root="S1"),
    Clue("weak-foot-lift", "Weakness lifting the foot or the big toe (hard to walk on the heels)", ROOT,
         "Weakness is lost nerve function; referred pain does not cause it. "
         "Pulling the foot up at the ankle is the work of the L4 and L5 roots; lifting the big toe is mostly L5.",
         root="L5"),
    Clue("weak-tiptoe", "Weakness standing on tiptoe", ROOT,
         "Weakness is lost nerve function; referred pain does not cause it. "
         "Pushing the foot down, as on tiptoe, is mostly the work of the S1 root.", root="S1"),
    Clue("bending-hurts", "Pain that is worse when bending forward or moving the back", EITHER,
         "Bending forward is usually painful and limited with a back strain, but on its own this clue "
         "does not show whether any leg pain is referred or comes from a nerve root."),
    Clue("after-lifting", "It started suddenly while lifting, bending or twisting", EITHER,
         "Clinicians ask how the pain started, but the exact source of the pain usually cannot be proven, "
         "so this clue alone does not tell the patterns apart."),
    *(_warning_clue(clue_id, *sign_ids) for clue_id, sign_ids in WARNING_CLUES),
)
CLUES_BY_ID = {clue.id: clue for clue in CLUES}


@dataclass(frozen=True)
class SortResult:
    ok: bool | None          # True: sorted; None: nothing ticked yet; False: bad input or a warning sign
    headline: str
    clues: tuple[Clue, ...] = ()
    root: str | None = None  # the one root that numbness or weakness points to, if only one
    show_map: bool = False   # nerve-root clues were ticked: show the leg map of lesson 02
    urgent: bool = False     # a warning sign was ticked


def sort_clues(selected: Iterable[str] | None) -> SortResult:
    """Say which pattern the ticked clues fit. Unknown or malformed input gives a message, not an error."""
    if selected is None:
        selected = ()
    if isinstance(selected, str) or not isinstance(selected, Iterable):
        return SortResult(False, "Give the clues as a list of clue names, for example ['shooting'].")
    selected = list(selected)
    unknown = [item for item in selected if not isinstance(item, str) or item not in CLUES_BY_ID]
    if unknown:
        return SortResult(False, f"Unknown clue: {unknown[0]!r}. Choose from the list of clues.")
    clues = tuple(clue for clue in CLUES if clue.id in selected)
    if not clues:
        return SortResult(None, "Tick the clues that match the story you have in mind.")
    patterns = {clue.pattern for clue in clues}
    roots = sorted({clue.root for clue in clues if clue.root})
    root = roots[0] if len(roots) == 1 else None
    show_map = ROOT in patterns
    if URGENT in patterns:
        top = triage.level_of(sign for clue_id, signs in WARNING_CLUES if clue_id in selected for sign in signs)
        headline = (f"At least one clue is a warning sign. {top.lead} (see the warning-signs box in this "
                    "lesson); do not wait to see whether it settles.")
        return SortResult(False, headline, clues, root, show_map, urgent=True)
    if patterns == {EITHER}:
        headline = "These clues do not tell referred pain and nerve-root pain apart."
    elif ROOT not in patterns:
        headline = ("These clues fit referred pain from the back, the pattern that goes with a back strain "
                    "and other non-specific low back pain.")
    elif REFERRED not in patterns:
        headline = "These clues fit nerve-root pain (lessons 03 and 08), not the usual pattern of a back strain."
    else:
        headline = "A mix: some clues fit referred pain and some fit a nerve root."
        headline += (" Numbness and weakness are not caused by referred pain, so a clinician would check the "
                     "nerve roots." if roots else " A clinician would test feeling, strength and reflexes to "
                     "look for a nerve-root problem.")
    if len(roots) > 1:
        headline += " The numbness or weakness points to more than one root: clinicians test each one."
    return SortResult(True, headline, clues, root, show_map)


def clue_card(result: SortResult) -> str:
    """The result as HTML: a headline, one line per clue, and the not-a-diagnosis line (all escaped)."""
    rows = "".join(
        f"<li><strong>{escape(clue.label)}</strong>: {escape(PATTERN_NAMES[clue.pattern])}. "
        f"{escape(clue.why)}</li>" for clue in result.clues)
    listing = f"<ul>{rows}</ul>" if rows else ""
    if result.urgent:
        box = (f'<div class="course-feedback course-feedback-warning" role="alert" '
               f'style="{FEEDBACK_STYLE["wrong"]}"><strong>⚠ {escape(result.headline)}</strong></div>')
    else:  # a sorted result is information, not a right or wrong answer
        box = feedback_html(None if result.ok else False, result.headline)
    return box + listing + f"<p><em>{escape(NOT_A_DIAGNOSIS)}</em></p>"


class ReferredOrRootSorter(CourseWidget):
    """Lesson 06: tick clues from a story of back and leg pain; see which pattern each one fits."""

    plain_text = ("Referred or nerve root? Tick clues about back and leg pain to see which pattern each fits "
                  "(run in JupyterLab).")

    def __init__(self):
        self.boxes = {clue.id: widgets.Checkbox(value=False, description=clue.label, indent=False,
                                                layout=widgets.Layout(width="max-content"))
                      for clue in CLUES}
        self.clear_button = widgets.Button(description="Clear all", tooltip="Untick every clue")
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        for box in self.boxes.values():
            box.observe(lambda _change: self.update(), names="value")
        self.clear_button.on_click(lambda _button: self.clear())
        super().__init__([widgets.HTML("<strong>Clues</strong>"), *self.boxes.values(),
                          self.clear_button, self.card, self.figure])
        self.add_class("course-clue-sorter")
        self.update()

    def selected(self) -> list[str]:
        return [clue_id for clue_id, box in self.boxes.items() if box.value]

    def clear(self) -> None:
        for box in self.boxes.values():
            box.value = False
        self.update()

    def update(self) -> None:
        result = sort_clues(self.selected())
        self.card.value = clue_card(result)
        if result.show_map:
            show_figure(self.figure, leg_map_figure(root=result.root, buttons=False))
        else:
            self.figure.outputs = ()


def timepoint_text(time_point: str) -> str:
    """What the published pooled pain scores were at one time point, in plain words."""
    if time_point not in TIME_POINTS:
        return f"Unknown time point {time_point!r}: choose {', '.join(TIME_POINTS)}."
    index = TIME_POINTS.index(time_point)
    acute, persistent = recovery_points("acute")[index], recovery_points("persistent")[index]
    when = "At the start (baseline)" if time_point == "baseline" else f"At {time_point}"
    return (f"{when}, average pain was {acute['pain']:.0f} out of 100 (95% CI {acute['lower']:.0f} to "
            f"{acute['upper']:.0f}) in people whose pain had lasted less than 12 weeks, and "
            f"{persistent['pain']:.0f} ({persistent['lower']:.0f} to {persistent['upper']:.0f}) in people "
            "whose pain had already lasted 12 weeks to a year. These are averages over many people: "
            "one person's pain can follow a very different path.")


class RecoveryTimeline(CourseWidget):
    """Lesson 06: step through the four published time points of the recovery figure."""

    plain_text = "Recovery timeline: move the slider to read the published pain scores (run in JupyterLab)."

    def __init__(self, start: str = "baseline"):
        self.slider = widgets.SelectionSlider(options=list(TIME_POINTS), value=start,
                                              description="Time point:", continuous_update=False,
                                              style={"description_width": "initial"})
        self.text = widgets.HTML()
        self.figure = widgets.Output()
        self.slider.observe(lambda change: self.show(change["new"]), names="value")
        super().__init__([self.slider, self.text, self.figure])
        self.add_class("course-recovery-timeline")
        self.show(start)

    def show(self, time_point: str) -> None:
        self.text.value = f"<p>{escape(timepoint_text(time_point))}</p>"
        if time_point in TIME_POINTS:
            show_figure(self.figure, recovery_figure(highlight=time_point))
