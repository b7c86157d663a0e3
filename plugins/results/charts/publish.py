"""A rendered chart as the page sees it (`ChartView`) and as files next to the page.

Each chart is published as up to four files sharing one base path (relative to the output folder):
`<base>.svg` (shown with `<img>`, works without JavaScript), `<base>.png` (download, optional),
`<base>.csv` (the chart's data) and `<base>.vl.json` (the data part of its spec: datasets, params). A chart
whose page already offers the same figures as CSV (a structure's results) has no CSV of its own: its
"données CSV" link points to the page's file, which saves one file and ~24 KB per structure. The
template part, identical for every chart of one shape (a network's structures share one), is
compiled from Vega-Lite to Vega at build time and written once as `graphiques/modeles/<id>.vg.json`;
the page script fetches both and merges them (no Vega-Lite compiler is sent to the browser). At national
scale this divides the JSON published per structure by about four.

A chart added with `inline=True` (a structure's: 15 000 of them nationally) has no `.vl.json` file: its
page carries the data part in a `<script type="application/json">` block (`ChartView.inline_data`), by
column and without the description the page's caption already says — one file less and about half
the bytes per structure. Until its page is written, that text waits in the chart cache, not in memory.
Rows every chart of a group repeats (`shared_series`: a structure's chart draws its network's value,
the same rows for every structure of the network) leave the page for one file named by its content,
`graphiques/series/<sha256[:20]>.json` (the rows by columns): the page's dataset names it (`"s"`) and
theme/js/charts.js puts its rows first, as the published spec has them. Nationally that is ~200 files
(networks × indicators) instead of ~6 KB in each of 15 000 pages, and a reader's browser fetches a
network's series once for all its structures.
URLs in the view are relative to the site root; templates prefix them with `{{ SITEURL }}/`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.atomic import write_atomic
from ..core.sizes import file_size
from ..i18n.formats import N_
from .build import Chart
from .render import ChartCache, RenderReport, RenderSettings, render_charts
from .specdata import canonical_json
from .summary import Table

_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


@dataclass(frozen=True)
class Download:
    label: str  # "SVG", "PNG", "données CSV"
    url: str
    size: str  # "12 ko"
    mime: str


@dataclass(frozen=True)
class WideImage:
    """The static SVG shown instead on screens at least `min_width` wide (a CSS length)."""

    svg_url: str
    width: int
    height: int
    min_width: str


@dataclass(frozen=True)
class ChartView:
    """Everything `partials/chart.html` needs; every string is plain text (autoescaped)."""

    id: str
    title: str
    sentences: tuple[str, ...]
    tables: tuple[Table, ...]
    svg_url: str
    png_url: str | None
    csv_url: str
    spec_url: str  # the data part of the spec
    template_url: str  # the shared template part, compiled to Vega
    width: int
    height: int
    downloads: tuple[Download, ...]
    wide: WideImage | None = None  # a wider static SVG for wide screens (a <source> of the <picture>)
    inline_data: str = ""  # the data part for the page's <script type="application/json">, HTML-safe
    shared_folder: str = ""  # where the files its inlined datasets name (`"s"`) are, with a final slash

    @property
    def summary(self) -> str:
        return " ".join(self.sentences)


def _svg_size(path: Path) -> tuple[int, int]:
    with path.open(encoding="utf-8") as handle:
        head = handle.read(600)
    match = _SIZE.search(head)
    if not match:
        return (0, 0)
    return round(float(match.group(1))), round(float(match.group(2)))


TEMPLATES_FOLDER = "graphiques/modeles"


def chart_paths(base_path: str, chart: Chart | None = None) -> dict[str, str]:
    """Output-relative paths of a chart's files, by kind (`template` needs the chart)."""
    base = base_path.strip("/")
    paths = {"svg": f"{base}.svg", "png": f"{base}.png", "csv": f"{base}.csv", "json": f"{base}.vl.json"}
    if chart is not None:
        paths["template"] = f"{TEMPLATES_FOLDER}/{chart.template.id[:20]}.vg.json"
    return paths


INLINE_FORMAT = "inline3"  # the cache file of an inlined data part: change it when `inline_data` changes
SHARED_FOLDER = "graphiques/series"  # rows many charts repeat, one file each, named by their content


def inline_data(data_json: str, shared_series: tuple[str, ...] = ()) -> str:
    """A chart's data part as its page carries it, about half the bytes of the published form: each
    dataset by columns (`{"k": keys, "c": columns}`, a missing key written null: theme/js/charts.js
    leaves nulls out again), a column of few distinct texts (period labels, series names) as
    `{"d": distinct texts, "i": their indexes}`, no `description` (the figure's caption), and `<`, `>`,
    `&` escaped so the text cannot end its <script> element. A dataset whose first rows belong to
    `shared_series` names their file instead (`"s"`, see `shared_rows`)."""
    return split_inline_data(data_json, shared_series)[0]


def split_inline_data(data_json: str, shared_series: tuple[str, ...] = ()) -> tuple[str, dict[str, str]]:
    """`inline_data`, and the shared files it names (file name without extension → JSON text)."""
    data = json.loads(data_json)
    data.pop("description", None)
    shared: dict[str, str] = {}
    datasets = {}
    for name, rows in data.get("datasets", {}).items():
        head, own = shared_rows(rows, shared_series)
        if not head:
            datasets[name] = _columns(rows)
            continue
        text = canonical_json(_columns(head))
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
        shared[key] = text + "\n"
        datasets[name] = {"s": key, **(_columns(own) or {"k": [], "c": []})}
    data["datasets"] = datasets
    page = canonical_json(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return page, shared


def shared_rows(rows: list[dict], shared_series: tuple[str, ...]) -> tuple[list[dict], list[dict]]:
    """The leading rows of `rows` that belong to `shared_series` (by their `serie`), and the rest. Only
    a leading run is shared, so that joining them again (shared first) gives back the same order."""
    count = 0
    while count < len(rows) and isinstance(rows[count], dict) and rows[count].get("serie") in shared_series:
        count += 1
    return rows[:count], rows[count:]


def shared_path(key: str) -> str:
    """Output-relative path of a shared series file."""
    return f"{SHARED_FOLDER}/{key}.json"


def _columns(rows: list[dict]) -> dict | list:
    if not rows:
        return rows
    keys = sorted({key for row in rows for key in row})
    return {"k": keys, "c": [_column([row.get(key) for row in rows]) for key in keys]}


def _column(values: list) -> list | dict:
    distinct = list(dict.fromkeys(values))
    texts = all(value is None or isinstance(value, str) for value in values)
    if not texts or 2 * len(distinct) > len(values):
        return values
    index = {value: position for position, value in enumerate(distinct)}
    return {"d": distinct, "i": [index[value] for value in values]}


def inline_id(chart_id: str) -> str:
    """The id of the <script> element that holds a chart's inlined data."""
    return f"{chart_id}-donnees"


DataFiles = tuple[tuple[str, str], ...]  # (link label, output-relative URL) of CSV files already published


CSV_LABEL = N_("données CSV")  # translated where it is shown (partials/chart.html)


def _data_downloads(chart: Chart, paths: dict[str, str], data_files: DataFiles,
                    output: Path | None, language: str = "fr") -> list[Download]:
    """The chart's own CSV, or the site's files that hold the same figures."""
    if not data_files:
        return [Download(CSV_LABEL, paths["csv"], file_size(len(chart.csv.encode("utf-8")), language), "text/csv")]
    return _data_downloads_of_files(data_files, output, language)


def _data_downloads_of_files(data_files: DataFiles, output: Path | None, language: str = "fr") -> list[Download]:
    """Links to the page's CSV files, with their sizes read from disk once they are written."""
    downloads = []
    for label, url in data_files:
        written = Path(output) / url if output is not None else None
        size = file_size(written.stat().st_size, language) if written is not None and written.is_file() else ""
        downloads.append(Download(label, url, size, "text/csv"))
    return downloads


def chart_view(chart: Chart, base_path: str, cache: ChartCache, data_files: DataFiles = (),
               output: Path | None = None, inline: bool = False, language: str = "fr") -> ChartView:
    """The view of a chart already rendered into `cache` (file sizes are read from the cache).

    `data_files`: CSV files published for the page that hold the chart's figures, offered instead of
    a chart CSV (the first one is the chart's `csv_url`). `inline`: the page carries the data part
    (`spec_url` is then `#<id>-donnees`; `inline_data` is filled by `ChartPublisher.publish`)."""
    key = cache.key(chart)
    svg_file, png_file = cache.path(key, "svg"), cache.path(key, "png")
    if not svg_file.exists():
        raise FileNotFoundError(f"graphique {chart.id!r} non rendu : appeler render_charts() avant chart_view()")
    paths = chart_paths(base_path, chart)
    width, height = _svg_size(svg_file)
    downloads = [Download("SVG", paths["svg"], file_size(svg_file.stat().st_size, language), "image/svg+xml")]
    has_png = chart.png and png_file.exists()
    if has_png:
        downloads.append(Download("PNG", paths["png"], file_size(png_file.stat().st_size, language), "image/png"))
    data = _data_downloads(chart, paths, data_files, output, language)
    downloads.extend(data)
    return ChartView(
        id=chart.id, title=chart.title, sentences=chart.sentences, tables=chart.tables,
        svg_url=paths["svg"], png_url=paths["png"] if has_png else None, csv_url=data[0].url,
        spec_url=f"#{inline_id(chart.id)}" if inline else paths["json"], template_url=paths["template"],
        width=width, height=height,
        downloads=tuple(downloads),
    )


def _link_or_copy(source: Path, target: Path) -> None:
    """Hard-link from the cache when possible (no bytes copied), else copy."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def write_chart_files(chart: Chart, base_path: str, output_path: Path, cache: ChartCache,
                      inline: bool = False, shared_series: tuple[str, ...] = ()) -> list[Path]:
    """Write the chart's SVG, PNG (if rendered), CSV and spec under `output_path`, and its template if
    not yet there; returns the chart's own paths. `inline`: no spec file; its page-ready text goes to
    the cache (`inline_path`) for `ChartPublisher.publish` to read when the page is written, and the
    rows of `shared_series` to their shared files (written once, listed with the chart's files)."""
    key = cache.key(chart)
    paths = {kind: Path(output_path) / relative for kind, relative in chart_paths(base_path, chart).items()}
    if not paths["template"].exists():
        paths["template"].parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(cache.vega_path(chart.template.id), paths["template"])
    paths["svg"].parent.mkdir(parents=True, exist_ok=True)
    written = [paths["svg"]] if inline else [paths["svg"], paths["json"]]
    _link_or_copy(cache.path(key, "svg"), paths["svg"])
    png = cache.path(key, "png")
    if chart.png and png.exists():
        _link_or_copy(png, paths["png"])
        written.append(paths["png"])
    if chart.csv:
        paths["csv"].write_text(chart.csv, encoding="utf-8", newline="")
        written.append(paths["csv"])
    if inline:
        page, shared = split_inline_data(chart.data_json, shared_series)
        waiting = inline_path(cache, key)
        if not waiting.exists():
            waiting.write_text(page, encoding="utf-8")
        for shared_key, text in shared.items():
            target = Path(output_path) / shared_path(shared_key)
            if not target.exists():  # named by its content: an existing (whole, atomic) file has these bytes
                write_atomic(target, text)
            written.append(target)
        paths["json"].unlink(missing_ok=True)  # a previous build's file
    else:
        paths["json"].write_text(chart.data_json, encoding="utf-8")
    return written


def inline_path(cache: ChartCache, key: str) -> Path:
    """Where a chart's inlined data part waits for its page (next to its SVG in the cache)."""
    return cache.path(key, f"{INLINE_FORMAT}.json")


class ChartPublisher:
    """One build's charts: collect them while planning pages, render what the cache lacks in one pass,
    and write each chart's files as soon as its SVG exists, keeping only what its page shows.

    Rendering all missing charts at once keeps the spawn pool busy and pays the V8 start once per
    worker. With `output_path`, a chart already in the cache is written when it is added, and a new
    one as soon as its render finishes: the build then holds the small `ChartView` of each chart until
    its page, never the chart's data, spec and CSV. Without it (tests, tools), charts are kept until
    `publish` / `write`.
    """

    def __init__(self, settings: RenderSettings, output_path: Path | None = None, language: str = "fr") -> None:
        """`language`: the build's (`fr`, `en`), for the file sizes its pages show."""
        self.settings = settings
        self.language = language
        self.cache = ChartCache(settings.cache_dir)
        self.output_path = Path(output_path) if output_path is not None else None
        self._charts: dict[str, Chart] = {}  # base path → chart not yet written
        self._views: dict[str, ChartView] = {}  # base path → view of a chart already written
        self._added: dict[str, tuple[str, str]] = {}  # base path → (chart digest, title): collisions
        self._data_files: dict[str, DataFiles] = {}  # base path → the page's CSV files with its figures
        self._keys: set[str] = set()  # cache keys used by this build (for `prune`)
        self._files: dict[str, list[str]] = {}  # base path → output-relative files written for it
        self._key_of: dict[str, str] = {}  # base path → cache key
        self._hits: set[str] = set()  # cache keys found drawn when added (a chart shown on two pages counts once)
        self._inline: set[str] = set()  # base paths whose page carries the data part
        self._shared: dict[str, tuple[str, ...]] = {}  # base path → series its page names in shared files
        self._report: RenderReport | None = None

    def add(self, chart: Chart, base_path: str, data_files: DataFiles = (), inline: bool = False,
            shared_series: tuple[str, ...] = ()) -> None:
        """Register a chart published at `base_path` (output-relative, without extension).

        `data_files`: for a chart built without CSV, the page's files (label, output-relative URL)
        that hold its figures, offered by its links instead. `inline`: its page carries its data part
        (no `.vl.json` file), except the rows of `shared_series`, which go to shared files."""
        base = base_path.strip("/")
        if not chart.csv and not data_files:
            raise ValueError(f"graphique {base!r} sans CSV : indiquer les fichiers de la page qui ont ses données")
        previous = self._added.get(base)
        if previous is not None and previous != (chart.digest, chart.title):
            raise ValueError(f"deux graphiques publiés sous {base!r} : « {previous[1]} » et « {chart.title} »")
        if previous is not None:
            return
        self._added[base] = (chart.digest, chart.title)
        if data_files:
            self._data_files[base] = data_files
        if inline:
            self._inline.add(base)
            if shared_series:
                self._shared[base] = shared_series
        key, need_svg, need_png = self.cache.missing(chart)
        self._keys.add(key)
        self._key_of[base] = key
        if self.output_path is not None and not need_svg and not need_png:
            self._hits.add(key)
            self._write(base, chart)  # already drawn: written now, only its view is kept
            return
        self._charts[base] = chart
        self._report = None

    def _write(self, base: str, chart: Chart) -> None:
        """Write a rendered chart's files now and keep only the view its page shows."""
        inline = base in self._inline
        self._views[base] = chart_view(chart, base, self.cache, self._data_files.get(base, ()), inline=inline,
                                       language=self.language)
        self._record(base, chart, write_chart_files(chart, base, self.output_path, self.cache, inline,
                                                    self._shared.get(base, ())), self.output_path)

    @property
    def waiting(self) -> int:
        """Charts added and not written yet: those the cache lacks, until `render` (with an output path)."""
        return len(self._charts)

    def render(self) -> RenderReport:
        """Render what the cache lacks; call once after every chart was added."""
        pending: dict[str, list[str]] = {}
        for base, chart in self._charts.items():
            pending.setdefault(self.cache.key(chart), []).append(base)

        def rendered(key: str) -> None:  # written as soon as its SVG exists, then forgotten
            for base in pending.pop(key, []):
                self._write(base, self._charts.pop(base))

        hits = len(self._hits)
        report = render_charts(self._charts.values(), self.settings,
                               on_rendered=rendered if self.output_path is not None else None)
        for chart in self._charts.values():  # the full specs only fed the renderer: free them
            chart.__dict__.pop("spec", None)
            chart.__dict__.pop("spec_json", None)
        if self.output_path is not None:
            for key in list(pending):  # charts of the cache found during this pass
                rendered(key)
        self._report = RenderReport(report.rendered, report.cache_hits + hits, report.png_rendered, report.seconds)
        return self._report

    def view(self, base_path: str, output_path: Path | None = None) -> ChartView:
        base = base_path.strip("/")
        if base in self._views:
            return self._views[base]
        if self._report is None:
            raise RuntimeError("ChartPublisher.render() doit être appelé avant view()")
        return chart_view(self._charts[base], base, self.cache, self._data_files.get(base, ()), output_path,
                          base in self._inline, self.language)

    def publish(self, base_path: str, output_path: Path) -> ChartView:
        """The chart's view for its page; its files are written now unless they already were.

        A chart written before its page (as soon as it was drawn) links to the page's CSV files: their
        sizes are read now, when the page's own files exist."""
        base = base_path.strip("/")
        data_files = self._data_files.pop(base, ())
        if base in self._views:
            view = self._views.pop(base)
            if data_files:
                data = [download for download in view.downloads if download.url not in dict(data_files).values()]
                data += _data_downloads_of_files(data_files, output_path, self.language)
                view = replace(view, downloads=tuple(data))
        else:
            inline = base in self._inline
            view = chart_view(self._charts[base], base, self.cache, data_files, output_path, inline, self.language)
            chart = self._charts.pop(base)
            self._record(base, chart, write_chart_files(chart, base, output_path, self.cache, inline,
                                                        self._shared.get(base, ())), output_path)
        if base in self._inline:
            self._inline.discard(base)
            self._shared.pop(base, None)
            view = replace(view, inline_data=inline_path(self.cache, self._key_of[base]).read_text(encoding="utf-8"),
                           shared_folder=f"{SHARED_FOLDER}/")
        return view

    def _record(self, base: str, chart: Chart, written: list[Path], output_path: Path) -> None:
        template = chart_paths(base, chart)["template"]
        self._files[base] = [str(Path(path).relative_to(output_path)) for path in written] + [template]

    def files(self, base_path: str) -> tuple[list[str], str | None]:
        """The files written for a chart (its own and its shape's template) and its cache key."""
        base = base_path.strip("/")
        return self._files.get(base, []), self._key_of.get(base)

    def keep(self, keys: list[str]) -> None:
        """Cache keys of charts carried over with their page: `prune` must not delete them."""
        self._keys.update(keys)

    def prune(self) -> int:
        """Delete cached files no chart of this build uses (a long-lived cache otherwise only grows).
        Do not call when several sites share one cache folder. Returns how many files were deleted."""
        return self.cache.prune(self._keys | {self.cache.key(chart) for chart in self._charts.values()})

    def write(self, output_path: Path) -> int:
        """Write the files of every chart not yet published; returns how many charts were written."""
        written = 0
        for base in list(self._charts):
            self.publish(base, output_path)
            written += 1
        for base in list(self._views):  # already written: their page was not
            self._views.pop(base)
            written += 1
        return written
