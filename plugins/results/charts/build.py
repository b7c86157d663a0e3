"""From plain inputs to ready-made `Chart`s: spec, caption sentences, tables and CSV from one set of numbers.

`ChartBuilder` is what the generator calls; it keeps the per-shape Altair templates (one instance per
build) and returns immutable `Chart` values that the renderer and the views consume.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..changes import Change
from ..core.periods import Period
from ..i18n.formats import N_, Formats, as_shown
from ..model import Indicator
from . import data_csv
from .inputs import DepartementValue, MapMeasure, Point, StructureValue, year_fraction
from .locale import vega_locale
from .mapspec import CLASSES, NO_DATA, NO_DATA_NAME, ChartWords, MapStyle, features, title_rows
from .mapspec import legend_rows as map_legend_rows
from .memo import format_value
from .scales import fiscal_year_ticks, nice_step, tick_label, time_domain, value_ticks, year_ticks
from .specdata import Spec, Template, canonical_json, merge_spec
from .specs import (
    CHAR_WIDTH,
    FONT_SIZE,
    PAD_RIGHT,
    PANEL_HEIGHT,
    TREND_HEIGHT,
    WIDE_WIDTH,
    WIDTH,
    DistributionStyle,
    PanelStyle,
    SpecTemplates,
    TrendStyle,
    legend_entries,
    legend_rows,
    trend_layout,
)
from .summary import (
    Table,
    confidence_text,
    distribution_sentence,
    distribution_table,
    map_sentence,
    map_table,
    trend_sentence,
    trend_table,
    value_range,
)

BAND_NAME = N_("Intervalle de confiance")
TARGET_NAME = N_("Objectif")
STRIP_LIMIT = 200  # above this many structures a distribution is drawn as a histogram


@dataclass(frozen=True)
class TrendPanel:
    """One indicator's series in a trend figure, with what it is compared with."""

    indicator: Indicator
    series: Sequence[Point]
    reference: Sequence[Point] = ()
    target: float | None = None
    change: Change | None = None  # an aggregate's first-to-last change on the structures present at both
    composition: str = ""  # who joined or left the aggregate ("hors Préfectures depuis avril 2026")


@dataclass(frozen=True)
class Chart:
    """A chart ready to render and show: its Vega-Lite spec and the same numbers in words and tables.

    `id` is unique within a page (HTML ids, file names); `png` says whether a static PNG is wanted.
    """

    id: str
    kind: str
    title: str
    sentences: tuple[str, ...]
    tables: tuple[Table, ...]
    template: Template = field(repr=False)  # shared by every chart of the same shape
    data: Spec = field(repr=False)  # this chart's datasets, param values, description and title
    csv: str = field(repr=False)  # "" when the page's own download already holds the chart's data
    png: bool = True

    @property
    def summary(self) -> str:
        return " ".join(self.sentences)

    @cached_property
    def spec(self) -> Spec:
        """The full Vega-Lite spec (template + data)."""
        return merge_spec(self.template.spec, self.data)

    @cached_property
    def spec_json(self) -> str:
        return canonical_json(self.spec)

    @cached_property
    def data_json(self) -> str:
        """The canonical data part, published next to the page (the template is published once)."""
        return canonical_json(self.data)

    @cached_property
    def digest(self) -> str:
        """Identifies the full canonical spec: sha256 of the template's id and the canonical data."""
        return hashlib.sha256(f"{self.template.id}\n{self.data_json}".encode()).hexdigest()


def _round(value: float | None, decimals: int) -> float | None:
    """Values in specs carry two decimals more than shown: stable hashes, small files, exact plots."""
    return None if value is None else round(value, decimals + 2)


def _series_rows(points: Sequence[Point], indicator: Indicator, serie: str, fmt: Formats) -> list[dict[str, Any]]:
    """Rows of the `lines_i` dataset: position, period label, value and its text, and its interval or a
    dash: every row names what the points' tooltip shows (one template for every panel of a network), or
    the interactive chart reads "undefined"."""
    unit, decimals = indicator.unit, indicator.decimals
    return [{"serie": serie, "t": round(year_fraction(point.period), 4), "label": fmt.period(point.period),
             "value": _round(point.value, decimals), "text": _point_text(point, unit, decimals, fmt),
             "ci_text": confidence_text(point, unit, decimals, fmt)}
            for point in sorted(points, key=lambda p: p.period)]


def _point_text(point: Point, unit: str, decimals: int, fmt: Formats) -> str:
    """A point's value in words for its tooltip, with how many structures an aggregate counts."""
    if point.value is None:
        return fmt.gettext("non publié")
    text = format_value(fmt, point.value, unit, decimals)
    if point.count is not None:
        text += " (" + fmt.ngettext("{count} structure", "{count} structures", point.count).format(
            count=fmt.count(point.count)) + ")"
    return text


def _band_rows(points: Sequence[Point], indicator: Indicator) -> list[dict[str, Any]]:
    """Rows of the `band_i` dataset; a period without an interval breaks the band."""
    decimals = indicator.decimals
    rows = []
    for point in sorted(points, key=lambda p: p.period):
        shown = point.ci_low is not None and point.ci_high is not None and point.value is not None
        rows.append({"t": round(year_fraction(point.period), 4),
                     "ci_low": _round(point.ci_low, decimals) if shown else None,
                     "ci_high": _round(point.ci_high, decimals) if shown else None})
    return rows


def _has_band(points: Sequence[Point]) -> bool:
    return any(p.ci_low is not None and p.ci_high is not None and p.value is not None for p in points)


def _y_ticks(values: list[float | None], unit: str, decimals: int, count: int,
             fmt: Formats) -> tuple[list[float], list[dict]]:
    ticks = value_ticks(values, unit, decimals, count)
    return ticks, [{"value": tick, "text": tick_label(tick, unit, ticks, fmt)} for tick in ticks]


class ChartBuilder:
    """Builds the site's charts; keeps one Altair template per chart shape for the whole build."""

    def __init__(self, formats: Formats, template_cache: Path | None = None) -> None:
        """`formats`: the build's language, for every sentence, table, tooltip and tick label.
        `template_cache`: a folder keeping Altair's templates between builds (e.g. the chart cache's
        `templates/` subfolder); without it each build spends ~0.5 s of Altair per chart shape."""
        self.formats = formats
        self.templates = SpecTemplates(template_cache, vega_locale(formats))

    def trend(
        self,
        chart_id: str,
        title: str,
        panels: Sequence[TrendPanel],
        series_name: str,
        reference_name: str | None = None,
        reference_phrase: str | None = None,
        panel_titles: bool | None = None,
        png: bool = True,
        own_csv: bool = True,
    ) -> Chart:
        """Values over periods for one indicator, or one panel per indicator (a structure's page).

        `series_name`/`reference_name` label the legend ("Cette structure", "Médiane du réseau");
        `reference_phrase` is the reference as said in a sentence ("la médiane du réseau").
        `own_csv=False`: no chart CSV (a structure's chart links to its page's results CSV instead).
        """
        if not panels:
            raise ValueError(f"graphique {chart_id!r} : aucun indicateur à représenter")
        fmt = self.formats
        titled = len(panels) > 1 if panel_titles is None else panel_titles
        style = TrendStyle(
            panels=tuple(PanelStyle(p.indicator.label if titled else None, p.indicator.unit, p.indicator.decimals)
                         for p in panels),
            series_name=series_name, reference_name=reference_name, target_name=fmt.gettext(TARGET_NAME),
            band_name=fmt.gettext(BAND_NAME), words=ChartWords.of(fmt),
            height=PANEL_HEIGHT if titled else TREND_HEIGHT,
        )
        datasets: dict[str, list[dict]] = {}
        params: dict[str, Any] = {}
        sentences, tables, positions = [], [], []
        has = {"reference": False, "target": False, "band": False}
        for index, panel in enumerate(panels):
            indicator = panel.indicator
            reference = [p for p in panel.reference if p.value is not None] if reference_name else []
            band = _has_band(panel.series)
            has["reference"] |= bool(reference)
            has["target"] |= panel.target is not None
            has["band"] |= band
            values = [p.value for p in panel.series] + [p.value for p in reference] + [panel.target]
            if band:
                values += [p.ci_low for p in panel.series if p.value is not None]
                values += [p.ci_high for p in panel.series if p.value is not None]
            ticks, tick_rows = _y_ticks(values, indicator.unit, indicator.decimals, 3 if titled else 4, fmt)
            datasets[f"yticks_{index}"] = tick_rows
            datasets[f"lines_{index}"] = (_series_rows(reference, indicator, reference_name or "", fmt)
                                          + _series_rows(panel.series, indicator, series_name, fmt))  # on top
            datasets[f"band_{index}"] = _band_rows(panel.series, indicator) if band else []
            datasets[f"target_{index}"] = (
                [] if panel.target is None
                else [{"value": _round(panel.target, indicator.decimals),
                       "text": format_value(fmt, panel.target, indicator.unit, indicator.decimals)}]
            )
            params[f"y_domain_{index}"] = [ticks[0], ticks[-1]]
            positions += [year_fraction(p.period) for p in (*panel.series, *reference)]
            sentences.append(trend_sentence(indicator, panel.series, fmt, reference, reference_phrase, panel.target,
                                            change=panel.change, composition=panel.composition))
            tables.append(trend_table(indicator, panel.series, series_name, fmt, reference, reference_name,
                                      panel.target))
        low, high = (min(positions), max(positions)) if positions else (0.0, 1.0)
        periods = [p.period for panel in panels for p in (*panel.series, *panel.reference)]
        fiscal = bool(periods) and all(period.kind == "fiscal_year" for period in periods)
        x_ticks = fiscal_year_ticks(positions, fmt=fmt) if fiscal else year_ticks(low, high)
        datasets["xticks"] = [{"t": t, "text": text} for t, text in x_ticks]
        datasets["legend"] = legend_rows(legend_entries(style, **has), trend_layout(style)[0])
        # a fiscal year's label (`2023-2024`) is centred on the last point: keep it inside the picture
        edge = max(len(text) for _t, text in x_ticks) * CHAR_WIDTH * FONT_SIZE / 2 - PAD_RIGHT + 2 if fiscal else 0.0
        params["x_domain"] = [round(bound, 4) for bound in time_domain(positions, edge, WIDTH)]
        template, data = self.templates.fill(style, datasets, params, " ".join(sentences), title)
        csv_text = data_csv.trend_csv(panels, series_name, reference_name, fmt) if own_csv else ""
        return Chart(chart_id, "trend", title, tuple(sentences), tuple(tables), template, data, csv_text, png)

    def distribution(
        self,
        chart_id: str,
        title: str,
        indicator: Indicator,
        values: Sequence[StructureValue],
        period: Period,
        median: float | None,
        png: bool = True,
        wide: bool = False,
    ) -> Chart:
        """Latest values across structures (ticks, or a histogram above `STRIP_LIMIT` structures);
        `wide`: the variant drawn for wide screens (same data, a wider plot)."""
        fmt = self.formats
        unit, decimals = indicator.unit, indicator.decimals
        numbers = [item.value for item in values]
        histogram = len(values) > STRIP_LIMIT
        style = DistributionStyle(unit=unit, histogram=histogram, median_name=fmt.gettext("Médiane"),
                                  words=ChartWords.of(fmt), width=WIDE_WIDTH if wide else WIDTH)
        ticks = value_ticks([*numbers, median], unit, decimals, 5)
        datasets: dict[str, list[dict]] = {
            "xticks": [{"t": tick, "text": tick_label(tick, unit, ticks, fmt)} for tick in ticks],
            "median": [] if median is None else [{
                "value": _round(median, decimals),
                "text": format_value(fmt, median, unit, decimals),
                "label": fmt.gettext("Médiane : {value}").format(value=format_value(fmt, median, unit, decimals)),
            }],
        }
        params: dict[str, Any] = {"x_domain": [ticks[0], ticks[-1]]}
        bins: list[tuple[float, float, int]] = []
        if histogram:
            bins = histogram_bins(numbers, ticks)
            datasets["bins"] = [
                {"start": start, "end": end, "count": count, "count_text": fmt.count(count),
                 "range_text": value_range(start, end, unit, decimals, fmt)}
                for start, end, count in bins
            ]
            count_ticks = value_ticks([0, *(count for _s, _e, count in bins)], "points", 0, 3)
            datasets["yticks_0"] = [{"value": t, "text": fmt.count(int(t))} for t in count_ticks]
            params["y_domain_0"] = [count_ticks[0], count_ticks[-1]]
        else:
            datasets["values"] = [
                {"structure_id": item.structure_id, "name": item.name, "value": _round(item.value, decimals),
                 "text": format_value(fmt, item.value, unit, decimals)}
                for item in sorted(values, key=lambda item: item.structure_id)
            ]
        sentence = distribution_sentence(indicator, values, period, median, fmt)
        template, data = self.templates.fill(style, datasets, params, sentence, title)
        table = distribution_table(indicator, values, period, fmt, bins)
        csv_text = data_csv.distribution_csv(indicator, values, period, bins)
        return Chart(chart_id, "distribution", title, (sentence,), (table,), template, data, csv_text, png)


    def choropleth(
        self,
        chart_id: str,
        title: str,
        measure: MapMeasure,
        values: Sequence[DepartementValue],
        national: float | None,
        png: bool = True,
    ) -> Chart:
        """A map of France: each département coloured by its class of value, grey without data.

        `values`: the package's départements (those of the map without an entry are drawn without data).
        Every map (indicators, transparency) shares one template: only its data differs.
        """
        fmt = self.formats
        no_data_name = fmt.gettext(NO_DATA_NAME)
        unit, decimals = measure.unit, measure.decimals
        numbers = [item.value for item in values if item.value is not None]
        edges = class_edges(numbers, decimals)
        by_code = {item.code: item for item in values}
        rows = []
        for feature in features():
            code = feature["properties"]["code"]
            item = by_code.get(code)
            value = None if item is None else item.value
            rows.append({
                "code": code, "nom": item.name if item else feature["properties"]["nom"],
                "cls": NO_DATA if value is None else str(class_of(value, edges, decimals)),
                "text": no_data_name if value is None else format_value(fmt, value, unit, decimals),
                "count_text": _count_text(item, fmt),
            })
        legend = [(str(index), label) for index, label in enumerate(class_labels(edges, unit, decimals, fmt))]
        if any(row["cls"] == NO_DATA for row in rows):
            legend.append((NO_DATA, no_data_name))
        sentence = map_sentence(measure, values, national, fmt)
        style = MapStyle(ChartWords.of(fmt))
        legend_title = title_rows(measure.legend_title)
        datasets = {"values": rows, "legend": map_legend_rows(legend, len(legend_title)),
                    "legend_title": legend_title}
        template, data = self.templates.fill(style, datasets, {}, sentence, title)
        table = map_table(measure, values, fmt)
        csv_text = data_csv.map_csv(measure, values)
        return Chart(chart_id, "map", title, (sentence,), (table,), template, data, csv_text, png)


def indicator_measure(indicator: Indicator, period: Period, fmt: Formats) -> MapMeasure:
    """An indicator's map: its latest period, its unit, the dataset's leading columns."""
    _ = fmt.gettext
    return MapMeasure(indicator.label, indicator.unit, indicator.decimals, fmt.in_period(period),
                      (("indicator_id", indicator.id), ("period", period.code), ("unit", indicator.unit)),
                      value_title=_("Valeur"), count_title=_("Structures"), legend_title=indicator.label)


def _count_text(item: DepartementValue | None, fmt: Formats) -> str:
    """The tooltip's structure count: `12`, or `8 sur 12 ont publié` for a share."""
    if item is None:
        return fmt.count(0)
    if item.part is None:
        return fmt.count(item.count)
    return fmt.ngettext("{part} sur {count} a publié", "{part} sur {count} ont publié", item.part).format(
        part=fmt.count(item.part), count=fmt.count(item.count))


def class_edges(numbers: Sequence[float], decimals: int) -> list[float]:
    """Bounds of up to `CLASSES` classes of equal width from the lowest to the highest value, rounded
    as shown (so the legend's bounds are the numbers a reader sees); bounds that round alike are one
    (no empty class); one class when all are equal."""
    if not numbers:
        return []
    low, high = as_shown(min(numbers), decimals), as_shown(max(numbers), decimals)
    if high == low:
        return [low, high]
    count = min(CLASSES, len(set(numbers)))
    step = (high - low) / count
    inner = {as_shown(low + step * index, decimals) for index in range(1, count)} - {low, high}
    return [low, *sorted(inner), high]


def class_of(value: float, edges: list[float], decimals: int) -> int:
    """The class of `value` as shown (rounded as the page writes it): the last class whose lower bound
    it reaches."""
    shown = as_shown(value, decimals)
    index = 0
    for position, edge in enumerate(edges[1:-1], start=1):
        if shown >= edge:
            index = position
    return index


def class_labels(edges: list[float], unit: str, decimals: int, fmt: Formats) -> list[str]:
    """The legend's words for each class, as ranges of values shown: a value is classed as written, so
    a class ends one unit of its last decimal below the next one's lower bound (`40 % à 49 %` then
    `50 % à 59 %`: no bound shared, no value in two entries); the last class holds the highest value."""
    unit_step = 10.0 ** -decimals
    labels = []
    for index, (low, high) in enumerate(itertools.pairwise(edges)):
        if index < len(edges) - 2:
            high = as_shown(high - unit_step, decimals)
        labels.append(format_value(fmt, low, unit, decimals) if high <= low
                      else value_range(low, high, unit, decimals, fmt))
    return labels


def histogram_bins(numbers: Sequence[float], ticks: list[float]) -> list[tuple[float, float, int]]:
    """Counts per class of equal, round width (about 12 classes over the axis domain)."""
    low, high = ticks[0], ticks[-1]
    width = nice_step((high - low) / 12) if high > low else 1.0
    start = math.floor(low / width) * width
    edges = [round(start + i * width, 9) for i in range(round((high - start) / width) + 1)]
    if edges[-1] < high:
        edges.append(round(edges[-1] + width, 9))
    counts = [0] * (len(edges) - 1)
    for number in numbers:
        slot = min(max(int((number - start) // width), 0), len(counts) - 1)
        counts[slot] += 1
    return [(edges[i], edges[i + 1], counts[i]) for i in range(len(counts))]
