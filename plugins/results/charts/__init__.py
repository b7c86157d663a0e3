"""Charts: Vega-Lite specs built from the model, rendered once to static SVG/PNG, enhanced in the browser.

Public API (what the generator calls):

    builder = ChartBuilder()                                     # one per build
    publisher = ChartPublisher(RenderSettings.from_settings(settings))
    chart = builder.trend("evolution", "Évolution des résultats", panels, "Cette structure",
                          "Médiane du réseau")                   # or builder.distribution(...)
    publisher.add(chart, "structures/caf-paris/evolution")       # … every chart of the site
    report = publisher.render()                                  # once: renders what the cache lacks
    view = publisher.view("structures/caf-paris/evolution")      # ChartView for partials/chart.html
    publisher.write(output_path)                                 # in generate_output

Templates show a `ChartView` with `partials/chart.html`; theme/static/js/charts.js enhances it.
"""

from .build import BAND_NAME, TARGET_NAME, Chart, ChartBuilder, TrendPanel
from .inputs import Point, StructureValue, points_from_aggregates, points_from_results
from .publish import ChartPublisher, ChartView, Download, chart_paths, chart_view, format_size, write_chart_files
from .render import ChartCache, RenderReport, RenderSettings, render_charts
from .summary import Table

__all__ = [
    "BAND_NAME",
    "TARGET_NAME",
    "Chart",
    "ChartBuilder",
    "ChartCache",
    "ChartPublisher",
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
