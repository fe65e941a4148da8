"""Lesson 06: how acute low back pain usually settles, drawn only from published numbers.

``recovery_figure`` plots the pooled pain scores of Menezes Costa et al. (2012) at the four
published time points; the lines only join those points (nothing is drawn in between that
the paper did not report). ``first_month_figure`` shows the four percentages in the abstract
of Pengel et al. (2003). Colour is never the only cue: markers, line styles, patterns and
text labels tell the series apart.
"""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.tables import load_table
from lessons.topics.muscle_strain.model import FIRST_MONTH_TABLE, TIME_POINTS, recovery_points

COHORT_STYLE = {
    "acute": {"name": "Pain for less than 12 weeks at the start (acute)", "colour": OKABE_ITO["blue"],
              "symbol": "circle", "dash": "solid", "first_text": "middle left", "text_position": "bottom right"},
    "persistent": {"name": "Pain for 12 weeks to 12 months at the start (persistent)",
                   "colour": OKABE_ITO["vermillion"], "symbol": "square", "dash": "dash",
                   "first_text": "middle right", "text_position": "top right"},
}
JOIN_NOTE = "Lines only join the four published time points; the lines themselves are not data."


def recovery_figure(highlight: str | None = None) -> go.Figure:
    """Average pain (0-100) with 95% confidence intervals at baseline, 6, 26 and 52 weeks.

    ``highlight`` ("baseline", "6 weeks", ...) marks one time point with a shaded band.
    """
    if highlight is not None and highlight not in TIME_POINTS:
        raise ValueError(f"unknown time point {highlight!r}; choose one of {', '.join(TIME_POINTS)}")
    fig = go.Figure()
    for cohort, style in COHORT_STYLE.items():
        rows = recovery_points(cohort)
        fig.add_trace(go.Scatter(
            x=[row["week"] for row in rows], y=[row["pain"] for row in rows],
            mode="lines+markers+text", name=style["name"], meta=cohort,
            text=[f"{row['pain']:.0f}" for row in rows],
            textposition=[style["first_text"]] + [style["text_position"]] * (len(rows) - 1),
            textfont={"color": "#1a1a1a", "size": 13},
            line={"color": style["colour"], "width": 2, "dash": style["dash"]},
            marker={"color": style["colour"], "symbol": style["symbol"], "size": 11,
                    "line": {"color": "#1a1a1a", "width": 1}},
            error_y={"type": "data", "symmetric": False, "color": style["colour"], "thickness": 1.5,
                     "array": [row["upper"] - row["pain"] for row in rows],
                     "arrayminus": [row["pain"] - row["lower"] for row in rows]},
            customdata=[[row["time_point"], row["lower"], row["upper"]] for row in rows],
            hovertemplate=(f"<b>{style['name']}</b><br>%{{customdata[0]}}: average pain %{{y}} out of 100"
                           "<br>95% CI %{customdata[1]} to %{customdata[2]}<extra></extra>"),
        ))
    if highlight is not None:
        week = recovery_points("acute")[TIME_POINTS.index(highlight)]["week"]
        fig.add_vrect(x0=week - 1.5, x1=week + 1.5, fillcolor=OKABE_ITO["yellow"], opacity=0.35,
                      line_width=0, layer="below", annotation_text=f"▼ {highlight}",
                      annotation_position="top")
    fig.add_annotation(x=0, y=-0.42, xref="paper", yref="paper", xanchor="left", showarrow=False,
                       text=JOIN_NOTE, font={"size": 12})
    fig.update_layout(**base_layout(
        "Average pain score over one year (0 = no pain, 100 = worst)", height=500,
        margin={"l": 20, "r": 20, "t": 60, "b": 140},
        legend={"orientation": "h", "x": 0, "y": -0.2, "xanchor": "left"},
        xaxis={"title": "weeks", "tickvals": [0, 6, 26, 52],
               "ticktext": ["baseline", "6", "26", "52"], "range": [-5, 55]},
        yaxis={"title": "average pain (out of 100)", "range": [0, 65]}))
    return fig


def first_month_figure() -> go.Figure:
    """Pengel et al. (2003): big improvements in the first month, yet recurrences are common."""
    table = load_table(FIRST_MONTH_TABLE)
    rows = list(table.rows)
    within_month = [row["measure"] != "recurrence_12_months" for row in rows]
    fig = go.Figure(go.Bar(
        y=[row["short_label"] for row in rows], x=[row["percent"] for row in rows], orientation="h",
        text=[f"{row['percent']:.0f}%" for row in rows], textposition="outside",
        textfont={"color": "#1a1a1a", "size": 15},
        marker={"color": [OKABE_ITO["bluish_green"] if month else OKABE_ITO["orange"]
                          for month in within_month],
                "pattern": {"shape": ["" if month else "/" for month in within_month],
                            "fgcolor": "#1a1a1a"},
                "line": {"color": "#1a1a1a", "width": 1}},
        customdata=[["within the first month" if month else "within 12 months"] for month in within_month],
        hovertemplate="%{y}: %{x}%<br>(%{customdata[0]})<extra></extra>",
    ))
    fig.update_layout(**base_layout(
        "Acute low back pain: the first month and the first year", height=360,
        margin={"l": 20, "r": 40, "t": 60, "b": 40},
        xaxis={"title": "per cent", "range": [0, 100]},
        yaxis={"autorange": "reversed", "automargin": True}))
    return fig
