"""Lesson 12 figure: a stretching plan week by week.

Each bar is one week's session: the time spent holding stretches and moving (solid) and the rest
between holds and sets (striped). The bars all reach the same height, the session minutes the
learner chose (dashed line); over the weeks the rests get shorter and the moving part grows.
Colour is never the only cue: the parts have different patterns, text labels and a legend.
"""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.topics.planner.plan import PROBLEM_LABELS, REST_QUARTERS, Plan

REST_SHORT = {8: "2×", 7: "1.75×", 6: "1.5×", 5: "1.25×", 4: "1×"}


def weeks_figure(plan: Plan) -> go.Figure:
    """Stacked bars: minutes holding and moving, and minutes resting, for every week of the plan."""
    weeks = plan.weeks
    labels = [f"Week {week.number}" for week in weeks]
    work = [round(week.work_seconds / 60, 1) for week in weeks]
    rest = [round(week.rest_seconds / 60, 1) for week in weeks]
    rest_words = [REST_SHORT[REST_QUARTERS[week.step]] for week in weeks]
    counts = [sum(item.sets for item in week.items if item.kind != "timed") for week in weeks]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=labels, y=work, name="Holding and moving", meta="work",
        marker={"color": OKABE_ITO["blue"], "line": {"color": "#1a1a1a", "width": 1}},
        text=[f"{value:.1f} min" for value in work], textposition="inside", insidetextanchor="middle",
        textfont={"color": "white"}, customdata=list(zip(counts, strict=True)),
        hovertemplate="<b>%{x}</b><br>Holding and moving: %{y:.1f} min<br>%{customdata[0]} holds and sets"
                      "<extra></extra>",
    ))
    fig.add_trace(go.Bar(
        x=labels, y=rest, name="Rest between holds and sets", meta="rest",
        marker={"color": OKABE_ITO["sky_blue"], "pattern": {"shape": "/", "fgcolor": "#1a1a1a", "size": 8},
                "line": {"color": "#1a1a1a", "width": 1}},
        customdata=rest_words,
        hovertemplate="<b>%{x}</b><br>Rest: %{y:.1f} min (%{customdata} the usual rest)<extra></extra>",
    ))
    fig.add_trace(go.Scatter(
        x=labels, y=[plan.request.minutes * 1.1] * len(weeks), mode="text", meta="rest-label",
        text=[f"rest {words}" for words in rest_words], textposition="top center", showlegend=False,
        textfont={"size": 12, "color": "#1a1a1a"}, hoverinfo="skip",
    ))
    minutes = plan.request.minutes
    fig.add_hline(y=minutes, line={"color": "#1a1a1a", "width": 2, "dash": "dash"},
                  annotation_text=f"Your session: {minutes} min", annotation_position="top left",
                  annotation_font={"size": 13})
    fig.update_layout(**base_layout(
        f"{PROBLEM_LABELS[plan.request.problem]}: the same {minutes} minutes each week, less rest and "
        "more stretching and moving as the weeks go on",
        barmode="stack", height=430, bargap=0.25,
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "traceorder": "normal"},
        margin={"l": 60, "r": 20, "t": 80, "b": 80},
    ))
    fig.update_layout(title_font_size=15)
    fig.update_yaxes(title_text="Minutes per session", range=[0, minutes * 1.3], rangemode="tozero")
    fig.update_xaxes(title_text=None)
    return fig
