"""Charts on the real demo site, in Chromium: interactive with JavaScript, static SVG and table without."""

from __future__ import annotations

from typing import Any

import pytest
from support.browser import record_problems

pytestmark = pytest.mark.browser
pytest_plugins = ["browserfixtures"]  # chromium, site_url, page_paths


def open_structure_page(chromium: Any, site_url: str, path: str, javascript: bool) -> tuple[Any, Any, list[str]]:
    context = chromium.new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = record_problems(page, [], responses=False)
    page.goto(f"{site_url}/{path}")
    return context, page, problems


def test_structure_chart_becomes_interactive_without_console_errors(
    chromium: Any, site_url: str, page_paths: dict[str, str]
) -> None:
    context, page, problems = open_structure_page(chromium, site_url, page_paths["structure"], javascript=True)
    figure = page.locator("figure.chart").first
    figure.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    assert figure.get_attribute("data-chart-state") == "static", "nothing loads before the reader asks"
    assert figure.locator(".chart-interactive").count() == 0
    figure.get_by_role("button", name="Version interactive").click()
    page.wait_for_function(
        "() => document.querySelector('figure.chart .chart-interactive svg, figure.chart .chart-interactive canvas')",
        timeout=20_000,
    )
    marks = page.locator("figure.chart .chart-interactive svg path").count()
    context.close()
    assert marks > 10
    assert problems == []


def test_without_javascript_the_static_svg_and_the_table_are_there(
    chromium: Any, site_url: str, page_paths: dict[str, str]
) -> None:
    context, page, _ = open_structure_page(chromium, site_url, page_paths["structure"], javascript=False)
    image = page.locator("figure.chart .chart-canvas img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert image.is_visible()
    assert image.bounding_box()["width"] > 300
    # the figure's figures are the indicators' history tables: its first link opens the first one
    link = page.locator("figure.chart p.chart-data a").first
    target = link.get_attribute("href")
    assert target.startswith("#historique-")
    page.locator(f"section.indicator-block:has(caption{target}) details summary").click()
    table = page.locator(f"table:has(caption{target})")
    assert table.is_visible()
    assert table.locator("tbody tr").count() >= 4
    headers = table.locator("thead th").all_inner_texts()
    assert headers[0] == "Période" and headers[-1] == "Valeur du réseau", headers
    context.close()
