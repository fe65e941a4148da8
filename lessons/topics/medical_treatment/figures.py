"""Lesson 10 figures: the treatment pathway, and a published trial of a pain medicine.

``pathway_figure`` draws the steps returned by ``lessons.topics.medical_treatment.model.pathway``
as boxes down a timeline, from the first visit to specialist care. Each box spells out who,
what may be offered (✔) and what guidance advises against (✘): symbols and words, never colour
alone. A "see a clinician" line is always drawn under the steps.

``pace_trial_figure`` plots the median days to recovery, with 95% confidence intervals, in the
three groups of the PACE trial (Williams et al. 2014), straight from its table in content/tables.
"""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.tables import load_table
from lessons.topics.medical_treatment.model import Step, pathway, see_a_clinician, situation_label, texts

PACE_TABLE = "williams_2014_pace_paracetamol"
PACE_GROUPS = {  # label, colour, marker symbol (a second cue besides colour)
    "regular": ("Paracetamol taken regularly", OKABE_ITO["blue"], "circle"),
    "as_needed": ("Paracetamol taken when needed", OKABE_ITO["orange"], "diamond"),
    "placebo": ("Placebo (dummy tablets)", OKABE_ITO["grey"], "square"),
}

WIDTH = 980
LINE_PX = 15.5        # height of one line of 12-point text
PAD_PX = 16
GAP_PX = 30           # room for the arrow between two steps
COLUMNS = (           # (x of the left edge in pixels, characters per line)
    (14, 30),         # stage and who
    (300, 44),        # what may be offered
    (640, 40),        # what is not advised
)
INK = "#1a1a1a"
STEP_STYLE = {False: {"line": OKABE_ITO["blue"], "fill": "#EEF5FB", "dash": "solid"},
              True: {"line": OKABE_ITO["vermillion"], "fill": "#FBEDE5", "dash": "solid"}}
BANNER_STYLE = {"line": INK, "fill": "#FFF8D6", "dash": "dot"}


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False) or [""]


def _bullets(items: tuple[str, ...], width: int) -> list[str]:
    lines: list[str] = []
    for item in items:
        wrapped = _wrap(item, width - 2)
        lines += ["• " + wrapped[0]] + ["  " + line for line in wrapped[1:]]
    return lines


def step_columns(step: Step) -> tuple[list[str], list[str], list[str]]:
    """The three columns of text of one step box, already wrapped into lines (plain text)."""
    left_width, mid_width, right_width = (width for _, width in COLUMNS)
    left = _wrap(step.stage, left_width) + [""] + _wrap("Who: " + step.who, left_width)
    if step.urgent:
        left = ["⚠ WARNING SIGNS"] + left
    mid = ["✔ Warning signs and what happens:" if step.urgent else "✔ May be offered:"]
    mid += _bullets(step.what, mid_width)
    if step.notes:
        mid += ["Evidence:"] + _bullets(step.notes, mid_width)
    right = ["✘ Do not:" if step.urgent else "✘ Not advised:"]
    right += _bullets(step.what_not, right_width) if step.what_not else ["(nothing specific at this step)"]
    right += [""] + _wrap("When to see a clinician: " + step.see_clinician, right_width)
    return left, mid, right


def _html(lines: list[str], bold_first: int = 0) -> str:
    out = []
    for number, line in enumerate(lines):
        text = html.escape(line, quote=False)  # course text, escaped before plotly reads it as HTML
        if number < bold_first:
            out.append(f"<b>{text}</b>")
            continue
        if line.startswith(("✔", "✘", "⚠", "Evidence:", "When to see")) or line.endswith(":"):
            head, sep, rest = text.partition(":")
            text = f"<b>{head}{sep}</b>{rest}" if sep else f"<b>{text}</b>"
        out.append(text)
    return "<br>".join(out)


def pathway_figure(duration: str = "acute", complaint: str = "back pain", red_flags: bool = False) -> go.Figure:
    """The treatment pathway for one situation, as boxes down a timeline (education, not a care plan).

    Raises ``PathwayError`` (a ValueError) for choices the pathway does not know.
    """
    steps = pathway(duration, complaint, red_flags)
    fig = go.Figure()
    y = 0.0
    arrow_x = WIDTH / 2
    marker_y, marker_text, hover = [], [], []
    for index, step in enumerate(steps):
        columns = step_columns(step)
        height = max(len(lines) for lines in columns) * LINE_PX + PAD_PX
        style = STEP_STYLE[step.urgent]
        fig.add_shape(type="rect", x0=4, x1=WIDTH - 4, y0=y, y1=y + height, layer="below",
                      line={"color": style["line"], "width": 3 if step.urgent else 2, "dash": style["dash"]},
                      fillcolor=style["fill"])
        title_lines = len(_wrap(step.stage, COLUMNS[0][1])) + (1 if step.urgent else 0)
        for column, ((x, _), lines) in enumerate(zip(COLUMNS, columns, strict=True)):
            fig.add_annotation(x=x, y=y + PAD_PX / 2, text=_html(lines, title_lines if column == 0 else 0),
                               showarrow=False, xanchor="left",
                               yanchor="top", align="left", font={"size": 12, "color": INK})
        marker_y.append(y + height / 2)
        marker_text.append(step.stage.split(" · ")[0] if " · " in step.stage else "!")
        hover.append(f"<b>{step.stage}</b><br>Who: {step.who}")
        y += height
        if index < len(steps) - 1:
            fig.add_annotation(x=arrow_x, y=y + GAP_PX - 2, ax=arrow_x, ay=y + 3, xref="x", yref="y",
                               axref="x", ayref="y", showarrow=True, arrowhead=2, arrowwidth=2,
                               arrowcolor=INK, text="")
            fig.add_annotation(x=arrow_x + 14, y=y + GAP_PX / 2, text="then, if needed", showarrow=False,
                               xanchor="left", font={"size": 11, "color": "#4d4d4d"})
            y += GAP_PX
    banner = _wrap("☎ See a clinician: " + see_a_clinician(), 150)
    y += 14
    banner_height = len(banner) * LINE_PX + PAD_PX
    fig.add_shape(type="rect", x0=4, x1=WIDTH - 4, y0=y, y1=y + banner_height, layer="below",
                  line={"color": BANNER_STYLE["line"], "width": 2, "dash": BANNER_STYLE["dash"]},
                  fillcolor=BANNER_STYLE["fill"])
    fig.add_annotation(x=COLUMNS[0][0], y=y + PAD_PX / 2, text=_html(banner), showarrow=False, xanchor="left",
                       yanchor="top", align="left", font={"size": 12, "color": INK}, name="see-a-clinician")
    y += banner_height + 4
    # Step numbers on the left edge: a hover target for each step, and an outline of the timeline.
    fig.add_trace(go.Scatter(
        x=[-16] * len(steps), y=marker_y, mode="markers+text", text=marker_text, meta="steps",
        textfont={"color": "white", "size": 13}, hovertext=hover, hoverinfo="text", showlegend=False,
        marker={"size": 24, "color": [STEP_STYLE[s.urgent]["line"] for s in steps],
                "symbol": ["diamond" if s.urgent else "circle" for s in steps],
                "line": {"color": INK, "width": 1}}))
    title = f"Treatment pathway: {situation_label(duration, complaint, red_flags)} (after NICE NG59)"
    fig.update_layout(**base_layout(
        title, width=WIDTH + 60, height=int(y) + 80, showlegend=False,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis={"range": [-32, WIDTH + 2], "visible": False, "fixedrange": True},
        yaxis={"range": [y + 2, -2], "visible": False, "fixedrange": True}))
    return fig


def pace_trial_figure() -> go.Figure:
    """PACE (Williams 2014): median days to recovery with 95% CIs, for each of the three groups."""
    table = load_table(PACE_TABLE)
    fig = go.Figure()
    rows = list(table.rows)
    for row in rows:
        name, colour, symbol = PACE_GROUPS[row["group"]]
        label = f"{name}<br>({row['analysed']} people)"
        fig.add_trace(go.Scatter(
            x=[row["median_days"]], y=[label], mode="markers+text", name=name, meta=row["group"],
            text=[f"{row['median_days']} days ({row['ci_lower']} to {row['ci_upper']})"],
            textposition="top center", textfont={"size": 14, "color": INK},
            marker={"color": colour, "symbol": symbol, "size": 16, "line": {"color": INK, "width": 1}},
            error_x={"type": "data", "symmetric": False, "color": colour, "thickness": 2.5, "width": 8,
                     "array": [row["ci_upper"] - row["median_days"]],
                     "arrayminus": [row["median_days"] - row["ci_lower"]]},
            hovertemplate=(f"<b>{name}</b><br>Median: %{{x}} days until recovery<br>"
                           f"95% confidence interval: {row['ci_lower']} to {row['ci_upper']} days<extra></extra>")))
    total = sum(row["analysed"] for row in rows)
    fig.update_layout(**base_layout(
        f"Days until recovery from new low back pain (PACE trial, {total:,} people analysed)",
        height=420, showlegend=False,
        xaxis={"title": "Median days until recovery (bars: 95% confidence interval)", "range": [0, 30],
               "dtick": 5, "zeroline": True},
        yaxis={"range": [len(rows) - 0.4, -0.7]},
        margin={"l": 20, "r": 20, "t": 60, "b": 100}))
    fig.add_annotation(x=0, xref="paper", y=-0.36, yref="paper", xanchor="left", showarrow=False,
                       font={"size": 12},
                       text=texts().pace_note)
    return fig
