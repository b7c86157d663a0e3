"""What a chart is drawn from: plain points, so charts never depend on how the data was loaded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.periods import Period
from ..model import Result


@dataclass(frozen=True, slots=True)
class Point:
    """One period of a series; `value` None means the period is expected but has no published value."""

    period: Period
    value: float | None
    ci_low: float | None = None
    ci_high: float | None = None
    count: int | None = None  # structures an aggregate counts (None: one structure's own value)


@dataclass(frozen=True, slots=True)
class StructureValue:
    """One structure's latest value, for distributions across structures."""

    structure_id: str
    name: str
    value: float


def points_from_results(results: Iterable[Result]) -> list[Point]:
    """A structure's history for one indicator (missing periods kept as `value=None`)."""
    return sorted(
        (Point(r.period, r.value, r.ci_low, r.ci_high) for r in results), key=lambda point: point.period
    )


def points_from_aggregates(series: Iterable[tuple[Period, float, int]]) -> list[Point]:
    """A network or national series as returned by `figures.Aggregates.*_series`."""
    return sorted((Point(period, value, count=count) for period, value, count in series),
                  key=lambda point: point.period)


def year_fraction(period: Period) -> float:
    """Position on a time axis in years (2025-Q3 → 2025.5): no dates, so no time-zone surprises."""
    if period.kind == "quarter":
        return period.year + (period.index - 1) / 4
    if period.kind == "month":
        return period.year + (period.index - 1) / 12
    if period.kind == "fiscal_year":
        return period.year + 0.25  # starts in April
    return float(period.year)


@dataclass(frozen=True, slots=True)
class DepartementValue:
    """One département's value on a map; `value` None: no data there (never drawn as a low value).

    `count`: the structures the value counts; `part`: for a share (the transparency rate), how many of
    them are in it (None for an indicator). `url` is the département's page, relative to the site root
    ("" when the site has none)."""

    code: str
    name: str
    value: float | None
    count: int = 0
    url: str = ""
    part: int | None = None


@dataclass(frozen=True, slots=True)
class MapMeasure:
    """What a map by département shows, so one choropleth serves an indicator and a programme rate.

    `when` completes the sentence (`au 3e trimestre 2026`, `au 15 novembre 2026`); `csv_columns` are
    the leading columns of the map's CSV, the same on every row (`indicator_id`, `period`, `unit`…);
    `part_title` names the table's column for `DepartementValue.part` ("" when the map has none);
    `legend_title` heads the legend's classes (the indicator's label, « Taux de transparence par
    département »). Every text here is already in the build's language (the caller translates it)."""

    label: str
    unit: str
    decimals: int
    when: str
    csv_columns: tuple[tuple[str, str], ...]
    value_title: str
    count_title: str
    legend_title: str
    part_title: str = ""
