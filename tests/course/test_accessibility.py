"""Accessibility of what the course shows: alt text for every picture, titles for every figure,
colours only from the course palette, and never colour as the only cue.

The checks read the committed notebooks (markdown, outputs and the saved widget state, where
the figures inside ``Output`` widgets live), the README, the planner's pictures (SVG) and the
HTML the planner builds. Each rule is also tried on a made-up bad example, so it can fail.
"""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path
from urllib.parse import unquote, urlsplit

import plotly.graph_objects as go
import pytest

from lessons.kit.palette import GROUP_COLOURS, NEUTRALS, OKABE_ITO, ROOT_COLOURS
from lessons.topics.planner.catalogue import PROBLEMS, load_catalogue
from lessons.topics.planner.export import html_sheet
from lessons.topics.planner.plan import PlanItem, PlanRequest, make_plan
from lessons.topics.planner.widgets import item_card_html, plan_cards_html
from tests.conftest import ALL_NOTEBOOKS, PLOTLY, REPO

SVGS = sorted((REPO / "assets").rglob("*.svg")) + sorted((REPO / "lessons").rglob("*.svg"))
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
SVG_NS = "{http://www.w3.org/2000/svg}"


# --- reading the notebooks ------------------------------------------------------------------

def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def outputs(nb: dict) -> Iterator[tuple[str, dict]]:
    """(where, output) for every cell output and every output kept in an ``Output`` widget's state."""
    for index, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            yield f"cell {index}", output
    state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for model_id, model in state.items():
        for output in model.get("state", {}).get("outputs", None) or []:
            yield f"Output widget {model_id}", output


def widget_html(nb: dict) -> Iterator[tuple[str, str]]:
    """(where, html) for the value of every HTML widget in the saved widget state."""
    state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for model_id, model in state.items():
        if model.get("model_name") in ("HTMLModel", "HTMLMathModel"):
            yield f"HTML widget {model_id}", model.get("state", {}).get("value") or ""


def text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def figures(nb: dict) -> Iterator[tuple[str, dict]]:
    for where, output in outputs(nb):
        figure = output.get("data", {}).get(PLOTLY)
        if figure:
            yield where, figure


def all_figures() -> list[tuple[str, dict]]:
    return [(f"{path.name} {where}", figure) for path in ALL_NOTEBOOKS for where, figure in figures(load(path))]


# --- alt text --------------------------------------------------------------------------------

GENERIC = {"image", "picture", "photo", "figure", "graphic", "img", "icon", "logo", "diagram", "chart",
           "screenshot", "drawing", "illustration", "plot", "a", "an", "the", "of"}
MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)")


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.found.append(dict(attrs))


def images(source: str, markdown: bool) -> list[tuple[str | None, str]]:
    """(alt, src) of every ``<img>`` in ``source`` and, if it is markdown, every ``![alt](src)``."""
    parser = _Images()
    parser.feed(source)
    found = [(attrs.get("alt"), attrs.get("src") or "") for attrs in parser.found]
    if markdown:
        found += [(alt, src) for alt, src in MARKDOWN_IMAGE.findall(source)]
    return found


def alt_problem(alt: str | None, src: str = "") -> str | None:
    """Why ``alt`` is not meaningful alt text for the picture at ``src``, or None if it is."""
    if alt is None:
        return "no alt attribute"
    words = re.findall(r"[^\W_]+(?:'[^\W_]+)?", alt.lower())
    if not words:
        return "empty alt text"
    if src and not src.startswith("data:"):
        name = Path(unquote(urlsplit(src).path)).name.lower()
        stem = name.rsplit(".", 1)[0]
        if alt.strip().lower() in {name, stem} or words == re.findall(r"[^\W_]+", stem):
            return f"alt text is the file name {name!r}"
    if set(words) <= GENERIC:
        return f"alt text {alt!r} says only that it is a picture"
    if len(words) < 3:
        return f"alt text {alt!r} has fewer than 3 words"
    return None


def image_problems(nb: dict) -> list[str]:
    """Every picture in a notebook (markdown, HTML and markdown outputs, widget HTML) without good alt text."""
    sources = [(f"cell {i}", text(cell["source"]), True) for i, cell in enumerate(nb["cells"])
               if cell["cell_type"] == "markdown"]
    for where, output in outputs(nb):
        data = output.get("data", {})
        sources += [(where, text(data[kind]), kind == "text/markdown") for kind in ("text/html", "text/markdown")
                    if kind in data]
    sources += [(where, value, False) for where, value in widget_html(nb)]
    return [f"{where}: {problem} ({src[:60]})" for where, source, markdown in sources
            for alt, src in images(source, markdown) if (problem := alt_problem(alt, src))]


@pytest.mark.parametrize("alt, src", [
    (None, "x.png"), ("", "x.png"), ("   ", "x.png"), ("bridge.svg", "pictures/stretches/bridge.svg"),
    ("bridge", "pictures/stretches/bridge.svg"), ("Bird dog", "pictures/stretches/bird-dog.svg"),
    ("image", "a.png"), ("Picture", "a.png"), ("an image", "a.png"), ("Binder", "badge_logo.svg"),
    ("A bridge", "x.svg")])
def test_the_alt_text_rule_rejects_missing_empty_file_name_generic_and_short_alt(alt, src):
    assert alt_problem(alt, src) is not None


@pytest.mark.parametrize("alt", ["A person lies on their back and lifts the hips",
                                 "Open lesson 03 on Binder", "The spine seen from the side"])
def test_the_alt_text_rule_accepts_a_description(alt):
    assert alt_problem(alt, "pictures/stretches/bridge.svg") is None


def test_image_problems_finds_pictures_in_markdown_outputs_and_widget_state():
    nb = {"cells": [
        {"cell_type": "markdown", "source": ["![](spine.png) and <img src='a.png' alt='A spine from the side'>"]},
        {"cell_type": "code", "source": "", "outputs": [
            {"output_type": "display_data", "data": {"text/html": "<p><img src='b.png'></p>"}}]}],
        "metadata": {"widgets": {WIDGET_STATE: {"state": {
            "m1": {"model_name": "HTMLModel", "state": {"value": "<img src='c.svg' alt='c'>"}},
            "m2": {"model_name": "OutputModel", "state": {"outputs": [
                {"output_type": "display_data", "data": {"text/markdown": "![picture](d.png)"}}]}}}}}}}
    problems = image_problems(nb)
    assert len(problems) == 4, problems
    assert any("widget" in problem for problem in problems)


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=[path.stem for path in ALL_NOTEBOOKS])
def test_every_picture_in_a_notebook_has_meaningful_alt_text(path):
    assert not image_problems(load(path))


def test_every_picture_in_the_readme_has_meaningful_alt_text():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = images(readme, markdown=True)
    assert found, "the README has its Binder badges"
    assert not [(alt, src, problem) for alt, src in found if (problem := alt_problem(alt, src))]


def test_every_stretch_picture_has_meaningful_alt_text_in_the_planner():
    catalogue = load_catalogue()
    for ex in catalogue:
        assert alt_problem(ex.alt, ex.image) is None, ex.id
        card = item_card_html(PlanItem(exercise=ex, phase="main", sets=1, set_seconds=30, rest_seconds=0), 1)
        assert images(card, markdown=False) and all(alt == ex.alt for alt, _src in images(card, False)), ex.id
    shown = set()
    for problem in PROBLEMS:
        plan = make_plan(PlanRequest(problem=problem), catalogue)
        for html in [html_sheet(plan)] + [plan_cards_html(plan, week.number) for week in plan.weeks]:
            pictures = images(html, markdown=False)
            assert all(alt_problem(alt, src) is None for alt, src in pictures), problem
            shown |= {alt for alt, _src in pictures}
    assert len(shown) >= 10, "the plans show the pictures"


def test_the_course_shows_pictures_only_as_img_with_alt():
    """Pictures go in HTML as ``<img alt=...>``: an ipywidgets ``Image`` cannot carry alt text."""
    for path in sorted((REPO / "lessons").rglob("*.py")) + sorted((REPO / "tools").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for call in ast.walk(ast.parse(source)):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute | ast.Name):
                name = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
                assert name != "Image", f"{path.name}:{call.lineno}: widgets.Image has no alt text"
        for match in re.finditer(r"<img\b[^>]*>?", source):
            assert "alt=" in match.group(0), f"{path.name}: {match.group(0)}"


def stretch_names() -> dict[str, str]:
    return {Path(ex.image).name: ex.name for ex in load_catalogue()}


@pytest.mark.parametrize("path", SVGS, ids=[path.name for path in SVGS])
def test_every_svg_has_a_title_a_description_and_the_img_role(path):
    root = ET.parse(path).getroot()
    title, desc = root.find(f"{SVG_NS}title"), root.find(f"{SVG_NS}desc")
    assert title is not None and (title.text or "").strip(), "no <title>"
    assert desc is not None and alt_problem(desc.text, path.name) is None, "no meaningful <desc>"
    assert root.get("role") == "img"
    assert (root.get("aria-labelledby") or "").split() == [title.get("id"), desc.get("id")]
    names = stretch_names()
    if path.name in names:
        assert title.text.strip() == names[path.name]


def test_every_svg_is_checked():
    assert len(SVGS) >= 20


# --- figure titles ---------------------------------------------------------------------------

def title_problem(figure: dict) -> str | None:
    title = figure.get("layout", {}).get("title")
    title = title.get("text") if isinstance(title, dict) else title
    plain = re.sub(r"<[^>]+>", " ", title or "")
    return alt_problem(plain) and f"title {title!r}: {alt_problem(plain)}"


def test_the_title_rule_rejects_a_figure_without_a_title():
    assert title_problem(go.Figure(go.Bar(y=[1])).to_plotly_json())
    assert title_problem(go.Figure(layout={"title": "Chart"}).to_plotly_json())
    assert not title_problem(go.Figure(layout={"title": "Pain <b>after</b> six weeks"}).to_plotly_json())


def test_every_figure_in_the_notebooks_has_a_title():
    found = all_figures()
    assert len(found) >= 40, "the notebooks keep their figures"
    assert not [(where, problem) for where, figure in found if (problem := title_problem(figure))]


# --- colours ---------------------------------------------------------------------------------

NAMED = {"white": "#FFFFFF", "black": "#000000"}


def normalise(colour: str) -> str | None:
    """``#RRGGBB`` in capitals for a colour, None for a fully transparent one; unknown names unchanged."""
    colour = colour.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{3}", colour):
        colour = "#" + "".join(2 * c for c in colour[1:])
    if re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return colour.upper()
    rgb = re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)", colour)
    if rgb:
        if rgb.group(4) is not None and float(rgb.group(4)) == 0:
            return None
        return "#" + "".join(f"{int(part):02X}" for part in rgb.groups()[:3])
    if colour.lower() == "transparent":
        return None
    return NAMED.get(colour.lower(), colour)


PALETTE = {normalise(c) for c in [*OKABE_ITO.values(), *GROUP_COLOURS.values(), *ROOT_COLOURS.values(),
                                  *NEUTRALS.values()]}


def colour_values(node, key: str = "") -> Iterator[tuple[str, str]]:
    """(key, colour) for every colour in a figure, except plotly's own template."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name != "template":
                yield from colour_values(value, name)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from colour_values(value, key)
    elif isinstance(node, str) and (key.lower().endswith("color") or key.lower() in ("colorscale", "colorway")):
        yield key, node


def default_coloured(figure: dict) -> list[str]:
    """Traces drawn in plotly's default colours because they set none themselves."""
    found = []
    for index, trace in enumerate(figure.get("data", [])):
        kind, marker, mode = trace.get("type", "scatter"), trace.get("marker", {}), trace.get("mode", "lines+markers")
        name = f"trace {index} ({trace.get('name')!r})"
        if kind == "bar":
            missing = "color" not in marker
        elif kind in ("scatter", "scattergl"):
            line_symbol = str(marker.get("symbol", "")).startswith("line-")
            filled = trace.get("fill") not in (None, "none")
            missing = (("lines" in mode and "color" not in trace.get("line", {}) and not filled)
                       or (filled and "fillcolor" not in trace)
                       or ("markers" in mode and marker.get("opacity") != 0
                           and ("color" not in marker.get("line", {}) if line_symbol else "color" not in marker)))
        else:
            missing = not any(True for _ in colour_values(trace))
        if missing:
            found.append(f"{name} has no colour of its own, so plotly's default colours are used")
    return found


def palette_problems(figure: dict) -> list[str]:
    bad = {f"{key}={value}" for key, value in colour_values(figure)
           if normalise(value) is not None and normalise(value) not in PALETTE}
    return sorted(bad) + default_coloured(figure)


def _per_point(value, index: int | None):
    """A point's own value of a per-point property (or the trace's value when it is not per point)."""
    return value[index] if index is not None and isinstance(value, list | tuple) else value


def _inside(x: float, y: float, xs: list, ys: list) -> bool:
    """Whether (x, y) is inside the polygon, or on its edge (within 1% of its size)."""
    tolerance = 0.01 * (max(xs) - min(xs) + max(ys) - min(ys))
    inside = False
    for (x1, y1), (x2, y2) in zip(zip(xs, ys, strict=True), zip(xs[1:] + xs[:1], ys[1:] + ys[:1], strict=True),
                                  strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) or 1e-12
        t = max(0.0, min(1.0, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / length))
        if ((x - x1 - t * (x2 - x1)) ** 2 + (y - y1 - t * (y2 - y1)) ** 2) ** 0.5 <= tolerance:
            return True
    return inside


def _area(xs: list, ys: list) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for x1, y1, x2, y2 in zip(xs, ys, xs[1:] + xs[:1], ys[1:] + ys[:1],
                                                                  strict=True))) / 2


def annotation_labels(figure: dict) -> dict[int, tuple[str, ...]]:
    """Text written on a filled shape: each annotation (placed, or pointing with its arrow, in data
    coordinates) labels the smallest filled trace it falls in. {trace index: label texts}."""
    shapes = []
    for index, trace in enumerate(figure.get("data", [])):
        xs, ys = trace.get("x"), trace.get("y")
        if (trace.get("fill") == "toself" and isinstance(xs, list) and isinstance(ys, list) and len(xs) >= 3
                and all(isinstance(v, int | float) for v in xs + ys)):
            shapes.append((index, trace.get("xaxis", "x"), trace.get("yaxis", "y"), xs, ys))
    labels: dict[int, list[str]] = {}
    for note in figure.get("layout", {}).get("annotations", []):
        x, y, xref, yref = note.get("x"), note.get("y"), note.get("xref", "x"), note.get("yref", "y")
        if not (isinstance(x, int | float) and isinstance(y, int | float)):
            continue
        holding = [(_area(xs, ys), index) for index, xaxis, yaxis, xs, ys in shapes
                   if (xaxis, yaxis) == (xref, yref) and _inside(x, y, xs, ys)]
        if holding:
            labels.setdefault(min(holding)[1], []).append(re.sub(r"<[^>]+>", " ", note.get("text", "")).strip())
    return {index: tuple(sorted(texts)) for index, texts in labels.items()}


def marks(figure: dict) -> list[tuple[str, str, tuple]]:
    """(label, colour, cues) for every differently coloured thing a figure draws: a trace, or each
    point of a trace whose colour varies point by point. ``cues`` is what else tells it apart:
    its name in a shown legend, its text labels (its own, or annotations written on it), marker
    symbol, line dash and fill pattern."""
    layout, data = figure.get("layout", {}), figure.get("data", [])
    in_legend = [trace.get("showlegend", True) is not False and trace.get("visible", True) is True for trace in data]
    legend_shown = layout.get("showlegend", sum(in_legend) >= 2) is not False
    group_names = {trace.get("legendgroup"): trace.get("name") for trace, shown in zip(data, in_legend, strict=True)
                   if shown and trace.get("legendgroup")}
    written = annotation_labels(figure)
    found = []
    for index, trace in enumerate(data):
        if trace.get("visible", True) is not True:
            continue
        kind, marker, mode = trace.get("type", "scatter"), trace.get("marker", {}), trace.get("mode", "lines+markers")
        legend = None
        if legend_shown:
            legend = trace.get("name") if in_legend[index] else group_names.get(trace.get("legendgroup"))
        filled = trace.get("fill") not in (None, "none")
        if kind == "bar" or (not filled and "markers" in mode):
            colour = marker.get("color")
        elif filled:
            colour = trace.get("fillcolor")
        else:
            colour = trace.get("line", {}).get("color")
        if colour is None:
            continue
        texts = trace.get("text") if (("text" in mode and kind != "bar")
                                      or (kind == "bar" and trace.get("textposition") != "none")) else None
        texts = texts if texts is not None else trace.get("texttemplate")
        pattern = (marker.get("pattern") or trace.get("fillpattern") or {}).get("shape") or ""
        symbol = marker.get("symbol", "circle") if "markers" in mode or kind != "scatter" else ""
        dash = trace.get("line", {}).get("dash") or "solid"
        points = len(colour) if isinstance(colour, list | tuple) else 0
        for point in range(points) if points else [None]:
            cues = (legend, json.dumps(_per_point(texts, point)), written.get(index),
                    _per_point(pattern, point) or "", _per_point(symbol, point), dash)
            label = f"trace {index} ({trace.get('name')!r})" + (f" point {point}" if points else "")
            found.append((label, normalise(str(_per_point(colour, point))), cues))
    return found


def colour_only(figure: dict) -> list[str]:
    """Pairs of things drawn in different colours that nothing but the colour tells apart."""
    return [f"{a} and {b}" for (a, colour_a, cues_a), (b, colour_b, cues_b) in combinations(marks(figure), 2)
            if colour_a != colour_b and cues_a == cues_b]


def red_green() -> dict:
    return go.Figure([go.Bar(x=["A"], y=[1], marker_color="red"), go.Bar(x=["B"], y=[2], marker_color="green")],
                     layout={"title": "Two groups compared side by side", "showlegend": False}).to_plotly_json()


def test_a_red_green_figure_fails_both_colour_rules():
    figure = red_green()
    assert palette_problems(figure)
    assert colour_only(figure)


def test_palette_colours_with_nothing_but_colour_apart_still_fail():
    figure = go.Figure([go.Bar(x=["A", "B"], y=[1, 2], marker_color=[OKABE_ITO["blue"], OKABE_ITO["orange"]])],
                       layout={"showlegend": False}).to_plotly_json()
    assert not palette_problems(figure)
    assert colour_only(figure)
    lines = go.Figure([go.Scatter(y=[1, 2], mode="lines", line_color=OKABE_ITO["blue"], showlegend=False),
                       go.Scatter(y=[2, 1], mode="lines", line_color=OKABE_ITO["orange"], showlegend=False)])
    assert colour_only(lines.to_plotly_json())


@pytest.mark.parametrize("second_cue", [
    {"marker_pattern_shape": "/"}, {"text": ["B"], "textposition": "inside"}, {"name": "second"}])
def test_a_second_cue_besides_colour_passes(second_cue):
    first = go.Bar(x=["A"], y=[1], marker_color=OKABE_ITO["blue"], name="first")
    second = go.Bar(x=["B"], y=[2], marker_color=OKABE_ITO["orange"], **{"name": "first", **second_cue})
    figure = go.Figure([first, second]).to_plotly_json()
    assert not colour_only(figure)
    assert not palette_problems(figure)


def test_a_trace_without_its_own_colour_fails_the_palette_rule():
    figure = go.Figure(go.Scatter(y=[1, 2], mode="lines"), layout={"title": "A line in default colour"})
    assert palette_problems(figure.to_plotly_json())
    assert palette_problems({"data": [], "layout": {"shapes": [{"fillcolor": "rgb(255, 0, 0)"}]}})
    assert not palette_problems({"data": [], "layout": {"annotations": [{"bgcolor": "rgba(0,0,0,0)"}]}})


def test_every_figure_in_the_notebooks_uses_only_the_course_palette():
    problems = {where: found for where, figure in all_figures() if (found := palette_problems(figure))}
    assert not problems


def test_no_figure_in_the_notebooks_relies_on_colour_alone():
    problems = {where: found for where, figure in all_figures() if (found := colour_only(figure))}
    assert not problems


def _blob(x: float, colour: str, **extra) -> go.Scatter:
    return go.Scatter(x=[x, x + 1, x + 1, x], y=[0, 0, 1, 1], fill="toself", mode="lines", fillcolor=colour,
                      line_color=colour, showlegend=False, **extra)


def test_text_written_on_a_shape_counts_as_its_label():
    blobs = [_blob(0, OKABE_ITO["blue"]), _blob(3, OKABE_ITO["orange"])]
    assert colour_only(go.Figure(blobs).to_plotly_json())
    labelled = go.Figure(blobs)
    labelled.add_annotation(x=3.5, y=0.5, text="<b>pressed</b>", showarrow=False)
    assert annotation_labels(labelled.to_plotly_json()) == {1: ("pressed",)}
    assert not colour_only(labelled.to_plotly_json())
    elsewhere = go.Figure(blobs)
    elsewhere.add_annotation(x=10, y=5, text="far from both", showarrow=False)
    assert colour_only(elsewhere.to_plotly_json())


def test_the_colour_rules_see_every_mark_of_the_notebook_figures():
    assert sum(len(marks(figure)) for _where, figure in all_figures()) >= 300
