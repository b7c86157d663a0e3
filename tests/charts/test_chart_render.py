"""Rendering with the real vl-convert: cache, spawn pool, static text, accessible and compact SVG."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
import vl_convert
from chartcheck import FRENCH, make_indicator, series, waiting_days
from results.charts import ChartBuilder, ChartCache, RenderSettings, StructureValue, TrendPanel, render_charts
from results.charts.render import VEGA_LITE_VERSION, Renderer
from results.charts.svgpost import finish_svg
from results.core.periods import Period
from svgtexts import absolute_texts


def charts(count: int = 3, png: bool = False):
    builder = ChartBuilder(FRENCH)
    made = []
    for index in range(count):
        panels = [
            TrendPanel(make_indicator(), series([70 + index, 72, None, 75], ci=3), series([71, 71, 72, 73]), 80),
            TrendPanel(waiting_days(), series([12.5, 11.0, 9.5, 9.0 + index])),
        ]
        made.append(builder.trend(f"c{index}", f"Structure {index}", panels, "Cette structure", "Médiane du réseau",
                                  png=png))
    return made


def test_second_render_renders_nothing(tmp_path):
    settings = RenderSettings(cache_dir=tmp_path, workers=0)
    first = render_charts(charts(), settings)
    assert (first.rendered, first.cache_hits) == (3, 0)
    second = render_charts(charts(), settings)
    assert (second.rendered, second.cache_hits) == (0, 3)
    changed = charts(4)  # one new chart, three unchanged
    third = render_charts(changed, settings)
    assert (third.rendered, third.cache_hits) == (1, 3)


def test_png_is_rendered_when_asked_and_cached(tmp_path):
    settings = RenderSettings(cache_dir=tmp_path, workers=0, png_scale=1)
    render_charts(charts(1), settings)
    report = render_charts(charts(1, png=True), settings)
    assert (report.rendered, report.png_rendered) == (0, 1)
    cache = ChartCache(tmp_path)
    png = cache.path(cache.key(charts(1, png=True)[0]), "png").read_bytes()
    assert png.startswith(b"\x89PNG")
    assert render_charts(charts(1, png=True), settings).png_rendered == 0


def test_spawn_pool_renders_the_same_svgs(tmp_path):
    render_charts(charts(), RenderSettings(cache_dir=tmp_path / "pool", workers=2))
    render_charts(charts(), RenderSettings(cache_dir=tmp_path / "here", workers=0))
    pool, here = ChartCache(tmp_path / "pool"), ChartCache(tmp_path / "here")
    for chart in charts():
        key = pool.key(chart)
        assert pool.path(key, "svg").read_bytes() == here.path(key, "svg").read_bytes()


def test_cache_key_depends_on_library_versions(tmp_path):
    chart = charts(1)[0]
    assert ChartCache(tmp_path, "a").key(chart) != ChartCache(tmp_path, "b").key(chart)


def _strip_text(svg: str) -> str:
    return re.sub(r"<text[^>]*>[^<]*</text>", "", svg)


def _texts_match(full: list, fast: list) -> None:
    assert len(full) == len(fast)
    for (text_a, x_a, y_a, anchor_a), (text_b, x_b, y_b, anchor_b) in zip(full, fast, strict=True):
        assert (text_a, anchor_a) == (text_b, anchor_b)
        assert abs(x_a - x_b) <= 0.16 and abs(y_a - y_b) <= 0.16


@pytest.mark.parametrize("count", [1, 2])
def test_static_text_matches_what_vega_draws(count):
    builder = ChartBuilder(FRENCH)
    panels = [TrendPanel(make_indicator(), series([70, 72, None, 75], ci=3), series([71, 71, 72, 73]), 80),
              TrendPanel(waiting_days(), series([12.5, 11.0, 9.5, 9.0]))][:count]
    chart = builder.trend("c", "T", panels, "Cette structure", "Médiane du réseau")
    renderer = Renderer()
    full, fast = renderer.svg(chart.spec, static_text=False), renderer.svg(chart.spec, static_text=True)
    _texts_match(absolute_texts(full), absolute_texts(fast))
    assert len(absolute_texts(fast)) >= 8


def test_static_text_for_distributions():
    builder = ChartBuilder(FRENCH)
    values = [StructureValue(f"S{i}", f"Structure {i}", 60 + (i * 7) % 30) for i in range(30)]
    chart = builder.distribution("d", "D", make_indicator(), values, Period.parse("2025"), 74)
    renderer = Renderer()
    _texts_match(absolute_texts(renderer.svg(chart.spec, static_text=False)),
                 absolute_texts(renderer.svg(chart.spec, static_text=True)))


def test_reused_compilation_draws_what_vegalite_to_svg_draws():
    renderer = Renderer()
    for chart in charts(3):  # same shape: compiled once, data swapped in
        reused = renderer.svg(chart.spec, static_text=False)
        direct = vl_convert.vegalite_to_svg(chart.spec, vl_version=VEGA_LITE_VERSION)
        assert reused == finish_svg(direct, chart.spec)


def test_template_and_data_parts_render_like_the_full_spec():
    chart = charts(1)[0]
    renderer = Renderer({chart.template.id: chart.template.json})
    assert renderer.chart_svg(chart.template.id, json.loads(chart.data_json)) == Renderer().svg(chart.spec)


def test_svg_is_accessible_scalable_and_style_free():
    chart = charts(1)[0]
    svg = Renderer().svg(chart.spec)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "Structure 0"
    assert root.find(f"{ns}desc") is None, "the long description is the page's caption, not repeated in each SVG"
    width, height = float(root.get("width")), float(root.get("height"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert width == 354 and height > 300  # two panels stacked, legend on top
    assert "style=" not in svg and "<script" not in svg
    assert not re.search(r"\d\.\d{2}", svg), "coordinates are trimmed to a tenth of a pixel"
    assert "aria-roledescription" not in svg and 'class="' not in svg


def test_long_panel_titles_wrap_instead_of_being_cut():
    """"Demandes de RSA traitées en moins de 1…" hid the indicator's meaning: titles wrap, uncut."""
    label = "Demandes de RSA traitées en moins de 15 jours après le dépôt du dossier complet"
    builder = ChartBuilder(FRENCH)
    panels = [TrendPanel(make_indicator(label=label), series([70, 72, None, 75], ci=3), series([71, 71, 72, 73])),
              TrendPanel(waiting_days(), series([12.5, 11.0, 9.5, 9.0]))]
    chart = builder.trend("c", "T", panels, "Cette structure", "Médiane du réseau")
    renderer = Renderer()
    full, fast = renderer.svg(chart.spec, static_text=False), renderer.svg(chart.spec, static_text=True)
    _texts_match(absolute_texts(full), absolute_texts(fast))
    title = [item for item in absolute_texts(fast) if item[1] == 2.0 and item[0].split()[0] in label.split()]
    assert " ".join(text for text, *_ in sorted(title, key=lambda item: item[2])) == label
    assert "…" not in fast
    legend_bottom = max(y for text, _, y, _ in absolute_texts(fast) if text in ("Cette structure", "Médiane du réseau"))
    assert min(y for _, _, y, _ in title) > legend_bottom, "the wrapped title stays below the legend"


def test_compact_svg_draws_the_same_pixels_in_far_fewer_bytes():
    """Points as zero-length round or square strokes (or <use>), one font on the root, no `.0`: the
    same picture (resvg, the PNG renderer; only the anti-aliased edges of the points may differ by a
    few levels), and the size a structure's chart costs at national scale drops by about a half."""
    import io

    from PIL import Image, ImageChops
    from results.charts.svgpost import compact

    chart = charts(1)[0]
    raw = vl_convert.vegalite_to_svg(chart.spec, vl_version=VEGA_LITE_VERSION)
    rounded = re.sub(r"(\d\.\d)\d+", r"\1", raw)  # the tenth of a pixel is the one deliberate change
    slim = compact(raw)
    assert len(slim) < 0.5 * len(raw)
    assert 'stroke-linecap="round"' in slim and slim.count("h0M") > 4  # each series' points: one path
    assert slim.count("font-family=") == 1 and not re.search(r"\d\.0[^\d]", slim.split(">", 1)[1])
    for scale in (1, 3):
        pictures = [Image.open(io.BytesIO(vl_convert.svg_to_png(svg, scale=scale))).convert("L")
                    for svg in (rounded, slim)]
        assert pictures[0].size == pictures[1].size
        levels = ImageChops.difference(*pictures).histogram()
        assert sum(levels[65:]) == 0, "no pixel changes by more than a quarter of the range"
        assert sum(levels[17:]) <= 0.002 * pictures[0].width * pictures[0].height, "only edge pixels change"
