"""Lesson 02: the leg map. Which skin area (dermatome) and pain path belong to L4, L5 and S1.

Shaded areas show where numbness and tingling usually are; dashed lines show the usual
path of radicular pain. Each root has its own colour *and* fill pattern. Maps differ
between people (Lee et al. 2008), so the figure says "usually".
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.kit.palette import ROOT_COLOURS, ROOT_PATTERNS, base_layout, hide_axes
from lessons.topics.back_to_leg.model import leg_areas, nerve_root, nerve_roots, root_for_area

# Right leg. Front view: the outer side is on the viewer's left. Back view: on the right.
FRONT_OUTLINE = ([-10, -10.5, -9, -7, -7.5, -6, -4, -4.5, -5, -4.5, 5.5, 5.5, 4, 3.5, 5, 6.5, 6.5, 7, 6, 4, -10],
                 [100, 85, 70, 58, 48, 30, 14, 8, 2, 0, 0, 3, 8, 14, 30, 48, 58, 70, 85, 100, 100])
BACK_OUTLINE = ([-x for x in FRONT_OUTLINE[0]], FRONT_OUTLINE[1])

# Numbness areas: (view, xs, ys). View 1 = front, 2 = back.
AREA_SHAPES = {
    "inner-shin": (1, [1, 6.5, 6.4, 5, 3.6, 1.5, 1, 1], [55, 55, 48, 30, 14, 12, 30, 55]),
    "outer-shin": (1, [-1, -7.2, -7.5, -6, -4, -1, -1], [55, 55, 48, 30, 14, 12, 55]),
    "top-of-foot": (1, [-3, 3.7, 4, 5.5, 5.5, -3, -3], [11, 11, 8, 3, 0, 0, 11]),
    "outer-foot": (1, [-4.2, -3, -3, -4.5, -5, -4.5, -4.2], [11, 11, 0, 0, 2, 8, 11]),
    "back-of-calf": (2, [-3, 4, 5, 3.2, 3, -1.5, -2.5, -3.5, -3], [52, 52, 30, 12, 0, 0, 12, 30, 52]),
}

# Usual radicular pain paths: (view, xs, ys).
PAIN_PATHS = {
    "L4": [(1, [0, 0.5, 3, 4.2, 3.2], [95, 72, 55, 30, 14])],
    "L5": [(2, [5, 8, 8.5], [97, 85, 62]), (1, [-8, -6, -4, -1, 2], [70, 52, 30, 12, 4])],
    "S1": [(2, [1, 0.5, 0.5, 1, 1], [97, 80, 55, 30, 4]), (1, [-4.2], [4])],
}


WIDEN = 1.4  # drawn a little wider than life so the small areas are easy to point at


def _wide(xs):
    return [x * WIDEN for x in xs]


def _outline(fig, xs, ys, col):
    fig.add_trace(go.Scatter(x=_wide(xs), y=ys, mode="lines", fill="toself", fillcolor="#F4EFE6",
                             line={"color": "#4d4d4d", "width": 2}, hoverinfo="skip", showlegend=False),
                  row=1, col=col)


def _add_areas(fig, chosen_root, chosen_area):
    names = leg_areas()
    for area_id, (col, xs, ys) in AREA_SHAPES.items():
        root = root_for_area(area_id)
        faded = (chosen_root and root.id != chosen_root) or (chosen_area and area_id != chosen_area)
        fig.add_trace(go.Scatter(
            x=_wide(xs), y=ys, mode="lines", fill="toself", name=f"{root.id} numbness area",
            legendgroup=root.id, showlegend=area_id == root.areas[0],
            fillcolor=ROOT_COLOURS[root.id], opacity=0.15 if faded else 0.75,
            fillpattern={"shape": ROOT_PATTERNS[root.id], "fgcolor": "#333333", "solidity": 0.15},
            line={"color": ROOT_COLOURS[root.id], "width": 1},
            hoveron="fills", meta=[root.id, area_id],
            hovertemplate=f"<b>{names[area_id]}</b><br>Numbness here usually points to the "
                          f"<b>{root.id}</b> nerve root<extra></extra>"),
            row=1, col=col)


def _add_pain_paths(fig, chosen_root):
    for root_id, pieces in PAIN_PATHS.items():
        root = nerve_root(root_id)
        faded = chosen_root and root_id != chosen_root
        for index, (col, xs, ys) in enumerate(pieces):
            fig.add_trace(go.Scatter(
                x=_wide(xs), y=ys, mode="lines+markers", name=f"{root_id} pain path", legendgroup=root_id,
                showlegend=index == 0, opacity=0.15 if faded else 1.0, meta=[root_id, "pain"],
                marker={"symbol": "triangle-down", "size": 9, "color": ROOT_COLOURS[root_id]},
                line={"color": ROOT_COLOURS[root_id], "width": 3, "dash": "dash"},
                hovertemplate=f"<b>{root_id} pain</b><br>{root.pain}<extra></extra>"),
                row=1, col=col)


def _root_buttons(fig):
    """Buttons that show one root at a time: they work without a kernel (static pages too)."""
    def visible_for(root_id):
        return [True if t.meta is None or root_id is None else t.meta[0] == root_id for t in fig.data]
    buttons = [{"label": "All roots", "method": "restyle", "args": [{"visible": visible_for(None)}]}]
    buttons += [{"label": r.id, "method": "restyle", "args": [{"visible": visible_for(r.id)}]}
                for r in nerve_roots()]
    fig.update_layout(updatemenus=[{"type": "buttons", "direction": "right", "x": 0.0, "y": -0.02,
                                    "xanchor": "left", "yanchor": "top", "buttons": buttons}])


def leg_map_figure(root: str | None = None, area: str | None = None, buttons: bool = True) -> go.Figure:
    """The right leg from the front and back. Highlight a ``root`` ("L5") or an ``area`` id."""
    if root is not None:
        root = nerve_root(root).id
    if area is not None:
        root = root_for_area(area).id
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.02,
                        subplot_titles=("Right leg from the front", "Right leg from the back"))
    _outline(fig, *FRONT_OUTLINE, 1)
    _outline(fig, *BACK_OUTLINE, 2)
    _add_areas(fig, root, area)
    _add_pain_paths(fig, root)
    for col, (outer_x, inner_x) in ((1, (-14, 11)), (2, (14, -11))):
        fig.add_annotation(x=outer_x * WIDEN, y=40, text="outer<br>side", showarrow=False, row=1, col=col)
        fig.add_annotation(x=inner_x * WIDEN, y=40, text="inner<br>side", showarrow=False, row=1, col=col)
    fig.add_annotation(x=7 * WIDEN, y=-4, text="big toe", showarrow=False, row=1, col=1)
    fig.add_annotation(x=-7 * WIDEN, y=-4, text="little toe", showarrow=False, row=1, col=1)
    title = "Where L4, L5 and S1 are usually felt" if root is None else f"Where {root} is usually felt"
    fig.update_layout(**base_layout(title, height=560, legend={"y": 0.5},
                                    margin={"l": 20, "r": 20, "t": 60, "b": 60 if buttons else 20}))
    if buttons and root is None:
        _root_buttons(fig)
    return hide_axes(fig)
