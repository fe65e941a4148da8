"""Lesson 16: the symptom explorer. Mark where a symptom is, what it feels like, what makes it
better or worse and how it started; press Explain to read which structures, nerve roots and causes
in the course such a pattern usually points to, and what a clinician would check.

The reasoning is ``model.explain`` (pure, unit-tested); the card's HTML comes from the pure
``explanation_card``, its words from ``content/symptom_explorer.yml`` (``model.words``). A banner saying it is
not a diagnosis is always at the top.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.kit import prose, triage
from lessons.kit.course import lesson
from lessons.kit.references import bibliography
from lessons.kit.widget import CARD_STYLE, CourseWidget, escape, feedback_html, show_figure
from lessons.topics.back_to_leg.model import nerve_root
from lessons.topics.causes_compared.model import cause
from lessons.topics.symptom_explorer.figures import symptom_map_figure
from lessons.topics.symptom_explorer.model import (
    Explanation,
    SelectionError,
    areas,
    choices,
    explain,
    groups,
    selection,
    steps,
    text,
    words,
)

BANNER_STYLE = ("border:2px solid #0072B2;border-left:8px solid #0072B2;background:#E5F1F8;"
                "padding:6px 12px;color:#1a1a1a")
EMERGENCY_STYLE = ("border:2px solid #D55E00;border-left:8px solid #D55E00;background:#FBEDE5;"
                   "padding:6px 12px;color:#1a1a1a")


def banner_html() -> str:
    return (f'<div class="course-not-a-diagnosis" role="note" style="{BANNER_STYLE}">'
            f"<strong>ℹ {escape(text('not_a_diagnosis.heading'))}</strong> {escape(text('not_a_diagnosis.text'))}"
            "</div>")


def emergency_html() -> str:
    """The course's emergency message (from the triage file), as a warning box."""
    group = triage.level("emergency")
    signs = "".join(f"<li>{escape(item.text)}</li>" for item in triage.signs("emergency"))
    return (f'<div class="course-warning-box" role="alert" style="{EMERGENCY_STYLE}">'
            f"<strong>{escape(group.symbol)} {escape(group.heading)}.</strong>"
            f"<p>{escape(text('labels.warning_signs'))}</p><ul>{signs}</ul>"
            f"<p>{escape(group.why)}</p></div>")


def _cause_text(cause_id: str) -> str:
    item = cause(cause_id)
    return text("cause", name=item.name, number=lesson(item.lesson).number)


def _small(words_: str) -> str:
    return words_[:1].lower() + words_[1:]


def _root_text(root_id: str) -> str:
    root = nerve_root(root_id)
    return text("root", root=root.id, numbness=_small(root.numbness), muscles=_small(root.muscles),
                reflex=_small(root.reflex))


def _short_citation(ref_id: str) -> str:
    return bibliography()[ref_id]["citation"]


def explanation_card(result: Explanation) -> str:
    """The explanation as escaped HTML: the emergency message first when a warning sign is marked,
    then each matching pattern with what it points to, why, and what a clinician would check."""
    label = {name.removeprefix("labels."): value for name, value in words().items() if name.startswith("labels.")}
    parts = [f"<h4>{escape(result.message)}</h4>"]
    if result.emergency:
        parts.append(emergency_html())
    for item in result.matches:
        rows = [(label["points_to"], item.structures)]
        if item.roots:
            rows.append((label["roots"], " ".join(_root_text(root) for root in item.roots)))
        if item.causes:
            rows.append((label["causes"], "; ".join(_cause_text(c) for c in item.causes) + "."))
        rows += [(label["why"], item.why), (label["check"], item.check)]
        body = "".join(f"<dt><strong>{escape(label)}</strong></dt><dd>{escape(text)}</dd>" for label, text in rows)
        sources = "".join(f"<li>{escape(_short_citation(ref))}</li>" for ref in item.refs)
        mark = f"{triage.level(item.level).symbol} " if item.sign else ""
        parts.append(f'<section class="course-symptom-rule" data-rule="{escape(item.id)}">'
                     f"<h5>{escape(mark + item.title)}</h5><dl>{body}</dl>"
                     f"<details><summary>{escape(label['sources'])}</summary><ul>{sources}</ul></details></section>")
    parts.append(f"<p><em>{escape(text('not_a_diagnosis.text'))}</em></p>")
    return (f'<div class="course-card" role="status" aria-live="polite" style="{CARD_STYLE}">'
            + "".join(parts) + "</div>")


def _checkboxes(options, css: str) -> dict[str, widgets.Checkbox]:
    boxes = {}
    for label, key in options:
        box = widgets.Checkbox(value=False, description=label, indent=False,
                               layout=widgets.Layout(width="max-content"))
        box.add_class(f"{css}-{key}")
        boxes[key] = box
    return boxes


class SymptomExplorer(CourseWidget):
    """Mark symptoms on the body and leg map, then press Explain (education, not diagnosis)."""

    def __init__(self):
        self.banner = widgets.HTML(banner_html())
        self.area_boxes = _checkboxes([(a.name, a.id) for a in areas()], "course-area")
        area_rows = []
        for group_id, label in groups():
            members = [self.area_boxes[a.id] for a in areas() if a.group == group_id]
            area_rows += [widgets.HTML(f"<em>{escape(label)}</em>"), *members]
        self.kind = widgets.RadioButtons(options=list(choices("kind")), value="pain", description="It feels like:",
                                         style={"description_width": "initial"},
                                         layout=widgets.Layout(width="max-content"))
        self.worse_boxes = _checkboxes(choices("worse"), "course-worse")
        self.better_boxes = _checkboxes(choices("better"), "course-better")
        self.onset = widgets.RadioButtons(options=list(choices("onset")), value="not-sure",
                                          description="It started:", style={"description_width": "initial"},
                                          layout=widgets.Layout(width="max-content"))
        self.other_boxes = _checkboxes(choices("other"), "course-other")
        self.explain_button = widgets.Button(description="Explain", button_style="primary", icon="search",
                                             tooltip="Explain the pattern you marked")
        self.explain_button.add_class("course-symptom-explain")
        self.clear_button = widgets.Button(description="Clear all", icon="eraser",
                                           tooltip="Untick everything and start again")
        self.clear_button.add_class("course-symptom-clear")
        self.card = widgets.HTML()
        self.card.add_class("course-symptom-card")
        self.figure = widgets.Output()
        self._quiet = False
        for box in self.area_boxes.values():
            box.observe(self._on_area, names="value")
        self.explain_button.on_click(lambda _button: self.explain())
        self.clear_button.on_click(lambda _button: self.clear())
        controls = {"where": area_rows, "kind": [self.kind], "worse": list(self.worse_boxes.values()),
                    "better": list(self.better_boxes.values()), "onset": [self.onset],
                    "other": list(self.other_boxes.values())}
        questions = []
        for name, heading, hint in steps():
            questions += [widgets.HTML(f"<strong>{escape(heading)}</strong>" + (f" {escape(hint)}" if hint else "")),
                          *controls[name]]
        super().__init__([
            self.banner, *questions,
            widgets.HBox([self.explain_button, self.clear_button]),
            self.card, self.figure])
        self.plain_text = text("plain_text")
        self.add_class("course-symptom-explorer")
        self._reset_card()
        show_figure(self.figure, symptom_map_figure(()))

    @staticmethod
    def _ticked(boxes: dict[str, widgets.Checkbox]) -> list[str]:
        return [key for key, box in boxes.items() if box.value]

    def current(self) -> dict:
        """What is marked now, as the keyword arguments of ``lessons.topics.symptom_explorer.model.selection``."""
        return {"areas": self._ticked(self.area_boxes), "kind": self.kind.value,
                "worse": self._ticked(self.worse_boxes), "better": self._ticked(self.better_boxes),
                "onset": self.onset.value, "other": self._ticked(self.other_boxes)}

    def _reset_card(self) -> None:
        button = f"<strong>{escape(self.explain_button.description)}</strong>"
        start = prose.fill(escape(words()["messages.start"]), button=button)
        self.card.value = f'<div class="course-card" style="{CARD_STYLE}"><p>{start}</p></div>'

    def _on_area(self, _change) -> None:
        if not self._quiet:
            show_figure(self.figure, symptom_map_figure(self._ticked(self.area_boxes)))

    def explain(self) -> None:
        """Explain what is marked; a problem becomes a message in the widget, never a traceback."""
        try:
            result = explain(selection(**self.current()))
        except SelectionError as problem:
            self.card.value = feedback_html(False, "This cannot be explained yet.", str(problem))
            return
        self.card.value = explanation_card(result)
        show_figure(self.figure, symptom_map_figure(self._ticked(self.area_boxes)))

    def clear(self) -> None:
        self._quiet = True
        for boxes in (self.area_boxes, self.worse_boxes, self.better_boxes, self.other_boxes):
            for box in boxes.values():
                box.value = False
        self.kind.value = "pain"
        self.onset.value = "not-sure"
        self._quiet = False
        self._reset_card()
        show_figure(self.figure, symptom_map_figure(()))
