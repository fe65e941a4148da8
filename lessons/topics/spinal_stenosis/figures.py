"""Lesson 04: spinal stenosis. Two figures drawn from published numbers in content/tables.

- ``stenosis_prevalence_figure``: how often CT found a narrowed lumbar canal, by age
  (Kalichman et al. 2009, Framingham Study; abstract numbers only).
- ``canal_posture_figure``: room in the canal when bending forward or backward
  (Schmid et al. 1999, open MRI of healthy volunteers; abstract numbers only).

Colour is never the only cue: bars carry text labels and fill patterns.
"""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.tables import load_table
from lessons.topics.spinal_stenosis.model import BACK_POSITIONS

PREVALENCE_TABLE = "kalichman_2009_stenosis_prevalence"
POSTURE_TABLE = "schmid_1999_canal_area_by_posture"


def stenosis_prevalence_figure() -> go.Figure:
    """Grouped bars: relative and absolute acquired stenosis on CT, by age group."""
    table = load_table(PREVALENCE_TABLE)
    groups = table.column("group")
    series = (
        ("relative_pct", "Relative narrowing (12 mm cut-point)", OKABE_ITO["blue"], "", "white"),
        ("absolute_pct", "Absolute narrowing (10 mm cut-point): more severe", OKABE_ITO["orange"], "/", "#1a1a1a"),
    )
    fig = go.Figure()
    for column, name, colour, pattern, text_colour in series:
        values = table.column(column)
        fig.add_trace(go.Bar(
            x=groups, y=values, name=name, meta=column,
            text=[f"{value:.1f}%" for value in values], textposition="outside",
            textfont={"color": "#1a1a1a", "size": 14}, cliponaxis=False,
            marker={"color": colour, "line": {"color": "#1a1a1a", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": text_colour, "solidity": 0.3}},
            hovertemplate=f"<b>%{{x}}</b><br>{name}: %{{y:.1f}}% of people<extra></extra>",
        ))
    fig.update_layout(**base_layout(
        "How often CT scans found a narrowed lower-back canal (Framingham Study)", height=430,
        barmode="group", bargap=0.3,
        yaxis={"title": "% of people scanned", "range": [0, 60], "ticksuffix": "%"},
        xaxis={"title": "Group of people scanned"},
        legend={"orientation": "h", "y": -0.25, "x": 0},
        margin={"l": 20, "r": 20, "t": 60, "b": 40},
    ))
    return fig


def canal_posture_figure(highlight: str | None = None) -> go.Figure:
    """Bars: mean canal area at L4–L5 bent forward versus bent backward.

    ``highlight`` ("flexion" or "extension") fades the other bar, for the activity explorer.
    """
    if highlight is not None and highlight not in BACK_POSITIONS:
        raise ValueError(f"highlight must be one of {BACK_POSITIONS} or None, not {highlight!r}")
    table = load_table(POSTURE_TABLE)
    postures = table.column("posture")
    positions = table.column("back_position")
    areas = table.column("canal_area_mm2")
    labels = [f"{posture}<br>({position})" for posture, position in zip(postures, positions, strict=True)]
    colours = {"flexion": OKABE_ITO["bluish_green"], "extension": OKABE_ITO["vermillion"]}
    patterns = {"flexion": "", "extension": "x"}
    shown_bars = [highlight in (None, position) for position in positions]
    fig = go.Figure(go.Bar(
        x=areas, y=labels, orientation="h", meta=positions,
        text=[f"{area:.0f} mm²" for area in areas], textposition="inside", insidetextanchor="end",
        textfont={"color": ["white" if shown else "#1a1a1a" for shown in shown_bars], "size": 16},
        marker={"color": [colours[p] for p in positions], "line": {"color": "#1a1a1a", "width": 1},
                "opacity": [1.0 if shown else 0.3 for shown in shown_bars],
                "pattern": {"shape": [patterns[p] for p in positions], "fgcolor": "white", "solidity": 0.2}},
        hovertemplate="<b>%{y}</b><br>mean canal area %{x} mm²<extra></extra>",
    ))
    area = dict(zip(positions, areas, strict=True))
    less = area["flexion"] - area["extension"]
    notes = {"flexion": "", "extension": f"{less:.0f} mm² less room<br>(about {less / area['flexion']:.0%} smaller)"}
    for label, position in zip(labels, positions, strict=True):
        note = notes[position]
        if highlight == position:
            note = "<b>◄ closest measured posture</b>" + (f"<br>{note}" if note else "")
        if note:
            fig.add_annotation(x=area[position], y=label, xanchor="left", xshift=8, showarrow=False,
                               align="left", text=note)
    fig.update_layout(**base_layout(
        "Room in the spinal canal at L4–L5: bending forward vs backward", height=330,
        xaxis={"title": "Mean cross-sectional area of the canal (mm²)", "range": [0, 440]},
        yaxis={"autorange": "reversed"}, showlegend=False,
        margin={"l": 20, "r": 20, "t": 60, "b": 20},
    ))
    return fig
