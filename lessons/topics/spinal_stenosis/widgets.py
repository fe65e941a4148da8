"""Explorer widgets for lesson 04 (spinal stenosis).

- ``ActivityExplorer``: choose an everyday activity or posture; read what tends to happen with
  neurogenic claudication (stenosis) and with vascular claudication (poor blood flow), and see
  the closest posture measured in an MRI study of canal size.
- ``NarrowingPlaceExplorer``: choose where the narrowing is (central canal or a side opening)
  and see on the leg map of lesson 02 where symptoms usually go.

The rules and text live in pure functions (``activity``, ``activity_card``, ``narrowing_card``),
unit-tested without a widget. Controls are standard ipywidgets, usable from the keyboard.
Unknown choices give a clear message in the widget, never a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ipywidgets as widgets

from lessons.kit.data import ContentError
from lessons.kit.references import bibliography
from lessons.kit.widget import CourseWidget, card_html, feedback_html, show_figure
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.back_to_leg.model import nerve_root, nerve_roots
from lessons.topics.spinal_stenosis.figures import canal_posture_figure

ROOM = {"flexion": "more room for the nerves", "extension": "less room for the nerves"}
BACK = {"flexion": "Bent forward (flexion)", "extension": "Upright or arched backward (extension)"}
# Short names for sources whose citation does not start with an author's surname.
SHORT_NAMES = {"bhf-intermittent-claudication": "British Heart Foundation",
               "bmj-best-practice-lumbar-stenosis": "BMJ Best Practice"}
CAVEAT = ("This is what tends to happen, not a rule: people differ, single clues are weak, and the two "
          "problems can be hard to tell apart. Only a clinician can say what causes a person's pain.")


@dataclass(frozen=True)
class Activity:
    """One everyday activity, what the lower back does, and what tends to happen."""

    id: str
    label: str
    back: str  # "flexion" or "extension"
    nerve: str  # with neurogenic claudication (spinal stenosis)
    vessel: str  # with vascular claudication (poor blood flow to the leg muscles)
    why: str
    refs: tuple[str, ...]


ACTIVITIES: tuple[Activity, ...] = (
    Activity(
        "walk-upright", "Walking upright", "extension",
        nerve="Pain, pins and needles, numbness or cramping in the buttocks and legs, in one leg or both, "
              "often builds up after walking for a while. Walking upright is the classic trigger.",
        vessel="A cramp or ache in the leg muscles, most often the calves, comes on with walking, because "
               "the working muscles need more blood than narrowed arteries can bring.",
        why="Walking upright keeps the lower back straight or slightly arched (extension). In an MRI study "
            "of healthy spines the canal had less room when the back was bent backward.",
        refs=("comer-2009-neurogenic-claudication", "katz-2022-lumbar-stenosis-review",
              "bhf-intermittent-claudication", "schmid-1999-canal-posture-mri")),
    Activity(
        "stand-still", "Standing still for a while (in a queue)", "extension",
        nerve="Standing alone, without walking, can bring the symptoms on. In one study 97 in 100 people "
              "with stenosis said standing alone could trigger their pain. Sitting or bending forward is "
              "what usually eases it.",
        vessel="Standing still usually eases the pain within a few minutes, because the leg muscles rest. "
               "Calf pain that eased on standing still pointed strongly to a blood-flow cause in one study.",
        why="Standing keeps the lower back upright (extension), so the canal does not get the extra room "
            "that bending forward gives.",
        refs=("nadeau-2013-claudication-symptoms", "comer-2009-neurogenic-claudication",
              "bhf-intermittent-claudication")),
    Activity(
        "lean-on-trolley", "Leaning forward on a shopping trolley or walker", "flexion",
        nerve="Often eases the symptoms, so people can walk further. This is called the shopping-cart "
              "sign. Symptoms easing when bending forward made stenosis more likely in a review of "
              "studies (likelihood ratio 6.4).",
        vessel="Leaning forward does not help much: the leg muscles are still working, and it is resting "
               "them that eases the pain.",
        why="Bending forward (flexion) gives the canal and the side openings more room. In the MRI study "
            "the canal was largest when bent forward.",
        refs=("nadeau-2013-claudication-symptoms", "suri-2010-stenosis-examination",
              "schmid-1999-canal-posture-mri", "bhf-intermittent-claudication")),
    Activity(
        "sit", "Sitting down", "flexion",
        nerve="Usually eases the symptoms. Having no pain when sitting was one of the strongest clues to "
              "stenosis in a review of studies (likelihood ratio 7.4).",
        vessel="Sitting eases it too, because the legs rest. So easing on sitting does not, on its own, "
               "tell the two problems apart.",
        why="Sitting bends the lower back forward (flexion) and takes the weight off the legs.",
        refs=("suri-2010-stenosis-examination", "comer-2009-neurogenic-claudication",
              "nadeau-2013-claudication-symptoms", "bhf-intermittent-claudication")),
    Activity(
        "bend-backward", "Bending backward", "extension",
        nerve="Can bring on or worsen back and leg symptoms. Pain brought on by arching the lower back "
              "and eased by bending forward is part of how stenosis is recognised.",
        vessel="Posture is not what brings it on; hard work by the leg muscles is, such as walking or "
               "climbing.",
        why="Bending backward (extension) made the canal and the side openings smaller and the ligament "
            "at the back of the canal (ligamentum flavum) thicker in the MRI study.",
        refs=("katz-2022-lumbar-stenosis-review", "schmid-1999-canal-posture-mri",
              "bhf-intermittent-claudication")),
    Activity(
        "cycle", "Cycling while leaning forward (an exercise bike)", "flexion",
        nerve="Pedalling while leaning forward often eases the symptoms, because the back is bent forward. "
              "Some clinicians compare pedalling upright with pedalling leaning forward (the bicycle test).",
        vessel="Still brings the pain on, because the leg muscles work hard whatever the posture. Pain in "
               "both positions on the bicycle test suggests a blood-flow cause.",
        why="Leaning forward on the handlebars bends the lower back (flexion), which gives the nerves "
            "more room.",
        refs=("physiopedia-bicycle-test", "schmid-1999-canal-posture-mri")),
)


def activities() -> tuple[Activity, ...]:
    return ACTIVITIES


def activity(activity_id: str) -> Activity:
    """The activity with this id; a ValueError that names the choices otherwise."""
    for item in ACTIVITIES:
        if item.id == activity_id:
            return item
    raise ValueError(f"Unknown activity {activity_id!r}. Choose one of: "
                     + ", ".join(item.id for item in ACTIVITIES) + ".")


def _sources(ref_ids: tuple[str, ...]) -> str:
    """Short source names ("Katz 2022; Schmid 1999") from the course bibliography."""
    names = []
    for ref_id in ref_ids:
        entry = bibliography().get(ref_id)
        if entry is None:
            raise ContentError("lessons/topics/spinal_stenosis/widgets.py", "is not a reference id", item=ref_id,
                               field="refs")
        first = SHORT_NAMES.get(ref_id) or re.split(r"[ ,.(]", entry["citation"], maxsplit=1)[0]
        year = re.search(r"\b(19|20)\d\d\b", entry["citation"])
        names.append(f"{first} {year.group(0)}" if year else first)
    return "; ".join(names)


def activity_card(activity_id: str) -> str:
    """HTML card: the back position, what tends to happen with each kind of claudication, and why."""
    item = activity(activity_id)
    return card_html(item.label, [
        ("The lower back is", f"{BACK[item.back]}: {ROOM[item.back]}."),
        ("With spinal stenosis (neurogenic claudication)", item.nerve),
        ("With poor blood flow to the legs (vascular claudication)", item.vessel),
        ("Why", item.why),
        ("Remember", CAVEAT),
        ("Sources", _sources(item.refs)),
    ])


PLACES = {
    "central": "The central canal",
    "side": "A side opening (lateral recess or foramen)",
}


def narrowing_card(place: str, root: str | None = None) -> str:
    """HTML card: where the narrowing is and where symptoms usually go."""
    if place == "central":
        return card_html(PLACES["central"], [
            ("What is squeezed", "The bundle of nerve roots in the canal (the cauda equina), often several "
                                 "roots at once."),
            ("Where it is usually felt", "Often the buttocks or legs on both sides: thighs and calves, with pain, pins "
                                         "and needles, numbness or cramping."),
            ("Pattern", "Comes on with standing and walking and eases with sitting or bending forward "
                        "(neurogenic claudication). Because several roots can be involved, it often does not "
                        "follow the map of one single root."),
            ("Sources", _sources(("bmj-best-practice-lumbar-stenosis", "comer-2009-neurogenic-claudication",
                                  "suri-2010-stenosis-examination"))),
        ])
    if place == "side":
        if root is None:
            raise ValueError("Choose a nerve root (L4, L5 or S1) for a side-opening narrowing.")
        item = nerve_root(root)
        return card_html(f"{PLACES['side']}: the {item.id} root", [
            ("What is squeezed", f"Usually one nerve root on one side, here {item.id}."),
            ("Pain usually travels to", item.pain),
            ("Numbness or tingling usually felt", item.numbness),
            ("Pattern", "Shooting pain along the root's path (radicular pain), like a disc herniation can cause "
                        "(lessons 02 and 03). Maps differ between people."),
            ("Sources", _sources(("bmj-best-practice-lumbar-stenosis", "lee-2008-dermatomes"))),
        ])
    raise ValueError(f"Unknown place {place!r}. Choose one of: {', '.join(PLACES)}.")


def _problem(message: str) -> str:
    return feedback_html(False, "That choice is not available.", message)


class ActivityExplorer(CourseWidget):
    """Lesson 04: pick an activity; see what tends to happen with each kind of claudication."""

    plain_text = ("Activity explorer: choose an everyday activity to see what tends to happen with "
                  "spinal stenosis and with poor blood flow (run in JupyterLab).")

    def __init__(self, start: str = "walk-upright"):
        self.picker = widgets.RadioButtons(
            options=[(item.label, item.id) for item in ACTIVITIES], value=None, description="Activity:",
            layout=widgets.Layout(width="max-content"))
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self.picker.observe(lambda change: self.show(change["new"]), names="value")
        super().__init__([self.picker, self.card, self.figure])
        self.add_class("course-activity-explorer")
        self.show(start)

    def show(self, activity_id: str | None) -> None:
        try:
            item = activity(activity_id)
        except ValueError as error:
            self.card.value = _problem(str(error))
            show_figure(self.figure, canal_posture_figure())
            return
        if self.picker.value != item.id:
            self.picker.value = item.id  # calls show() again through the observer
            return
        self.card.value = activity_card(item.id)
        show_figure(self.figure, canal_posture_figure(highlight=item.back))


class NarrowingPlaceExplorer(CourseWidget):
    """Lesson 04: pick where the narrowing is; see where symptoms usually go on the leg map."""

    plain_text = ("Narrowing explorer: choose where the canal is narrowed to see where symptoms usually go "
                  "(run in JupyterLab).")

    def __init__(self):
        self.place_picker = widgets.ToggleButtons(
            options=[(name, key) for key, name in PLACES.items()], value="central", description="Narrowing:",
            tooltips=["Narrowing of the central canal", "Narrowing of a side opening, pinching one root"],
            style={"button_width": "auto"})
        self.root_picker = widgets.ToggleButtons(
            options=[r.id for r in nerve_roots()], value="L5", description="Root:", disabled=True,
            tooltips=[f"The {r.id} root" for r in nerve_roots()])
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self.place_picker.observe(lambda change: self.show(), names="value")
        self.root_picker.observe(lambda change: self.show(), names="value")
        super().__init__([self.place_picker, self.root_picker, self.card, self.figure])
        self.add_class("course-narrowing-explorer")
        self.show()

    def show(self) -> None:
        place, root = self.place_picker.value, self.root_picker.value
        self.root_picker.disabled = place != "side"
        try:
            self.card.value = narrowing_card(place, root if place == "side" else None)
        except (ValueError, ContentError) as error:
            self.card.value = _problem(str(error))
            return
        figure = leg_map_figure(root=root, buttons=False) if place == "side" else leg_map_figure(buttons=False)
        show_figure(self.figure, figure)
