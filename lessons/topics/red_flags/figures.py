"""Lesson 17: how common red flags are compared with serious causes (Henschke et al. 2009)."""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.tables import load_table

TABLE = "henschke_2009_red_flags"
LABELS = {
    "at_least_one_red_flag": "Had at least one red flag",
    "serious_cause": "Turned out to have a serious cause",
}
STYLE = {  # colour and a fill pattern, so the bars differ without colour too
    "at_least_one_red_flag": (OKABE_ITO["orange"], "/"),
    "serious_cause": (OKABE_ITO["vermillion"], ""),
}


def red_flag_share_figure() -> go.Figure:
    """Two bars on a 0-100% scale: most people had a red flag, very few had a serious cause."""
    table = load_table(TABLE)
    measures, percents = table.column("measure"), table.column("percent")
    labels = [LABELS[m] for m in measures]
    fig = go.Figure(go.Bar(
        y=labels, x=percents, orientation="h",
        text=[f"{p:g}%" for p in percents], textposition="outside", textfont={"size": 16, "color": "#1a1a1a"},
        marker={"color": [STYLE[m][0] for m in measures],
                "pattern": {"shape": [STYLE[m][1] for m in measures], "fgcolor": "#1a1a1a"},
                "line": {"color": "#1a1a1a", "width": 1}},
        hovertemplate="%{y}: %{x:g}% of 1,172 people<extra></extra>",
    ))
    fig.update_layout(**base_layout("1,172 people with new low back pain (Henschke and colleagues, 2009)",
                                    height=300, showlegend=False,
                                    xaxis={"title": "% of the 1,172 people", "range": [0, 110],
                                           "tickvals": [0, 20, 40, 60, 80, 100]},
                                    yaxis={"autorange": "reversed"},
                                    margin={"l": 20, "r": 30, "t": 60, "b": 50}))
    return fig
