"""Lesson 15 figures: disc pressure in one person (Wilke et al. 1999) and the NIOSH multipliers of a lift.

``disc_pressure_figure`` plots only the ten values in the abstract of Wilke et al., one bar each, grouped
by kind of activity (colour AND fill pattern AND the group name in the legend). ``multiplier_figure``
draws the six multipliers of one lift, each labelled with its value; the smallest one is marked in words.
"""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.tables import load_table
from lessons.topics.posture.model import UNITS, texts, two_decimals

DISC_TABLE = "wilke_1999_disc_pressure"
GROUP_STYLE = {
    "lying": {"name": "Lying", "colour": OKABE_ITO["sky_blue"], "pattern": ""},
    "standing": {"name": "Standing", "colour": OKABE_ITO["bluish_green"], "pattern": "."},
    "sitting": {"name": "Sitting", "colour": OKABE_ITO["orange"], "pattern": "/"},
    "lifting": {"name": "Lifting 20 kg", "colour": OKABE_ITO["vermillion"], "pattern": "x"},
}
ONE_PERSON_NOTE = texts()["one_person_note"]

MULTIPLIER_NAMES = {
    "HM": "HM · how far out the hands are",
    "VM": "VM · how high the hands start",
    "DM": "DM · how far the load moves up or down",
    "AM": "AM · how far the body twists",
    "FM": "FM · how often, for how long",
    "CM": "CM · how good the grip is",
}


def disc_rows() -> list[dict]:
    """The published rows, in the abstract's order."""
    return list(load_table(DISC_TABLE).rows)


def disc_pressure_figure() -> go.Figure:
    """Wilke et al. 1999: pressure (MPa) in one healthy disc, by position and activity."""
    rows = disc_rows()
    order = [row["activity"] for row in rows]
    standing = next(row["pressure_mpa"] for row in rows if row["activity"] == "Standing relaxed")
    fig = go.Figure()
    for group, style in GROUP_STYLE.items():
        members = [row for row in rows if row["group"] == group]
        fig.add_trace(go.Bar(
            y=[row["activity"] for row in members], x=[row["pressure_mpa"] for row in members],
            orientation="h", name=style["name"], meta=group,
            text=[f"{row['pressure_mpa']:.2f} MPa" for row in members], textposition="outside",
            textfont={"color": "#1a1a1a", "size": 13},
            marker={"color": style["colour"], "line": {"color": "#1a1a1a", "width": 1},
                    "pattern": {"shape": style["pattern"], "fgcolor": "#1a1a1a"}},
            hovertemplate="%{y}: %{x:.2f} MPa<extra>" + style["name"] + "</extra>",
        ))
    fig.add_vline(x=standing, opacity=1, layer="below", line={"color": "#1a1a1a", "dash": "dot", "width": 2},
                  annotation_text=f"▼ standing relaxed ({standing:.2f} MPa)", annotation_position="top right")
    fig.add_annotation(x=0, y=-0.3, xref="paper", yref="paper", xanchor="left", showarrow=False,
                       text=ONE_PERSON_NOTE, font={"size": 12})
    fig.update_layout(**base_layout(
        "Pressure inside one lumbar disc (Wilke et al. 1999)", height=560,
        margin={"l": 20, "r": 30, "t": 70, "b": 150},
        legend={"orientation": "h", "x": 0, "y": -0.18, "xanchor": "left", "traceorder": "normal"},
        xaxis={"title": "pressure in the disc (MPa, megapascals)", "range": [0, 2.75]},
        yaxis={"categoryorder": "array", "categoryarray": order[::-1], "automargin": True}))
    return fig


def multiplier_figure(values: dict[str, float], title: str = "The six multipliers of this lift") -> go.Figure:
    """Bars for HM, VM, DM, AM, FM and CM (1 = no reduction); the smallest is named on the chart."""
    missing = [key for key in MULTIPLIER_NAMES if key not in values]
    if missing:
        raise ValueError(f"missing multipliers: {', '.join(missing)}")
    keys = list(MULTIPLIER_NAMES)
    smallest = min(keys, key=lambda key: values[key])
    is_small = [key == smallest and values[key] < 1 for key in keys]
    labels = [two_decimals(values[key]) + ("  ◀ smallest: cuts the limit most" if small else "")
              for key, small in zip(keys, is_small, strict=True)]
    fig = go.Figure(go.Bar(
        y=[MULTIPLIER_NAMES[key] for key in keys], x=[values[key] for key in keys], orientation="h",
        text=labels, textposition="outside", textfont={"color": "#1a1a1a", "size": 13}, cliponaxis=False,
        marker={"color": [OKABE_ITO["orange"] if small else OKABE_ITO["blue"] for small in is_small],
                "pattern": {"shape": ["/" if small else "" for small in is_small], "fgcolor": "#1a1a1a"},
                "line": {"color": "#1a1a1a", "width": 1}},
        hovertemplate="%{y}: %{x:.2f}<extra></extra>",
    ))
    fig.add_vline(x=1.0, opacity=1, layer="below", line={"color": "#1a1a1a", "dash": "dot", "width": 2},
                  annotation_text="1.00 = no reduction",
                  annotation_position="top")
    fig.update_layout(**base_layout(
        title, height=380, margin={"l": 20, "r": 40, "t": 70, "b": 50},
        xaxis={"title": f"multiplier (the limit is {UNITS['metric']['lc']:g} kg times all six)", "range": [0, 1.6]},
        yaxis={"autorange": "reversed", "automargin": True}, showlegend=False))
    return fig
