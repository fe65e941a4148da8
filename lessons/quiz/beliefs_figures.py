"""The beliefs check's figures: a learner's own answers at the start and at the end, statement by statement,
and a class's answers (for the teacher's class-results notebook).

Colour is never the only cue: the start is an open circle, the end a filled diamond, the side research
supports a grey square, and the class bars carry their counts in text and differ by pattern.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from lessons.kit.palette import NEUTRALS, OKABE_ITO, base_layout
from lessons.kit.widget import escape
from lessons.quiz.beliefs import POSITION, BeliefsCheck, Change, ClassMove, answer_words
from lessons.records.store import BELIEF_ANSWERS

SCALE = ("Disagree", "Not sure", "Agree")
BAR_LINE = {"color": NEUTRALS["ink"], "width": 1}
ANSWER_STYLE = {  # answer: (colour, pattern)
    "agree": (OKABE_ITO["orange"], "/"),
    "not_sure": (NEUTRALS["light_grey"], "."),
    "disagree": (OKABE_ITO["blue"], ""),
}


def short_label(text: str, number: int, width: int = 34) -> str:
    """"3. If my back hurts a lot, it<br>must be badly damaged." : a statement wrapped for an axis label."""
    lines, line = [], f"{number}."
    for word in str(text).split():
        if len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line += " " + word
    lines.append(line)
    return escape("\n".join(lines)).replace("\n", "<br>")


def change_figure(check: BeliefsCheck, changes: Sequence[Change]) -> go.Figure:
    """Per statement, the learner's answer at the start (open circle) and at the end (filled diamond), on a
    Disagree / Not sure / Agree scale, with what the research supports (grey square)."""
    labels = [short_label(c.statement.text, c.statement.number) for c in changes]
    fig = go.Figure()
    parts = (("start", "Your answer at the start (lesson 00)", "circle-open", OKABE_ITO["blue"], 0.18),
             ("end", "Your answer at the end (lesson 19)", "diamond", OKABE_ITO["orange"], -0.18))
    fig.add_trace(go.Scatter(
        x=[POSITION[c.statement.research_says] for c in changes], y=list(range(len(changes))), mode="markers",
        name="What the research supports", marker={"symbol": "square-open", "size": 22, "color": NEUTRALS["slate"],
                                                   "line": {"width": 2}},
        hovertemplate="The research supports: %{text}<extra></extra>",
        text=[check.answer_labels[c.statement.research_says] for c in changes]))
    for key, name, symbol, colour, shift in parts:
        shown = [(i, getattr(c, key)) for i, c in enumerate(changes) if getattr(c, key) is not None]
        fig.add_trace(go.Scatter(
            x=[POSITION[b.answer] for _, b in shown], y=[i + shift for i, _ in shown], mode="markers", name=name,
            marker={"symbol": symbol, "size": 14, "color": colour, "line": {"width": 2, "color": colour}},
            text=[escape(answer_words(check, b.answer, b.sureness)) for _, b in shown],
            hovertemplate=name + ": %{text}<extra></extra>"))
    for i, change in enumerate(changes):
        if change.start and change.end and change.start.answer != change.end.answer:
            fig.add_annotation(x=POSITION[change.end.answer], y=i - 0.18, ax=POSITION[change.start.answer],
                               ay=i + 0.18, xref="x", yref="y", axref="x", ayref="y", showarrow=True,
                               arrowhead=2, arrowwidth=1.5, arrowcolor=NEUTRALS["charcoal"], standoff=8,
                               startstandoff=8, text="")
    fig.update_layout(**base_layout(
        "Your answers at the start and at the end", height=max(360, 120 + 70 * len(changes)),
        margin={"l": 20, "r": 20, "t": 100, "b": 50},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0}))
    fig.update_xaxes(tickvals=[-1, 0, 1], ticktext=list(SCALE), range=[-1.5, 1.5], showgrid=True,
                     gridcolor=NEUTRALS["grid"], title_text="Your answer")
    fig.update_yaxes(tickvals=list(range(len(changes))), ticktext=labels, range=[len(changes) - 0.5, -0.5],
                     title_text="")
    if not any(c.start or c.end for c in changes):
        fig.add_annotation(text="No answers saved yet.", showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5)
    return fig


def class_beliefs_figure(check: BeliefsCheck, moves: Sequence[ClassMove]) -> go.Figure:
    """Per statement, two stacked bars: how many learners agreed, were not sure or disagreed at the start
    and at the end."""
    statements = [f"{m.statement.number}. {m.statement.text}" for m in moves]
    labels = [short_label(m.statement.text, m.statement.number, 30) for m in moves]
    y = [[label for label in labels for _ in range(2)], ["Start", "End"] * len(moves)]
    fig = go.Figure()
    for answer in BELIEF_ANSWERS:
        colour, pattern = ANSWER_STYLE[answer]
        values = [count for m in moves for count in (m.start[answer], m.end[answer])]
        fig.add_trace(go.Bar(
            orientation="h", name=check.answer_labels[answer], y=y, x=values,
            text=[str(v) if v else "" for v in values], textposition="inside", insidetextanchor="middle",
            textfont={"color": NEUTRALS["ink"]},
            customdata=[escape(text) for text in statements for _ in range(2)],
            marker={"color": colour, "line": BAR_LINE,
                    "pattern": {"shape": pattern, "fgcolor": NEUTRALS["ink"], "solidity": 0.15}},
            hovertemplate="%{customdata}<br>%{y}: %{x} learners " + check.answer_labels[answer].lower()
                          + "<extra></extra>"))
    fig.update_layout(**base_layout(
        "The class's answers to the beliefs check, at the start and at the end", barmode="stack", bargap=0.2,
        height=max(360, 140 + 64 * len(moves)), margin={"l": 20, "r": 20, "t": 100, "b": 60},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"}))
    fig.update_xaxes(title_text="Learners", rangemode="tozero")
    fig.update_yaxes(autorange="reversed")
    return fig
