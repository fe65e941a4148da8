"""The progress page's figures: progress per lesson and the quiz score history.

Colour is never the only cue: each bar says its status in words ("completed · 6 of 6 right") and has
its own fill pattern; each lesson's line has its own marker shape and dash, and every point its score.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.progress.summary import COMPLETED, NOT_STARTED, STARTED, STATUSES, LessonProgress
from lessons.quiz.assessment import REVISIT_THRESHOLD, check_threshold
from lessons.quiz.figures import lesson_name

# status -> (legend name, colour, fill pattern)
STATUS_STYLE = {
    NOT_STARTED: ("Not started", OKABE_ITO["grey"], "."),
    STARTED: ("Started", OKABE_ITO["orange"], "/"),
    COMPLETED: ("Completed", OKABE_ITO["bluish_green"], ""),
}
LINE_COLOURS = [OKABE_ITO[name] for name in ("blue", "vermillion", "bluish_green", "reddish_purple",
                                              "orange", "sky_blue", "black")]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon", "triangle-down"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash"]


def bar_text(item: LessonProgress) -> str:
    if item.questions == 0:
        return item.status
    return f"{item.status} · {min(item.right, item.questions)} of {item.questions} right"


def progress_figure(progress: Sequence[LessonProgress]) -> go.Figure:
    """Horizontal bars, one per lesson in course order (top to bottom): % of its questions ever
    answered correctly, with the status written beside each bar."""
    fig = go.Figure()
    for status in STATUSES:
        items = [item for item in progress if item.status == status]
        if not items:
            continue
        name, colour, pattern = STATUS_STYLE[status]
        fig.add_trace(go.Bar(
            orientation="h", name=name, y=[item.name for item in items], x=[item.percent for item in items],
            text=[bar_text(item) for item in items], textposition="outside", cliponaxis=False,
            marker={"color": colour, "line": {"color": "#1a1a1a", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": "#1a1a1a", "solidity": 0.3}},
            hovertemplate="%{y}: %{x}% of its questions answered correctly<extra>" + name + "</extra>",
        ))
    order = [item.name for item in progress]
    fig.update_layout(**base_layout(
        "Your progress by lesson", height=max(340, 150 + 28 * len(order)), barmode="overlay", bargap=0.25,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"},
        margin={"l": 20, "r": 40, "t": 100, "b": 60}, uniformtext={"mode": "show", "minsize": 12}))
    fig.update_xaxes(range=[0, 190], tickvals=[0, 25, 50, 75, 100], title_font_size=13,
                     title_text="% of the lesson's quiz questions you have ever answered correctly")
    fig.update_yaxes(categoryorder="array", categoryarray=order, autorange="reversed")
    return fig


def history_figure(history: dict[str, list[float]], threshold: float = REVISIT_THRESHOLD) -> go.Figure:
    """One line per lesson: the score of each attempt at its quiz (1 = the first), in %."""
    limit = 100 * check_threshold(threshold)
    fig = go.Figure()
    for index, (file, scores) in enumerate(history.items()):
        colour = LINE_COLOURS[index % len(LINE_COLOURS)]
        fig.add_trace(go.Scatter(
            x=list(range(1, len(scores) + 1)), y=scores, name=lesson_name(file), mode="lines+markers+text",
            text=[f"{score:g}%" for score in scores], textposition="top center", cliponaxis=False,
            line={"color": colour, "dash": DASHES[index % len(DASHES)], "width": 2},
            marker={"color": colour, "symbol": SYMBOLS[index % len(SYMBOLS)], "size": 10},
            hovertemplate="attempt %{x}: %{y}%<extra>" + lesson_name(file) + "</extra>",
        ))
    longest = max((len(scores) for scores in history.values()), default=1)
    fig.update_layout(**base_layout(
        "Your quiz scores, attempt by attempt", height=460,
        legend={"title": {"text": "Lesson"}}, margin={"l": 20, "r": 20, "t": 60, "b": 60}))
    fig.add_hline(y=limit, line={"color": OKABE_ITO["black"], "dash": "dash", "width": 1},
                  annotation_text=f"{limit:g}%: below this, revisit the lesson", annotation_position="bottom right")
    fig.update_xaxes(range=[0.5, longest + 0.5], dtick=1, title_font_size=13,
                     title_text="Attempt at that lesson's quiz (1 = your first; each run of the quiz is one attempt)")
    fig.update_yaxes(range=[0, 112], tickvals=[0, 25, 50, 75, 100], title_font_size=13,
                     title_text="Score (% of the quiz's questions right)")
    return fig
