"""Lesson 03: the herniated disc.

- ``disc_types_figure``: a disc seen from above, four times: bulge, protrusion, extrusion, sequestration.
- ``regression_figure``: how often each type shrank on a later scan without surgery (Chiu et al. 2015).
- ``slr_accuracy_figure``: sensitivity and specificity of the straight-leg raise tests (Devillé et al. 2000).
- ``disc_from_above_figure``: one disc level, where a herniation points and which root it presses
  (drawn for the explorer in ``lessons.topics.herniated_disc.widgets``).

Colour is never the only cue: displaced disc material also has a fill pattern, bars carry their
numbers as text, and the pressed nerve root is labelled in words.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.kit.palette import GROUP_COLOURS, OKABE_ITO, ROOT_COLOURS, base_layout, hide_axes
from lessons.kit.tables import load_table

if TYPE_CHECKING:  # only for type hints
    from lessons.topics.herniated_disc.model import Pressed

RING = GROUP_COLOURS["Discs"]          # annulus fibrosus
CENTRE = OKABE_ITO["blue"]             # nucleus pulposus
ESCAPED = OKABE_ITO["vermillion"]      # disc material outside its normal place
ESCAPED_PATTERN = {"shape": "x", "fgcolor": "#1a1a1a", "solidity": 0.25}
CANAL = "#FAF3C0"
OTHER_ROOT = OKABE_ITO["reddish_purple"]  # L3 is not on the leg map and has no colour of its own

DISC_TYPES = [
    ("bulging", "Bulge", "The edge of the disc sags outwards<br>all round a wide part of it"),
    ("protrusion", "Protrusion", "A small bump: its base is wider<br>than the part that sticks out"),
    ("extrusion", "Extrusion", "The centre breaks through the ring:<br>narrow neck, wider head"),
    ("sequestration", "Sequestration", "A piece has broken off<br>and lies free"),
]
TYPE_NAMES = {key: name for key, name, _ in DISC_TYPES}


def _ellipse(cx, cy, rx, ry, start=0.0, end=360.0, n=48):
    angles = [math.radians(start + (end - start) * i / n) for i in range(n + 1)]
    # Rounded: a diagram needs no more, and it keeps the stored notebook small.
    return ([round(cx + rx * math.cos(a), 2) for a in angles],
            [round(cy + ry * math.sin(a), 2) for a in angles])


def _edge_y(x, rx=5.0, ry=3.4):
    """Height of the back edge of the disc outline at x."""
    return ry * math.sqrt(max(0.0, 1 - (x / rx) ** 2))


def _escaped_shape(kind):
    """Outline of the displaced material for one type (back of the disc is up)."""
    if kind == "bulging":
        outer = _ellipse(0, 0, 5.6, 4.2, 20, 160)
        inner = _ellipse(0, 0, 5.0, 3.4, 160, 20)
        return outer[0] + inner[0], outer[1] + inner[1]
    if kind == "protrusion":
        xs = [-2.0, -1.3, -0.6, 0.6, 1.3, 2.0]
        ys = [round(_edge_y(-2.0), 2), 4.3, 4.75, 4.75, 4.3, round(_edge_y(2.0), 2)]
        return xs + [xs[0]], ys + [ys[0]]
    if kind == "extrusion":
        dome_x, dome_y = _ellipse(0, 5.0, 1.5, 0.9, -60, 240)
        xs = [0.45, 0.45] + dome_x + [-0.45, -0.45]
        ys = [1.2, 4.3] + dome_y + [4.3, 1.2]
        return xs + [xs[0]], ys + [ys[0]]
    return _ellipse(0.4, 5.7, 1.2, 0.6)  # sequestration: a free fragment beyond the disc


def disc_types_figure() -> go.Figure:
    """Four discs seen from above, showing how far the centre has escaped in each type."""
    fig = make_subplots(rows=1, cols=4, horizontal_spacing=0.02,
                        subplot_titles=[name for _, name, _ in DISC_TYPES])
    for col, (kind, name, words) in enumerate(DISC_TYPES, start=1):
        xs, ys = _ellipse(0, 0, 5.0, 3.4)
        fig.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor=RING, mode="lines",
                                 line={"color": "#4d4d4d", "width": 1.5}, name="Tough outer ring (annulus fibrosus)",
                                 legendgroup="ring", showlegend=col == 1,
                                 hovertemplate="Tough outer ring (annulus fibrosus)<extra></extra>"), row=1, col=col)
        xs, ys = _ellipse(0, 0.2, 2.2, 1.4)
        fig.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor=CENTRE, mode="lines",
                                 line={"color": CENTRE}, name="Soft centre (nucleus pulposus)",
                                 legendgroup="centre", showlegend=col == 1,
                                 hovertemplate="Soft centre (nucleus pulposus)<extra></extra>"), row=1, col=col)
        if kind in ("extrusion", "sequestration"):  # the tear in the ring
            fig.add_trace(go.Scatter(x=[0, 0.2, -0.2, 0.1], y=[1.5, 2.4, 3.0, 3.6], mode="lines",
                                     line={"color": "#1a1a1a", "width": 2, "dash": "dot"}, name="Tear in the ring",
                                     legendgroup="tear", showlegend=kind == "extrusion",
                                     hovertemplate="Tear in the ring<extra></extra>"), row=1, col=col)
        xs, ys = _escaped_shape(kind)
        fig.add_trace(go.Scatter(
            x=xs, y=ys, fill="toself", fillcolor=ESCAPED, fillpattern=ESCAPED_PATTERN, mode="lines",
            line={"color": ESCAPED, "width": 1}, name="Disc material out of place", legendgroup="escaped",
            showlegend=col == 1, meta=[kind],
            hovertemplate=f"<b>{name}</b><br>{words}<extra></extra>"), row=1, col=col)
        fig.add_annotation(x=0, y=-5.6, text=words, showarrow=False, font={"size": 12}, row=1, col=col)
    fig.add_annotation(x=0, y=7.4, text="↑ back (towards the nerves)", showarrow=False, font={"size": 12},
                       row=1, col=1)
    fig.add_annotation(x=0, y=-3.9, text="front", showarrow=False, font={"size": 11, "color": "#333333"},
                       row=1, col=1)
    fig.update_xaxes(range=[-6.2, 6.2])
    fig.update_yaxes(range=[-6.6, 8])
    fig.update_layout(**base_layout("Four shapes of disc problem, each disc seen from above", height=400,
                                    legend={"orientation": "h", "y": -0.02, "x": 0.5, "xanchor": "center",
                                            "yanchor": "top"},
                                    margin={"l": 10, "r": 10, "t": 80, "b": 60}))
    return hide_axes(fig)


def regression_figure() -> go.Figure:
    """Chiu et al. 2015: % of each herniation type that shrank (and that went completely) without surgery."""
    table = load_table("chiu_2015_disc_regression")
    order = [kind for kind, _, _ in DISC_TYPES]
    labels = {"bulging": "Bulge", "protrusion": "Protrusion", "extrusion": "Extrusion",
              "sequestration": "Sequestration<br>(free piece)"}
    values = {(row["herniation_type"], row["measure"]): row["percent"] for row in table.rows}
    styles = {
        "any_regression": ("Shrank (any amount)", OKABE_ITO["blue"], "", "white"),
        "complete_resolution": ("Went away completely", OKABE_ITO["orange"], "/", "#1a1a1a"),
    }
    fig = go.Figure()
    for measure, (name, colour, pattern, text_colour) in styles.items():
        kinds = [kind for kind in order if (kind, measure) in values]
        numbers = [values[(kind, measure)] for kind in kinds]
        fig.add_trace(go.Bar(
            y=[labels[kind] for kind in kinds], x=numbers, name=name, orientation="h", meta=[measure],
            text=[f"{value:.0f}%" for value in numbers], textposition="inside", insidetextanchor="end",
            textfont={"color": text_colour, "size": 14},
            marker={"color": colour, "pattern": {"shape": pattern, "fgcolor": "#1a1a1a", "solidity": 0.2},
                    "line": {"color": "#1a1a1a", "width": 1}},
            hovertemplate=f"%{{y}}: %{{x:.0f}}% {name.lower()}<extra></extra>"))
    for kind in order:
        if (kind, "complete_resolution") not in values:
            fig.add_annotation(x=values[(kind, "any_regression")] + 2, y=labels[kind], xanchor="left",
                               yshift=-12, text="went away completely: not reported", showarrow=False,
                               font={"size": 12, "color": "#333333"})
    fig.update_layout(**base_layout(
        "How often a herniated disc shrank on a later scan, without surgery", height=420, barmode="group",
        bargap=0.25, xaxis={"title": "% of herniations of this type", "range": [0, 100]},
        yaxis={"categoryorder": "array", "categoryarray": [labels[kind] for kind in order]},
        legend={"orientation": "h", "y": 1.02, "x": 0, "yanchor": "bottom", "traceorder": "normal"},
        margin={"l": 20, "r": 20, "t": 90, "b": 40}))
    return fig


def slr_accuracy_figure() -> go.Figure:
    """Devillé et al. 2000: sensitivity and specificity of the straight-leg raise tests, with 95% CIs."""
    table = load_table("deville_2000_slr_accuracy")
    tests = {"straight_leg_raise": "Straight-leg raise", "crossed_straight_leg_raise": "Crossed<br>straight-leg raise"}
    styles = {
        "sensitivity": ("Positive in people WITH a herniation (sensitivity)", OKABE_ITO["blue"], "", "white"),
        "specificity": ("Negative in people WITHOUT a herniation (specificity)", OKABE_ITO["orange"], "/", "#1a1a1a"),
    }
    fig = go.Figure()
    for measure, (name, colour, pattern, text_colour) in styles.items():
        rows = [row for row in table.rows if row["measure"] == measure]
        estimates = [100 * row["estimate"] for row in rows]
        fig.add_trace(go.Bar(
            y=[tests[row["test"]] for row in rows], x=estimates, name=name, orientation="h", meta=[measure],
            text=[f"{value:.0f} in 100" for value in estimates], textposition="inside", insidetextanchor="start",
            textfont={"color": text_colour, "size": 14},
            marker={"color": colour, "pattern": {"shape": pattern, "fgcolor": "#1a1a1a", "solidity": 0.2},
                    "line": {"color": "#1a1a1a", "width": 1}},
            error_x={"type": "data", "symmetric": False, "color": "#1a1a1a", "thickness": 1.5,
                     "array": [100 * (row["upper"] - row["estimate"]) for row in rows],
                     "arrayminus": [100 * (row["estimate"] - row["lower"]) for row in rows]},
            customdata=[[100 * row["lower"], 100 * row["upper"]] for row in rows],
            hovertemplate=f"%{{y}}<br>{name}: %{{x:.0f}} in 100"
                          "<br>95% confidence interval %{customdata[0]:.0f} to %{customdata[1]:.0f}<extra></extra>"))
    fig.update_layout(**base_layout(
        "How well two leg-raise tests pick out a herniated disc (surgical patients)", height=380,
        barmode="group", bargap=0.3,
        xaxis={"title": "out of 100 people (black lines: 95% confidence interval)", "range": [0, 100]},
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(tests.values()))},
        legend={"orientation": "h", "y": 1.02, "x": 0, "yanchor": "bottom", "traceorder": "normal"},
        margin={"l": 20, "r": 20, "t": 100, "b": 50}))
    return fig


# ---- one level seen from above, for the explorer ----------------------------------------------

# Back of the body is up. The traversing roots sit just inside the canal at its front corners;
# the exiting roots are out to the side, in the side openings (foramina).
TRAVERSING_AT = (2.0, 4.8)
EXITING_AT = (5.9, 4.3)
HERNIATION_AT = {"paracentral": (1.55, 3.85, 1.0, 0.75), "foraminal": (4.75, 3.35, 1.05, 0.75),
                 "central": (0.0, 4.05, 1.7, 0.95)}


def _root_colour(root_id: str) -> str:
    return ROOT_COLOURS.get(root_id, OTHER_ROOT)


def _add_root(fig, root_id, x, y, role, pressed):
    xs, ys = _ellipse(x, y, 0.5, 0.5, n=24)
    fig.add_trace(go.Scatter(
        x=xs, y=ys, fill="toself", mode="lines", name=f"{root_id} root", showlegend=False,
        fillcolor=_root_colour(root_id) if pressed else "white", opacity=1.0 if pressed else 0.9,
        line={"color": "#1a1a1a" if pressed else "#777777", "width": 4 if pressed else 1.5,
              "dash": "solid" if pressed else "dot"},
        meta=[root_id, role, "pressed" if pressed else "free"],
        hovertemplate=f"<b>{root_id} root</b> ({role})<br>{'pressed' if pressed else 'not pressed'}<extra></extra>"))


def disc_from_above_figure(pressed: Pressed) -> go.Figure:
    """One disc level seen from above, with the herniation where ``pressed.position`` says."""
    fig = go.Figure()
    xs, ys = _ellipse(0, 6.0, 3.1, 2.2)
    fig.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor=CANAL, mode="lines", name="Spinal canal",
                             line={"color": "#4d4d4d", "width": 1.5 if not pressed.emergency else 4},
                             meta=["canal"], showlegend=False,
                             hovertemplate="<b>Spinal canal</b><br>holds the cauda equina<extra></extra>"))
    xs, ys = _ellipse(0, 0, 5.0, 3.4)
    fig.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor=RING, mode="lines", name="Disc",
                             line={"color": "#4d4d4d", "width": 1.5}, meta=["disc"], showlegend=False,
                             hovertemplate=f"<b>{pressed.level_label} disc</b><extra></extra>"))
    xs, ys = _ellipse(0, 0.2, 2.2, 1.4)
    fig.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor=CENTRE, mode="lines", name="Centre",
                             line={"color": CENTRE}, meta=["nucleus"], showlegend=False,
                             hovertemplate="Soft centre (nucleus pulposus)<extra></extra>"))
    cx, cy, rx, ry = HERNIATION_AT[pressed.position]
    xs, ys = _ellipse(cx, cy, rx, ry)
    fig.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor=ESCAPED, fillpattern=ESCAPED_PATTERN,
                             mode="lines", line={"color": ESCAPED}, name="Herniation", showlegend=False,
                             meta=["herniation", pressed.position],
                             hovertemplate="<b>The herniation</b><extra></extra>"))
    pressed_roots = set(pressed.roots)
    for side in (-1, 1):
        _add_root(fig, pressed.traversing, side * TRAVERSING_AT[0], TRAVERSING_AT[1], "traversing root",
                  pressed.traversing in pressed_roots and (side == 1 or pressed.emergency))
        _add_root(fig, pressed.exiting, side * EXITING_AT[0], EXITING_AT[1], "exiting root",
                  pressed.exiting in pressed_roots and side == 1)
    notes = [
        (0, 8.7, "Back", 13), (0, -4.0, "Front (belly side)", 13),
        (0, 0.2, f"<b>{pressed.level_label}</b><br>disc", 13), (0, 7.3, "Spinal canal", 12),
        (-TRAVERSING_AT[0], 5.95, f"{pressed.traversing}<br>(traversing)", 12),
        (-EXITING_AT[0], 5.55, f"{pressed.exiting}<br>(exiting)", 12),
        (-EXITING_AT[0], 3.1, "side opening", 11),
    ]
    for x, y, text, size in notes:
        fig.add_annotation(x=x, y=y, text=text, showarrow=False, font={"size": size})
    for root_id in pressed.roots:
        if root_id == pressed.exiting and pressed.kind == "exiting":
            fig.add_annotation(x=EXITING_AT[0], y=EXITING_AT[1] + 0.5, ax=0, ay=-36, text=f"<b>{root_id} pressed</b>")
        elif root_id == pressed.traversing:
            fig.add_annotation(x=TRAVERSING_AT[0], y=TRAVERSING_AT[1] + 0.5, ax=30, ay=-40,
                               text=f"<b>{root_id} pressed</b>")
    if pressed.emergency:
        fig.add_annotation(x=0, y=9.5, text="<b>⚠ Several roots of the cauda equina can be pressed</b>",
                           showarrow=False, font={"size": 13, "color": "#1a1a1a"})
    fig.update_xaxes(range=[-7.4, 7.4])
    fig.update_yaxes(range=[-4.6, 10.0])
    fig.update_layout(**base_layout(f"The {pressed.level_label} disc seen from above", height=520,
                                    margin={"l": 10, "r": 10, "t": 50, "b": 10}))
    return hide_axes(fig)
