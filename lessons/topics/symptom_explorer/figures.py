"""Lesson 16: the body and leg map of the symptom explorer, shading the areas a learner marked.

Left panel: the lower back, buttocks and both legs from the back. Right panel: the right leg from
the front, as in lesson 02. The five leg areas are lesson 02's shapes (``lessons.topics.back_to_leg.figures``);
the back, buttock, thigh, groin, saddle and both-legs regions are added here. A marked area is
shaded, patterned, outlined in black and its label gets a tick, so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Iterable

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.kit.palette import OKABE_ITO, base_layout, hide_axes
from lessons.topics.back_to_leg.figures import AREA_SHAPES, BACK_OUTLINE, FRONT_OUTLINE, WIDEN
from lessons.topics.symptom_explorer.model import area_names

BACK, FRONT = 1, 2   # subplot columns
MIDLINE = -10.0      # the body's midline in the back view (right leg on the right of it)
BODY = "#F4EFE6"
MARKED, UNMARKED = OKABE_ITO["vermillion"], "#DDDDDD"


def _wide(xs):
    return [x * WIDEN for x in xs]


def _mirror(xs):
    """The left leg in the back view: the right leg reflected about the midline."""
    return [2 * MIDLINE - x for x in xs]


RIGHT_LEG_BACK = (_wide(BACK_OUTLINE[0]), list(BACK_OUTLINE[1]))
LEFT_LEG_BACK = (_mirror(RIGHT_LEG_BACK[0]), RIGHT_LEG_BACK[1])
FRONT_LEG = (_wide(FRONT_OUTLINE[0]), list(FRONT_OUTLINE[1]))
TRUNK = ([-34, -36, -33, 13, 16, 14, -34], [100, 118, 150, 150, 118, 100, 100])

# Regions drawn in this module: (column, xs, ys), already at figure scale. "both-legs" has two pieces.
REGIONS: dict[str, list[tuple[int, list[float], list[float]]]] = {
    "low-back": [(BACK, [-25, 5, 6, -26, -25], [128, 128, 147, 147, 128])],
    "buttock": [(BACK, [-3, 1, 7, 12, 13.5, 12, 6, 0, -3.5, -3],
                 [108, 100, 98, 101, 110, 119, 123, 121, 115, 108])],
    "back-of-thigh": [(BACK, [-7, 8.5, 12.5, 13, 6, -4.5, -7.5, -7], [60, 60, 80, 94, 96, 94, 80, 60])],
    "groin": [(FRONT, [-1, 5.6, 8.2, 2, -1], [100, 100, 88, 90, 100])],
    "saddle": [(BACK, [MIDLINE, -5.5, -5, -8, -12, -15, -14.5, MIDLINE], [86, 100, 112, 116, 116, 112, 100, 86])],
    "both-legs": [(BACK, *RIGHT_LEG_BACK), (BACK, *LEFT_LEG_BACK)],
}
# Lesson 02's leg areas: column 1 there is the front view, column 2 the back view.
for _area_id, (_col, _xs, _ys) in AREA_SHAPES.items():
    REGIONS[_area_id] = [(FRONT if _col == 1 else BACK, _wide(_xs), list(_ys))]

# The figure's short label of an area is its id in words ("back-of-thigh" -> "back of thigh").
SHORT_LABELS = {area_id: area_id.replace("-", " ") for area_id in (
    "low-back", "buttock", "back-of-thigh", "groin", "saddle", "both-legs", "inner-shin", "outer-shin",
    "top-of-foot", "outer-foot")} | {"back-of-calf": "calf"}
# Where each label sits: (column, x, y, arrow offset in pixels; 0 = no arrow, label on the area).
LABEL_AT = {
    "low-back": (BACK, MIDLINE, 138, 0), "buttock": (BACK, 8, 111, 70), "back-of-thigh": (BACK, 3, 77, 0),
    "groin": (FRONT, 3, 104, 0), "saddle": (BACK, MIDLINE, 104, -75), "both-legs": (BACK, MIDLINE, -6, 0),
    "inner-shin": (FRONT, 6, 25, 70), "outer-shin": (FRONT, -7, 25, -70), "top-of-foot": (FRONT, 3, -5, 0),
    "outer-foot": (FRONT, -5.5, 4, -60), "back-of-calf": (BACK, 1.5, 35, 0),
}
# Draw order: big regions first so the small ones stay on top (and can be hovered).
DRAW_ORDER = ("both-legs", "low-back", "buttock", "back-of-thigh", "saddle", "groin", "inner-shin",
              "outer-shin", "top-of-foot", "outer-foot", "back-of-calf")


def marked_areas(marked: Iterable[str] | None) -> tuple[str, ...]:
    """Check the marked area ids; an unknown id raises ValueError naming it."""
    names = area_names()
    found = tuple(dict.fromkeys(marked or ()))
    for area_id in found:
        if area_id not in names:
            raise ValueError(f"{area_id!r} is not an area on the symptom map")
    return found


def _outline(fig, xs, ys, col):
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=BODY,
                             line={"color": "#4d4d4d", "width": 2}, hoverinfo="skip", showlegend=False),
                  row=1, col=col)


def symptom_map_figure(marked: Iterable[str] | None = ()) -> go.Figure:
    """The body and leg map with the ``marked`` area ids shaded (none marked: all light grey)."""
    chosen = set(marked_areas(marked))
    names = area_names()
    fig = make_subplots(rows=1, cols=2, column_widths=[0.58, 0.42], horizontal_spacing=0.03,
                        subplot_titles=("Lower back and legs from the back", "Right leg from the front"))
    _outline(fig, TRUNK[0], TRUNK[1], BACK)
    _outline(fig, *RIGHT_LEG_BACK, BACK)
    _outline(fig, *LEFT_LEG_BACK, BACK)
    _outline(fig, *FRONT_LEG, FRONT)
    legend_done = set()
    for area_id in DRAW_ORDER:
        is_marked = area_id in chosen
        state = "marked" if is_marked else "not marked"
        for col, xs, ys in REGIONS[area_id]:
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines", fill="toself", name=state, legendgroup=state,
                showlegend=state not in legend_done, meta=[area_id, state],
                fillcolor=MARKED if is_marked else UNMARKED,
                opacity=0.85 if is_marked else (0.25 if area_id == "both-legs" else 0.6),
                fillpattern={"shape": "x", "fgcolor": "#1a1a1a", "solidity": 0.2} if is_marked else None,
                line={"color": "#1a1a1a" if is_marked else "#888888", "width": 2 if is_marked else 1,
                      "dash": "solid" if is_marked else "dot"},
                hoveron="fills",
                hovertemplate=f"<b>{names[area_id]}</b><br>{state}<extra></extra>"),
                row=1, col=col)
            legend_done.add(state)
    for area_id, (col, x, y, ax) in LABEL_AT.items():
        text = SHORT_LABELS[area_id]
        fig.add_annotation(x=x, y=y, row=1, col=col, showarrow=bool(ax), ax=ax, ay=0, arrowcolor="#555555",
                           text=f"<b>✔ {text}</b>" if area_id in chosen else text,
                           font={"size": 13 if area_id in chosen else 11,
                                 "color": "#1a1a1a" if area_id in chosen else "#555555"},
                           bgcolor="rgba(255,255,255,0.8)" if area_id in chosen else None)
    fig.add_annotation(x=20, y=60, text="outer<br>side", showarrow=False, row=1, col=BACK)
    fig.add_annotation(x=-18, y=75, text="outer<br>side", showarrow=False, row=1, col=FRONT)
    fig.add_annotation(x=14, y=75, text="inner<br>side", showarrow=False, row=1, col=FRONT)
    if chosen:
        title = "You marked: " + ", ".join(SHORT_LABELS[a] for a in DRAW_ORDER if a in chosen)
    else:
        title = "The symptom map: nothing marked yet"
    fig.update_layout(**base_layout(title, height=600, legend={"y": 0.5},
                                    margin={"l": 20, "r": 20, "t": 70, "b": 20}))
    return hide_axes(fig)
