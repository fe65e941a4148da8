"""Lesson 00: how many people live with low back pain (GBD 2021)."""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.tables import load_table


def burden_figure() -> go.Figure:
    table = load_table("gbd_2021_low_back_pain")
    people = table.column("people_millions")
    labels = [f"{year}<br>({kind})" for year, kind in zip(table.column("year"), table.column("kind"), strict=True)]
    fig = go.Figure(go.Bar(
        x=labels, y=people, text=[f"{value:.0f} million" for value in people], textposition="inside",
        insidetextanchor="middle", textfont={"color": ["white", "#1a1a1a"], "size": 15},
        marker={"color": [OKABE_ITO["blue"], OKABE_ITO["sky_blue"]],
                "pattern": {"shape": ["", "/"], "fgcolor": "#1a1a1a"}},
        error_y={"type": "data", "symmetric": False, "color": "#1a1a1a",
                 "array": [u - p for u, p in zip(table.column("upper_millions"), people, strict=True)],
                 "arrayminus": [p - lo for p, lo in zip(people, table.column("lower_millions"), strict=True)]},
        hovertemplate="%{x}: %{y} million people<extra></extra>",
    ))
    fig.update_layout(**base_layout("People with low back pain worldwide (millions)", height=380,
                                    yaxis={"title": "million people", "rangemode": "tozero"}))
    return fig
