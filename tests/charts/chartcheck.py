"""Helpers for the chart tests: model objects built directly, independent of any data package."""

from __future__ import annotations

from results.charts.inputs import Point
from results.core.periods import Period
from results.i18n.formats import Formats
from results.model import Indicator

FRENCH, ENGLISH = Formats("fr_FR"), Formats("en_GB")


def make_indicator(
    id: str = "satisfaction",
    label: str = "Usagers satisfaits",
    unit: str = "percent",
    direction: str = "higher",
    decimals: int = 0,
    frequency: str = "quarterly",
) -> Indicator:
    return Indicator(
        id=id, network_id="", label=label, original_label=label, family="perceived_quality", unit=unit,
        direction=direction, decimals=decimals, frequency=frequency, aggregation="median",
        commitment_id="", methods="", slug=id,
    )


def waiting_days() -> Indicator:
    """A lower-is-better indicator with one decimal."""
    return make_indicator("delai", "Délai pour un premier rendez-vous", "days", "lower", 1)


def series(values: list[float | None], start: str = "2023-Q1", ci: float | None = None) -> list[Point]:
    """Consecutive periods from `start` (its kind: quarter, month or year); `ci` adds a ± interval."""
    first = Period.parse(start)
    points = []
    for step, value in enumerate(values):
        low = high = None
        if ci is not None and value is not None:
            low, high = value - ci, value + ci
        points.append(Point(first.shifted(step), value, low, high))
    return points
