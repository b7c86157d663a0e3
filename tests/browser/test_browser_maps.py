"""Maps by département in Chromium: the pages that show one (home, programme, an indicator) pass axe and
never scroll sideways on a phone; the interactive map loads on request and shows tooltips; the static
SVG is drawn without JavaScript. The distribution chart uses the column's width on a desktop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browsercheck import describe, visit

pytestmark = pytest.mark.browser
pytest_plugins = ["browserfixtures"]  # chromium, site_url, page_paths, axe_source

MAP = "figure#carte-departements"
WIDTHS = (390, 320)


def map_pages(site: Path) -> dict[str, str]:
    """The home page, the programme page and the largest indicator page with a map."""
    indicators = [page for page in site.glob("indicateurs/*/index.html")
                  if 'id="carte-departements"' in page.read_text("utf-8")]
    indicator = max(indicators, key=lambda page: page.stat().st_size)
    indicator_path = indicator.parent.relative_to(site).as_posix() + "/"
    pages = {"accueil": "", "programme": "programme/", "indicateur": indicator_path}
    for path in pages.values():
        assert 'id="carte-departements"' in (site / path / "index.html").read_text("utf-8"), path
    return pages


@pytest.fixture(scope="module")
def pages(demo_site: Path) -> dict[str, str]:
    return map_pages(demo_site)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", ["accueil", "programme", "indicateur"])
def test_map_pages_pass_axe_and_fit_a_phone(chromium: Any, site_url: str, pages: dict[str, str], axe_source: str,
                                           kind: str, width: int) -> None:
    """Charts (maps included) are made interactive before axe runs and the width is measured."""
    report = visit(chromium, site_url, pages[kind], {"width": width, "height": 800}, axe_source)
    assert any(chart.startswith("carte-departements interactive") for chart in report.charts), report.charts
    assert report.axe["violations"] == [], describe(report.axe["violations"])
    assert report.scroll_width <= width, f"{pages[kind]} : {report.scroll_width} px de large à {width} px"
    assert report.console == []


def test_interactive_map_shows_a_departement_in_its_tooltip(chromium: Any, site_url: str,
                                                            pages: dict[str, str]) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(site_url + pages["programme"])
    figure = page.locator(MAP)
    figure.scroll_into_view_if_needed()
    assert figure.locator(".chart-interactive").count() == 0, "nothing loads before the reader asks"
    figure.get_by_role("button", name="Version interactive").click()
    shapes = figure.locator(".chart-interactive svg .mark-shape path")
    shapes.first.wait_for(state="attached", timeout=20_000)
    assert shapes.count() >= 100  # every département, insets included
    sizes = shapes.evaluate_all("paths => paths.map(p => { const b = p.getBoundingClientRect(); "
                                "return b.width * b.height; })")
    largest = max(range(len(sizes)), key=sizes.__getitem__)
    shapes.nth(largest).hover()
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(timeout=5_000)
    text = tooltip.inner_text()
    context.close()
    assert "Département" in text and "Valeur" in text and "Structures" in text, text
    assert "%" in text or "pas de données" in text, text
    assert problems == []


def test_without_javascript_each_map_is_a_visible_svg(chromium: Any, site_url: str, pages: dict[str, str]) -> None:
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in pages.values():
        page.goto(site_url + path)
        image = page.locator(f"{MAP} .chart-canvas img")
        image.scroll_into_view_if_needed()
        page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        box = image.bounding_box()
        assert box["width"] > 300 and box["height"] > 300, (path, box)
        assert image.get_attribute("src").endswith(".svg")
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_distribution_chart_takes_the_width_it_needs(chromium: Any, site_url: str, pages: dict[str, str],
                                                     width: int) -> None:
    """The strip of structures is as wide as the column on a desktop (the issue saw a fifth of it) and
    fits a phone's column."""
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + pages["indicateur"])
    image = page.locator("figure#graphique-distribution .chart-canvas img")
    image.scroll_into_view_if_needed()
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    column = page.locator("main").evaluate("main => main.getBoundingClientRect().width")
    box = image.bounding_box()
    scroll = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    wanted = 0.9 * column if width < 800 else 0.6 * column  # at 1 280 px the column is 1 120 px wide
    assert box["width"] >= wanted, f"{box['width']} px dans une colonne de {column} px"
    assert box["width"] <= column + 1
    assert scroll <= width
