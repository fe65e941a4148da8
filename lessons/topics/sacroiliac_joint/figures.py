"""Lesson 07: the sacroiliac joint. Where its pain is felt, and how well the examination tests work.

Both data figures are drawn from tables in the topic's ``content/tables`` (see their YAML for the source).
Colour is never the only cue: bars carry their value as text, sensitivity and specificity
also differ in fill pattern, and the cluster row is labelled in words.
"""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.tables import load_table

SENSITIVITY = {"name": "Sensitivity: positive in people whose pain the injection eased",
               "color": OKABE_ITO["blue"], "pattern": "/"}
SPECIFICITY = {"name": "Specificity: negative in people whose pain it did not ease",
               "color": OKABE_ITO["orange"], "pattern": "."}


def _label(row: dict) -> str:
    return f"<b>{row['test']}</b>" if row["kind"] == "cluster" else row["test"]


def provocation_accuracy_figure() -> go.Figure:
    """Sensitivity and specificity of each provocation test and of "3 or more of 6" (Laslett 2005)."""
    table = load_table("sij_provocation_tests")
    rows = list(reversed(table.rows))  # first test at the top
    labels = [_label(row) for row in rows]
    fig = go.Figure()
    for column, style in (("specificity_pct", SPECIFICITY), ("sensitivity_pct", SENSITIVITY)):
        values = [row[column] for row in rows]
        fig.add_trace(go.Bar(
            y=labels, x=values, orientation="h", name=style["name"], meta=column,
            text=[f"{v}%" for v in values], textposition="outside", cliponaxis=False,
            marker={"color": style["color"], "line": {"color": "#1a1a1a", "width": 1},
                    "pattern": {"shape": style["pattern"], "fgcolor": "#1a1a1a", "solidity": 0.25}},
            hovertemplate="%{y}<br>" + style["name"].split(":")[0] + ": %{x}%<extra></extra>"))
    fig.update_layout(**base_layout(
        "Sacroiliac provocation tests compared with a numbing injection (48 patients)",
        height=470, barmode="group", bargap=0.25,
        legend={"orientation": "h", "x": 0, "y": -0.16, "traceorder": "reversed"},
        xaxis={"title": "per cent", "range": [0, 108], "ticksuffix": "%"},
        margin={"l": 20, "r": 30, "t": 60, "b": 110}))
    fig.add_hline(y=0.5, line={"color": "#4d4d4d", "dash": "dot", "width": 1})
    return fig


def referral_figure() -> go.Figure:
    """Where 50 people with injection-confirmed sacroiliac joint pain felt it (Slipman 2000)."""
    table = load_table("sij_pain_referral")
    rows = list(reversed(table.rows))
    areas = [row["area"] for row in rows]
    values = [row["patients_pct"] for row in rows]
    fig = go.Figure(go.Bar(
        y=areas, x=values, orientation="h", text=[f"{v} in 100" for v in values], textposition="outside",
        cliponaxis=False, name="people with pain in this area",
        marker={"color": OKABE_ITO["bluish_green"], "line": {"color": "#1a1a1a", "width": 1},
                "pattern": {"shape": "x", "fgcolor": "#1a1a1a", "solidity": 0.2}},
        hovertemplate="%{y}: %{x} in every 100 people<extra></extra>"))
    fig.update_layout(**base_layout(
        "Where people with sacroiliac joint pain felt it (50 patients)", height=360, showlegend=False,
        xaxis={"title": "people out of every 100 (one person can tick several areas)", "range": [0, 110]},
        margin={"l": 20, "r": 40, "t": 60, "b": 60}))
    return fig


def cluster_tally_figure(count_of_six: int, count_of_four: int) -> go.Figure:
    """How many tests brought on the pain, next to each rule's cut-off (for the cluster widget)."""
    rules = [("Of all six tests<br>(rule: 3 or more)", count_of_six, 6, 3),
             ("Of the four without Gaenslen's<br>(rule: 2 or more)", count_of_four, 4, 2)]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        y=[r[0] for r in rules], x=[r[1] for r in rules], orientation="h", name="tests that brought on the pain",
        text=[f"{count} of {total}" for _, count, total, _ in rules], textposition="outside", cliponaxis=False,
        marker={"color": OKABE_ITO["vermillion"], "pattern": {"shape": "/", "fgcolor": "#1a1a1a"}},
        hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.add_trace(go.Scatter(
        y=[r[0] for r in rules], x=[r[3] for r in rules], mode="markers+text", name="the study's cut-off",
        text=[f"cut-off {r[3]}" for r in rules], textposition="top center", cliponaxis=False,
        marker={"symbol": "line-ns", "size": 40, "line": {"width": 4, "color": "#1a1a1a"}},
        hovertemplate="cut-off: %{x}<extra></extra>"))
    fig.update_layout(**base_layout(
        "How many tests brought on the familiar pain", height=320,
        xaxis={"range": [0, 6.8], "dtick": 1, "title": "number of tests"},
        yaxis={"autorange": "reversed"},
        legend={"orientation": "h", "x": 0, "y": -0.3}, margin={"l": 20, "r": 30, "t": 90, "b": 80}))
    return fig
