"""Lesson 11 figures: what exercise did in trials, what each kind of exercise works on, and an example plan.

``effects_figure`` plots the pooled effects of the Cochrane review by Hayden et al. (2021) from
``content/tables/hayden_2021_exercise_effects``; ``kinds_figure`` is a diagram of six kinds of exercise,
worded from the definitions in Owen et al. (2020, Table 1) and the groups NICE names
(its cards and the figures' notes are ``content/exercise_kinds.yml``); ``plan_figure``
draws the *illustrative* plan of ``lessons.topics.exercise.model.example_plan`` (an example, not data).
Colour is never the only cue: markers, patterns, line styles and text labels carry the meaning too.
"""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit.data import ContentError
from lessons.kit.palette import OKABE_ITO, base_layout, hide_axes
from lessons.kit.tables import load_table
from lessons.topics.exercise.model import (
    CATEGORY_NAMES,
    EASE_BACK,
    KEEP_STEADY,
    STEP_UP,
    example_plan,
    kinds_content,
)

EFFECTS_TABLE = "hayden_2021_exercise_effects"
COMPARISONS = {
    "no_treatment_usual_care_placebo": "no treatment, usual care or placebo",
    "other_conservative_treatment": "other non-surgical treatments",
}
OUTCOMES = {
    "pain": {"label": "Pain", "colour": OKABE_ITO["blue"], "dash": "dash"},
    "function": {"label": "Everyday function", "colour": OKABE_ITO["vermillion"], "dash": "dot"},
}
CERTAINTY_SYMBOL = {"moderate": "circle", "low": "diamond-open"}
CERTAINTY_NOTE = "<br>".join(kinds_content().effects_note)


def effect_rows() -> list[dict]:
    """The review's four pooled results, main comparison first, pain before function."""
    rows = list(load_table(EFFECTS_TABLE).rows)
    order = list(COMPARISONS), list(OUTCOMES)
    return sorted(rows, key=lambda r: (order[0].index(r["comparison"]), order[1].index(r["outcome"])))


def effect_label(row: dict) -> str:
    """Row label for the figure, e.g. 'Pain<br>vs no treatment, usual care or placebo'."""
    return f"{OUTCOMES[row['outcome']]['label']}<br>vs {COMPARISONS[row['comparison']]}"


def effects_figure() -> go.Figure:
    """How many points (0-100) better people did with exercise, with 95% CIs and the review's thresholds."""
    rows = effect_rows()
    fig = go.Figure()
    for outcome, style in OUTCOMES.items():
        picked = [r for r in rows if r["outcome"] == outcome]
        fig.add_trace(go.Scatter(
            x=[r["points_better"] for r in picked], y=[effect_label(r) for r in picked], mode="markers+text",
            name=style["label"],
            meta=outcome,
            marker={"color": style["colour"], "size": 15, "symbol": [CERTAINTY_SYMBOL[r["certainty"]] for r in picked],
                    "line": {"color": style["colour"], "width": 2}},
            error_x={"type": "data", "symmetric": False, "color": style["colour"], "thickness": 2, "width": 8,
                     "array": [r["upper"] - r["points_better"] for r in picked],
                     "arrayminus": [r["points_better"] - r["lower"] for r in picked]},
            text=[f"{r['points_better']:g} ({r['lower']:g} to {r['upper']:g}) · {r['certainty']} certainty"
                  for r in picked],
            textposition="top center", textfont={"color": "#1a1a1a", "size": 13},
            customdata=[[r["studies"], r["participants"], r["certainty"]] for r in picked],
            hovertemplate=("%{y}<br>%{x} points better with exercise (0-100 scale)<br>"
                           "%{customdata[0]} studies, %{customdata[1]} people, %{customdata[2]} certainty"
                           "<extra></extra>")))
    for outcome, style in OUTCOMES.items():
        threshold = next(r["review_threshold"] for r in rows if r["outcome"] == outcome)
        fig.add_vline(x=threshold, opacity=1, line={"color": style["colour"], "dash": style["dash"], "width": 2})
        fig.add_annotation(x=threshold, y=1.0, yref="paper", yanchor="bottom", showarrow=False,
                           text=f"{threshold:g}: clinically important<br>for {style['label'].lower()}",
                           font={"size": 12, "color": "#1a1a1a"})
    fig.add_annotation(x=0, y=-0.34, xref="paper", yref="paper", xanchor="left", yanchor="top",
                       showarrow=False, align="left", text=CERTAINTY_NOTE, font={"size": 12})
    fig.update_layout(**base_layout(
        "Chronic low back pain: how much better people did with exercise", height=520,
        margin={"l": 20, "r": 30, "t": 110, "b": 140},
        xaxis={"title": "points better with exercise (0-100 scale); bars = 95% confidence interval",
               "range": [0, 22], "dtick": 5, "zeroline": True},
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "x": 0, "y": -0.22, "xanchor": "left"}))
    return fig


# Six kinds of exercise: what each works on, in plain words, and examples (content/exercise_kinds.yml).
# The colour of each card, by kind id; the card's mark is a second cue besides colour.
KIND_COLOURS = {"aerobic": OKABE_ITO["sky_blue"], "strengthening": OKABE_ITO["orange"],
                "core": OKABE_ITO["bluish_green"], "flexibility": OKABE_ITO["yellow"],
                "directional": OKABE_ITO["reddish_purple"], "mind_body": OKABE_ITO["grey"]}


def kind_cards() -> tuple[dict, ...]:
    """The cards of the diagram: id, name, colour, mark, and the aim and examples as lines joined by <br>."""
    cards = []
    for index, kind in enumerate(kinds_content().kinds):
        if kind.id not in KIND_COLOURS:
            raise ContentError("lessons/topics/exercise/content/exercise_kinds.yml",
                               f"no colour for this kind in figures.py (known: {', '.join(KIND_COLOURS)})",
                               item=kind.id, field=f"kinds.{index}.id")
        cards.append({"id": kind.id, "name": kind.name, "colour": KIND_COLOURS[kind.id], "mark": kind.mark,
                      "aim": "<br>".join(kind.aim), "examples": "<br>".join(kind.examples)})
    return tuple(cards)


KINDS = kind_cards()


def kinds_figure() -> go.Figure:
    """A diagram of six kinds of exercise: each card names what it works on, with examples."""
    fig = go.Figure()
    width, height, gap = 3.0, 2.2, 0.3
    for index, kind in enumerate(KINDS):
        col, row = index % 3, index // 3
        x0, y1 = col * (width + gap), -row * (height + gap)
        x1, y0 = x0 + width, y1 - height
        fig.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, fillcolor=kind["colour"], opacity=0.25,
                      line={"color": "#1a1a1a", "width": 1.5})
        fig.add_shape(type="rect", x0=x0, x1=x1, y0=y1 - 0.55, y1=y1, fillcolor=kind["colour"],
                      line={"color": "#1a1a1a", "width": 1.5})
        centre = (x0 + x1) / 2
        fig.add_annotation(x=centre, y=y1 - 0.27, showarrow=False, font={"size": 14, "color": "#1a1a1a"},
                           text=f"<b>{kind['mark']} {kind['name']}</b>")
        fig.add_annotation(x=centre, y=y1 - 1.05, showarrow=False, font={"size": 13, "color": "#1a1a1a"},
                           text=f"<i>Works on</i> {kind['aim']}")
        fig.add_annotation(x=centre, y=y0 + 0.42, showarrow=False, font={"size": 12, "color": "#1a1a1a"},
                           text=f"<i>For example:</i> {kind['examples']}")
    # An invisible trace per card gives hover text and keeps the axes to the cards.
    fig.add_trace(go.Scatter(
        x=[(i % 3) * (width + gap) + width / 2 for i in range(len(KINDS))],
        y=[-(i // 3) * (height + gap) - height / 2 for i in range(len(KINDS))],
        mode="markers", marker={"size": 1, "opacity": 0}, showlegend=False,
        text=[kind["name"] for kind in KINDS], hovertemplate="%{text}<extra></extra>"))
    fig.update_layout(**base_layout("Six kinds of exercise and what each one works on", height=480,
                                    margin={"l": 10, "r": 10, "t": 60, "b": 10}))
    fig.update_xaxes(range=[-0.1, 3 * width + 2 * gap + 0.1])
    fig.update_yaxes(range=[-2 * height - gap - 0.1, 0.1])
    return hide_axes(fig)


PLAN_STYLE = {
    "start": ("Start gently", OKABE_ITO["sky_blue"], ""),
    STEP_UP: (CATEGORY_NAMES[STEP_UP], OKABE_ITO["bluish_green"], "/"),
    KEEP_STEADY: (CATEGORY_NAMES[KEEP_STEADY], OKABE_ITO["yellow"], "."),
    EASE_BACK: (CATEGORY_NAMES[EASE_BACK] + " after a flare-up", OKABE_ITO["vermillion"], "x"),
}
PLAN_NOTE = kinds_content().plan_note


def plan_figure() -> go.Figure:
    """The example plan: minutes of walking a day, week by week, coloured and patterned by the rule used."""
    plan = example_plan()
    fig = go.Figure()
    for action, (name, colour, pattern) in PLAN_STYLE.items():
        weeks = [w for w in plan if w.action == action]
        fig.add_trace(go.Bar(
            x=[w.week for w in weeks], y=[w.minutes for w in weeks], name=name, meta=action,
            text=[f"{w.minutes:g} min" for w in weeks], textposition="outside", textfont={"size": 13},
            marker={"color": colour, "line": {"color": "#1a1a1a", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": "#1a1a1a", "solidity": 0.25}},
            hovertemplate=f"Week %{{x}}: %{{y}} minutes a day<br>{name}<extra></extra>"))
    flare = next(w for w in plan if w.action == EASE_BACK)
    fig.add_annotation(x=flare.week - 1, y=plan[flare.week - 2].minutes + 1.6, showarrow=True, ax=60, ay=-25,
                       text="pain higher<br>the next day", font={"size": 12})
    fig.add_annotation(x=0, y=-0.45, xref="paper", yref="paper", xanchor="left", showarrow=False,
                       text=PLAN_NOTE, font={"size": 12})
    fig.update_layout(**base_layout(
        "EXAMPLE ONLY: building up walking a little at a time", height=460,
        margin={"l": 20, "r": 20, "t": 60, "b": 150},
        xaxis={"title": "week", "dtick": 1}, yaxis={"title": "minutes of walking a day (example)", "range": [0, 19]},
        legend={"orientation": "h", "x": 0, "y": -0.2, "xanchor": "left", "traceorder": "normal"}))
    return fig
