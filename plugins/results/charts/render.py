"""Render chart specs to static SVG (and PNG) once, cached on disk by the hash of the canonical spec.

- The cache key is sha256(library versions + drawing code + canonical spec JSON): a rebuild renders
  only charts whose data changed; upgrading Altair, vl-convert or the pinned Vega-Lite, or editing the
  code that draws and post-processes the SVG (`DRAWING_MODULES`), invalidates everything — no
  hand-bumped revision to forget. `ChartCache` owns keys and paths; the build prunes unused entries.
- Missing charts are rendered in a `spawn` process pool: a `fork` pool hangs once vl-convert has run in
  the parent, and the V8 start (~1 s) is paid once per worker, not per chart.
- Each worker compiles Vega-Lite to Vega once per chart *shape* (specs differing only in `datasets`,
  `params` and `description`) and swaps the data in; simple text layers are drawn by statictext.py.
  Both are pure speed-ups: the SVG is what `vegalite_to_svg` would draw (tests check it).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.atomic import write_atomic
from . import statictext
from .specdata import DATA_KEYS, canonical_json, merge_spec
from .svgpost import finish_svg

if TYPE_CHECKING:  # the render workers import this module: keep Altair (via build/specs) out of them
    from .build import Chart

VEGA_LITE_VERSION = "6.4"  # pinned: vl-convert bundles several; the browser gets specs compiled with it
# Modules of this package whose code decides the bytes of a rendered SVG or PNG: their source is part
# of the cache key, so editing any of them re-renders every chart on the next build.
DRAWING_MODULES = ("render", "svgpost", "statictext", "specdata")


@dataclass(frozen=True)
class RenderSettings:
    """Where the cache lives, how many workers render, and at which scale PNGs are made."""

    cache_dir: Path = Path(".cache/charts")
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    png_scale: float = 2.0  # crisp when printed or projected
    static_text: bool = True  # draw simple text layers in Python (2-3× faster renders)

    @classmethod
    def from_config(cls, config: Any) -> RenderSettings:
        """From the typed `ResultsSettings`."""
        return cls(
            cache_dir=Path(config.chart_cache),
            workers=int(config.chart_workers or os.cpu_count() or 1),
            png_scale=float(config.chart_png_scale),
        )

    @classmethod
    def from_settings(cls, settings: dict) -> RenderSettings:
        """From Pelican settings: RESULTS_CHART_CACHE, RESULTS_CHART_WORKERS (0: render in-process),
        RESULTS_CHART_PNG_SCALE."""
        return cls(
            cache_dir=Path(settings.get("RESULTS_CHART_CACHE", ".cache/charts")),
            workers=int(settings.get("RESULTS_CHART_WORKERS") or os.cpu_count() or 1),
            png_scale=float(settings.get("RESULTS_CHART_PNG_SCALE", 2.0)),
        )


@dataclass(frozen=True)
class RenderReport:
    """What a render pass did, for the build log and for tests ("a second build renders 0")."""

    rendered: int
    cache_hits: int
    png_rendered: int
    seconds: float


def code_fingerprint(folder: Path = Path(__file__).parent) -> str:
    """sha256 of the source of the drawing modules (see `DRAWING_MODULES`)."""
    digest = hashlib.sha256()
    for name in DRAWING_MODULES:
        digest.update(name.encode() + b"\0" + (folder / f"{name}.py").read_bytes() + b"\0")
    return digest.hexdigest()


def versions_fingerprint() -> str:
    """Everything besides the spec that changes the output (the language's formats are in the spec:
    each template carries its `config.locale`, see locale.py)."""
    return ";".join([
        f"altair={metadata.version('altair')}",
        f"vl-convert={metadata.version('vl-convert-python')}",
        f"vega-lite={VEGA_LITE_VERSION}",
        f"code={code_fingerprint()[:16]}",
    ])


class ChartCache:
    """The one owner of cache keys and paths: SVG and PNG files named by key, in two-character subfolders."""

    def __init__(self, folder: Path, fingerprint: str | None = None) -> None:
        self.folder = Path(folder)
        self._fingerprint = fingerprint

    @property
    def fingerprint(self) -> str:
        """Computed on first use: render workers only need paths."""
        if self._fingerprint is None:
            self._fingerprint = versions_fingerprint()
        return self._fingerprint

    def prune(self, keep: set[str]) -> int:
        """Delete cached files (SVG, PNG, a page's inlined data) whose key is not in `keep`; returns how
        many were deleted."""
        deleted = 0
        for path in self.folder.glob("??/*.*"):
            if path.suffix in (".svg", ".png", ".json") and path.name.split(".", 1)[0] not in keep:
                path.unlink(missing_ok=True)
                deleted += 1
        return deleted

    def key(self, chart: Chart) -> str:
        return hashlib.sha256(f"{self.fingerprint}\n{chart.digest}".encode()).hexdigest()

    def vega_path(self, template_id: str) -> Path:
        """The chart shape's template compiled to Vega (what the browser draws: no compiler shipped)."""
        name = hashlib.sha256(f"{self.fingerprint}\n{template_id}".encode()).hexdigest()
        return self.folder / "vega" / f"{name}.vg.json"

    def path(self, key: str, extension: str) -> Path:
        return self.folder / key[:2] / f"{key}.{extension}"

    def missing(self, chart: Chart) -> tuple[str, bool, bool]:
        """(key, SVG missing, PNG missing and wanted)."""
        key = self.key(chart)
        return key, not self.path(key, "svg").exists(), chart.png and not self.path(key, "png").exists()


@dataclass
class _Job:
    key: str
    template_id: str
    data_json: str
    svg: bool
    png: bool


def render_charts(charts: Iterable[Chart], settings: RenderSettings | None = None,
                  on_rendered: Callable[[str], None] | None = None) -> RenderReport:
    """Make sure every chart has its SVG (and PNG if wanted) in the cache; render only what is missing.

    `on_rendered(key)` is called as each missing chart's files land in the cache (in completion
    order), so a caller can write that chart's files and let it go without waiting for the others."""
    settings = settings or RenderSettings()
    started = time.perf_counter()
    cache = ChartCache(settings.cache_dir)
    jobs: dict[str, _Job] = {}
    templates: dict[str, str] = {}
    shapes: dict[str, tuple] = {}  # template id → compile job, for shapes not yet compiled to Vega
    hits = 0
    for chart in charts:
        if chart.template.id not in shapes and not cache.vega_path(chart.template.id).exists():
            shapes[chart.template.id] = (str(cache.vega_path(chart.template.id)), chart.template.id, chart.data_json)
            templates[chart.template.id] = chart.template.json
        key, need_svg, need_png = cache.missing(chart)
        if key in jobs:
            jobs[key].svg |= need_svg
            jobs[key].png |= need_png
        elif need_svg or need_png:
            jobs[key] = _Job(key, chart.template.id, chart.data_json, need_svg, need_png)
            templates[chart.template.id] = chart.template.json
        else:
            hits += 1
    work = [(str(cache.folder), job.key, job.template_id, job.data_json, job.svg, job.png, settings.png_scale,
             settings.static_text) for job in jobs.values()]
    if work or shapes:
        _run(work, list(shapes.values()), templates, settings.workers, on_rendered or (lambda key: None))
    return RenderReport(
        rendered=sum(1 for job in jobs.values() if job.svg),
        cache_hits=hits,
        png_rendered=sum(1 for job in jobs.values() if job.png),
        seconds=time.perf_counter() - started,
    )


def _run(work: list[tuple], shapes: list[tuple], templates: dict[str, str], workers: int,
         done: Callable[[str], None]) -> None:
    """Render (and compile shapes to Vega) in a spawn pool, or in this process when `workers` is 0."""
    if workers <= 0:
        renderer = Renderer(templates)
        for shape in shapes:
            renderer.compile_job(*shape)
        for job in work:
            done(renderer.render_job(*job))
        return
    processes = max(1, min(workers, len(work) + len(shapes)))
    chunk = max(1, min(32, len(work) // (processes * 8)))
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=_start_worker, initargs=(templates,)) as pool:
        for _ in pool.imap_unordered(_compile_in_worker, shapes):
            pass
        for key in pool.imap_unordered(_render_in_worker, work, chunksize=chunk):
            done(key)


class Renderer:
    """Renders specs with vl-convert, compiling Vega-Lite to Vega once per chart shape (template)."""

    def __init__(self, templates: dict[str, str] | None = None) -> None:
        import vl_convert  # imported here: the parent process never needs V8

        self.vl_convert = vl_convert
        self.templates = {key: json.loads(text) for key, text in (templates or {}).items()}
        self._compiled: dict[str, tuple[dict, list]] = {}

    def svg(self, spec: dict, static_text: bool = True) -> str:
        """The finished SVG of any Vega-Lite spec (its shape is recognised by hashing it without data)."""
        shape = {k: v for k, v in spec.items() if k not in DATA_KEYS}
        shape_id = hashlib.sha256(
            json.dumps([shape, sorted(spec.get("datasets", {}))], sort_keys=True).encode()
        ).hexdigest()
        return self._draw(shape_id, spec, static_text)

    def chart_svg(self, template_id: str, data: dict, static_text: bool = True) -> str:
        """The finished SVG of a chart given as template id + data part."""
        return self._draw(template_id, merge_spec(self.templates[template_id], data), static_text)

    def _draw(self, shape_id: str, spec: dict, static_text: bool) -> str:
        compiled = self._compiled.get(f"{shape_id}:{static_text}")
        if compiled is None:
            drawn, lifted = statictext.split(spec) if static_text else (spec, [])
            drawn = _without_tooltips(drawn)  # invisible in an SVG; ~5 % of the render time
            compiled = (self.vl_convert.vegalite_to_vega(drawn, vl_version=VEGA_LITE_VERSION), lifted)
            self._compiled[f"{shape_id}:{static_text}"] = compiled
        vega, lifted = compiled
        _swap_data(vega, spec)
        svg = self.vl_convert.vega_to_svg(vega)  # formats: the template's `config.locale`
        return finish_svg(svg, spec, statictext.render_text(spec, lifted) if lifted else "")

    def interactive_vega(self, template_id: str, data: dict) -> dict:
        """The shape's Vega spec for the browser (tooltips kept), without this chart's data: the page
        script puts each chart's datasets and params back in (as `_swap_data` does here)."""
        spec = merge_spec(self.templates[template_id], data)
        vega = self.vl_convert.vegalite_to_vega(spec, vl_version=VEGA_LITE_VERSION)
        names = set(data.get("datasets", {}))
        for entry in vega.get("data", []):
            if entry.get("name") in names:
                entry["values"] = []
        vega.pop("description", None)
        return vega

    def compile_job(self, path: str, template_id: str, data_json: str) -> str:
        write_atomic(Path(path), canonical_json(self.interactive_vega(template_id, json.loads(data_json))))
        return path

    def render_job(self, folder: str, key: str, template_id: str, data_json: str, need_svg: bool, need_png: bool,
                   png_scale: float, static_text: bool) -> str:
        cache = ChartCache(Path(folder))
        svg_path = cache.path(key, "svg")
        if need_svg or not svg_path.exists():
            svg = self.chart_svg(template_id, json.loads(data_json), static_text)
            write_atomic(svg_path, svg)
        else:
            svg = svg_path.read_text(encoding="utf-8")
        if need_png:
            write_atomic(cache.path(key, "png"), self.vl_convert.svg_to_png(svg, scale=png_scale))
        return key


def _without_tooltips(value: Any) -> Any:
    """A copy of a spec without `tooltip` encodings (they only matter in the browser)."""
    if isinstance(value, dict):
        return {key: _without_tooltips(item) for key, item in value.items() if key != "tooltip"}
    if isinstance(value, list):
        return [_without_tooltips(item) for item in value]
    return value


def _swap_data(vega: dict, spec: dict) -> None:
    """Put this chart's datasets, params and description into a Vega spec compiled for its shape."""
    datasets = spec.get("datasets", {})
    for entry in vega.get("data", []):
        if entry.get("name") in datasets:
            entry["values"] = datasets[entry["name"]]
    params = {p["name"]: p.get("value") for p in spec.get("params", [])}
    for signal in vega.get("signals", []):
        if signal.get("name") in params:
            signal["value"] = params[signal["name"]]
    if "description" in spec:
        vega["description"] = spec["description"]


# Worker-process state: set by the pool initializer in spawned workers only, never in the build process.
_WORKER: list[Renderer] = []


def _start_worker(templates: dict[str, str]) -> None:
    _WORKER.append(Renderer(templates))


def _render_in_worker(job: tuple) -> str:
    return _WORKER[0].render_job(*job)


def _compile_in_worker(job: tuple) -> str:
    return _WORKER[0].compile_job(*job)
