"""Lesson 13 figures: what the Cochrane review found for heat (and cold), and one session's timeline.

``evidence_figure`` draws the two published results of French et al. (2006), each on its own
full scale so the size of the effect can be judged, and says in words that there was too little
evidence for cold. ``session_timeline_figure`` draws a ``Session`` from
``lessons.topics.heat_cold.model`` against the guidance's suggested minutes and its limit.
Colour is never the only cue: text labels, marker shapes, patterns and line styles say the same.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.tables import load_table
from lessons.topics.heat_cold.model import COLD, HEAT, LIMITS, Session, rules

EVIDENCE_TABLE = "french_2006_heat_cold_lbp"
COLD_TEXT = " ".join(rules().cold_evidence)
KIND_STYLE = {
    HEAT: {"colour": OKABE_ITO["vermillion"], "pattern": "/", "word": "Heat"},
    COLD: {"colour": OKABE_ITO["blue"], "pattern": ".", "word": "Cold"},
}


def benefit(row: dict) -> tuple[float, float, float]:
    """(estimate, low, high) turned so that a positive number favours heat, whatever the scale's direction."""
    if row["better"] == "higher":
        return row["difference"], row["lower"], row["upper"]
    return -row["difference"], -row["upper"], -row["lower"]


def evidence_rows() -> list[dict]:
    return list(load_table(EVIDENCE_TABLE).rows)


def evidence_figure() -> go.Figure:
    """Heat wrap vs dummy pill and heated blanket (French et al. 2006), each on its full scale; cold in words."""
    rows = evidence_rows()
    titles = [f"{row['label']}: {row['trials']} trial{'s' if row['trials'] > 1 else ''}, "
              f"{row['participants']} people, {row['timing']}" for row in rows]
    fig = make_subplots(rows=len(rows), cols=1, subplot_titles=titles, vertical_spacing=0.32)
    symbols = ("diamond", "square")
    for index, row in enumerate(rows, start=1):
        estimate, low, high = benefit(row)
        span = row["scale_max"] - row["scale_min"]
        unit = f"points on a {row['scale_min']:.0f} to {row['scale_max']:.0f} scale"
        what = "more pain relief" if row["better"] == "higher" else "less pain"
        fig.add_trace(go.Scatter(
            x=[estimate], y=[row["outcome"]], mode="markers+text", meta=row["comparison"],
            name=row["label"], showlegend=False,
            marker={"symbol": symbols[(index - 1) % 2], "size": 16, "color": OKABE_ITO["vermillion"],
                    "line": {"color": "#1a1a1a", "width": 1}},
            error_x={"type": "data", "symmetric": False, "array": [high - estimate],
                     "arrayminus": [estimate - low], "color": "#1a1a1a", "thickness": 2, "width": 8},
            text=[f"{estimate:.2f} {what} (95% CI {low:.2f} to {high:.2f})"], textposition="top center",
            textfont={"color": "#1a1a1a", "size": 13},
            hovertemplate=(f"<b>{row['label']}</b><br>{estimate:.2f} {unit} {what} than without heat"
                           f"<br>95% CI {low:.2f} to {high:.2f}<br>{row['population']}, {row['timing']}"
                           "<extra></extra>"),
        ), row=index, col=1)
        fig.update_xaxes(range=[-0.03 * span, span * 1.03], title_text=f"{what} with heat ({unit})",
                         row=index, col=1)
        fig.update_yaxes(showticklabels=False, row=index, col=1)
        fig.add_vline(x=0, line={"color": "#1a1a1a", "width": 1, "dash": "dot"}, row=index, col=1)
    fig.add_annotation(x=0, y=-0.36, xref="paper", yref="paper", xanchor="left", showarrow=False, align="left",
                       text="❄ " + "<br>".join(rules().cold_evidence), font={"size": 13})
    fig.update_layout(**base_layout(
        "Heat for new low back pain: what the Cochrane review found", height=520,
        margin={"l": 20, "r": 20, "t": 90, "b": 150}))
    fig.update_annotations(font_size=13, selector={"xref": "x domain"})
    return fig


def session_timeline_figure(session: Session) -> go.Figure:
    """One session: time on (bar) against the suggested minutes (band) and the limit (dashed line)."""
    style = KIND_STYLE[session.kind]
    low, high = session.advised
    limit = LIMITS[session.kind].maximum
    fig = go.Figure(go.Bar(
        x=[session.minutes], y=[1], base=[0], orientation="h", width=0.5, name=f"{style['word']} on",
        marker={"color": style["colour"], "pattern": {"shape": style["pattern"], "fgcolor": "#1a1a1a"},
                "line": {"color": "#1a1a1a", "width": 1}},
        text=[f"{style['word']} on: {session.minutes} min"], textposition="inside", insidetextanchor="middle",
        textfont={"color": "white" if session.kind == COLD else "#1a1a1a", "size": 14},
        hovertemplate=f"{style['word']} on the {session.area} for %{{x}} minutes<extra></extra>",
    ))
    fig.add_trace(go.Scatter(
        x=[0, session.minutes], y=[0.45, 0.45], mode="markers+text", name="check the skin",
        marker={"symbol": "triangle-up", "size": 14, "color": "#1a1a1a"},
        text=["check skin first", "take off, check skin"], textposition="bottom center",
        hovertemplate="%{text}<extra></extra>"))
    fig.add_vrect(x0=low, x1=high, fillcolor=OKABE_ITO["bluish_green"], opacity=0.18, line_width=0, layer="below")
    fig.add_annotation(x=(low + high) / 2, y=1.36, text=f"suggested: {low} to {high} min", showarrow=False,
                       font={"size": 13})
    fig.add_vline(x=limit, line={"color": "#1a1a1a", "width": 2, "dash": "dash"})
    fig.add_annotation(x=limit + 0.3, y=0.6, xanchor="left", text=f"limit: {limit} min", showarrow=False,
                       font={"size": 13})
    fig.add_annotation(x=0, y=-0.55, xref="paper", yref="paper", xanchor="left", showarrow=False,
                       text=f"{rules().timeline_note} {session.repeat}", font={"size": 13})
    fig.update_layout(**base_layout(
        f"Your session: {session.title.lower()}", height=330, showlegend=False,
        margin={"l": 20, "r": 30, "t": 70, "b": 120},
        xaxis={"title": "minutes", "range": [-2.5, 22], "dtick": 5, "zeroline": False},
        yaxis={"visible": False, "range": [0, 1.45]}))
    return fig
