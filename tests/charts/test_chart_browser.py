"""Charts in Chromium, on a harness page built from the real partial, script, vendored libraries and CSS,
under the site's Content-Security-Policy: the static SVG and the table without JavaScript, the
interactive chart with it, no console error (so no CSP violation, no eval), no horizontal scroll at 320 px."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from chartcheck import ENGLISH, FRENCH, make_indicator, series, waiting_days
from jinja2 import Environment, FileSystemLoader, select_autoescape
from results.charts import (
    ChartBuilder,
    ChartCache,
    ChartPublisher,
    RenderSettings,
    StructureValue,
    TrendPanel,
    chart_view,
    render_charts,
    write_chart_files,
)
from results.core.periods import Period
from results.i18n.jinja import install_translations
from support.browser import record_problems
from support.paths import ROOT
from support.server import serve

pytestmark = pytest.mark.browser
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'self'; form-action 'self'")
# The chart rules the site stylesheet needs (to be added to theme/static/css/site.css).
CHART_CSS = """
figure.chart { margin: 1.5rem 0; }
.chart-title { font-weight: 600; margin: 0 0 0.25rem; }
.chart-summary { margin: 0 0 0.75rem; }
ul.chart-summary { padding-left: 1.25rem; }
.chart-canvas img, .chart-interactive svg { display: block; max-width: 100%; height: auto; }
.chart-downloads button { font: inherit; cursor: pointer; }
"""
PAGE = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Graphiques</title>
<link rel="stylesheet" href="{{ SITEURL }}/theme/css/site.css">
<link rel="stylesheet" href="{{ SITEURL }}/theme/css/charts-harness.css">
{% include "partials/site_strings.html" %}
<script src="{{ SITEURL }}/theme/js/strings.js" defer></script>
<script src="{{ SITEURL }}/theme/js/charts.js" defer></script>
</head><body><main class="container">
{% from "partials/chart.html" import chart_figure with context %}
{% for chart in charts %}{{ chart_figure(chart) }}{% endfor %}
</main></body></html>"""


def build_harness(folder: Path, formats=FRENCH) -> None:  # type: ignore[no-untyped-def]
    builder = ChartBuilder(formats)
    panels = [
        TrendPanel(make_indicator(), series([70, 72, None, 75, 76], ci=3), series([71, 71, 72, 73, 73]), 80),
        TrendPanel(waiting_days(), series([12.5, 11.0, 9.5, 9.0, 8.5]), series([10.0, 10.0, 10.2, 10.1, 10.0])),
    ]
    values = [StructureValue(f"S{i:02d}", f"Structure {i}", 60 + (i * 7) % 30) for i in range(30)]
    # A structure's chart as its page carries it: data in the page, the network's rows in a shared file.
    evolution = builder.trend("evolution", "Évolution des résultats", panels, "Cette structure", "Médiane du réseau",
                              png=False, own_csv=False)
    site = folder / "site"
    publisher = ChartPublisher(RenderSettings(cache_dir=folder / "cache", workers=0, png_scale=1), site)
    publisher.add(evolution, "structures/exemple/evolution", (("données CSV", "structures/exemple/r.csv"),),
                  inline=True, shared_series=("Médiane du réseau",))
    publisher.render()
    charts = [
        (builder.trend("national", "Usagers satisfaits : tendance nationale",
                       [TrendPanel(make_indicator(), series([70, 71, 73, 74]))], "Ensemble des structures"),
         "indicateurs/satisfaction/tendance"),
        (builder.distribution("repartition", "Répartition des structures", make_indicator(), values,
                              Period.parse("2025"), 74), "indicateurs/satisfaction/repartition"),
    ]
    cache = ChartCache(folder / "cache")
    render_charts([chart for chart, _ in charts], RenderSettings(cache_dir=cache.folder, workers=0, png_scale=1))
    views = [publisher.publish("structures/exemple/evolution", site)]
    for chart, base in charts:
        write_chart_files(chart, base, site, cache)
        views.append(chart_view(chart, base, cache))
    shutil.copytree(ROOT / "theme/static/vendor", site / "theme/vendor")
    shutil.copytree(ROOT / "theme/static/js", site / "theme/js")
    shutil.copytree(ROOT / "theme/static/css", site / "theme/css")
    (site / "theme/css/charts-harness.css").write_text(CHART_CSS, encoding="utf-8")
    env = Environment(loader=FileSystemLoader(str(ROOT / "theme/templates")), autoescape=select_autoescape())
    install_translations(env, formats)  # the theme's templates speak through gettext, as in the build
    html = env.from_string(PAGE).render(charts=views, SITEURL=".", csp=CSP, lang=formats.language)
    (site / "index.html").write_text(html, encoding="utf-8")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("charts-browser")
    build_harness(folder)
    with serve(folder / "site") as url:
        yield url


@pytest.fixture(scope="module")
def english_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same charts built by an English build (words, numbers and Vega locale of en_GB)."""
    folder = tmp_path_factory.mktemp("charts-browser-en")
    build_harness(folder, ENGLISH)
    with serve(folder / "site") as url:
        yield url


def open_page(chromium, url: str, errors: list[str], javascript: bool = True, width: int = 1000):
    context = chromium.new_context(java_script_enabled=javascript, viewport={"width": width, "height": 900})
    page = context.new_page()
    record_problems(page, errors)
    page.goto(url)
    return page


def test_charts_stay_static_until_the_reader_asks(chromium, server):
    """No chart library is fetched by scrolling: only the button (keyboard too) loads vega, never vega-lite."""
    errors: list[str] = []
    requested: list[str] = []
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/index.html")
    for figure in page.locator("figure.chart").all():
        figure.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    assert [figure.get_attribute("data-chart-state") for figure in page.locator("figure.chart").all()] == [
        "static"] * 3
    assert not [url for url in requested if "/vendor/" in url or url.endswith(".json")]
    button = page.locator("#national .chart-explore button")
    assert button.inner_text() == "Version interactive"
    button.focus()
    page.keyboard.press("Enter")
    page.locator("#national[data-chart-state=interactive]").wait_for(timeout=15000)
    assert page.locator("#national .chart-interactive svg").count() == 1
    assert page.evaluate("document.activeElement.id") == "national-title"  # focus stays in the chart
    assert page.locator("#evolution").get_attribute("data-chart-state") == "static"  # one chart asked, one drawn
    vendored = sorted(url.rsplit("/", 1)[-1] for url in requested if "/vendor/" in url)
    assert vendored == ["vega-embed.min.js", "vega-tooltip.css", "vega.min.js"]
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    context.close()
    assert errors == []


def test_interactive_charts_render_without_console_errors(chromium, server):
    errors: list[str] = []
    page = open_page(chromium, f"{server}/index.html", errors)
    for figure in page.locator("figure.chart").all():
        figure.locator(".chart-explore button").click()
        page.wait_for_function("f => f.dataset.chartState === 'interactive'", arg=figure.element_handle(),
                               timeout=15000)
        assert figure.locator(".chart-interactive svg").count() == 1
        assert figure.locator(".chart-canvas img").count() == 0
    evolution = page.locator("#evolution .chart-interactive svg")
    assert "Médiane du réseau" in evolution.inner_html() and "Usagers satisfaits" in evolution.inner_html()
    assert page.locator("#evolution .chart-downloads button").inner_text() == "PNG"  # no static PNG
    assert page.locator("#national .chart-downloads button").count() == 0
    assert errors == []


def latest_national_tooltip(page) -> str:
    """Open the national chart's interactive view and hover its latest point: the tooltip's text."""
    page.locator("#national .chart-explore button").click()
    page.locator("#national[data-chart-state=interactive]").wait_for(timeout=15000)
    markers = page.locator("#national .chart-interactive svg .mark-symbol path").all()
    box = max((marker.bounding_box() for marker in markers), key=lambda box: box["x"])  # latest period
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(timeout=5000)
    return tooltip.inner_text()


def test_tooltip_speaks_french(chromium, server):
    errors: list[str] = []
    page = open_page(chromium, f"{server}/index.html", errors)
    text = latest_national_tooltip(page)
    assert "4e trimestre 2023" in text and "74\u00a0%" in text
    assert errors == []


def test_english_interactive_chart_speaks_english(chromium, english_server):
    """On an English page at 390 px: the tooltip's words and numbers are English, and the Vega the
    browser runs formats numbers with the template's English locale (the page script sets none)."""
    errors: list[str] = []
    page = open_page(chromium, f"{english_server}/index.html", errors, width=390)
    text = latest_national_tooltip(page)
    assert "Q4 2023" in text and "74%" in text and "Period" in text, text
    assert "trimestre" not in text and "Période" not in text
    assert errors == []
    template = page.locator("#national").get_attribute("data-chart-template")
    formatted = page.evaluate("""url => fetch(url).then(r => r.json()).then(spec =>
        vegaEmbed(document.createElement("div"), spec, {mode: "vega", ast: true, actions: false, defaultStyle: false,
                                                             tooltip: false})
    ).then(result => [result.view.locale().format(",.1f")(1234.5), result.view.locale().format(".0%")(0.72)])""",
                              template)
    assert formatted == ["1,234.5", "72%"]


def test_a_structure_chart_draws_its_networks_rows_from_the_shared_file_at_390_px(chromium, server):
    """The page carries the structure's rows; its network's come from graphiques/series/ (fetched under
    the page's CSP): both series are drawn and a network point's tooltip says its name and value."""
    errors: list[str] = []
    requested: list[str] = []
    page = open_page(chromium, f"{server}/index.html", errors, width=390)
    page.on("request", lambda request: requested.append(request.url))
    page.locator("#evolution .chart-explore button").click()
    page.locator("#evolution[data-chart-state=interactive]").wait_for(timeout=15000)
    assert [url for url in requested if "/graphiques/series/" in url], requested
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    texts = []
    for marker in page.locator("#evolution .chart-interactive svg .mark-symbol path").all():
        box = marker.bounding_box()
        if not box:
            continue
        page.mouse.move(0, 0)  # off the chart: the tooltip hides, the next one is this point's
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        tooltip = page.locator("#vg-tooltip-element.visible")
        if tooltip.count():  # legend symbols have no tooltip
            texts.append(tooltip.inner_text())
    assert any("Médiane du réseau" in text and "73\u00a0%" in text for text in texts), texts
    assert any("Cette structure" in text and "76\u00a0%" in text for text in texts), texts
    assert errors == []


def test_distribution_highlights_the_structure_named_in_the_url(chromium, server):
    errors: list[str] = []
    page = open_page(chromium, f"{server}/index.html?structure=S07", errors)
    page.locator("#repartition").scroll_into_view_if_needed()
    page.locator("#repartition[data-chart-state=interactive]").wait_for(timeout=15000)
    assert "Structure 7" in page.locator("#repartition .chart-interactive svg").inner_html()
    assert errors == []


def test_without_javascript_the_static_svg_and_table_are_there(chromium, server):
    errors: list[str] = []
    page = open_page(chromium, f"{server}/index.html", errors, javascript=False, width=320)
    for image in page.locator(".chart-canvas img").all():
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        assert image.is_visible()
        shown = image.bounding_box()["width"]
        assert shown <= 320
        natural = image.evaluate("img => img.naturalWidth")
        assert 14 * shown / natural >= 11, "chart text stays at least 11 px on a 320 px screen"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320
    page.locator("#evolution details summary").click()
    table = page.locator("#evolution table").first
    assert table.is_visible()
    assert table.locator("caption").inner_text() == "Usagers satisfaits par période"
    assert table.locator("th[scope=col]").count() == 5 and table.locator("th[scope=row]").count() == 5
    links = page.locator("#national .chart-downloads a").all_inner_texts()
    # Sizes follow the site's one rule (results.core.sizes): a small CSV says "N octets", not "1 ko".
    size = r"\d+(,\d)?\u00a0(octets|ko|Mo)"
    assert [re.sub(size, "N", link) for link in links] == ["SVG (N)", "PNG (N)", "données CSV (N)"]
    assert errors == []


def test_png_made_in_the_browser_when_no_static_png(chromium, server):
    errors: list[str] = []
    page = open_page(chromium, f"{server}/index.html", errors)
    page.locator("#evolution .chart-explore button").click()
    page.locator("#evolution[data-chart-state=interactive]").wait_for(timeout=15000)
    with page.expect_download() as download:
        page.locator("#evolution .chart-downloads button").click()
    assert download.value.suggested_filename == "Évolution-des-résultats.png"
    assert errors == []


def test_every_static_text_stays_inside_its_picture(chromium, tmp_path):
    """« 100 % », the last tick of a distribution, is centred on the right edge: it was cut by 4 px.
    Chromium measures every text of the static SVGs against the picture's own box."""
    builder = ChartBuilder(FRENCH)
    values = [StructureValue(f"S{i:02d}", f"Structure {i}", 100 - i * 1.5) for i in range(20)]
    charts = [builder.distribution("strip", "Répartition", make_indicator(), values, Period.parse("2025"), 91),
              builder.distribution("wide", "Répartition", make_indicator(), values, Period.parse("2025"), 91,
                                   wide=True),
              builder.trend("evolution", "Évolution", [TrendPanel(make_indicator(), series([98, 99, 100]))],
                            "Cette structure", png=False)]
    cache = ChartCache(tmp_path / "cache")
    render_charts(charts, RenderSettings(cache_dir=cache.folder, workers=0, png_scale=1))
    context = chromium.new_context()
    page = context.new_page()
    for chart in charts:
        svg = cache.path(cache.key(chart), "svg")
        page.goto(svg.as_uri())
        outside = page.evaluate("""() => {
            const box = document.documentElement.getBoundingClientRect();
            return [...document.querySelectorAll('text')].filter(text => {
              const r = text.getBoundingClientRect();
              return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
            }).map(text => text.textContent);
        }""")
        assert outside == [], (chart.id, outside)
    context.close()
