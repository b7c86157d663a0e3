"""Charts promised by the pages exist as static files, and an unchanged rebuild renders none."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from support.paths import GOOD_FIXTURE
from support.site import build_site

FIGURE = re.compile(r'<figure class="chart" id="([^"]+)".*?<img src="([^"]+)"', re.S)


def promised_charts(output: Path) -> list[tuple[Path, str, Path]]:
    """(page, chart id, SVG file the page points to) for every chart figure of every page."""
    charts = []
    for page in output.rglob("*.html"):
        base = "http://site/" + page.relative_to(output).as_posix()
        for chart_id, src in FIGURE.findall(page.read_text("utf-8")):
            charts.append((page, chart_id, output / urlparse(urljoin(base, src)).path.lstrip("/")))
    return charts


def test_every_chart_shown_has_its_static_svg_data_and_spec(demo_site: Path) -> None:
    charts = promised_charts(demo_site)
    structures_with_chart = {page.parent.name for page, chart_id, _ in charts if chart_id == "graphique-evolution"}
    structure_pages = [p for p in demo_site.glob("services/*/index.html") if not p.parent.name.startswith("lettre-")]
    assert len(structures_with_chart) >= 0.9 * len(structure_pages)
    assert any(chart_id == "graphique-national" for _, chart_id, _ in charts)
    assert any(chart_id == "graphique-distribution" for _, chart_id, _ in charts)
    for page, chart_id, svg in charts:
        assert svg.exists(), f"{page}: {chart_id} → {svg}"
        assert svg.read_text("utf-8").lstrip().startswith(("<svg", "<?xml")), svg
        own_csv = svg.with_name(svg.stem + ".csv")
        if chart_id == "graphique-evolution":  # one data file serves the chart and the download
            assert not own_csv.exists(), own_csv
            links = re.findall(r'href="([^"]+\.csv)"', page.read_text("utf-8").split(f'id="{chart_id}"')[1]
                               .split("</figure>")[0])
            base = "http://site/" + page.relative_to(demo_site).as_posix()
            targets = [demo_site / urlparse(urljoin(base, link)).path.lstrip("/") for link in links]
            assert [t.name.startswith(("resultats-", "valeurs-reseau-")) for t in targets] == [True, True], links
            assert all(t.is_file() for t in targets), links
            # its data part travels in the page (one file less per structure): a JSON block, never run
            assert not svg.with_name(svg.stem + ".vl.json").exists()
            source = page.read_text("utf-8")
            assert f'data-chart-spec="#{chart_id}-donnees"' in source
            block = re.search(rf'<script type="application/json" id="{chart_id}-donnees">(.*?)</script>', source, re.S)
            assert block is not None and json.loads(block.group(1))["datasets"]["lines_0"]["c"], page
        else:
            assert own_csv.exists(), own_csv
            assert svg.with_name(svg.stem + ".vl.json").exists()


def test_an_unchanged_rebuild_renders_no_chart(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    build_site(GOOD_FIXTURE, tmp_path / "first")
    first = [r.getMessage() for r in caplog.records if "graphiques :" in r.getMessage() and "rendus" in r.getMessage()]
    caplog.clear()
    build_site(GOOD_FIXTURE, tmp_path / "second")  # same parent folder: same chart cache
    second = [r.getMessage() for r in caplog.records if "graphiques :" in r.getMessage() and "rendus" in r.getMessage()]
    rendered_first = int(re.search(r"(\d+) rendus", first[-1]).group(1))
    assert rendered_first > 0
    assert re.search(r"\b0 rendus, (\d+) repris", second[-1]).group(1) == str(rendered_first)
