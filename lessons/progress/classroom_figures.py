"""Class results figures for teachers: progress by lesson, the most-missed questions, wrong answers chosen.

Colour is never the only cue: every bar carries its number in text and the progress bars also differ by
pattern. Text that may come from a learner's file (a typed answer) is escaped before plotly shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.kit.widget import escape
from lessons.progress.classroom import ItemStat
from lessons.progress.summary import COMPLETED, NOT_STARTED, STARTED
from lessons.quiz.figures import lesson_name

PROGRESS_STYLE = {  # status: (legend name, colour, pattern)
    COMPLETED: ("Completed", OKABE_ITO["bluish_green"], ""),
    STARTED: ("Started", OKABE_ITO["orange"], "/"),
    NOT_STARTED: ("Not started", "#DDDDDD", "."),
}
BAR_LINE = {"color": "#1a1a1a", "width": 1}


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def progress_figure(counts: dict[str, dict[str, int]]) -> go.Figure:
    """Stacked horizontal bars: per lesson, how many learners completed, started or did not start it."""
    names = [lesson_name(file) for file in counts]
    learners = max((sum(c.values()) for c in counts.values()), default=0)
    fig = go.Figure()
    for status, (name, colour, pattern) in PROGRESS_STYLE.items():
        values = [c[status] for c in counts.values()]
        fig.add_trace(go.Bar(
            orientation="h", name=name, y=names, x=values,
            text=[str(v) if v else "" for v in values], textposition="inside", insidetextanchor="middle",
            textfont={"color": "#1a1a1a"},
            marker={"color": colour, "line": BAR_LINE, "pattern": {"shape": pattern, "fgcolor": "#1a1a1a",
                                                                    "solidity": 0.15}},
            hovertemplate="%{y}: %{x} learners " + name.lower() + "<extra></extra>"))
    fig.update_layout(**base_layout(
        f"Class progress by lesson ({learners} learners)", barmode="stack", bargap=0.25,
        height=max(340, 150 + 26 * len(counts)), margin={"l": 20, "r": 20, "t": 100, "b": 60},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"}))
    fig.update_xaxes(title_text="Learners (completed: every question of the lesson right at least once)",
                     range=[0, max(learners, 1)], dtick=max(1, learners // 6 or 1))
    fig.update_yaxes(title_text="Lesson", categoryorder="array", categoryarray=names, autorange="reversed")
    return fig


def question_text(stat: ItemStat, limit: int = 45) -> str:
    return f"{stat.label}: {shorten(stat.prompt, limit)}"


def missed_figure(stats: Sequence[ItemStat], top: int = 10) -> go.Figure:
    """The ``top`` questions most often missed on the first try, as % of the learners who answered them."""
    shown = list(stats)[:top]
    labels = [escape(question_text(s)) for s in shown]
    fig = go.Figure(go.Bar(
        orientation="h", y=labels, x=[round(100 * s.share, 1) for s in shown],
        text=[f"{s.missed} of {s.answered} missed ({round(100 * s.share)}%)" for s in shown],
        textposition="outside", cliponaxis=False, textfont={"color": "#1a1a1a"},
        customdata=[escape(s.prompt) for s in shown],
        marker={"color": OKABE_ITO["vermillion"], "line": BAR_LINE},
        hovertemplate="%{customdata}<br>%{text}<extra></extra>", name="missed"))
    fig.update_layout(**base_layout(
        f"The {len(shown)} questions most often missed on the first try",
        height=max(300, 140 + 32 * len(shown)), bargap=0.3, showlegend=False,
        margin={"l": 20, "r": 20, "t": 60, "b": 60}))
    fig.update_xaxes(range=[0, 160], tickvals=[0, 25, 50, 75, 100],
                     title_text="% of learners whose first answer was wrong")
    fig.update_yaxes(title_text="Question (lesson, id, start of the question)", categoryorder="array",
                     categoryarray=labels, autorange="reversed")
    return fig


def wrong_choices_figure(stat: ItemStat, choices: Sequence[tuple[str, int]]) -> go.Figure:
    """How many learners picked each wrong answer to one question on their first try."""
    labels = [escape(shorten(text, 50)) for text, _ in choices]
    counts = [count for _, count in choices]
    fig = go.Figure(go.Bar(
        orientation="h", y=labels, x=counts, text=[str(c) for c in counts], textposition="outside",
        cliponaxis=False, customdata=[escape(text) for text, _ in choices], name="wrong answers",
        marker={"color": OKABE_ITO["blue"], "line": BAR_LINE, "pattern": {"shape": "x", "solidity": 0.15}},
        hovertemplate="%{customdata}: %{x} learners<extra></extra>"))
    fig.update_layout(**base_layout(
        f"Wrong first answers to {escape(stat.label)}", showlegend=False, bargap=0.3,
        height=max(260, 150 + 34 * len(choices)), margin={"l": 20, "r": 40, "t": 90, "b": 60}))
    if not choices:
        fig.add_annotation(text="Nobody answered it wrong on the first try.", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5)
    fig.add_annotation(text=escape(shorten(stat.prompt, 110)), showarrow=False, xref="paper", yref="paper",
                       x=0, y=1.02, xanchor="left", yanchor="bottom", align="left")
    fig.update_xaxes(title_text="Learners who chose it first", rangemode="tozero",
                     range=[0, max(counts, default=1) * 1.25], dtick=1 if max(counts, default=1) <= 10 else None)
    fig.update_yaxes(title_text="Wrong answer chosen", categoryorder="array", categoryarray=labels,
                     autorange="reversed")
    return fig
