"""The chart cache cannot go stale: editing the code that draws or post-processes the SVG re-renders.

The plugin is copied to a temporary folder and run in a fresh Python process from there, so the test
edits a real `svgpost.py` (the copy's) and the cache key is computed from the code that process runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from support.paths import ROOT

RENDER = """
import json, sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from chartcheck import FRENCH, make_indicator, series
from results.charts import ChartBuilder, RenderSettings, TrendPanel, render_charts
chart = ChartBuilder(FRENCH).trend("evolution", "Évolution", [TrendPanel(make_indicator(), series([70, 74]))], "Tous")
report = render_charts([chart], RenderSettings(cache_dir=__import__("pathlib").Path(sys.argv[3]), workers=0))
print(json.dumps({"rendered": report.rendered, "hits": report.cache_hits}))
"""


def render_once(plugins: Path, cache: Path) -> dict[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", RENDER, str(plugins), str(ROOT / "tests" / "charts"), str(cache)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_editing_the_svg_post_processing_code_re_renders_the_charts(tmp_path: Path) -> None:
    plugins = tmp_path / "plugins"
    shutil.copytree(ROOT / "plugins", plugins, ignore=shutil.ignore_patterns("__pycache__"))
    cache = tmp_path / "cache"
    assert render_once(plugins, cache) == {"rendered": 1, "hits": 0}
    assert render_once(plugins, cache) == {"rendered": 0, "hits": 1}  # unchanged code: served from the cache
    svgpost = plugins / "results" / "charts" / "svgpost.py"
    svgpost.write_text(svgpost.read_text("utf-8") + "\n# a maintainer's edit\n", encoding="utf-8")
    assert render_once(plugins, cache) == {"rendered": 1, "hits": 0}


def test_the_cache_keeps_only_what_the_build_used(tmp_path: Path) -> None:
    from chartcheck import FRENCH, make_indicator, series
    from results.charts import ChartBuilder, ChartPublisher, RenderSettings, TrendPanel

    def chart(values: list[float]):
        panels = [TrendPanel(make_indicator(), series(values))]
        return ChartBuilder(FRENCH).trend("evolution", "Évolution", panels, "Tous")

    settings = RenderSettings(cache_dir=tmp_path / "cache", workers=0)
    first = ChartPublisher(settings)
    first.add(chart([70, 74]), "a/evolution")
    first.add(chart([60, 64]), "b/evolution")
    first.render()
    assert len(list((tmp_path / "cache").glob("??/*.svg"))) == 2
    second = ChartPublisher(settings)  # the next build: b's data changed
    second.add(chart([70, 74]), "a/evolution")
    second.add(chart([61, 64]), "b/evolution")
    second.render()
    assert second.prune() == 2  # the old b chart: its SVG and its PNG
    kept = {path.stem for path in (tmp_path / "cache").glob("??/*.svg")}
    assert kept == {second.cache.key(chart([70, 74])), second.cache.key(chart([61, 64]))}
    second.write(tmp_path / "output")  # published charts still count as used
    assert second.prune() == 0
