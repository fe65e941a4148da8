"""Lesson 08: "Follow the pain". Tick clues about a leg pain; see which kind of pain they fit
(radicular, as in sciatica, or referred) and, from where the leg is numb, which root usually
supplies that skin (lesson 02's leg map).

The reasoning lives in pure functions (``sort_clues``, ``clues_card``) that are unit-tested
without a widget; the widget only shows their result. It teaches a clinician's reasoning and
is not a diagnosis: every card says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from lessons.kit import triage
from lessons.kit.widget import CARD_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.topics.back_to_leg.figures import leg_map_figure
from lessons.topics.back_to_leg.model import NerveRoot, leg_areas, root_for_area

RADICULAR, REFERRED = "radicular", "referred"
NO_NUMBNESS = "none"


@dataclass(frozen=True)
class Clue:
    id: str
    text: str    # what the learner ticks
    leans: str   # RADICULAR or REFERRED
    why: str     # shown after sorting; each sentence rests on the lesson's references


CLUES: tuple[Clue, ...] = (
    Clue("below-knee", "The pain goes below the knee, into the calf or foot", RADICULAR,
         "Pain from an irritated nerve root usually runs down the back or side of the leg to below "
         "the knee. In a study of 609 people seeing their family doctor, pain below the knee was more "
         "common in those found to have sciatica than in those with referred leg pain."),
    Clue("dull-ache", "A deep, dull ache that is hard to point to", REFERRED,
         "Referred pain from discs, joints or muscles in the back is dull and aching and spreads over "
         "an area that is hard to point to."),
    Clue("shooting", "Shooting or burning pain, or electric shocks, along a band", RADICULAR,
         "An irritated nerve root sends out signals of its own: the pain shoots, burns or stabs along "
         "a path down the leg."),
    Clue("above-knee", "The pain spreads to the buttock or thigh but stops above the knee", REFERRED,
         "Referred pain from the back often spreads to the buttock or thigh. This clue is not certain: "
         "the higher nerve roots (L1 to L3) can also send nerve pain to the thigh."),
    Clue("leg-worse", "The leg hurts more than the back", RADICULAR,
         "With sciatica, back pain is usually not as bad as the leg pain. Leg pain worse than back pain "
         "was more common in people found to have sciatica."),
    Clue("back-worse", "The back hurts more than the leg", REFERRED,
         "When the back is the main problem, the leg pain is more often referred. It is only a lean, "
         "not a rule."),
    Clue("cough", "Coughing, sneezing or straining makes the leg pain worse", RADICULAR,
         "This can happen when a disc presses on a nerve root. On its own it is only a modest clue."),
    Clue("weak", "A muscle in the leg or foot feels weak", RADICULAR,
         "Weakness means a nerve root is not passing signals well (radiculopathy). Referred pain does "
         "not cause weakness. Weakness that is getting worse is a warning sign (see the box at the end of the "
         "lesson)."),
)
OPPOSITES = (("below-knee", "above-knee"), ("leg-worse", "back-worse"))


class ClueError(ValueError):
    """Clues that cannot be sorted, with a message written for the learner."""


@dataclass(frozen=True)
class SortedClues:
    radicular: tuple[Clue, ...]
    referred: tuple[Clue, ...]
    area: str | None
    root: NerveRoot | None

    @property
    def verdict(self) -> str:
        """"radicular", "referred", "mixed" or "none" (nothing chosen yet)."""
        score = len(self.radicular) + (1 if self.area else 0)
        if not score and not self.referred:
            return "none"
        if score == len(self.referred):
            return "mixed"
        return RADICULAR if score > len(self.referred) else REFERRED


def clue(clue_id: str) -> Clue:
    for item in CLUES:
        if item.id == clue_id:
            return item
    raise ClueError(f"There is no clue called {clue_id!r}.")


def sort_clues(clue_ids, numb_area: str | None = None) -> SortedClues:
    """Sort the chosen clues into radicular and referred; a numb area adds its nerve root.

    Raises ClueError, with a plain message, for unknown clues or areas and for clues that
    contradict each other.
    """
    chosen = [clue(str(clue_id)) for clue_id in dict.fromkeys(clue_ids or ())]
    ids = {item.id for item in chosen}
    for first, second in OPPOSITES:
        if first in ids and second in ids:
            raise ClueError(f"You ticked both “{clue(first).text}” and “{clue(second).text}”. "
                            "They cannot both be true: untick one.")
    area = None if numb_area in (None, "", NO_NUMBNESS) else str(numb_area)
    if area is not None and area not in leg_areas():
        raise ClueError(f"{area!r} is not one of the areas on the leg map.")
    return SortedClues(
        radicular=tuple(item for item in chosen if item.leans == RADICULAR),
        referred=tuple(item for item in chosen if item.leans == REFERRED),
        area=area, root=root_for_area(area) if area else None)


HEADLINES = {
    "none": "Tick the clues that describe the leg pain, or choose where it is numb.",
    RADICULAR: "Most clues fit radicular pain: the kind of leg pain called sciatica.",
    REFERRED: "Most clues fit referred pain from the back, not sciatica.",
    "mixed": "The clues are mixed: a clinician would ask more questions and examine the leg.",
}


def clues_card(result: SortedClues) -> str:
    """The explanation shown under the clues (escaped HTML)."""
    parts = [f"<h4>{escape(HEADLINES[result.verdict])}</h4>"]
    for title, items in (("Clues that fit radicular pain (an irritated nerve root)", result.radicular),
                         ("Clues that fit referred pain (from discs, joints or muscles)", result.referred)):
        if items:
            rows = "".join(f"<li><strong>{escape(item.text)}.</strong> {escape(item.why)}</li>" for item in items)
            parts.append(f"<p><strong>{escape(title)}:</strong></p><ul>{rows}</ul>")
    if result.root is not None:
        name = leg_areas()[result.area]
        parts.append(
            f"<p><strong>Numbness: {escape(name)}.</strong> Numbness is a sign that a root is not "
            f"passing signals well, and this skin is usually supplied by the <strong>{escape(result.root.id)}"
            f"</strong> nerve root (its dermatome). The same root works these muscles: "
            f"{escape(result.root.muscles.lower())}. Maps differ between people and overlap.</p>")
    elif result.verdict == RADICULAR:
        parts.append("<p>No area chosen for numbness. Most sciatica comes from the <strong>L5</strong> or "
                     "<strong>S1</strong> root, because most disc herniations that cause symptoms are at "
                     "L4–L5 or L5–S1.</p>")
    if any(item.id == "weak" for item in result.radicular):
        parts.append(f"<p><strong>⚠ {escape(triage.sentence(triage.group('cauda-equina')))}</strong> "
                     "(see the box at the end of the lesson).</p>")
    parts.append("<p><em>Clues make one kind of pain more likely; none of them proves it. "
                 "This is a learning tool, not a diagnosis.</em></p>")
    return (f'<div class="course-card" role="status" aria-live="polite" style="{CARD_STYLE}">'
            + "".join(parts) + "</div>")


class FollowThePainExplorer(CourseWidget):
    """Tick clues about a leg pain and a numb area; read which kind of pain and which root they fit."""

    plain_text = ("Follow-the-pain explorer: tick clues about a leg pain to see whether they fit sciatica "
                  "or referred pain, and which nerve root a numb area points to (run in JupyterLab).")

    def __init__(self):
        self.boxes = {item.id: widgets.Checkbox(value=False, description=item.text, indent=False,
                                                layout=widgets.Layout(width="max-content"))
                      for item in CLUES}
        self.area_picker = widgets.RadioButtons(
            options=[("No numbness or tingling", NO_NUMBNESS)] + [(name, key) for key, name in leg_areas().items()],
            value=NO_NUMBNESS, description="Numb or tingling:", style={"description_width": "initial"},
            layout=widgets.Layout(width="max-content"))
        self.clear_button = widgets.Button(description="Clear all", icon="eraser",
                                           tooltip="Untick every clue and choose no numbness")
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self._quiet = False
        for box in self.boxes.values():
            box.observe(self._on_change, names="value")
        self.area_picker.observe(self._on_change, names="value")
        self.clear_button.on_click(lambda _button: self.clear())
        heading = widgets.HTML("<strong>Which of these describe the leg pain?</strong>")
        super().__init__([heading, *self.boxes.values(), self.area_picker, self.clear_button,
                          self.card, self.figure])
        self.add_class("course-follow-the-pain")
        self.show((), NO_NUMBNESS)

    def chosen(self) -> list[str]:
        return [clue_id for clue_id, box in self.boxes.items() if box.value]

    def _on_change(self, _change) -> None:
        if not self._quiet:
            self.show(self.chosen(), self.area_picker.value)

    def clear(self) -> None:
        self._quiet = True
        for box in self.boxes.values():
            box.value = False
        self.area_picker.value = NO_NUMBNESS
        self._quiet = False
        self.show((), NO_NUMBNESS)

    def show(self, clue_ids, numb_area) -> None:
        """Update the card and the leg map; a problem with the input becomes a message, not a traceback."""
        try:
            result = sort_clues(clue_ids, numb_area)
        except ClueError as problem:
            self.card.value = feedback_html(False, "These clues cannot be sorted yet.", str(problem))
            return
        self.card.value = clues_card(result)
        show_figure(self.figure, leg_map_figure(area=result.area, buttons=False))
