"""A chart's data as CSV (UTF-8, comma, one header row): what the chart draws, in open-data form.

Numbers are written with a dot and full precision so the file is machine-readable; the French
formatting is for the page, the table and the tooltips. Column names follow the open dataset's
convention (English snake_case, as in results.csv and the extracts: `indicator_id`, `period`,
`value`, `ci_low`…), so every table the site publishes joins on the same names.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.periods import Period
from ..i18n.formats import Formats
from ..model import Indicator
from .inputs import DepartementValue, MapMeasure, Point, StructureValue
from .memo import csv_number as _number

if TYPE_CHECKING:
    from .build import TrendPanel


def _write(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def trend_csv(panels: Sequence[TrendPanel], series_name: str, reference_name: str | None, fmt: Formats) -> str:
    """Long format: one row per indicator × series × period (target rows have no period)."""
    header = ("indicator_id", "indicator_label", "unit", "series", "period", "period_label",
              "value", "ci_low", "ci_high")
    rows: list[list[str]] = []
    periods: dict[Period, tuple[str, str]] = {}  # code and label, computed once per period

    def add(indicator: Indicator, name: str, points: Sequence[Point]) -> None:
        prefix = [indicator.id, indicator.label, indicator.unit, name]
        for point in sorted(points, key=lambda p: p.period):
            period = periods.get(point.period)
            if period is None:
                period = periods[point.period] = (point.period.code, fmt.period(point.period))
            rows.append([*prefix, *period, _number(point.value), _number(point.ci_low), _number(point.ci_high)])

    target = fmt.gettext("Objectif")
    for panel in panels:
        add(panel.indicator, series_name, panel.series)
        if reference_name:
            add(panel.indicator, reference_name, [p for p in panel.reference if p.value is not None])
        if panel.target is not None:
            rows.append([panel.indicator.id, panel.indicator.label, panel.indicator.unit, target, "", "",
                         _number(panel.target), "", ""])
    return _write(header, rows)


def distribution_csv(indicator: Indicator, values: Sequence[StructureValue], period: Period,
                     bins: Sequence[tuple[float, float, int]] = ()) -> str:
    """Per structure, or per class of values when the chart is a histogram."""
    if bins:
        return _write(("indicator_id", "period", "unit", "bin_start", "bin_end", "structure_count"),
                      [[indicator.id, period.code, indicator.unit, _number(start), _number(end), str(count)]
                       for start, end, count in bins])
    return _write(("indicator_id", "period", "unit", "structure_id", "structure_name", "value"),
                  [[indicator.id, period.code, indicator.unit, item.structure_id, item.name, _number(item.value)]
                   for item in sorted(values, key=lambda item: item.structure_id)])


def map_csv(measure: MapMeasure, values: Sequence[DepartementValue]) -> str:
    """Per département (code order); an empty value where it has no data."""
    lead = [value for _, value in measure.csv_columns]
    header = [name for name, _ in measure.csv_columns]
    header += ["departement_code", "departement_name", "value", "structure_count"]
    if measure.part_title:
        header.append("published_count")
    rows = []
    for item in sorted(values, key=lambda item: item.code):
        row = [*lead, item.code, item.name, _number(item.value), str(item.count)]
        if measure.part_title:
            row.append("" if item.part is None else str(item.part))
        rows.append(row)
    return _write(header, rows)
