"""Sort the clues: tick clues from a story of back and leg pain and see which of two kinds of pain they
fit. Lessons 06 ("Referred or nerve root?") and 08 ("Follow the pain") use it, each with its own clue set
(``lessons/topics/<topic>/content/clues.yml``, checked against ``kit/content/schema/clue_set.schema.json``).

A clue set has two *sides* (the two kinds of pain), and may have *neutral* clues (they fit both) and
*warning* clues (warning signs from the triage file: they override everything). Its ``decide`` rule
says how ticked clues give a verdict:

- ``one-side``: the verdict is a side only when every side clue is on that side; clues on both sides
  are "mixed";
- ``majority``: the side with more clues wins; a tie is "mixed".

A clue set may also ask where the leg is numb (``area``): the areas and their nerve roots come from
the lesson that uses the set (the kit knows no topic), and a chosen area counts as one clue for a side.

The rules are pure functions (``load_clue_set``, ``sort``, ``card``); ``ClueSorter`` is the one widget
that shows them. It teaches a clinician's reasoning and is not a diagnosis: every card says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from lessons.kit import data, prose, triage
from lessons.kit.widget import CARD_STYLE, FEEDBACK_STYLE, CourseWidget, escape, feedback_html, show_figure

NO_AREA = "none"                                      # the area picker's "no numbness" choice
CONDITIONS = ("roots", "no-roots", "several-roots")   # besides a verdict, what an addition can depend on
BOLD = re.compile(r"\*\*(.+?)\*\*")


class ClueError(ValueError):
    """Clues that cannot be sorted, with a message written for the learner."""


@dataclass(frozen=True)
class Leaning:
    """What a clue can lean to: one of the two sides, neither (neutral), or a warning sign."""
    id: str
    kind: str            # "side", "neutral" or "warning"
    fits: str = ""       # what a ticked clue of this kind fits, in the "list" layout
    title: str = ""      # the heading of its ticked clues, in the "card" layout
    map: bool = False    # a ticked clue of this kind shows the leg map


@dataclass(frozen=True)
class Clue:
    id: str
    text: str                      # what the learner ticks
    leans: str                     # a leaning's id
    why: str                       # shown once it is ticked
    root: str | None = None        # the nerve root that this clue (numbness, weakness) points to
    signs: tuple[str, ...] = ()    # a warning clue's signs in the triage file
    alert: tuple[str, ...] = ()    # signs to warn about when this clue is ticked (a group of the triage file)


@dataclass(frozen=True)
class Area:
    """A place on the leg where it can be numb, given by the lesson that uses the clue set."""
    id: str
    name: str
    root: str                                    # the nerve root that usually supplies it
    facts: tuple[tuple[str, str], ...] = ()      # more words for the area note: (("muscles", "..."),)


@dataclass(frozen=True)
class AreaWords:
    label: str       # the picker's label
    none: str        # the picker's "no numbness" choice
    leans: str       # the side a chosen area counts for
    note: str        # the card's note on the chosen area
    missing: str     # the card's note when the verdict is that side but no area is chosen
    unknown: str     # the message for an area that is not on the map


@dataclass(frozen=True)
class Addition:
    """A sentence added to the headline when every condition holds (a verdict, "roots", ...)."""
    when: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class ClueSet:
    file: str
    plain_text: str
    heading: str
    clear_tooltip: str
    layout: str                        # "list" or "card"
    decide: str                        # "one-side" or "majority"
    leanings: tuple[Leaning, ...]
    clues: tuple[Clue, ...]
    headlines: Mapping[str, str]
    closing: str
    messages: Mapping[str, str]
    opposites: tuple[tuple[str, str], ...] = ()
    additions: tuple[Addition, ...] = ()
    area: AreaWords | None = None
    areas: tuple[Area, ...] = ()
    alert_note: str = ""

    @property
    def sides(self) -> tuple[Leaning, Leaning]:
        first, second = (leaning for leaning in self.leanings if leaning.kind == "side")
        return first, second

    def leaning(self, leaning_id: str) -> Leaning:
        return next(leaning for leaning in self.leanings if leaning.id == leaning_id)

    def clue(self, clue_id: str) -> Clue:
        return next(clue for clue in self.clues if clue.id == clue_id)

    def find_area(self, area_id: str) -> Area | None:
        return next((area for area in self.areas if area.id == area_id), None)


# ---- loading ---------------------------------------------------------------------------------------

def _sign_ids(sign_ids: Iterable[str], name: str, item: str, where: str) -> tuple[str, ...]:
    for sign_id in sign_ids:
        try:
            triage.sign(sign_id)
        except KeyError:
            raise data.ContentError(name, f"unknown warning sign {sign_id!r}", item=item, field=where) from None
    return tuple(sign_ids)


def _leanings(document: dict, name: str, layout: str) -> tuple[Leaning, ...]:
    found, seen = [], set()
    for index, entry in enumerate(document["leanings"]):
        if entry["id"] in seen:
            raise data.ContentError(name, "duplicate leaning id", item=entry["id"], field=f"leanings.{index}.id")
        seen.add(entry["id"])
        needed = "fits" if layout == "list" else "title"
        if not entry.get(needed):
            raise data.ContentError(name, f"is required by the {layout!r} layout", item=entry["id"],
                                    field=f"leanings.{index}.{needed}")
        found.append(Leaning(entry["id"], entry["kind"], entry.get("fits", ""), entry.get("title", ""),
                             entry.get("map", False)))
    if sum(leaning.kind == "side" for leaning in found) != 2:
        raise data.ContentError(name, "needs exactly two leanings of kind 'side'", field="leanings")
    return tuple(found)


def _clues(document: dict, name: str, leanings: dict[str, Leaning], roots: set[str] | None) -> tuple[Clue, ...]:
    found, seen = [], set()
    for index, entry in enumerate(document["clues"]):
        clue_id, where = entry["id"], f"clues.{index}"
        if clue_id in seen:
            raise data.ContentError(name, "duplicate clue id", item=clue_id, field=f"{where}.id")
        seen.add(clue_id)
        if entry["leans"] not in leanings:
            raise data.ContentError(name, f"unknown leaning {entry['leans']!r} (the leanings are "
                                    f"{', '.join(leanings)})", item=clue_id, field=f"{where}.leans")
        warning = leanings[entry["leans"]].kind == "warning"
        if warning != bool(entry.get("signs")):
            problem = ("a warning clue needs its warning signs" if warning
                       else "only a clue that leans to a warning has warning signs")
            raise data.ContentError(name, problem, item=clue_id, field=f"{where}.signs")
        signs = _sign_ids(entry.get("signs", ()), name, clue_id, f"{where}.signs")
        why = entry["why"]
        prose.check_text(why, ("needs",) if signs else (), name, field=f"{where}.why", item=clue_id)
        if signs:   # "{needs}": how fast the most serious of its signs needs help, from the triage file
            why = prose.fill(why, needs=triage.level_of(signs).needs)
        root = entry.get("root")
        if root is not None and roots is not None and root not in roots:
            raise data.ContentError(name, f"unknown nerve root {root!r} (the lesson knows {', '.join(sorted(roots))})",
                                    item=clue_id, field=f"{where}.root")
        alert = ()
        if "alert" in entry:
            try:
                alert = triage.group(entry["alert"])
            except KeyError:
                raise data.ContentError(name, f"unknown group of warning signs {entry['alert']!r}", item=clue_id,
                                        field=f"{where}.alert") from None
            if not document.get("alert_note"):
                raise data.ContentError(name, "a clue with an alert needs the set's alert_note", item=clue_id,
                                        field=f"{where}.alert")
        found.append(Clue(clue_id, entry["text"], entry["leans"], why, root, signs, alert))
    return tuple(found)


def _opposites(document: dict, name: str, clue_ids: set[str]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for index, (first, second) in enumerate(document.get("opposites", [])):
        for clue_id in (first, second):
            if clue_id not in clue_ids:
                raise data.ContentError(name, f"unknown clue {clue_id!r}", field=f"opposites.{index}")
        if first == second:
            raise data.ContentError(name, "a clue cannot be its own opposite", field=f"opposites.{index}")
        pairs.append((first, second))
    if pairs and "opposites" not in document["messages"]:
        raise data.ContentError(name, "is required when the set has opposites", field="messages.opposites")
    return tuple(pairs)


def _headlines(document: dict, name: str, leanings: tuple[Leaning, ...]) -> dict[str, str]:
    kinds = {leaning.kind for leaning in leanings}
    needed = ["none", "mixed", *(leaning.id for leaning in leanings if leaning.kind == "side")]
    needed += [kind for kind in ("neutral", "warning") if kind in kinds]
    headlines = document["headlines"]
    for verdict in needed:
        if verdict not in headlines:
            raise data.ContentError(name, "is required but missing", field=f"headlines.{verdict}")
    for verdict, text in headlines.items():
        if verdict not in needed:
            raise data.ContentError(name, f"no verdict {verdict!r} in this set (its verdicts are {', '.join(needed)})",
                                    field=f"headlines.{verdict}")
        prose.check_text(text, ("lead", "needs") if verdict == "warning" else (), name, field=f"headlines.{verdict}")
    return dict(headlines)


def _additions(document: dict, name: str, verdicts: Iterable[str]) -> tuple[Addition, ...]:
    known = [verdict for verdict in verdicts if verdict not in ("none", "warning")] + list(CONDITIONS)
    found = []
    for index, entry in enumerate(document.get("additions", [])):
        for condition in entry["when"]:
            if condition not in known:
                raise data.ContentError(name, f"unknown condition {condition!r} (choose from {', '.join(known)})",
                                        field=f"additions.{index}.when")
        prose.check_text(entry["text"], (), name, field=f"additions.{index}.text")
        found.append(Addition(tuple(entry["when"]), entry["text"]))
    return tuple(found)


def _area(document: dict, name: str, areas: tuple[Area, ...], sides: set[str]) -> AreaWords | None:
    words = document.get("area")
    if words is None:
        if areas:
            raise data.ContentError(name, "the lesson gives areas for a numb leg, but the set has no area words",
                                    field="area")
        return None
    if not areas:
        raise data.ContentError(name, "the lesson that uses this set gives no areas for a numb leg", field="area")
    if words["leans"] not in sides:
        raise data.ContentError(name, f"{words['leans']!r} is not a side of this set", field="area.leans")
    facts = set.intersection(*({key for key, _value in area.facts} for area in areas))
    prose.check_text(words["note"], {"area", "root", *facts}, name, field="area.note")
    prose.check_text(words["missing"], (), name, field="area.missing")
    prose.check_text(words["unknown"], ("area",), name, field="area.unknown")
    return AreaWords(**words)


def load_clue_set(path: Path | str, *, roots: Iterable[str] | None = None, areas: Iterable[Area] = ()) -> ClueSet:
    """Read and check a clue set. ``roots``: the nerve roots a clue may name; ``areas``: where the leg can
    be numb, if the set asks (both come from the lesson). Rules the schema cannot express raise ContentError."""
    path = Path(path)
    name = data.display_name(path)
    document = triage.load(path, "clue_set")
    areas = tuple(areas)
    leanings = _leanings(document, name, document["layout"])
    clues = _clues(document, name, {leaning.id: leaning for leaning in leanings},
                   None if roots is None else set(roots))
    headlines = _headlines(document, name, leanings)
    sides = {leaning.id for leaning in leanings if leaning.kind == "side"}
    messages = document["messages"]
    prose.check_text(messages["not_a_list"], (), name, field="messages.not_a_list")
    prose.check_text(messages["unknown_clue"], ("clue",), name, field="messages.unknown_clue")
    prose.check_text(messages.get("opposites", ""), ("first", "second"), name, field="messages.opposites")
    prose.check_text(messages.get("cannot_sort", ""), (), name, field="messages.cannot_sort")
    prose.check_text(document.get("alert_note", ""), ("alert",), name, field="alert_note")
    widget = document["widget"]
    return ClueSet(
        file=name, plain_text=widget["plain_text"], heading=widget["heading"],
        clear_tooltip=widget["clear_tooltip"], layout=document["layout"], decide=document["decide"],
        leanings=leanings, clues=clues, headlines=headlines, closing=document["closing"], messages=dict(messages),
        opposites=_opposites(document, name, {clue.id for clue in clues}),
        additions=_additions(document, name, headlines), area=_area(document, name, areas, sides), areas=areas,
        alert_note=document.get("alert_note", ""))


# ---- sorting ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sorting:
    """What the ticked clues fit. ``verdict``: "none" (nothing ticked), "problem" (the clues cannot be
    sorted: ``headline`` says why), "warning", "neutral", "mixed", or the id of a side."""
    verdict: str
    headline: str
    clues: tuple[Clue, ...] = ()
    area: Area | None = None
    roots: tuple[str, ...] = ()    # every nerve root the ticked clues and the area point to
    clue_set: ClueSet | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool | None:
        """True: sorted; None: nothing ticked yet; False: the clues cannot be sorted, or a warning sign."""
        if self.verdict == "none":
            return None
        return self.verdict not in ("problem", "warning")

    @property
    def urgent(self) -> bool:
        return self.verdict == "warning"

    @property
    def problem(self) -> bool:
        return self.verdict == "problem"

    @property
    def root(self) -> str | None:
        """The one root that numbness or weakness points to, if only one."""
        return self.roots[0] if len(self.roots) == 1 else None

    @property
    def show_map(self) -> bool:
        """A ticked clue leans to a kind that shows the leg map."""
        return any(self.clue_set.leaning(clue.leans).map for clue in self.clues)

    def clues_leaning(self, leaning_id: str) -> tuple[Clue, ...]:
        """The ticked clues that lean to ``leaning_id``."""
        return tuple(clue for clue in self.clues if clue.leans == leaning_id)


def _chosen(clue_set: ClueSet, clue_ids, area) -> tuple[tuple[Clue, ...], Area | None]:
    messages = clue_set.messages
    if clue_ids is None:
        clue_ids = ()
    if isinstance(clue_ids, str) or not isinstance(clue_ids, Iterable):
        raise ClueError(messages["not_a_list"])
    ids = list(clue_ids)
    known = {clue.id for clue in clue_set.clues}
    unknown = [item for item in ids if not isinstance(item, str) or item not in known]
    if unknown:
        raise ClueError(prose.fill(messages["unknown_clue"], clue=repr(unknown[0])))
    for first, second in clue_set.opposites:
        if first in ids and second in ids:
            raise ClueError(prose.fill(messages["opposites"], first=clue_set.clue(first).text,
                                       second=clue_set.clue(second).text))
    clues = tuple(clue for clue in clue_set.clues if clue.id in ids)
    if area in (None, "", NO_AREA):
        return clues, None
    if clue_set.area is None:
        raise ValueError(f"{clue_set.file} has no areas to choose from")
    found = clue_set.find_area(str(area))
    if found is None:
        raise ClueError(prose.fill(clue_set.area.unknown, area=repr(str(area))))
    return clues, found


def _verdict(clue_set: ClueSet, clues: tuple[Clue, ...], area: Area | None) -> str:
    if not clues and area is None:
        return "none"
    kinds = {clue_set.leaning(clue.leans).kind for clue in clues}
    if "warning" in kinds:
        return "warning"
    first, second = (side.id for side in clue_set.sides)
    count = {first: 0, second: 0}
    for clue in clues:
        if clue.leans in count:
            count[clue.leans] += 1
    if area is not None:
        count[clue_set.area.leans] += 1
    if not count[first] and not count[second]:
        return "neutral"
    if clue_set.decide == "majority":
        return "mixed" if count[first] == count[second] else max(count, key=count.get)
    return "mixed" if count[first] and count[second] else (first if count[first] else second)


def _holds(condition: str, verdict: str, roots: tuple[str, ...]) -> bool:
    if condition == "roots":
        return bool(roots)
    if condition == "no-roots":
        return not roots
    if condition == "several-roots":
        return len(roots) > 1
    return condition == verdict


def sort(clue_set: ClueSet, clue_ids: Iterable[str] | None, area: str | None = None) -> Sorting:
    """Sort the ticked clues (and the numb area, if the set asks). Clues that cannot be sorted (unknown,
    not a list, contradicting each other) give a Sorting with the verdict "problem", not an error."""
    try:
        clues, chosen_area = _chosen(clue_set, clue_ids, area)
    except ClueError as problem:
        return Sorting("problem", str(problem), clue_set=clue_set)
    verdict = _verdict(clue_set, clues, chosen_area)
    roots = tuple(sorted({clue.root for clue in clues if clue.root} | ({chosen_area.root} if chosen_area else set())))
    if verdict == "warning":
        top = triage.level_of(sign for clue in clues for sign in clue.signs)
        headline = prose.fill(clue_set.headlines["warning"], lead=top.lead, needs=top.needs)
    else:
        headline = clue_set.headlines[verdict]
        if verdict != "none":
            headline = " ".join([headline] + [addition.text for addition in clue_set.additions
                                              if all(_holds(when, verdict, roots) for when in addition.when)])
    return Sorting(verdict, headline, clues, chosen_area, roots, clue_set)


# ---- the card --------------------------------------------------------------------------------------

def _paragraph(text: str, **values: str) -> str:
    """A paragraph from content text: escaped, ``**bold**`` made bold, then ``{slots}`` filled (escaped)."""
    html = BOLD.sub(r"<strong>\1</strong>", escape(text))
    return f"<p>{prose.fill(html, **{key: escape(value) for key, value in values.items()})}</p>"


def _notes(sorting: Sorting) -> list[str]:
    clue_set, notes = sorting.clue_set, []
    if sorting.area is not None:
        notes.append(_paragraph(clue_set.area.note, area=sorting.area.name, root=sorting.area.root,
                                **dict(sorting.area.facts)))
    elif clue_set.area is not None and sorting.verdict == clue_set.area.leans:
        notes.append(_paragraph(clue_set.area.missing))
    alert = [sign for clue in sorting.clues for sign in clue.alert]
    if alert:
        notes.append(_paragraph(clue_set.alert_note, alert=triage.sentence(dict.fromkeys(alert))))
    return notes


def _problem_box(sorting: Sorting) -> str:
    heading = sorting.clue_set.messages.get("cannot_sort")
    return feedback_html(False, heading, sorting.headline) if heading else feedback_html(False, sorting.headline)


def card(sorting: Sorting) -> str:
    """The sorting as escaped HTML, in the clue set's layout.

    ``list``: the headline in a feedback box (an alert for a warning sign), then one list of the ticked
    clues, each with what it fits and why, then the notes and the closing line.
    ``card``: a card with the headline as its heading, the ticked clues under their leaning's title, the
    notes and the closing line; clues that cannot be sorted show a feedback box instead.
    """
    clue_set = sorting.clue_set
    closing = f"<p><em>{escape(clue_set.closing)}</em></p>"
    notes = "".join(_notes(sorting))
    if clue_set.layout == "list":
        if sorting.problem:
            box = _problem_box(sorting)
        elif sorting.urgent:
            box = (f'<div class="course-feedback course-feedback-warning" role="alert" '
                   f'style="{FEEDBACK_STYLE["wrong"]}"><strong>⚠ {escape(sorting.headline)}</strong></div>')
        else:  # a sorted result is information, not a right or wrong answer (nothing ticked yet has the ✘ style)
            box = feedback_html(None if sorting.ok else False, sorting.headline)
        rows = "".join(f"<li><strong>{escape(clue.text)}</strong>: {escape(clue_set.leaning(clue.leans).fits)}. "
                       f"{escape(clue.why)}</li>" for clue in sorting.clues)
        return box + (f"<ul>{rows}</ul>" if rows else "") + notes + closing
    if sorting.problem:
        return _problem_box(sorting)
    parts = [f"<h4>{escape(sorting.headline)}</h4>"]
    for leaning in clue_set.leanings:
        items = sorting.clues_leaning(leaning.id)
        if items:
            rows = "".join(f"<li><strong>{escape(item.text)}.</strong> {escape(item.why)}</li>" for item in items)
            parts.append(f"<p><strong>{escape(leaning.title)}:</strong></p><ul>{rows}</ul>")
    return (f'<div class="course-card" role="status" aria-live="polite" style="{CARD_STYLE}">'
            + "".join(parts) + notes + closing + "</div>")


# ---- the widget ------------------------------------------------------------------------------------

class ClueSorter(CourseWidget):
    """Tick clues (and choose where the leg is numb, if the clue set asks); read what they fit.

    ``figure(sorting)`` gives the figure to show under the card, or None for none (the lesson draws it:
    the kit knows no leg map). Clues that cannot be sorted show a message and leave the figure alone.
    """

    def __init__(self, clue_set: ClueSet, figure: Callable[[Sorting], Any] | None = None, *,
                 css_class: str = "course-clue-sorter", clear_icon: str = ""):
        self.clue_set = clue_set
        self.plain_text = clue_set.plain_text
        self._figure_for = figure
        self.boxes = {clue.id: widgets.Checkbox(value=False, description=clue.text, indent=False,
                                                layout=widgets.Layout(width="max-content"))
                      for clue in clue_set.clues}
        self.area_picker = None
        if clue_set.area is not None:
            self.area_picker = widgets.RadioButtons(
                options=[(clue_set.area.none, NO_AREA)] + [(area.name, area.id) for area in clue_set.areas],
                value=NO_AREA, description=clue_set.area.label, style={"description_width": "initial"},
                layout=widgets.Layout(width="max-content"))
        self.clear_button = widgets.Button(description="Clear all", icon=clear_icon, tooltip=clue_set.clear_tooltip)
        self.card = widgets.HTML()
        self.figure = widgets.Output()
        self._quiet = False
        for box in self.boxes.values():
            box.observe(self._on_change, names="value")
        if self.area_picker is not None:
            self.area_picker.observe(self._on_change, names="value")
        self.clear_button.on_click(lambda _button: self.clear())
        heading = widgets.HTML(f"<strong>{escape(clue_set.heading)}</strong>")
        pickers = [self.area_picker] if self.area_picker is not None else []
        super().__init__([heading, *self.boxes.values(), *pickers, self.clear_button, self.card, self.figure])
        self.add_class(css_class)
        self.update()

    def selected(self) -> list[str]:
        """The ids of the ticked clues, in the clue set's order."""
        return [clue_id for clue_id, box in self.boxes.items() if box.value]

    def _on_change(self, _change) -> None:
        if not self._quiet:
            self.update()

    def update(self) -> None:
        """Show what the ticked clues (and the chosen area) fit."""
        self.show(self.selected(), self.area_picker.value if self.area_picker is not None else None)

    def clear(self) -> None:
        """Untick every clue (and choose no area), then show the result once."""
        self._quiet = True
        for box in self.boxes.values():
            box.value = False
        if self.area_picker is not None:
            self.area_picker.value = NO_AREA
        self._quiet = False
        self.update()

    def show(self, clue_ids, area: str | None = None) -> None:
        """Show the card (and figure) for these clues; a problem with the input becomes a message, not a traceback."""
        sorting = sort(self.clue_set, clue_ids, area)
        self.card.value = card(sorting)
        if sorting.problem:
            return
        figure = self._figure_for(sorting) if self._figure_for is not None else None
        if figure is None:
            self.figure.outputs = ()
        else:
            show_figure(self.figure, figure)
