"""Lesson 02c figure: what the STarT Back trial (Hill et al., Lancet 2011) found.

``stratified_care_figure`` draws the average improvement in disability with stratified care and with
current best practice, after 4 and 12 months, from the published numbers in
``content/tables/hill_2011_startback_disability.csv`` (source and columns in the YAML beside it), and
writes the difference between the groups with its 95% confidence interval above each pair.
Colour is never the only cue: the bars have fill patterns, a legend and their numbers written on them.
"""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.tables import load_table

TRIAL_TABLE = "hill_2011_startback_disability"
GROUPS = (  # (column prefix, legend words, colour, fill pattern)
    ("stratified", "Stratified care (matched to risk group)", OKABE_ITO["blue"], "/"),
    ("usual", "Current best practice (not matched)", OKABE_ITO["orange"], "."),
)


def trial_rows() -> list[dict]:
    return list(load_table(TRIAL_TABLE).rows)


def stratified_care_figure() -> go.Figure:
    """Average improvement in disability, stratified care vs current best practice, at 4 and 12 months."""
    rows = trial_rows()
    moments = [f"After {row['months']} months" for row in rows]
    fig = go.Figure()
    for prefix, words, colour, pattern in GROUPS:
        people = rows[0][f"{prefix}_people"]
        values = [row[f"{prefix}_change"] for row in rows]
        fig.add_trace(go.Bar(
            x=moments, y=values, name=f"{words}: {people} people", meta=prefix,
            marker={"color": colour, "pattern": {"shape": pattern, "fgcolor": "#1a1a1a"},
                    "line": {"color": "#1a1a1a", "width": 1}},
            text=[f"{value:.1f} points" for value in values], textposition="outside",
            textfont={"color": "#1a1a1a", "size": 14},
            hovertemplate=f"<b>{words}</b><br>%{{x}}: %{{y:.1f}} points better on average<extra></extra>",
        ))
    top = max(max(row["stratified_change"], row["usual_change"]) for row in rows)
    for moment, row in zip(moments, rows, strict=True):
        fig.add_annotation(
            x=moment, y=top + 1.6, showarrow=False, font={"size": 13},
            text=(f"Difference: {row['difference']:.2f} points<br>"
                  f"(95% CI {row['lower']:.2f} to {row['upper']:.2f})"))
    fig.update_layout(**base_layout(
        "Stratified care for back pain: the STarT Back trial (Hill et al. 2011)", height=470,
        barmode="group", bargap=0.35,
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0},
        margin={"l": 20, "r": 20, "t": 70, "b": 110},
        yaxis={"title": "Improvement in disability score (points)", "range": [0, top + 3], "rangemode": "tozero"},
        xaxis={"title": ""}))
    return fig
