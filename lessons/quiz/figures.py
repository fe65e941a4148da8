"""Lesson 19 figure: the final assessment's score by lesson, with the lessons to revisit marked.

Colour is never the only cue: a lesson to revisit also has a striped bar and the word "revisit".
"""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.kit import course
from lessons.kit.palette import OKABE_ITO, base_layout
from lessons.quiz.assessment import REVISIT_THRESHOLD, LessonScore, check_threshold, lessons_to_revisit

REVISIT_PATTERN = "/"


def lesson_name(lesson_file: str) -> str:
    """'03 Herniated disc' from the course map (the file name itself if the map does not list it)."""
    try:
        item = course.lesson(lesson_file)
    except KeyError:
        return lesson_file
    return f"{item.number} {item.title}"


def bar_text(score: LessonScore, revisit: bool) -> str:
    text = f"{score.correct} of {score.total} correct"
    if score.answered < score.total:
        text += f" ({score.total - score.answered} not answered)"
    return text + (" · revisit" if revisit else "")


def results_figure(scores: dict[str, LessonScore], threshold: float = REVISIT_THRESHOLD) -> go.Figure:
    """Horizontal bars of % correct per lesson (course order, top to bottom), revisit ones striped."""
    limit = check_threshold(threshold)
    revisit = set(lessons_to_revisit(scores, limit))
    fig = go.Figure()
    for marked, name, colour, pattern in ((False, "Well done", OKABE_ITO["bluish_green"], ""),
                                          (True, "Revisit this lesson", OKABE_ITO["vermillion"],
                                           REVISIT_PATTERN)):
        files = [f for f in scores if (f in revisit) == marked]
        if not files:
            continue
        fig.add_trace(go.Bar(
            orientation="h", name=name,
            y=[lesson_name(f) for f in files],
            x=[round(100 * scores[f].fraction, 1) for f in files],
            marker={"color": colour, "line": {"color": "#1a1a1a", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": "#1a1a1a", "solidity": 0.3}},
            hovertemplate="%{y}: %{x}% correct<extra>" + name + "</extra>",
        ))
    order = [lesson_name(f) for f in scores]
    fig.add_trace(go.Scatter(  # the words beside each bar, right of the 100% mark, clear of the dashed line
        x=[102] * len(scores), y=order, mode="text", textposition="middle right", showlegend=False,
        text=[bar_text(score, f in revisit) for f, score in scores.items()], hoverinfo="skip",
        cliponaxis=False, name="scores"))
    fig.update_layout(**base_layout(
        "Your score by lesson (% of its questions correct)",
        height=max(340, 150 + 28 * len(scores)), barmode="overlay", bargap=0.25,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"},
        margin={"l": 20, "r": 40, "t": 100, "b": 60},
    ))
    fig.add_shape(type="line", xref="x", yref="paper", x0=100 * limit, x1=100 * limit, y0=0, y1=1,
                  line={"color": OKABE_ITO["black"], "dash": "dash", "width": 2}, layer="above")
    fig.update_xaxes(range=[0, 175], tickvals=[0, 25, 50, 75, 100], title_font_size=13,
                     title_text=f"% of the lesson's questions correct (dashed line: {round(100 * limit)}%; "
                                "below it, revisit)")
    fig.update_yaxes(categoryorder="array", categoryarray=order, autorange="reversed")
    return fig
