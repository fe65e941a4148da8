"""Lesson 09: a clue-by-cause chart. Each cell shows a symbol AND a word, never colour alone."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.topics.causes_compared.model import LEVELS, causes, clue, clues, level_words

STYLE = {  # level -> (marker symbol, colour, size)
    "typical": ("circle", OKABE_ITO["blue"], 30),
    "possible": ("circle-open", OKABE_ITO["blue"], 26),
    "unusual": ("line-ew-open", OKABE_ITO["grey"], 20),
    "unknown": ("circle-open-dot", OKABE_ITO["orange"], 22),
}


def clue_chart(highlight: str | None = None) -> go.Figure:
    """Rows: clues; columns: causes. ``highlight`` a clue id to fade the other rows."""
    if highlight is not None:
        clue(highlight)  # KeyError for an unknown clue
    names = [item.name for item in causes()]
    fig = go.Figure()
    for level in LEVELS:
        xs, ys, notes = [], [], []
        for row in clues():
            for item in causes():
                cell = row.levels[item.id]
                if cell["level"] == level:
                    xs.append(item.name)
                    ys.append(row.name)
                    notes.append(cell["note"])
        symbol, colour, size = STYLE[level]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="markers", name=level_words(level), customdata=notes,
            marker={"symbol": symbol, "color": colour, "size": size, "line": {"width": 3, "color": colour},
                    "opacity": [1.0 if highlight in (None, _clue_id(y)) else 0.25 for y in ys]},
            hovertemplate="<b>%{y}</b><br>%{x}: " + level_words(level) + "<br>%{customdata}<extra></extra>",
        ))
    fig.update_layout(**base_layout("Which clues fit which cause", height=560,
                                    legend={"orientation": "h", "y": -0.12, "x": 0},
                                    margin={"l": 20, "r": 20, "t": 100, "b": 80}))
    fig.update_xaxes(categoryorder="array", categoryarray=names, side="top", tickangle=0,
                     tickmode="array", tickvals=names,
                     ticktext=["<br>".join(textwrap.wrap(name, 13)) for name in names],
                     tickfont={"size": 12}, showgrid=True)
    fig.update_yaxes(categoryorder="array", categoryarray=[c.name for c in reversed(clues())], showgrid=True)
    return fig


def _clue_id(name: str) -> str:
    return next(item.id for item in clues() if item.name == name)
