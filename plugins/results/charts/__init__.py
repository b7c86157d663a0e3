"""Charts: Vega-Lite specs built from the model, rendered once to static SVG/PNG, enhanced in the browser.

Public API (what the generator calls):

    render_settings = RenderSettings.from_settings(settings)
    builder = ChartBuilder(formats, render_settings.cache_dir / "templates")  # one per build and language
    publisher = ChartPublisher(render_settings)
    chart = builder.trend("evolution", "Évolution des résultats", panels, "Cette structure",
                          "Médiane du réseau")                   # or builder.distribution(...)
    publisher.add(chart, "structures/caf-paris/evolution")       # … every chart of the site
    report = publisher.render()                                  # once: renders what the cache lacks
    view = publisher.view("structures/caf-paris/evolution")      # ChartView for partials/chart.html
    publisher.write(output_path)                                 # in generate_output

Templates show a `ChartView` with `partials/chart.html`; theme/static/js/charts.js enhances it.
"""

from importlib import import_module
from typing import Any

# Names resolved on first use (PEP 562): the spawned render workers import charts.render only, and so
# never pay for Altair, pandas or Pelican at start-up.
_EXPORTS = {
    "BAND_NAME": "build", "TARGET_NAME": "build", "Chart": "build", "ChartBuilder": "build", "TrendPanel": "build",
    "indicator_measure": "build",
    "DepartementValue": "inputs", "MapMeasure": "inputs", "Point": "inputs", "StructureValue": "inputs",
    "points_from_aggregates": "inputs", "points_from_results": "inputs",
    "ChartPublisher": "publish", "ChartView": "publish", "DataFiles": "publish", "Download": "publish",
    "WideImage": "publish", "chart_paths": "publish", "chart_view": "publish", "write_chart_files": "publish",
    "ChartCache": "render", "RenderReport": "render", "RenderSettings": "render", "render_charts": "render",
    "Table": "summary",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
