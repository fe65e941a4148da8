"""Lesson 09b figure: where each look-alike usually hurts, beside the back problem it can be mistaken for.

``where_it_hurts_figure`` is a table drawn as dots, from ``content/look_alikes.yml``: one column per pattern
(each look-alike next to the spinal pattern it mimics), one row per body area. A large filled marker means
"usually felt here", a small open one "some people feel it here". Colour is never the only cue: the
marker's shape and fill, the column headings and the hover text say the same. Typical patterns, not a test.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from lessons.kit.palette import NEUTRALS, OKABE_ITO, base_layout
from lessons.topics.look_alikes.model import ALSO, MAIN, area_marks, load, look_alike, patterns

STYLE = {   # look-alike or spinal pattern: colour and marker shape
    "look_alike": {"colour": OKABE_ITO["vermillion"], "symbol": "diamond", "word": "Look-alike"},
    "spinal": {"colour": OKABE_ITO["blue"], "symbol": "circle", "word": "Back problem"},
}
WORDS = {MAIN: "usually felt here", ALSO: "some people feel it here"}


def _kind(pattern_id: str) -> str:
    try:
        look_alike(pattern_id)
    except ValueError:
        return "spinal"
    return "look_alike"


def column_label(label: str) -> str:
    return "<br>".join(textwrap.wrap(label, 13, break_long_words=False))


def where_it_hurts_figure(highlight: str | None = None) -> go.Figure:
    """Dots: for each pattern (columns), the body areas (rows) where it is usually or sometimes felt.

    ``highlight`` (a look-alike id) draws a frame around that look-alike and the back problem it mimics.
    """
    ordered = patterns()
    columns = {item.id: index for index, item in enumerate(ordered)}
    labels = {item.id: item.label for item in ordered}
    shorts = {item.id: item.short for item in ordered}
    areas = load().areas
    rows = {area.id: index for index, area in enumerate(areas)}
    area_names = {area.id: area.label for area in areas}
    fig = go.Figure()
    for kind in ("look_alike", "spinal"):
        style = STYLE[kind]
        for strength in (MAIN, ALSO):
            marks = [(p, a) for p, a, s in area_marks() if s == strength and _kind(p) == kind]
            if not marks:
                continue
            fig.add_trace(go.Scatter(
                x=[columns[p] for p, _ in marks], y=[rows[a] for _, a in marks], mode="markers",
                name=f"{style['word']}: {WORDS[strength]}",
                marker={"symbol": style["symbol"] + ("" if strength == MAIN else "-open"),
                        "size": 22 if strength == MAIN else 14, "color": style["colour"],
                        "line": {"color": NEUTRALS["ink"] if strength == MAIN else style["colour"], "width": 2}},
                customdata=[[labels[p], area_names[a]] for p, a in marks],
                hovertemplate=f"<b>%{{customdata[0]}}</b><br>%{{customdata[1]}}: {WORDS[strength]}<extra></extra>"))
    if highlight is not None:
        item = look_alike(highlight)
        left = columns[item.id]
        fig.add_shape(type="rect", x0=left - 0.45, x1=left + 1.45, y0=-0.6, y1=len(areas) - 0.4,
                      line={"color": NEUTRALS["ink"], "width": 2, "dash": "dash"}, fillcolor="rgba(0,0,0,0)",
                      layer="below")
    for index in range(1, len(ordered), 2):     # a faint line after each pair
        if index + 0.5 < len(ordered) - 1:
            fig.add_vline(x=index + 0.5, line={"color": NEUTRALS["grid"], "width": 2})
    fig.update_layout(**base_layout(
        "Where it usually hurts: each look-alike beside the back problem it mimics",
        title_y=0.97,
        height=540, margin={"l": 20, "r": 20, "t": 130, "b": 20},
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0}))
    fig.update_xaxes(tickvals=list(columns.values()), ticktext=[column_label(shorts[p]) for p in columns],
                     side="top", range=[-0.6, len(ordered) - 0.4], showgrid=False, ticks="", tickfont={"size": 12})
    fig.update_yaxes(tickvals=list(rows.values()), ticktext=[area.label for area in areas],
                     autorange="reversed", showgrid=True, gridcolor=NEUTRALS["grid"], ticks="")
    return fig
