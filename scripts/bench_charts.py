"""Chart pipeline benchmark: spec building, cold and warm rendering, publishing, per chart.

    .venv/bin/python scripts/bench_charts.py --structures 300 --workers 2

Synthetic structures (6 indicators, 12 quarters, gaps, confidence intervals, targets) go through the
same code as the site: one small-multiples figure per structure (ChartBuilder.trend), rendered in a
spawn pool into a fresh cache, rendered again (all cache hits), then published (view + files). The
last lines extrapolate to a national build (15 000 structures on 2 cores).
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from results.charts import (  # noqa: E402
    ChartBuilder,
    ChartCache,
    Point,
    RenderSettings,
    TrendPanel,
    chart_view,
    render_charts,
    write_chart_files,
)
from results.charts.render import Renderer  # noqa: E402
from results.charts.specs import PanelStyle, TrendStyle, trend_chart  # noqa: E402
from results.core.periods import Period  # noqa: E402
from results.i18n.formats import Formats  # noqa: E402
from results.model import Indicator  # noqa: E402

UNITS = [("percent", 0, "higher"), ("percent", 1, "higher"), ("days", 1, "lower"), ("score_10", 1, "higher"),
         ("minutes", 0, "lower"), ("points", 0, "higher")]


def indicators(count: int) -> list[Indicator]:
    return [
        Indicator(f"ind{i}", "", f"Indicateur de démonstration {i}", "", "perceived_quality", unit, direction,
                  decimals, "quarterly", "median", "", "", f"ind{i}")
        for i, (unit, decimals, direction) in enumerate((UNITS * 3)[:count])
    ]


def structure_panels(rng: random.Random, inds: list[Indicator]) -> list[TrendPanel]:
    start = Period.parse("2023-Q1")
    panels = []
    for indicator in inds:
        scale = {"percent": 70, "days": 12, "score_10": 7, "minutes": 20, "points": 30}[indicator.unit]
        base = scale * rng.uniform(0.8, 1.1)
        series, reference = [], []
        for step in range(12):
            value = None if rng.random() < 0.08 else round(base + rng.gauss(0, scale * 0.04), indicator.decimals)
            ci = scale * 0.05 if indicator.unit == "percent" and value is not None else None
            series.append(Point(start.shifted(step), value, value - ci if ci else None, value + ci if ci else None))
            reference.append(Point(start.shifted(step), round(scale + step * 0.1, 1)))
        target = scale * 1.05 if rng.random() < 0.5 else None
        panels.append(TrendPanel(indicator, series, reference, target))
    return panels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--structures", type=int, default=300)
    parser.add_argument("--indicators", type=int, default=6)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--png", action="store_true", help="also render a PNG for every chart")
    parser.add_argument("--national", type=int, default=15_000, help="structures to extrapolate to")
    parser.add_argument("--per-indicator", action="store_true",
                        help="one chart per structure × indicator instead of one small-multiples figure")
    args = parser.parse_args()
    rng = random.Random(20250101)
    inds = indicators(args.indicators)
    data = [structure_panels(rng, inds) for _ in range(args.structures)]

    started = time.perf_counter()
    naive = 20
    for panels in data[:naive]:  # what a fresh Altair chart per figure would cost
        styles = tuple(PanelStyle(p.indicator.label, p.indicator.unit, p.indicator.decimals) for p in panels)
        trend_chart(TrendStyle(styles, "Cette structure", "Médiane du réseau")).to_dict()
    altair_ms = (time.perf_counter() - started) / naive * 1000

    builder = ChartBuilder(Formats("fr_FR"))
    started = time.process_time()
    if args.per_indicator:
        charts = [builder.trend(f"s{i}-{j}", f"Structure {i}", [panel], "Cette structure", "Médiane du réseau",
                                png=args.png) for i, panels in enumerate(data) for j, panel in enumerate(panels)]
    else:
        charts = [builder.trend(f"s{i}", f"Structure {i}", panels, "Cette structure", "Médiane du réseau",
                                png=args.png) for i, panels in enumerate(data)]
    for chart in charts:
        chart.digest  # noqa: B018 — the canonical JSON and its hash are part of the per-chart cost
    build_ms = (time.process_time() - started) / len(data) * 1000  # per structure
    shapes = len(builder.templates._templates)

    renderer = Renderer()
    sample = charts[:10]
    timings = {}
    for static_text in (False, True):
        renderer.svg(sample[0].spec, static_text)
        began = time.process_time()
        for chart in sample:
            renderer.svg(chart.spec, static_text)
        timings[static_text] = (time.process_time() - began) / len(sample) * 1000

    with tempfile.TemporaryDirectory() as folder:
        settings = RenderSettings(cache_dir=Path(folder) / "cache", workers=args.workers, png_scale=2.0)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cold = render_charts(charts, settings)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
        warm = render_charts(charts, settings)
        cache = ChartCache(settings.cache_dir)
        started = time.process_time()
        for chart in charts:
            chart_view(chart, f"structures/{chart.id}/evolution", cache)
            write_chart_files(chart, f"structures/{chart.id}/evolution", Path(folder) / "output", cache)
        publish_ms = (time.process_time() - started) / len(data) * 1000
        output = Path(folder) / "output"
        sizes = [path.stat().st_size for path in output.rglob("*.svg")]
        data_bytes = sum(path.stat().st_size for path in output.rglob("*.vl.json") if "modeles" not in path.parts)
        png_bytes = sum(path.stat().st_size for path in output.rglob("*.png"))

    count, structures = len(charts), len(data)
    per_second = cold.rendered / cold.seconds
    cpu_per_structure = worker_cpu / structures * 1000
    layout = "one per structure × indicator" if args.per_indicator else f"one per structure, {args.indicators} panels"
    print(f"charts: {count} ({layout}; {shapes} template shapes) for {structures} structures")
    print(f"Altair build, fresh chart per figure: {altair_ms:.1f} ms; template + data: {build_ms:.2f} ms a structure")
    print(f"render one figure in-process (CPU): {timings[False]:.1f} ms all text by Vega, "
          f"{timings[True]:.1f} ms with static text")
    print(f"cold render, {args.workers} workers: {cold.rendered} in {cold.seconds:.1f} s wall = {per_second:.1f}/s; "
          f"workers' CPU {cpu_per_structure:.1f} ms a structure (incl. start-up){' with PNG' if args.png else ''}")
    print(f"warm render: {warm.rendered} rendered, {warm.cache_hits} cache hits in {warm.seconds:.2f} s")
    print(f"publish (view + files): {publish_ms:.2f} ms a structure; SVG {sum(sizes) / len(sizes) / 1000:.1f} kB avg, "
          f"spec data {data_bytes / structures / 1000:.1f} kB, PNG {png_bytes / structures / 1000:.1f} kB a structure")
    national = args.national
    print(f"national ({national} structures, {args.workers} cores): cold render ≈ "
          f"{national * cpu_per_structure / 1000 / args.workers / 60:.1f} min from CPU time "
          f"({national * count / structures / per_second / 60:.1f} min at this run's wall rate) "
          f"+ {national * build_ms / 1000:.0f} s build; warm ≈ {national * (build_ms + publish_ms) / 1000:.0f} s "
          f"build + publish + {national * warm.seconds / structures:.1f} s cache check; "
          f"{national * sum(sizes) / structures / 1e9:.2f} GB SVG, "
          f"{national * data_bytes / structures / 1e9:.2f} GB JSON, "
          f"{national * png_bytes / structures / 1e9:.2f} GB PNG")


if __name__ == "__main__":
    main()
