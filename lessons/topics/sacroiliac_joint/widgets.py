"""Lesson 07: the provocation-test cluster explorer.

Tick which of the sacroiliac provocation tests brought on the familiar pain; the card says how
many were positive and what Laslett et al. (2005) found for that pattern. Only numbers confirmed
in the paper's abstract are used (3 or more of 6: sensitivity 94%, specificity 78%). The text
comes from the pure function ``cluster_result``, so it is unit-tested without a widget.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ipywidgets as widgets

from lessons.kit.widget import CourseWidget, escape, feedback_html, show_figure
from lessons.topics.sacroiliac_joint.figures import cluster_tally_figure

# id: (name, what the clinician does). Gaenslen's test is done on each side, so the study had six tests.
PROVOCATION_TESTS = {
    "distraction": ("Distraction", "You lie on your back. The clinician presses on the front of both hip "
                                   "bones, down and outwards."),
    "thigh-thrust": ("Thigh thrust", "You lie on your back with one hip and knee bent. The clinician pushes "
                                     "down along the thigh bone."),
    "compression": ("Compression", "You lie on your side. The clinician presses down on the top of the pelvis."),
    "sacral-thrust": ("Sacral thrust", "You lie face down. The clinician presses down on the sacrum."),
    "gaenslen-right": ("Gaenslen's test, right side", "You lie on your back at the edge of the table, one knee "
                                                      "pulled to your chest, the other leg hanging over the "
                                                      "edge. The clinician presses the hanging leg back."),
    "gaenslen-left": ("Gaenslen's test, left side", "The same test with the legs the other way round."),
}
FOUR_TESTS = ("distraction", "thigh-thrust", "compression", "sacral-thrust")

REMINDER = ("Only a trained clinician performs and interprets these tests, together with your story and other "
            "checks. In the research, the reference standard was a numbing injection into the joint "
            "(a diagnostic block), and even that is not a perfect test.")


@dataclass(frozen=True)
class ClusterResult:
    positive: tuple[str, ...]
    count_of_six: int
    count_of_four: int
    three_of_six: bool
    two_of_four: bool
    headline: str
    notes: tuple[str, ...]


def _clean(positive) -> tuple[str, ...]:
    if positive is None:
        return ()
    if isinstance(positive, str):
        positive = [positive]
    if not isinstance(positive, Iterable):
        raise ValueError("Give the positive tests as a list of test names, for example ['distraction'].")
    chosen = []
    for test in positive:
        key = str(test).strip().lower()
        if key not in PROVOCATION_TESTS:
            raise ValueError(f"'{test}' is not one of the six tests. Choose from: "
                             + ", ".join(PROVOCATION_TESTS) + ".")
        if key not in chosen:
            chosen.append(key)
    return tuple(test for test in PROVOCATION_TESTS if test in chosen)  # the study's order


def cluster_result(positive: Iterable[str] | None) -> ClusterResult:
    """Count the positive tests and say what Laslett et al. (2005) found for that pattern.

    Raises ValueError (with a plain message) for a name that is not one of the six tests.
    """
    tests = _clean(positive)
    six, four = len(tests), sum(test in FOUR_TESTS for test in tests)
    if six == 0:
        headline = "No test brought on the familiar pain (0 of 6)."
        notes = ["In the study, everyone whose pain was eased by the numbing injection had at least one "
                 "positive test. The authors concluded that when none of the six tests brings on the familiar "
                 "pain, the sacroiliac joint can be ruled out as the source of the current pain."]
    elif six >= 3:
        headline = f"{six} of 6 tests brought on the familiar pain: the study's rule of 3 or more is met."
        notes = ["In the study, 94 in 100 people whose pain was eased by the injection had 3 or more positive "
                 "tests (sensitivity 94%).",
                 "But about 22 in 100 people whose pain was NOT eased also had 3 or more (specificity 78%), "
                 "so meeting the rule makes the joint a more likely source without proving it."]
    else:
        headline = f"{six} of 6 tests brought on the familiar pain: fewer than 3, so the rule is not met."
        notes = ["In the study, 78 in 100 people whose pain was NOT eased by the injection had fewer than 3 "
                 "positive tests (specificity 78%).",
                 "Only about 6 in 100 people whose pain WAS eased had fewer than 3, so the joint becomes a less "
                 "likely source, though not an impossible one."]
    if six:
        if four >= 2:
            notes.append(f"{four} of the 4 tests without Gaenslen's (distraction, thigh thrust, compression, "
                         "sacral thrust) were positive: the shorter 'any 2 of these 4' rule is also met. The "
                         "authors named it, with '3 or more of 6', as the rules that best predicted the "
                         "injection result.")
        else:
            notes.append(f"{four} of the 4 tests without Gaenslen's were positive: the shorter 'any 2 of these 4' "
                         "rule is not met.")
    notes.append(REMINDER)
    return ClusterResult(tests, six, four, six >= 3, four >= 2, headline, tuple(notes))


def cluster_card(result: ClusterResult) -> str:
    """The result as escaped HTML: the headline, then one paragraph per note."""
    # "Info" style whatever the count: meeting a rule is a finding, not a right or wrong answer.
    return feedback_html(None, result.headline, notes=result.notes)


class ProvocationClusterExplorer(CourseWidget):
    """Lesson 07: tick the tests that brought on the pain; read what the study found for that pattern."""

    plain_text = ("Provocation-test cluster explorer: tick the tests that brought on the pain to see what the "
                  "study found (run in JupyterLab).")

    def __init__(self, start: Iterable[str] | None = None):
        self.checkboxes = {
            key: widgets.Checkbox(value=False, description=name, indent=False,
                                  tooltip=what, layout=widgets.Layout(width="max-content"))
            for key, (name, what) in PROVOCATION_TESTS.items()}
        intro = "".join(f"<li><strong>{escape(name)}</strong>: {escape(what)}</li>"
                        for name, what in PROVOCATION_TESTS.values())
        self.guide = widgets.HTML(f"<p>Tick each test that brought on the person's usual pain:</p><ul>{intro}</ul>")
        self.clear_button = widgets.Button(description="Clear all", tooltip="Untick every test")
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self._busy = False
        for box in self.checkboxes.values():
            box.observe(lambda _change: self._on_tick(), names="value")
        self.clear_button.on_click(lambda _button: self.show([]))
        super().__init__([self.guide, *self.checkboxes.values(), self.clear_button, self.card, self.figure])
        self.add_class("course-sij-cluster-explorer")
        self.show(start)

    def _on_tick(self) -> None:
        if not self._busy:
            self.show([key for key, box in self.checkboxes.items() if box.value])

    def show(self, positive: Iterable[str] | None) -> None:
        """Tick these tests and show the result; a bad name gives a message, never a traceback."""
        try:
            result = cluster_result(positive)
        except ValueError as problem:
            self.card.value = feedback_html(False, "That is not one of the six tests.", str(problem))
            return
        self._busy = True
        for key, box in self.checkboxes.items():
            box.value = key in result.positive
        self._busy = False
        self.card.value = cluster_card(result)
        show_figure(self.figure, cluster_tally_figure(result.count_of_six, result.count_of_four))
