"""Charts: Vega-Lite specs built from the model, rendered once to static SVG/PNG, enhanced in the browser.

Public API (what the generator calls):

    builder = ChartBuilder()                                   # one per build
    chart = builder.trend("evolution", "Évolution des résultats", panels, "Cette structure",
                          "Médiane du réseau")                 # or builder.distribution(...)
    report = render_charts(all_charts, RenderSettings(cache_dir=..., workers=...))
    view = chart_view(chart, "structures/caf-paris/evolution", ChartCache(cache_dir))
    write_chart_files(chart, "structures/caf-paris/evolution", output_path, ChartCache(cache_dir))

Templates show a `ChartView` with `partials/chart.html`; theme/static/js/charts.js enhances it.
"""

from .build import BAND_NAME, TARGET_NAME, Chart, ChartBuilder, TrendPanel
from .inputs import Point, StructureValue, points_from_aggregates, points_from_results
from .publish import ChartView, Download, chart_paths, chart_view, format_size, write_chart_files
from .render import ChartCache, RenderReport, RenderSettings, render_charts
from .summary import Table

__all__ = [
    "BAND_NAME",
    "TARGET_NAME",
    "Chart",
    "ChartBuilder",
    "ChartCache",
    "ChartView",
    "Download",
    "Point",
    "RenderReport",
    "RenderSettings",
    "StructureValue",
    "Table",
    "TrendPanel",
    "chart_paths",
    "chart_view",
    "format_size",
    "points_from_aggregates",
    "points_from_results",
    "render_charts",
    "write_chart_files",
]
