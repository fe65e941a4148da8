"""Colour-blind-safe colours (Okabe & Ito) and the base layout every figure shares.

Colour is never the only cue: figures also label parts with text, symbols or line styles.
"""

from __future__ import annotations

import plotly.graph_objects as go

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

# One colour per anatomy group and per nerve root, used the same way in every lesson.
GROUP_COLOURS = {
    "Bones": "#D9D4C7",
    "Discs": OKABE_ITO["sky_blue"],
    "Joints": OKABE_ITO["orange"],
    "Nerves": OKABE_ITO["vermillion"],
}
ROOT_COLOURS = {"L4": OKABE_ITO["blue"], "L5": OKABE_ITO["orange"], "S1": OKABE_ITO["bluish_green"]}
ROOT_PATTERNS = {"L4": "/", "L5": ".", "S1": "x"}  # fill patterns: a second cue besides colour

# The only other colours a figure may use: ink, greys and pale tints for text, outlines, grid lines,
# the body and bone outlines and "not marked" parts. None of them carries a meaning on its own.
# tests/course/test_accessibility.py checks every committed figure against OKABE_ITO, GROUP_COLOURS,
# ROOT_COLOURS and these.
NEUTRALS = {
    "white": "#FFFFFF",
    "ink": "#1A1A1A",              # text, outlines, pattern lines
    "dark_grey": "#333333",        # small labels, pattern lines on tints
    "charcoal": "#4D4D4D",         # outlines of bodies and discs, reference lines
    "slate": "#555555",            # labels of parts that are not chosen
    "mid_grey": "#777777",         # outlines of parts that are not pressed
    "grey": "#888888",             # outlines of parts that are not marked
    "light_grey": "#DDDDDD",       # parts that are not marked, "not started"
    "grid": "#E6E6E6",             # grid lines
    "bone": GROUP_COLOURS["Bones"],
    "skin": "#F4EFE6",             # the outline of the body and the leg
    "pale_yellow": "#FAF3C0",      # the spinal canal
    "pale_blue": "#EEF5FB",        # the steps of a treatment pathway
    "cream": "#FFF8D6",            # a banner in a treatment pathway
}


def base_layout(title: str, **extra) -> dict:
    """Layout shared by every course figure: plain template, readable fonts, no plotly logo."""
    layout = dict(
        title={"text": title, "x": 0.02, "xanchor": "left"},
        template="simple_white",
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 14, "color": "#1a1a1a"},
        margin={"l": 20, "r": 20, "t": 60, "b": 20},
        hoverlabel={"font_size": 14, "bgcolor": "white"},
    )
    layout.update(extra)
    return layout


def hide_axes(fig: go.Figure) -> go.Figure:
    """Diagrams have no meaningful axes; keep shapes in proportion."""
    fig.update_xaxes(visible=False)
    fig.for_each_yaxis(lambda axis: axis.update(visible=False, scaleanchor=axis.anchor or "x",
                                                scaleratio=1))
    return fig
