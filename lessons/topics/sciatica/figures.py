"""Lesson 08: two randomised trials in sciatica, drawn from their published numbers.

``surgery_trial_figure`` shows Peul et al. 2007 (early surgery or prolonged non-surgical care);
``pregabalin_trial_figure`` shows Mathieson et al. 2017 (pregabalin or placebo). Each group has
its own colour *and* fill pattern, and every bar carries its number as text.
"""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.tables import load_table

SURGERY_GROUPS = {
    "early_surgery": ("Early surgery", OKABE_ITO["blue"], "", "white"),
    "prolonged_conservative": ("Non-surgical care first, surgery if needed", OKABE_ITO["orange"], "/", "#1a1a1a"),
}
SURGERY_MEASURES = (
    ("had_surgery_percent", "Had an operation<br>in the first year"),
    ("recovered_at_one_year_percent", "Felt recovered<br>after one year"),
)
PREGABALIN_GROUPS = {
    "pregabalin": ("Pregabalin", OKABE_ITO["reddish_purple"], "x"),
    "placebo": ("Placebo (dummy pill)", OKABE_ITO["grey"], ""),
}


def _surgery_labels(row: dict) -> list[str]:
    return [f"{row['had_surgery_percent']:.0f}% ({row['had_surgery']} of {row['group_size']})",
            f"{row['recovered_at_one_year_percent']:.0f}%"]


def surgery_trial_figure() -> go.Figure:
    """Peul 2007: who had an operation, and who felt recovered after a year, in each group."""
    table = load_table("peul_2007_sciatica_surgery")
    measures = [label for _, label in SURGERY_MEASURES]
    fig = go.Figure()
    for row in table.rows:  # with the reversed y axis, the first group is drawn on top
        name, colour, pattern, text_colour = SURGERY_GROUPS[row["group"]]
        values = [row[column] for column, _ in SURGERY_MEASURES]
        fig.add_trace(go.Bar(
            y=measures, x=values, orientation="h", name=f"{name} ({row['group_size']} people)",
            meta=row["group"], text=_surgery_labels(row), textposition="inside", insidetextanchor="start",
            textfont={"color": text_colour, "size": 15},
            marker={"color": colour, "line": {"color": "#1a1a1a", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": "#1a1a1a", "solidity": 0.2}},
            hovertemplate=f"<b>{name}</b><br>%{{y}}: %{{x:.0f}}%<extra></extra>"))
    fig.update_layout(**base_layout(
        "283 people with severe sciatica for 6 to 12 weeks (Peul et al. 2007)", height=400, barmode="group",
        xaxis={"title": "% of the people in each group", "range": [0, 101], "dtick": 20, "ticksuffix": "%"},
        yaxis={"autorange": "reversed"},
        legend={"orientation": "h", "x": 0, "y": -0.25, "traceorder": "normal"},
        margin={"l": 20, "r": 20, "t": 60, "b": 20}))
    return fig


def pregabalin_trial_figure() -> go.Figure:
    """Mathieson 2017: average leg pain (0-10) after 8 and 52 weeks with pregabalin or placebo."""
    table = load_table("mathieson_2017_pregabalin_sciatica")
    weeks = sorted({row["week"] for row in table.rows})
    labels = {8: "After 8 weeks<br>(end of treatment)", 52: "After 52 weeks<br>(one year)"}
    fig = go.Figure()
    for group, (name, colour, pattern) in PREGABALIN_GROUPS.items():
        rows = {row["week"]: row for row in table.rows if row["group"] == group}
        values = [rows[week]["leg_pain_mean"] for week in weeks]
        fig.add_trace(go.Bar(
            x=[labels[week] for week in weeks], y=values, name=name, meta=group,
            text=[f"{value:.1f}" for value in values], textposition="outside", textfont={"size": 15},
            marker={"color": colour, "line": {"color": "#1a1a1a", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": "#1a1a1a", "solidity": 0.2}},
            hovertemplate=f"<b>{name}</b><br>%{{x}}: average leg pain %{{y:.1f}} out of 10<extra></extra>"))
    for week in weeks:
        row = next(r for r in table.rows if r["week"] == week)
        fig.add_annotation(
            x=labels[week], y=6.2, showarrow=False, font={"size": 13},
            text=(f"Pregabalin minus placebo: {row['adjusted_difference']:+.1f} points<br>"
                  f"(95% CI {row['difference_lower']:+.1f} to {row['difference_upper']:+.1f}): "
                  "not a significant difference"))
    fig.update_layout(**base_layout(
        "Average leg pain with pregabalin or a placebo (Mathieson et al. 2017)", height=420, barmode="group",
        yaxis={"title": "Leg pain (0 = none, 10 = worst)", "range": [0, 10], "dtick": 2},
        legend={"orientation": "h", "x": 0, "y": -0.2}))
    return fig
