"""Lesson 14: how body weight relates to back and leg pain (Shiri et al. 2010 and 2014), as forest plots.

Pure functions of ``lessons.topics.weight.model`` read the two tables in the topic's ``content/tables``; the
figure builder only draws what they return.
Odds ratios are drawn on a log scale with a reference line at 1 (no difference). Weight groups differ by
marker shape and by a text label as well as by colour.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.topics.weight.model import interval_text, low_back_pain_rows, sciatica_rows

# How each weight group is drawn: (legend words, marker symbol, colour). Never colour alone.
GROUP_STYLE = {
    "overweight": ("overweight", "circle-open", OKABE_ITO["blue"]),
    "obesity": ("obesity", "square", OKABE_ITO["vermillion"]),
    "overweight or obesity": ("overweight or obesity together", "diamond", OKABE_ITO["bluish_green"]),
}


def _positions(rows: list[dict]) -> list[float]:
    """y position of each row, top to bottom, with a gap between outcomes."""
    positions, y, previous = [], 0.0, None
    for row in rows:
        if previous is not None:
            y -= 1.0 if row["label"] == previous else 1.6
        positions.append(y)
        previous = row["label"]
    return positions


def odds_figure(rows: list[dict], title: str, x_title: str) -> go.Figure:
    """Forest plot: one marker and 95% CI per row, log x axis, a dashed line at 1 and the numbers at the right."""
    ys = _positions(rows)
    fig = go.Figure()
    for group, (words, symbol, colour) in GROUP_STYLE.items():
        picked = [(y, r) for y, r in zip(ys, rows, strict=True) if r["weight_group"] == group]
        if not picked:
            continue
        fig.add_trace(go.Scatter(
            x=[r["odds_ratio"] for _, r in picked], y=[y for y, _ in picked], mode="markers",
            name=words, meta=[group],
            marker={"symbol": symbol, "size": 13, "color": colour, "line": {"width": 2.5, "color": colour}},
            error_x={"type": "data", "symmetric": False, "thickness": 2.5, "width": 6, "color": colour,
                     "array": [round(r["ci_upper"] - r["odds_ratio"], 4) for _, r in picked],
                     "arrayminus": [round(r["odds_ratio"] - r["ci_lower"], 4) for _, r in picked]},
            customdata=[[r["label"], r["ci_lower"], r["ci_upper"], words] for _, r in picked],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[3]}<br>odds ratio %{x:.2f}"
                          "<br>95% CI %{customdata[1]:.2f} to %{customdata[2]:.2f}<extra></extra>"))
    # y labels: the outcome once per group of rows, with the weight group in words (not colour alone)
    tick_text = []
    for row, previous in zip(rows, [None, *rows[:-1]], strict=True):
        group = row["weight_group"]
        prefix = "" if previous is not None and previous["label"] == row["label"] else f"<b>{row['label']}</b><br>"
        tick_text.append(f"{prefix}{group}")
    annotations = [{"x": 1.0, "xref": "paper", "y": y, "yref": "y", "xanchor": "left", "showarrow": False,
                    "text": interval_text(r), "font": {"size": 13}} for y, r in zip(ys, rows, strict=True)]
    annotations.append({"x": 1.0, "xref": "paper", "y": 1.0, "yref": "paper", "xanchor": "left",
                        "yanchor": "bottom", "showarrow": False, "font": {"size": 13},
                        "text": "<b>odds ratio (95% CI)</b>"})
    annotations.append({"x": 0, "xref": "x", "y": 1.0, "yref": "paper", "xanchor": "right", "yanchor": "bottom",
                        "showarrow": False, "font": {"size": 12}, "text": "1 = no difference "})
    fig.add_vline(x=1, line={"dash": "dash", "color": "#1a1a1a", "width": 1.5})
    fig.update_xaxes(type="log", range=[math.log10(0.8), math.log10(3.2)],
                     tickvals=[0.8, 1, 1.25, 1.5, 2, 2.5, 3], ticktext=["0.8", "1", "1.25", "1.5", "2", "2.5", "3"],
                     title_text=x_title, showgrid=True, gridcolor="#e6e6e6")
    fig.update_yaxes(tickvals=ys, ticktext=tick_text, range=[min(ys) - 0.8, 0.8], ticks="")
    fig.update_layout(**base_layout(title, height=max(330, 120 + 62 * len(rows)), annotations=annotations,
                                    legend={"orientation": "h", "x": 0, "y": -0.2, "xanchor": "left"},
                                    margin={"l": 20, "r": 170, "t": 80, "b": 110}))
    return fig


def low_back_pain_odds_figure() -> go.Figure:
    """Shiri et al. 2010: odds ratios for low back pain in people with obesity."""
    return odds_figure(low_back_pain_rows(),
                       "Obesity and low back pain: pooled odds ratios (Shiri et al. 2010)",
                       "odds ratio (log scale): above 1 = more common in people with obesity")


def sciatica_odds_figure() -> go.Figure:
    """Shiri et al. 2014: odds ratios for sciatica in people with overweight or obesity."""
    return odds_figure(sciatica_rows(),
                       "Overweight, obesity and sciatica: pooled odds ratios (Shiri et al. 2014)",
                       "odds ratio (log scale): above 1 = more common with higher body weight")
