"""Lesson 02b figure: the "volume dial", a teaching picture of a nervous system turned up or down.

It draws a ``Dial`` from ``lessons.topics.how_pain_works.model`` as a gauge whose ends read "quieter"
and "louder". It shows no number and no scale of pain, because the sources give none: the title and
the caption under it say it is an illustration, not a measurement. Colour is never the only cue: the
ends are labelled in words and the caption says what turned the dial and which way.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from lessons.kit.palette import NEUTRALS, OKABE_ITO, base_layout
from lessons.topics.how_pain_works.model import Dial, dial_content, dial_words, turn_dial

TITLE = "The volume dial: an illustration, not a measurement"


def needle_colour(dial: Dial) -> str:
    if dial.notches > 0:
        return OKABE_ITO["vermillion"]
    if dial.notches < 0:
        return OKABE_ITO["blue"]
    return NEUTRALS["charcoal"]


def volume_dial_figure(dial: Dial | None = None) -> go.Figure:
    """The dial for ``dial`` (default: nothing ticked, pointing to the middle)."""
    dial = dial if dial is not None else turn_dial(())
    most = max(dial.most, 1)
    caption = "<br>".join(textwrap.wrap(dial_words(dial), 90))
    note = "<br>".join(textwrap.wrap(dial_content().note, 90))
    fig = go.Figure(go.Indicator(
        mode="gauge", value=dial.notches, domain={"x": [0, 1], "y": [0.32, 1]},
        gauge={
            "shape": "angular",
            "axis": {"range": [-most, most], "tickmode": "array", "tickvals": [-most, 0, most],
                     "ticktext": ["quieter", "usual", "louder"], "tickcolor": NEUTRALS["ink"],
                     "tickfont": {"size": 15, "color": NEUTRALS["ink"]}},
            "bar": {"color": needle_colour(dial), "thickness": 0.35},
            "bgcolor": NEUTRALS["white"], "borderwidth": 1, "bordercolor": NEUTRALS["charcoal"],
            "steps": [{"range": [-most, 0], "color": NEUTRALS["pale_blue"]},
                      {"range": [0, most], "color": NEUTRALS["cream"]}],
            "threshold": {"line": {"color": NEUTRALS["ink"], "width": 3}, "thickness": 0.9, "value": 0},
        }))
    fig.add_annotation(x=0.5, y=0.2, xref="paper", yref="paper", showarrow=False, text=caption,
                       font={"size": 14, "color": NEUTRALS["ink"]}, align="center")
    fig.add_annotation(x=0.5, y=0.0, xref="paper", yref="paper", showarrow=False, text=f"<i>{note}</i>",
                       font={"size": 12, "color": NEUTRALS["dark_grey"]}, align="center")
    fig.update_layout(**base_layout(TITLE, height=430, margin={"l": 30, "r": 30, "t": 60, "b": 20}))
    return fig
