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

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import altair as alt

from . import palette

WIDTH = 360  # natural width of the plot: text stays ≥ 11 px when the SVG is scaled to a 320 px screen
PAD_LEFT, PAD_RIGHT, PAD_BOTTOM, PAD_TOP = 58, 16, 28, 10
LEGEND_ROW = 20
TITLE_SPACE = 28
FONT_SIZE = 13
TREND_HEIGHT = 160
PANEL_HEIGHT = 84
DISTRIBUTION_HEIGHT = 70
HISTOGRAM_HEIGHT = 140
MISSING_BREAKS_LINE = "break-paths-show-domains"  # a missing period breaks the line instead of bridging it

Spec = dict[str, Any]


@dataclass(frozen=True)
class PanelStyle:
    """One trend panel's shape: its title (None when the figure caption names it) and its layers."""

    title: str | None
    unit: str
    decimals: int
    series_name: str
    reference_name: str | None = None
    target_name: str | None = None
    band_name: str | None = None


@dataclass(frozen=True)
class TrendStyle:
    """A trend figure: one panel per indicator, stacked, sharing the time axis and one legend."""

    panels: tuple[PanelStyle, ...]
    height: int = TREND_HEIGHT


@dataclass(frozen=True)
class DistributionStyle:
    """Latest values across structures: one tick per structure, or a histogram when there are many."""

    unit: str
    histogram: bool
    median_name: str = "Médiane"


@dataclass(frozen=True)
class LegendEntry:
    name: str
    colour: str
    shape: str  # marker shape, "" for none
    dash: tuple[int, ...]
    line: bool  # drawn as a line sample (series, rules) rather than a swatch (band)


def legend_entries(panels: Iterable[PanelStyle]) -> list[LegendEntry]:
    """The legend's entries, in a fixed order, for every layer any panel draws."""
    kinds = [
        ("series_name", palette.SERIES, "circle", palette.SERIES_DASH, True),
        ("reference_name", palette.REFERENCE, "square", palette.REFERENCE_DASH, True),
        ("target_name", palette.TARGET, "", palette.TARGET_DASH, True),
        ("band_name", palette.BAND, "square", palette.SERIES_DASH, False),
    ]
    entries: list[LegendEntry] = []
    for attribute, colour, shape, dash, line in kinds:
        for panel in panels:
            name = getattr(panel, attribute)
            if name and all(entry.name != name for entry in entries):
                entries.append(LegendEntry(name, colour, shape, tuple(dash), line))
    return entries


def base_config() -> dict[str, Any]:
    """Fonts and colours shared by every chart (part of every spec, hence of its hash)."""
    return {
        "font": "Liberation Sans, Arial, Helvetica, sans-serif",
        "background": palette.WHITE,
        "view": {"stroke": None},
        "axis": {"disable": True},
        "legend": {"disable": True},
        "mark": {"aria": False},
        "text": {"fontSize": FONT_SIZE, "color": palette.TEXT},
    }


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


def _legend_layers(entries: list[LegendEntry], top: int) -> list[alt.Chart]:
    """The legend drawn with plain marks above the first panel: two entries per row."""
    column = (WIDTH + PAD_LEFT) // 2
    rows = []
    for index, entry in enumerate(entries):
        x = -PAD_LEFT + 2 + (index % 2) * column
        y = -top + PAD_TOP + (index // 2) * LEGEND_ROW + 7
        rows.append({"serie": entry.name, "x": x, "x2": x + 24, "xm": x + 12, "tx": x + 32, "y": y,
                     "line": entry.line, "marker": bool(entry.shape)})
    base = alt.Chart(alt.Data(values=rows))
    keyed = _keyed(entries)
    return [
        base.transform_filter("datum.line").mark_rule(strokeWidth=2.5).encode(
            x=_pixels("x", alt.X), x2=alt.X2("x2"), y=_pixels("y", alt.Y),
            color=keyed["color"], strokeDash=keyed["strokeDash"]),
        base.transform_filter("datum.marker").mark_point(filled=True, size=56, opacity=1).encode(
            x=_pixels("xm", alt.X), y=_pixels("y", alt.Y), color=keyed["color"], shape=keyed["shape"]),
        base.mark_text(align="left", baseline="middle").encode(
            x=_pixels("tx", alt.X), y=_pixels("y", alt.Y), text=alt.Text("serie", type="nominal")),
    ]


def _keyed(entries: list[LegendEntry]) -> dict[str, Any]:
    """Colour, shape and dash channels over the legend's entries (each series differs three ways)."""
    names = [entry.name for entry in entries]
    return {
        "color": alt.Color("serie", type="nominal", legend=None,
                           scale=alt.Scale(domain=names, range=[entry.colour for entry in entries])),
        "shape": alt.Shape("serie", type="nominal", legend=None,
                           scale=alt.Scale(domain=names, range=[entry.shape or "circle" for entry in entries])),
        "strokeDash": alt.StrokeDash("serie", type="nominal", legend=None,
                                     scale=alt.Scale(domain=names, range=[list(entry.dash) for entry in entries])),
    }


def _panel(index: int, panel: PanelStyle, entries: list[LegendEntry], height: int, last: bool,
           top: int) -> alt.LayerChart:
    """One panel; reads datasets `yticks_i`, `series_i`, `reference_i`, `target_i` (and `xticks`)."""
    x = _quantity("t", "x_domain", alt.X)
    y = _quantity("value", f"y_domain_{index}")
    keyed = _keyed(entries)
    period = alt.Tooltip("label", type="nominal", title="Période")

    def named(dataset: str, name: str) -> alt.Chart:
        """A layer whose rows all belong to the legend entry `name`."""
        return alt.Chart(alt.NamedData(f"{dataset}_{index}")).transform_calculate(serie=json.dumps(name))

    layers = _y_labels(f"yticks_{index}", y)
    if panel.band_name:
        layers.append(
            named("series", panel.band_name)
            .mark_area(invalid=MISSING_BREAKS_LINE, opacity=1)
            .encode(x=x, y=_quantity("ci_low", f"y_domain_{index}"), y2=alt.Y2("ci_high"), color=keyed["color"],
                    tooltip=[period, alt.Tooltip("ci_text", type="nominal", title=panel.band_name)])
        )
    if panel.target_name:
        layers.append(
            named("target", panel.target_name)
            .mark_rule(strokeWidth=2.5)
            .encode(y=y, color=keyed["color"], strokeDash=keyed["strokeDash"],
                    tooltip=[alt.Tooltip("text", type="nominal", title=panel.target_name)])
        )
    if panel.reference_name:
        layers.append(
            named("reference", panel.reference_name)
            .mark_line(strokeWidth=2, invalid=MISSING_BREAKS_LINE, point=alt.OverlayMarkDef(filled=True, size=36))
            .encode(x=x, y=y, **keyed,
                    tooltip=[period, alt.Tooltip("text", type="nominal", title=panel.reference_name)])
        )
    layers.append(
        named("series", panel.series_name)
        .mark_line(strokeWidth=2.5, invalid=MISSING_BREAKS_LINE, point=alt.OverlayMarkDef(filled=True, size=56))
        .encode(x=x, y=y, **keyed, tooltip=[period, alt.Tooltip("text", type="nominal", title=panel.series_name)])
    )
    if panel.title:
        layers.append(
            alt.Chart(alt.Data(values=[{"text": panel.title}]))
            .mark_text(align="left", baseline="alphabetic", x=-PAD_LEFT + 2, y=-14, fontWeight="bold")
            .encode(text=alt.Text("text", type="nominal"))
        )
    if last:
        layers.append(
            alt.Chart(alt.NamedData("xticks"))
            .mark_text(align="center", baseline="top", y=height + 6)
            .encode(x=x, text=alt.Text("text", type="nominal"))
        )
    if index == 0:
        layers.extend(_legend_layers(entries, top))
    return alt.layer(*layers).properties(width=WIDTH, height=height)


def trend_layout(style: TrendStyle) -> tuple[int, int]:
    """(top padding, spacing between panels): room for the legend and the panel titles."""
    rows = (len(legend_entries(style.panels)) + 1) // 2
    titled = any(panel.title for panel in style.panels)
    top = PAD_TOP + rows * LEGEND_ROW + (TITLE_SPACE if titled else 12)
    return top, (TITLE_SPACE + 10 if titled else 16)


def trend_chart(style: TrendStyle) -> alt.VConcatChart:
    """Value over periods for one or more indicators (one panel each, stacked, shared time axis).

    Per chart it reads datasets `xticks` and per panel `i`: `yticks_i` (value, text), `series_i` (t,
    label, value, text, ci_low, ci_high, ci_text), `reference_i` (t, label, value, text), `target_i`
    (value, text); params `x_domain` and `y_domain_i`.
    """
    entries = legend_entries(style.panels)
    top, spacing = trend_layout(style)
    last = len(style.panels) - 1
    panels = [_panel(i, panel, entries, style.height, i == last, top) for i, panel in enumerate(style.panels)]
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
                    tooltip=[alt.Tooltip("range_text", type="nominal", title="Valeurs"),
                             alt.Tooltip("count_text", type="nominal", title="Structures")])
        )
    else:
        values = alt.Chart(alt.NamedData("values"))
        structure = [alt.Tooltip("name", type="nominal", title="Structure"),
                     alt.Tooltip("text", type="nominal", title="Valeur")]
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
        .properties(width=WIDTH, height=height, autosize=alt.AutoSizeParams(type="none"),
                    padding={"left": PAD_LEFT, "right": PAD_RIGHT, "top": PAD_TOP + 20, "bottom": bottom})
    )


AnyStyle = TrendStyle | DistributionStyle


class SpecTemplates:
    """Each chart shape built once with Altair, as a Vega-Lite dict reused for every chart of that shape.

    One instance per build (no module-level cache: Pelican may run the plugin twice in a process).
    """

    def __init__(self) -> None:
        self._templates: dict[AnyStyle, Spec] = {}

    def template(self, style: AnyStyle) -> Spec:
        spec = self._templates.get(style)
        if spec is None:
            chart = trend_chart(style) if isinstance(style, TrendStyle) else distribution_chart(style)
            spec = chart.to_dict()
            spec["config"] = base_config()  # replaces Altair's default config
            self._templates[style] = spec
        return spec

    def fill(self, style: AnyStyle, datasets: dict[str, list[dict]], params: dict[str, Any],
             description: str, title: str = "") -> Spec:
        """The template with this chart's data. Shares nested objects with the template: do not mutate."""
        template = self.template(style)
        return {
            **template,
            "datasets": {**template.get("datasets", {}), **datasets},
            "params": [
                {"name": p["name"], "value": params.get(p["name"], p.get("value"))} for p in template["params"]
            ],
            "description": description,
            "usermeta": {"title": title},
        }
