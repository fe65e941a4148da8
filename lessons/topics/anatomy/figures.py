"""Lesson 01: a labelled schematic of the lumbar spine whose parts explain themselves.

Two panels: the lower back seen from the front (bones, discs, nerve roots, sacrum,
sacroiliac joints, sciatic nerve) and one level seen from the side (disc centre and
ring, spinal canal, facet joint, nerve root). Hover a part, or pick it in the
``AnatomyExplorer`` widget, to read what it is and why it matters for leg pain.
"""

from __future__ import annotations

import math
import textwrap

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.kit.palette import GROUP_COLOURS, OKABE_ITO, base_layout, hide_axes
from lessons.topics.anatomy.model import Part, part

BODY_H, DISC_H, TOP = 2.4, 0.9, 20.0
# Parts that need their own shade within a group (still labelled in text on the figure).
PART_COLOURS = {"nucleus": OKABE_ITO["blue"], "canal": "#FAF3C0"}
LUMBAR = ["L1", "L2", "L3", "L4", "L5"]


def hover_text(item: Part) -> str:
    wrapped = "<br>".join(textwrap.wrap(item.what, 60))
    return f"<b>{item.plain}</b><br><i>{item.term}</i><br>{wrapped}"


def _rect(x0, y0, x1, y1):
    return [x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0]


def _ellipse(cx, cy, rx, ry, n=40):
    angles = [2 * math.pi * i / n for i in range(n + 1)]
    return [cx + rx * math.cos(a) for a in angles], [cy + ry * math.sin(a) for a in angles]


def _body_levels():
    """(name, top y, bottom y) of each lumbar vertebral body, top to bottom."""
    levels, top = [], TOP
    for name in LUMBAR:
        levels.append((name, top, top - BODY_H))
        top -= BODY_H + DISC_H
    return levels


class _Builder:
    """Collects filled shapes per part so a part can be highlighted as one."""

    def __init__(self, highlight: str | None):
        self.fig = make_subplots(rows=1, cols=2, column_widths=[0.58, 0.42], horizontal_spacing=0.04,
                                 subplot_titles=("Lower back seen from the front",
                                                 "One level (L4–L5) seen from the side"))
        self.highlight = highlight
        self.legend_done: set[str] = set()

    def shape(self, part_id, xs, ys, col, *, line=False, width=2.0, dash=None):
        item = part(part_id)
        colour = PART_COLOURS.get(part_id, GROUP_COLOURS[item.group])
        faded = self.highlight is not None and self.highlight != part_id
        chosen = self.highlight == part_id
        trace = go.Scatter(
            x=xs, y=ys, mode="lines", name=item.plain, legendgroup=part_id,
            showlegend=part_id not in self.legend_done, opacity=0.3 if faded else 1.0,
            hoveron="points" if line else "fills", hovertemplate=hover_text(item) + "<extra></extra>",
            line={"color": colour if line else "#4d4d4d", "width": (width * 2 if chosen else width),
                  "dash": dash},
            fill=None if line else "toself", fillcolor=None if line else colour,
        )
        self.legend_done.add(part_id)
        self.fig.add_trace(trace, row=1, col=col)

    def label(self, x, y, text, col, **kwargs):
        style = {"font": {"size": 12}, "bgcolor": "rgba(255,255,255,0.8)", **kwargs}
        self.fig.add_annotation(x=x, y=y, text=text, showarrow=False, row=1, col=col, **style)


def _front_view(b: _Builder):
    sacrum_top = TOP - 5 * (BODY_H + DISC_H)
    for side in (-1, 1):  # pelvic bones first, so nerves are drawn over them
        b.shape("pelvis", [side * 3.7, side * 9.5, side * 10, side * 7, side * 2.6, side * 3.7],
                [sacrum_top + 0.3, 8.5, 4, -1, -3.0, sacrum_top + 0.3], 1)
    b.label(8.2, 6.5, "Pelvic<br>bone", 1)
    root_ends = []
    for name, top, bottom in _body_levels():
        b.shape("vertebra", *_rect(-3, bottom, 3, top), 1)
        b.label(0, (top + bottom) / 2, name, 1)
        b.shape("disc", *_rect(-3.1, bottom - DISC_H, 3.1, bottom), 1)
        # The root that leaves below this vertebra, on both sides.
        y = bottom + 0.3
        for side in (-1, 1):
            b.shape("root", [side * 3.0, side * 4.4, side * 5.4], [y, y - 1.1, y - 2.8], 1,
                    line=True, width=3)
        b.label(-5.6, y - 2.9, f"{name} root", 1, xanchor="right")
        root_ends.append((-5.4, y - 2.8))
    b.shape("sacrum", [-3.4, 3.4, 1.2, -1.2, -3.4], [sacrum_top, sacrum_top, -4.5, -4.5, sacrum_top], 1)
    b.label(0, -1.5, "Sacrum", 1)
    for side in (-1, 1):
        b.shape("sacroiliac", [side * 3.5, side * 2.4], [sacrum_top, -2.6], 1, line=True, width=6)
        b.shape("root", [side * 1.9, side * 3.6, side * 5.0], [0.8, -0.8, -3.2], 1, line=True, width=3)
    b.label(-4.6, -3.6, "S1 root", 1, xanchor="right")
    b.label(4.4, 1.2, "Sacroiliac<br>joint", 1, xanchor="left")
    # Sciatic nerve (drawn on one side): the L4 to S3 roots join and run down the back of the thigh.
    for x, y in root_ends[3:]:
        b.shape("sciatic", [x, x - 0.4, -5.6], [y, y - 2.5, -3.8], 1, line=True, width=2, dash="dot")
    b.shape("sciatic", [-5.0, -5.6, -6.2, -6.4, -6.4], [-3.2, -3.8, -5.5, -7.5, -11], 1, line=True, width=7)
    b.label(-6.9, -9.5, "Sciatic<br>nerve", 1, xanchor="right")


def _side_view(b: _Builder):
    b.shape("vertebra", *_rect(0, 4.4, 4, 7.2), 2)
    b.shape("vertebra", *_rect(0, 0, 4, 2.8), 2)
    b.label(2, 6.6, "L4", 2)
    b.label(2, 0.6, "L5", 2)
    for y0, y1 in ((4.6, 7.0), (0.2, 2.6)):  # arches and spinous processes behind the canal
        b.shape("vertebra", [5.4, 8.4, 8.6, 5.4, 5.4], [y1, y1 - 0.6, y0 + 0.6, y0, y1], 2)
    b.shape("disc", *_rect(0.05, 2.8, 3.95, 4.4), 2)
    b.shape("nucleus", *_ellipse(2.2, 3.6, 0.85, 0.45), 2)
    b.label(2.2, 3.6, "centre", 2, font={"size": 12, "color": "white"}, bgcolor="rgba(0,0,0,0)")
    b.label(-0.2, 3.6, "Disc ring", 2, xanchor="right")
    b.shape("canal", *_rect(4.15, -0.6, 5.3, 7.8), 2)
    for x in (4.45, 4.72, 5.0):  # strands of the cauda equina inside the canal
        b.shape("root", [x, x], [7.6, -0.4], 2, line=True, width=1.5)
    b.label(4.72, 8.3, "Spinal canal", 2)
    b.shape("facet", *_ellipse(5.85, 3.6, 0.35, 0.5), 2)
    b.label(6.3, 3.6, "Facet joint", 2, xanchor="left")
    b.shape("root", [4.9, 4.4, 3.6, 2.4], [5.3, 4.7, 2.0, -0.8], 2, line=True, width=4)
    b.label(2.3, -1.3, "L4 root leaves between L4 and L5", 2)


def spine_figure(highlight: str | None = None) -> go.Figure:
    """The labelled lower-back figure; ``highlight`` is a part id from anatomy.yml."""
    if highlight is not None:
        part(highlight)  # KeyError for an unknown part
    builder = _Builder(highlight)
    _front_view(builder)
    _side_view(builder)
    fig = builder.fig
    fig.update_layout(**base_layout("Parts of the lower back (hover or pick a part to read about it)",
                                    height=620, legend={"title": {"text": "Parts"}, "y": 0.5},
                                    hovermode="closest"))
    return hide_axes(fig)
