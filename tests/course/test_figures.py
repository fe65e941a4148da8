"""Figure builders: the right parts, highlighting, colour-blind-safe colours and extra cues."""

from __future__ import annotations

import pytest

from lessons.kit.palette import OKABE_ITO, ROOT_COLOURS, ROOT_PATTERNS
from lessons.topics.anatomy import model as anatomy
from lessons.topics.anatomy.figures import spine_figure
from lessons.topics.back_to_leg import model as back_to_leg
from lessons.topics.back_to_leg.figures import AREA_SHAPES, leg_map_figure
from lessons.topics.start_here.figures import burden_figure


def traces_for(fig, name_part):
    return [t for t in fig.data if t.legendgroup == name_part]


def test_spine_figure_shows_every_part_with_its_explanation():
    fig = spine_figure()
    shown = {t.legendgroup for t in fig.data}
    assert shown == {part.id for part in anatomy.parts()}
    disc = traces_for(fig, "disc")[0]
    assert "Intervertebral disc" in disc.hovertemplate
    labels = " ".join(a.text for a in fig.layout.annotations)
    for word in ("L1", "L5", "Sacrum", "Sciatic", "Facet joint", "Spinal canal"):
        assert word in labels


def test_spine_highlight_fades_everything_else():
    fig = spine_figure(highlight="sacroiliac")
    assert all(t.opacity == 1.0 for t in traces_for(fig, "sacroiliac"))
    assert all(t.opacity < 1.0 for t in fig.data if t.legendgroup != "sacroiliac")
    with pytest.raises(KeyError):
        spine_figure(highlight="kidney")


def test_leg_map_has_each_area_once_with_colour_and_pattern():
    fig = leg_map_figure()
    areas = [t for t in fig.data if t.meta and t.meta[1] in AREA_SHAPES]
    assert sorted(t.meta[1] for t in areas) == sorted(back_to_leg.leg_areas())
    for trace in areas:
        root = trace.meta[0]
        assert trace.fillcolor == ROOT_COLOURS[root]
        assert trace.fillpattern.shape == ROOT_PATTERNS[root]
    assert len(set(ROOT_PATTERNS.values())) == len(ROOT_PATTERNS)
    assert set(ROOT_COLOURS.values()) <= set(OKABE_ITO.values())


def test_leg_map_buttons_show_one_root_at_a_time():
    fig = leg_map_figure()
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.label for b in buttons] == ["All roots", "L4", "L5", "S1"]
    l5_visible = buttons[2].args[0]["visible"]
    for trace, visible in zip(fig.data, l5_visible, strict=True):
        if trace.meta:
            assert visible == (trace.meta[0] == "L5")
        else:
            assert visible  # the leg outline stays


def test_choosing_an_area_highlights_its_root():
    fig = leg_map_figure(area="outer-foot", buttons=False)
    assert not fig.layout.updatemenus
    for trace in fig.data:
        if trace.meta and trace.meta[1] in AREA_SHAPES:
            assert (trace.opacity > 0.5) == (trace.meta[1] == "outer-foot")
        elif trace.meta:
            assert (trace.opacity == 1.0) == (trace.meta[0] == "S1")
    assert fig.layout.title.text == "Where S1 is usually felt"


def test_burden_figure_plots_the_table_with_its_uncertainty():
    bar = burden_figure().data[0]
    assert list(bar.y) == [619, 843]
    assert list(bar.error_y.array) == [694 - 619, 933 - 843]
    assert list(bar.error_y.arrayminus) == [619 - 554, 843 - 759]
