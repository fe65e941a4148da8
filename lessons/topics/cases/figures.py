"""Lesson 18: which causes the case studies cover, and the clue in each story that points there."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from lessons.kit import triage
from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.topics.cases.model import cases_by_cause, load
from lessons.topics.causes_compared.model import causes

# One symbol and colour per cause, so a cause is told by its shape and column, not colour alone.
CAUSE_STYLE = {
    "herniated-disc": ("circle", OKABE_ITO["blue"]),
    "spinal-stenosis": ("square", OKABE_ITO["orange"]),
    "degenerative-disc-disease": ("diamond", OKABE_ITO["bluish_green"]),
    "muscle-strain": ("triangle-up", OKABE_ITO["reddish_purple"]),
    "sacroiliac-joint": ("pentagon", OKABE_ITO["sky_blue"]),
    "sciatica": ("star", OKABE_ITO["vermillion"]),
}


def _urgency_label(case) -> str:
    """The symbol and one-word name of the case's triage level (lessons.kit.triage), or nothing."""
    top = triage.level_of(case.signs)
    return f"{top.symbol} {top.name}" if top else ""


def _row_label(item) -> str:
    return f"<b>{item.title}</b>: " + "<br>".join(textwrap.wrap(item.key_clue, 34))


def cases_overview_figure() -> go.Figure:
    """Rows: the cases (with the key clue of each story); columns: the six causes.

    A marker sits in the column of the cause each story points to; an emergency case is
    marked with a warning sign and the word "emergency" as well as its marker.
    """
    all_cases = load()
    grouped = cases_by_cause()
    names = {item.id: item.name for item in causes()}
    columns = ["<br>".join(textwrap.wrap(f"{names[c.id]} ({len(grouped[c.id])})", 13)) for c in causes()]
    column_of = {c.id: col for c, col in zip(causes(), columns, strict=True)}
    rows = [_row_label(item) for item in all_cases]
    fig = go.Figure()
    for cause_item in causes():
        members = grouped[cause_item.id]
        symbol, colour = CAUSE_STYLE[cause_item.id]
        fig.add_trace(go.Scatter(
            x=[column_of[cause_item.id]] * len(members), y=[_row_label(m) for m in members],
            mode="markers+text", name=cause_item.name,
            text=[_urgency_label(m) for m in members],
            textposition="middle right", textfont={"size": 12, "color": "#1a1a1a"},
            customdata=[[m.title, m.key_clue, cause_item.name] for m in members],
            marker={"symbol": symbol, "color": colour, "size": 20, "line": {"width": 1.5, "color": "#1a1a1a"}},
            hovertemplate="<b>%{customdata[0]}</b><br>Key clue: %{customdata[1]}<br>"
                          "Points to: %{customdata[2]}<extra></extra>",
        ))
    fig.update_layout(**base_layout(
        f"{len(all_cases)} case studies cover all six causes", height=140 + 62 * len(all_cases),
        showlegend=False, margin={"l": 20, "r": 20, "t": 120, "b": 20}))
    fig.update_xaxes(categoryorder="array", categoryarray=columns, side="top", tickangle=0,
                     tickfont={"size": 12}, showgrid=True, range=[-0.5, len(columns) - 0.4])
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(rows)), showgrid=True,
                     tickfont={"size": 12})
    return fig
