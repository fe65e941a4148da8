"""Lesson 05: disc changes on scans of people with and without back pain (Brinjikji et al. 2015).

The figure builders only draw what the pure functions of ``model`` return (from the two tables in the topic's
``content/tables``). Ages with no confirmed number are shown as "?" and never filled in by guessing.
"""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout, hide_axes
from lessons.topics.degenerative_disc_disease.model import (
    AGES,
    check_age,
    finding_labels,
    load,
    no_number,
    odds_rows,
    people_out_of_100,
    prevalence_table,
)

# Where each number was confirmed: colour and fill pattern (never colour alone); the words are in the
# content file (scan_findings.yml, confirmed_in).
SOURCE_STYLE = {
    "abstract": (OKABE_ITO["blue"], ""),
    "table copy": (OKABE_ITO["sky_blue"], "/"),
    "summary": (OKABE_ITO["orange"], "."),
}


def _panel_domains(index: int) -> tuple[list[float], list[float]]:
    """x and y domains of panel ``index`` in a 2 × 4 grid (row by row, top row first)."""
    width, height, x_gap, y_gap = (1 - 3 * 0.03) / 4, (1 - 0.16) / 2, 0.03, 0.16
    row, col = divmod(index, 4)
    x0, y0 = col * (width + x_gap), (1 - row) * (height + y_gap)
    return [x0, x0 + width], [y0, y0 + height]


def prevalence_by_age_figure() -> go.Figure:
    """Small multiples: one panel per finding, one bar per confirmed age, '?' where no number was confirmed.

    Built as one dict and validated once: adding traces panel by panel to eight subplots is slow.
    """
    table = prevalence_table()
    labels, source_words = finding_labels(), load().confirmed_in
    traces, annotations, layout = [], [], {}
    shown_in_legend = set()
    for index, finding in enumerate(labels):
        axis = "" if index == 0 else str(index + 1)
        x_domain, y_domain = _panel_domains(index)
        layout[f"xaxis{axis}"] = {"domain": x_domain, "anchor": f"y{axis}", "tickvals": list(AGES),
                                  "range": [14, 86], "tickfont": {"size": 11},
                                  "title": {"text": "age (years)" if index >= 4 else ""}}
        layout[f"yaxis{axis}"] = {"domain": y_domain, "anchor": f"x{axis}", "range": [0, 112],
                                  "tickvals": [0, 25, 50, 75, 100], "showgrid": True, "gridcolor": "#e6e6e6",
                                  "showticklabels": index % 4 == 0,
                                  "title": {"text": "in 100 people" if index % 4 == 0 else ""}}
        annotations.append({"text": f"{labels[finding]}<br><sup>({finding})</sup>", "x": sum(x_domain) / 2,
                            "y": y_domain[1], "xref": "paper", "yref": "paper", "xanchor": "center",
                            "yanchor": "bottom", "showarrow": False, "font": {"size": 13}})
        for source, (colour, pattern) in SOURCE_STYLE.items():
            words = source_words[source]
            ages = [age for age, (_, where) in sorted(table[finding].items()) if where == source]
            if not ages:
                continue
            values = [table[finding][age][0] for age in ages]
            traces.append({
                "type": "bar", "x": ages, "y": values, "xaxis": f"x{axis}", "yaxis": f"y{axis}",
                "name": f"number from {words}", "legendgroup": source, "meta": [finding, source],
                "showlegend": source not in shown_in_legend,
                "marker": {"color": colour, "line": {"color": "#1a1a1a", "width": 1},
                           "pattern": {"shape": pattern, "fgcolor": "#1a1a1a", "solidity": 0.3}},
                "text": [f"{v}" for v in values], "textposition": "outside", "cliponaxis": False,
                "hovertemplate": f"<b>{labels[finding]}</b><br>age %{{x}}: about %{{y}} in 100 people "
                                 f"without back pain<br>(from {words})<extra></extra>"})
            shown_in_legend.add(source)
        annotations += [{"x": age, "y": 6, "xref": f"x{axis}", "yref": f"y{axis}", "text": "?", "showarrow": False,
                         "font": {"size": 15, "color": "#4d4d4d"}, "hovertext": "No confirmed number at this age"}
                        for age in AGES if age not in table[finding]]
    layout.update(base_layout("Scan findings in people WITHOUT back pain, by age (? = number not confirmed)",
                              height=620, bargap=0.15, annotations=annotations,
                              legend={"orientation": "h", "x": 0, "y": -0.12, "xanchor": "left"},
                              margin={"l": 60, "r": 20, "t": 90, "b": 90}))
    return go.Figure(data=traces, layout=layout)


def back_pain_odds_figure() -> go.Figure:
    """Forest plot: how much more common each finding was in adults (50 or younger) with back pain."""
    rows = list(reversed(odds_rows()))  # plotly draws the first row at the bottom
    fig = go.Figure()
    for clear, symbol, words in ((True, "circle", "more common with back pain (whole line right of 1)"),
                                 (False, "circle-open", "no clear difference (line crosses 1)")):
        group = [r for r in rows if r["clear"] == clear]
        fig.add_trace(go.Scatter(
            x=[r["odds_ratio"] for r in group], y=[r["finding"] for r in group], mode="markers+text",
            name=words, meta=["clear" if clear else "unclear"],
            marker={"symbol": symbol, "size": 12, "color": OKABE_ITO["vermillion"] if clear else OKABE_ITO["blue"],
                    "line": {"width": 2, "color": OKABE_ITO["vermillion"] if clear else OKABE_ITO["blue"]}},
            error_x={"type": "data", "symmetric": False, "thickness": 2,
                     "color": OKABE_ITO["vermillion"] if clear else OKABE_ITO["blue"],
                     "array": [r["ci_upper"] - r["odds_ratio"] for r in group],
                     "arrayminus": [r["odds_ratio"] - r["ci_lower"] for r in group]},
            text=[f"{r['odds_ratio']:.2f}" for r in group], textposition="top center",
            customdata=[[r["ci_lower"], r["ci_upper"], r["p_value"]] for r in group],
            hovertemplate="<b>%{y}</b><br>odds ratio %{x:.2f}<br>95% CI %{customdata[0]:.2f} to "
                          "%{customdata[1]:.2f}<br>P = %{customdata[2]}<extra></extra>"))
    fig.add_vline(x=1, line={"dash": "dash", "color": "#1a1a1a", "width": 1.5})
    fig.add_annotation(x=0, y=1.0, xref="x", yref="paper", text="1 = no difference", showarrow=False,
                       xanchor="left", yanchor="bottom", font={"size": 12})
    fig.update_xaxes(type="log", range=[-1.5, 3.0], tickvals=[0.05, 0.1, 0.5, 1, 2, 5, 10, 50, 100, 500],
                     ticktext=["0.05", "0.1", "0.5", "1", "2", "5", "10", "50", "100", "500"],
                     title_text="odds ratio, back pain vs no back pain (log scale)", showgrid=True,
                     gridcolor="#e6e6e6")
    fig.update_layout(**base_layout("MRI findings in adults aged 50 or younger: with vs without back pain",
                                    height=520, legend={"orientation": "h", "x": 0, "y": -0.2},
                                    margin={"l": 20, "r": 30, "t": 70, "b": 110}))
    return fig


def people_icon_figure(finding: str, age) -> go.Figure:
    """A 10 × 10 grid of people: the first N (filled squares) have the finding, the rest (open circles) do not."""
    count = people_out_of_100(finding, age)
    age = check_age(age)
    if count is None:
        raise ValueError(no_number(finding, age))
    xs = [i % 10 for i in range(100)]
    ys = [9 - i // 10 for i in range(100)]
    fig = go.Figure()
    for has_it, name, symbol, colour in ((True, f"has {finding} on the scan", "square", OKABE_ITO["vermillion"]),
                                         (False, "does not", "circle-open", OKABE_ITO["grey"])):
        picked = [i for i in range(100) if (i < count) == has_it]
        fig.add_trace(go.Scatter(
            x=[xs[i] for i in picked], y=[ys[i] for i in picked], mode="markers", name=name,
            meta=["has" if has_it else "not"],
            marker={"symbol": symbol, "size": 22, "color": colour, "line": {"width": 2, "color": colour}},
            hovertemplate=f"{name}<extra></extra>"))
    title = f"100 people aged {age} with NO back pain:<br>{count} have {finding} on a scan"
    fig.update_layout(**base_layout(title, height=500, width=600, legend={"orientation": "h", "x": 0, "y": -0.02},
                                    margin={"l": 20, "r": 20, "t": 80, "b": 40}))
    return hide_axes(fig)
