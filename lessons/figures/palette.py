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
