"""Vega-Lite specs for the site's charts, built with Altair once per *shape* and reused with new data.

Building an Altair chart costs ~10 ms and a national build draws tens of thousands of charts, so each
shape (a `TrendStyle` or `DistributionStyle`) is built once into a Vega-Lite dict whose layers read
*named* datasets and whose scale domains read top-level params; a chart is that dict plus its own
`datasets`, `params` and `description` (`SpecTemplates.fill`), which costs microseconds.

Rendering cost is dominated by text (vl-convert measures each text item, ~0.5 ms), so the charts have
no Vega axes, titles or legends: every text is a plain `text` layer placed either at a fixed pixel
position or on a scale whose domain is a param. The static renderer can then draw those texts itself
(see statictext.py) while the browser draws the very same spec with Vega.
Readability choices: the unit sits in the tick labels (`72 %`); time is a fractional year labelled
by whole years (no dates, no time zones); series differ by colour, marker shape and dash pattern.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import altair as alt

from ..core.atomic import write_atomic
from . import palette
from .mapspec import GEOMETRY, ChartWords, MapStyle, map_chart
from .specdata import Spec, Template, canonical_json

# Natural size: the SVG is 354 px wide, so on a 320 px screen (288 px of column) text is still ≥ 11 px.
WIDTH = 280
# A distribution's variant for wide screens (≥ 54rem: its column is ≥ 832 px): an 800 px SVG, so a strip
# of hundreds of structures is not squeezed into a third of the column (issue #16).
WIDE_WIDTH = 726
PAD_LEFT, PAD_RIGHT, PAD_BOTTOM, PAD_TOP = 58, 16, 28, 10
# A distribution's last tick label is centred on the right edge: « 100,0 % » (7 characters) needs half
# its width, 28 px at FONT_SIZE, beyond it (PAD_RIGHT cut « 100 % » by 4 px). The plot gives up those
# pixels so the picture keeps its width (its texts stay ≥ 11 px once shrunk to a 320 px screen).
PAD_RIGHT_CENTRED = 30
LEGEND_ROW = 22
CHAR_WIDTH = 0.58  # average glyph width in font sizes, for layouts decided without measuring text
TITLE_SPACE = 28
TITLE_LINE = 17  # line height of a panel title that wraps ("Demandes de RSA traitées en moins de…" is never cut)
TITLE_WIDTH = WIDTH + PAD_LEFT + PAD_RIGHT - 4
FONT_SIZE = 14
TREND_HEIGHT = 160
PANEL_HEIGHT = 84
DISTRIBUTION_HEIGHT = 70
HISTOGRAM_HEIGHT = 140
MISSING_BREAKS_LINE = "break-paths-show-domains"  # a missing period breaks the line instead of bridging it

@dataclass(frozen=True)
class PanelStyle:
    """One trend panel's shape: its title (None when the figure caption names it) and its unit."""

    title: str | None
    unit: str
    decimals: int


@dataclass(frozen=True)
class TrendStyle:
    """A trend figure: one panel per indicator, stacked, sharing the time axis and one legend.

    Every panel has the target and confidence-band layers (empty datasets when a chart has none) and
    the legend is a dataset, so structures of one network share one template whatever they publish.
    """

    panels: tuple[PanelStyle, ...]
    series_name: str
    reference_name: str | None = None  # None: no reference layer (national and network trends)
    target_name: str = "Objectif"
    band_name: str = "Intervalle de confiance"
    height: int = TREND_HEIGHT
    words: ChartWords = field(default_factory=ChartWords)


@dataclass(frozen=True)
class DistributionStyle:
    """Latest values across structures: one tick per structure, or a histogram when there are many."""

    unit: str
    histogram: bool
    median_name: str = "Médiane"
    words: ChartWords = field(default_factory=ChartWords)
    width: int = WIDTH  # WIDE_WIDTH: the wide screens' variant, where a strip of many structures is readable


@dataclass(frozen=True)
class LegendEntry:
    name: str
    colour: str
    shape: str  # marker shape, "" for none
    dash: tuple[int, ...]
    line: bool  # drawn as a line sample (series, rules) rather than a swatch (band)


def legend_entries(style: TrendStyle, reference: bool = True, target: bool = True,
                   band: bool = True) -> list[LegendEntry]:
    """The legend's entries in a fixed order: all the style can draw, or those a chart does draw."""
    entries = [LegendEntry(style.series_name, palette.SERIES, "circle", tuple(palette.SERIES_DASH), True)]
    if style.reference_name and reference:
        entries.append(LegendEntry(style.reference_name, palette.REFERENCE, "square",
                                   tuple(palette.REFERENCE_DASH), True))
    if target:
        entries.append(LegendEntry(style.target_name, palette.TARGET, "", tuple(palette.TARGET_DASH), True))
    if band:
        entries.append(LegendEntry(style.band_name, palette.BAND, "square", tuple(palette.SERIES_DASH), False))
    return entries


def base_config(locale: dict[str, Any] | None = None) -> dict[str, Any]:
    """Fonts and colours shared by every chart, and the language's number and date formats for what
    Vega formats itself (`locale.vega_locale`); part of every template, hence of every chart's hash."""
    config: dict[str, Any] = {
        "font": "Liberation Sans, Arial, Helvetica, sans-serif",
        "background": palette.WHITE,
        "view": {"stroke": None},
        "axis": {"disable": True},
        "legend": {"disable": True},
        "mark": {"aria": False},
        "text": {"fontSize": FONT_SIZE, "color": palette.TEXT},
    }
    if locale is not None:
        config["locale"] = locale
    return config


def _quantity(field: str, domain_param: str, channel: type = alt.Y) -> Any:
    """A position channel on a linear scale whose domain is the top-level param `domain_param`."""
    return channel(field, type="quantitative", title=None, axis=None,
                   scale=alt.Scale(domain={"expr": domain_param}, nice=False, zero=False))


def _pixels(field: str, channel: type) -> Any:
    """A position channel in raw pixels (legend layout)."""
    return channel(field, type="quantitative", title=None, axis=None, scale=None)


def _y_labels(dataset: str, y: Any) -> list[alt.Chart]:
    """Gridlines and tick labels from a dataset of (value, text) rows computed in Python."""
    ticks = alt.Chart(alt.NamedData(dataset))
    return [
        ticks.mark_rule(color=palette.GRID, strokeWidth=1).encode(y=y),
        ticks.mark_text(align="right", baseline="middle", x=-8).encode(y=y, text=alt.Text("text", type="nominal")),
    ]


def text_width(text: str, size: int = FONT_SIZE, bold: bool = False) -> float:
    """A generous estimate of a text's width: legends and titles are laid out without measuring."""
    return len(text) * size * (CHAR_WIDTH + (0.05 if bold else 0))


def fit_text(text: str, width: float, size: int = FONT_SIZE, bold: bool = False) -> str:
    """`text`, shortened with an ellipsis if its estimated width exceeds `width` (captions say it in full)."""
    if text_width(text, size, bold) <= width:
        return text
    keep = max(1, int(width / (size * (CHAR_WIDTH + (0.05 if bold else 0)))) - 1)
    return text[:keep].rstrip() + "…"


def wrap_text(text: str, width: float, size: int = FONT_SIZE, bold: bool = False, max_lines: int = 3) -> list[str]:
    """`text` in lines that fit `width` (estimated), cut at spaces; only a fourth line would be shortened."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[:max_lines - 1], fit_text(" ".join(lines[max_lines - 1:]), width, size, bold)]
    return lines or [""]


def title_lines(style: TrendStyle) -> int:
    """The most lines a panel title of this figure takes once wrapped (1 when no panel has a title)."""
    return max((len(wrap_text(p.title, TITLE_WIDTH, bold=True)) for p in style.panels if p.title), default=1)


def legend_layout(entries: list[LegendEntry]) -> list[tuple[float, int]]:
    """(x, row) of each legend entry, flowing left to right and wrapping within the chart's width."""
    left, right = -PAD_LEFT + 2, WIDTH + PAD_RIGHT
    places, x, row = [], left, 0
    for entry in entries:
        needed = 32 + text_width(entry.name)
        if x > left and x + needed > right:
            x, row = left, row + 1
        places.append((x, row))
        x += needed + 18
    return places


def legend_rows(entries: list[LegendEntry], top: int) -> list[dict[str, Any]]:
    """The `legend` dataset: where each entry of this chart's legend goes (pixels from the first panel)."""
    rows = []
    for entry, (x, row) in zip(entries, legend_layout(entries), strict=True):
        y = -top + PAD_TOP + row * LEGEND_ROW + 8
        rows.append({"serie": entry.name, "x": x, "x2": x + 24, "xm": x + 12, "tx": x + 32, "y": y,
                     "line": entry.line, "marker": bool(entry.shape), "size": 56 if entry.line else 160})
    return rows


def _legend_layers(entries: list[LegendEntry]) -> list[alt.Chart]:
    """The legend drawn with plain marks above the first panel (sample line, marker, name)."""
    base = alt.Chart(alt.NamedData("legend"))
    keyed = _keyed(entries)
    return [
        base.transform_filter("datum.line").mark_rule(strokeWidth=2.5).encode(
            x=_pixels("x", alt.X), x2=alt.X2("x2"), y=_pixels("y", alt.Y),
            color=keyed["color"], strokeDash=keyed["strokeDash"]),
        base.transform_filter("datum.marker").mark_point(filled=True, opacity=1).encode(
            x=_pixels("xm", alt.X), y=_pixels("y", alt.Y), color=keyed["color"], shape=keyed["shape"],
            size=alt.Size("size", type="quantitative", scale=None, legend=None)),
        base.mark_text(align="left", baseline="middle").encode(
            x=_pixels("tx", alt.X), y=_pixels("y", alt.Y), text=alt.Text("serie", type="nominal")),
    ]


def _keyed(entries: list[LegendEntry]) -> dict[str, Any]:
    """Colour, shape, dash and size channels over the legend's entries: each series differs several ways."""
    names = [entry.name for entry in entries]

    def scale(values: list) -> alt.Scale:
        return alt.Scale(domain=names, range=values)

    return {
        "color": alt.Color("serie", type="nominal", legend=None, scale=scale([e.colour for e in entries])),
        "shape": alt.Shape("serie", type="nominal", legend=None, scale=scale([e.shape or "circle" for e in entries])),
        "strokeDash": alt.StrokeDash("serie", type="nominal", legend=None,
                                     scale=scale([list(e.dash) for e in entries])),
        "strokeWidth": alt.StrokeWidth("serie", type="ordinal", legend=None,
                                       scale=scale([2.5 if i == 0 else 2 for i in range(len(entries))])),
        "size": alt.Size("serie", type="ordinal", legend=None,
                         scale=scale([56 if i == 0 else 36 for i in range(len(entries))])),
    }


def _panel(index: int, panel: PanelStyle, style: TrendStyle, last: bool) -> alt.LayerChart:
    """One panel; reads datasets `yticks_i`, `band_i`, `target_i`, `lines_i` (and `xticks`, `legend`).

    Few layers on purpose (each costs ~1 ms to render): the series and its reference share one line
    and one point layer, told apart by the `serie` field of their rows.
    """
    entries = legend_entries(style)
    x = _quantity("t", "x_domain", alt.X)
    y = _quantity("value", f"y_domain_{index}")
    keyed = _keyed(entries)
    period = alt.Tooltip("label", type="nominal", title=style.words.period)
    lines = alt.Chart(alt.NamedData(f"lines_{index}"))
    layers = _y_labels(f"yticks_{index}", y)
    layers += [
        alt.Chart(alt.NamedData(f"band_{index}"))
        .mark_area(invalid=MISSING_BREAKS_LINE, color=palette.BAND, opacity=1)
        .encode(x=x, y=_quantity("ci_low", f"y_domain_{index}"), y2=alt.Y2("ci_high")),
        alt.Chart(alt.NamedData(f"target_{index}"))
        .mark_rule(strokeWidth=2.5, color=palette.TARGET, strokeDash=palette.TARGET_DASH)
        .encode(y=y, tooltip=[alt.Tooltip("text", type="nominal", title=style.target_name)]),
        lines.mark_line(invalid=MISSING_BREAKS_LINE).encode(
            x=x, y=y, color=keyed["color"], strokeDash=keyed["strokeDash"], strokeWidth=keyed["strokeWidth"]),
        lines.mark_point(filled=True, opacity=1).encode(
            x=x, y=y, color=keyed["color"], shape=keyed["shape"], size=keyed["size"],
            tooltip=[alt.Tooltip("serie", type="nominal", title=style.words.serie), period,
                     alt.Tooltip("text", type="nominal", title=style.words.value),
                     alt.Tooltip("ci_text", type="nominal", title=style.band_name)]),
    ]
    if panel.title:
        lines = wrap_text(panel.title, TITLE_WIDTH, bold=True)
        first = -14 - TITLE_LINE * (len(lines) - 1)  # the last line sits where a one-line title does
        layers.append(  # one row per line, placed in pixels: drawn statically like the other texts
            alt.Chart(alt.Data(values=[{"text": line, "y": first + TITLE_LINE * i} for i, line in enumerate(lines)]))
            .mark_text(align="left", baseline="alphabetic", x=-PAD_LEFT + 2, fontWeight="bold")
            .encode(y=alt.Y("y", type="quantitative", scale=None, axis=None, title=None),
                    text=alt.Text("text", type="nominal"))
        )
    if last:
        layers.append(
            alt.Chart(alt.NamedData("xticks"))
            .mark_text(align="center", baseline="top", y=style.height + 6)
            .encode(x=x, text=alt.Text("text", type="nominal"))
        )
    if index == 0:
        layers.extend(_legend_layers(entries))
    return alt.layer(*layers).properties(width=WIDTH, height=style.height)


def trend_layout(style: TrendStyle) -> tuple[int, int]:
    """(top padding, spacing between panels): room for the legend and the panel titles."""
    rows = legend_layout(legend_entries(style))[-1][1] + 1  # room for the fullest legend
    titled = any(panel.title for panel in style.panels)
    wrapped = TITLE_LINE * (title_lines(style) - 1)  # extra room when a title takes several lines
    top = PAD_TOP + rows * LEGEND_ROW + (TITLE_SPACE + wrapped if titled else 12)
    return top, (TITLE_SPACE + wrapped + 18 if titled else 16)


def trend_chart(style: TrendStyle) -> alt.VConcatChart:
    """Value over periods for one or more indicators (one panel each, stacked, shared time axis).

    Per chart it reads datasets `xticks`, `legend` (`legend_rows`) and per panel `i`: `yticks_i`
    (value, text), `lines_i` (serie, t, label, value, text, ci_text: the reference then the series),
    `band_i` (t, ci_low, ci_high), `target_i` (value, text); params `x_domain` and `y_domain_i`.
    """
    top, spacing = trend_layout(style)
    last = len(style.panels) - 1
    panels = [_panel(i, panel, style, i == last) for i, panel in enumerate(style.panels)]
    params = [alt.param(name="x_domain", value=[0, 1])]
    params += [alt.param(name=f"y_domain_{i}", value=[0, 1]) for i in range(len(style.panels))]
    return (
        alt.vconcat(*panels, spacing=spacing, bounds="flush")
        .resolve_scale(x="shared", y="independent", color="shared", shape="shared", strokeDash="shared")
        .add_params(*params)
        .properties(autosize=alt.AutoSizeParams(type="none"),
                    padding={"left": PAD_LEFT, "right": PAD_RIGHT, "top": top, "bottom": PAD_BOTTOM})
    )


def distribution_chart(style: DistributionStyle) -> alt.LayerChart:
    """Latest values across structures, with the median and an optionally highlighted structure.

    Reads datasets `xticks` (t, text), `median` (value, text, label), and either `values`
    (structure_id, name, value, text) or `bins` (start, end, count, range_text, count_text) with
    `yticks_0`; params `x_domain` (and `y_domain_0`). The `highlight` param (a structure id, empty by
    default) is set by the page script from `?structure=` to point one structure out.
    """
    height = HISTOGRAM_HEIGHT if style.histogram else DISTRIBUTION_HEIGHT
    x = _quantity("value", "x_domain", alt.X)
    layers: list[alt.Chart] = []
    params = [alt.param(name="x_domain", value=[0, 1]), alt.param(name="highlight", value="")]
    if style.histogram:
        y = _quantity("count", "y_domain_0")
        params.append(alt.param(name="y_domain_0", value=[0, 1]))
        layers += _y_labels("yticks_0", _quantity("value", "y_domain_0"))
        layers.append(
            alt.Chart(alt.NamedData("bins"))
            .mark_bar(color=palette.SERIES, stroke=palette.WHITE, strokeWidth=1)
            .encode(x=_quantity("start", "x_domain", alt.X), x2=alt.X2("end"), y=y, y2=alt.Y2Datum(0),
                    tooltip=[alt.Tooltip("range_text", type="nominal", title=style.words.values),
                             alt.Tooltip("count_text", type="nominal", title=style.words.structures)])
        )
    else:
        values = alt.Chart(alt.NamedData("values"))
        structure = [alt.Tooltip("name", type="nominal", title=style.words.structure),
                     alt.Tooltip("text", type="nominal", title=style.words.value)]
        chosen = values.transform_filter("datum.structure_id === highlight")
        layers += [
            values.mark_tick(color=palette.REFERENCE, thickness=2, size=height * 0.6).encode(x=x, tooltip=structure),
            chosen.mark_tick(color=palette.SERIES, thickness=4, size=height).encode(x=x, tooltip=structure),
            chosen.mark_text(align="center", baseline="top", y=height + 24, color=palette.SERIES,
                             fontWeight="bold").encode(x=x, text=alt.Text("name", type="nominal")),
        ]
    median = alt.Chart(alt.NamedData("median"))
    layers += [
        median.mark_rule(color=palette.TEXT, strokeWidth=2, strokeDash=palette.REFERENCE_DASH).encode(
            x=x, tooltip=[alt.Tooltip("text", type="nominal", title=style.median_name)]),
        median.mark_text(align="center", baseline="bottom", y=-6).encode(x=x, text=alt.Text("label", type="nominal")),
        alt.Chart(alt.NamedData("xticks")).mark_text(align="center", baseline="top", y=height + 6).encode(
            x=_quantity("t", "x_domain", alt.X), text=alt.Text("text", type="nominal")),
    ]
    bottom = PAD_BOTTOM + (0 if style.histogram else 24)
    return (
        alt.layer(*layers)
        .add_params(*params)
        .properties(width=style.width - (PAD_RIGHT_CENTRED - PAD_RIGHT), height=height,
                    autosize=alt.AutoSizeParams(type="none"),
                    padding={"left": PAD_LEFT, "right": PAD_RIGHT_CENTRED, "top": PAD_TOP + 20, "bottom": bottom})
    )


AnyStyle = TrendStyle | DistributionStyle | MapStyle


def code_fingerprint() -> str:
    """What besides the style decides a template: this module, the palette and Altair's version."""
    digest = hashlib.sha256(f"altair={alt.__version__}".encode())
    for module in ("specs.py", "mapspec.py", "palette.py", "specdata.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    digest.update(GEOMETRY.read_bytes())
    return digest.hexdigest()


class SpecTemplates:
    """Each chart shape built once with Altair, as a Vega-Lite dict reused for every chart of that shape.

    Building a six-panel template with Altair takes about half a second, so with `cache_dir` templates
    are also kept on disk (keyed by the style and the code that draws it) and a rebuild only reads them.
    One instance per build and language (no module-level cache: Pelican may run the plugin twice in a
    process); `locale`: the language's Vega formats (`config.locale`), so each language has its templates.
    """

    def __init__(self, cache_dir: Path | None = None, locale: dict[str, Any] | None = None) -> None:
        self._templates: dict[AnyStyle, Template] = {}
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.locale = locale
        self._code = code_fingerprint() if cache_dir else ""
        self._locale_key = canonical_json(locale) if locale is not None else ""

    def template(self, style: AnyStyle) -> Template:
        template = self._templates.get(style)
        if template is None:
            template = self._read(style) or self._build(style)
            self._templates[style] = template
        return template

    def _path(self, style: AnyStyle) -> Path | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha256(f"{self._code}\n{self._locale_key}\n{style!r}".encode()).hexdigest()
        return self.cache_dir / f"{key}.vl.json"

    def _read(self, style: AnyStyle) -> Template | None:
        path = self._path(style)
        if path is None or not path.exists():
            return None
        text = path.read_text(encoding="utf-8")
        return Template(hashlib.sha256(text.encode("utf-8")).hexdigest(), json.loads(text), text)

    def _build(self, style: AnyStyle) -> Template:
        if isinstance(style, TrendStyle):
            chart = trend_chart(style)
        elif isinstance(style, MapStyle):
            chart = map_chart(style)
        else:
            chart = distribution_chart(style)
        spec = chart.to_dict(validate=False)  # tests validate every shape against the schema
        spec["config"] = base_config(self.locale)  # replaces Altair's default config
        text = canonical_json(spec)
        path = self._path(style)
        if path is not None:
            write_atomic(path, text)
        return Template(hashlib.sha256(text.encode("utf-8")).hexdigest(), spec, text)

    def fill(self, style: AnyStyle, datasets: dict[str, list[dict]], params: dict[str, Any],
             description: str, title: str = "") -> tuple[Template, Spec]:
        """The chart's template and its data part (datasets, param values, description, title)."""
        template = self.template(style)
        return template, {
            "datasets": datasets,
            "params": [
                {"name": p["name"], "value": params.get(p["name"], p.get("value"))}
                for p in template.spec.get("params", [])
            ],
            "description": description,
            "usermeta": {"title": title},
        }
