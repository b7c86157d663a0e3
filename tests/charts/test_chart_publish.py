"""Published files and the view the template receives."""

from __future__ import annotations

import json

from chartcheck import make_indicator, series
from results.charts import (
    ChartBuilder,
    ChartCache,
    RenderSettings,
    TrendPanel,
    chart_view,
    format_size,
    render_charts,
    write_chart_files,
)


def test_view_and_files(tmp_path):
    chart = ChartBuilder().trend("evolution", "Évolution", [TrendPanel(make_indicator(), series([70, 74]))],
                                 "Ensemble des structures")
    cache_dir = tmp_path / "cache"
    render_charts([chart], RenderSettings(cache_dir=cache_dir, workers=0, png_scale=1))
    cache = ChartCache(cache_dir)
    view = chart_view(chart, "indicateurs/satisfaction/evolution", cache)
    assert view.svg_url == "indicateurs/satisfaction/evolution.svg"
    assert view.spec_url == "indicateurs/satisfaction/evolution.vl.json"
    assert [d.label for d in view.downloads] == ["SVG", "PNG", "données CSV"]
    assert all(d.size.endswith("\u00a0ko") for d in view.downloads)
    assert view.width == 354 and view.height > 200
    written = write_chart_files(chart, "indicateurs/satisfaction/evolution", tmp_path / "output", cache)
    names = sorted(path.name for path in written)
    assert names == ["evolution.csv", "evolution.png", "evolution.svg", "evolution.vl.json"]
    output = tmp_path / "output"
    data = json.loads((output / view.spec_url).read_text(encoding="utf-8"))
    template = json.loads((output / view.template_url).read_text(encoding="utf-8"))
    assert view.template_url.startswith("graphiques/modeles/")
    assert {**template, **data, "datasets": {**template.get("datasets", {}), **data["datasets"]}} == chart.spec
    csv_text = (tmp_path / "output/indicateurs/satisfaction/evolution.csv").read_text(encoding="utf-8")
    assert csv_text == chart.csv


def test_format_size():
    assert format_size(10) == "1\u00a0ko"
    assert format_size(12_345) == "12\u00a0ko"
    assert format_size(1_234_567) == "1,2\u00a0Mo"
