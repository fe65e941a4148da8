"""Lesson 15b figure: HSE's guideline weights for lifting and lowering, women and men side by side.

One bar per box of HSE's diagram, grouped by zone of hand height (top of the diagram first). "Close to the
body" and "arms extended" differ in colour AND fill pattern AND name in the legend, and every bar carries its
value in kg, so colour is never the only cue.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.topics.work.model import REACHES, SEXES, ZONES, hse_weights, texts

REACH_STYLE = {
    "close": {"colour": OKABE_ITO["blue"], "pattern": ""},
    "extended": {"colour": OKABE_ITO["orange"], "pattern": "/"},
}
SEX_TITLES = {"women": "Women", "men": "Men"}


def hse_weights_figure() -> go.Figure:
    """HSE's filter weights (kg) by zone of hand height, close to the body and with the arms extended."""
    words = texts()
    labels = [words["zones"][zone] for zone in ZONES]
    weights = hse_weights()
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.04,
                        subplot_titles=[SEX_TITLES[sex] for sex in SEXES])
    for column, sex in enumerate(SEXES, start=1):
        for reach in REACHES:
            style = REACH_STYLE[reach]
            values = [weights[(zone, sex, reach)] for zone in ZONES]
            fig.add_trace(go.Bar(
                y=labels, x=values, orientation="h", name=words["reaches"][reach], legendgroup=reach,
                showlegend=column == 1, meta=f"{sex}/{reach}",
                text=[f"{value:g} kg" for value in values], textposition="outside", cliponaxis=False,
                textfont={"color": "#1a1a1a", "size": 13},
                marker={"color": style["colour"], "line": {"color": "#1a1a1a", "width": 1},
                        "pattern": {"shape": style["pattern"], "fgcolor": "#1a1a1a"}},
                hovertemplate=f"{SEX_TITLES[sex]}, " + "%{y}: %{x} kg<extra>" + words["reaches"][reach] + "</extra>",
            ), row=1, col=column)
    fig.update_xaxes(range=[0, 31], title_text="guideline weight (kg)")
    fig.update_yaxes(categoryorder="array", categoryarray=labels[::-1], automargin=True)
    fig.add_annotation(x=0, y=-0.32, xref="paper", yref="paper", xanchor="left", showarrow=False,
                       text=words["figures"]["filter_note"], font={"size": 12})
    fig.update_layout(**base_layout(
        "HSE guideline weights for lifting and lowering", height=520,
        margin={"l": 20, "r": 30, "t": 80, "b": 150}, barmode="group",
        legend={"orientation": "h", "x": 0, "y": -0.18, "xanchor": "left", "traceorder": "normal"}))
    return fig
