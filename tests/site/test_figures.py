"""Figures: aggregation method, direction-aware changes, missing values, targets, fragile samples."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from results.core.periods import Period
from results.figures import Aggregates, aggregate, assess, indicator_figures, target_for
from results.model import Indicator, Result, Target


def make_indicator(id_: str = "satisfaction", direction: str = "higher", aggregation: str = "median",
                   unit: str = "percent", decimals: int = 0) -> Indicator:
    return Indicator(id_, "", id_, id_, "perceived_quality", unit, direction, decimals, "quarterly",
                     aggregation, "", "", id_)


def result(period: str, value: float | None, sample: int | None = None, reason: str = "") -> Result:
    return Result("S1", "satisfaction", Period.parse(period), value, sample, None, None, "final", reason,
                  dt.date(2026, 1, 1), "")


def frame(rows: list[tuple[str, str, str, float | None, float | None]]) -> pd.DataFrame:
    data = pd.DataFrame(rows, columns=["structure_id", "indicator_id", "period", "value", "sample_size"])
    data[["value", "sample_size"]] = data[["value", "sample_size"]].astype("float64")
    data["period_key"] = data["period"].map(lambda p: Period.parse(p).end)
    return data


def test_median_and_weighted_mean_follow_the_indicator_setting() -> None:
    rows = [("A", "x", "2025-Q1", 60.0, 10.0), ("B", "x", "2025-Q1", 80.0, 30.0), ("C", "x", "2025-Q1", 90.0, 60.0)]
    median = aggregate(frame(rows), {"x": make_indicator("x", aggregation="median")})
    weighted = aggregate(frame(rows), {"x": make_indicator("x", aggregation="weighted_mean")})
    assert median.loc[0, "value"] == 80.0
    assert weighted.loc[0, "value"] == pytest.approx((600 + 2400 + 5400) / 100)
    assert weighted.loc[0, "count"] == 3


def test_weighted_mean_falls_back_to_median_without_sample_sizes() -> None:
    rows = [("A", "x", "2025-Q1", 60.0, None), ("B", "x", "2025-Q1", 70.0, None), ("C", "x", "2025-Q1", 95.0, None)]
    out = aggregate(frame(rows), {"x": make_indicator("x", aggregation="weighted_mean")})
    assert out.loc[0, "value"] == 70.0
    assert out.loc[0, "method"] == "median"


def test_missing_values_are_left_out_of_aggregates_not_counted_as_zero() -> None:
    rows = [("A", "x", "2025-Q1", 60.0, None), ("B", "x", "2025-Q1", None, None), ("C", "x", "2025-Q1", 80.0, None)]
    out = aggregate(frame(rows), {"x": make_indicator("x")})
    assert out.loc[0, "value"] == 70.0
    assert out.loc[0, "count"] == 2


@pytest.mark.parametrize(
    ("delta", "direction", "expected"),
    [(3, "higher", "better"), (-3, "higher", "worse"), (-3, "lower", "better"), (2, "lower", "worse"),
     (0.2, "higher", "stable"), (None, "higher", None)],
)
def test_assess_is_direction_aware(delta: float | None, direction: str, expected: str | None) -> None:
    assert assess(delta, make_indicator(direction=direction)) == expected


def empty_aggregates() -> Aggregates:
    return Aggregates({("N", "satisfaction", "2025-Q3"): 70.0}, {("satisfaction", "2025-Q3"): 72.0},
                      pd.DataFrame(), pd.DataFrame())


def test_indicator_figures_changes_positions_and_missing_latest_period() -> None:
    history = [result("2024-Q3", 68), result("2025-Q2", 71), result("2025-Q3", 74, sample=25),
               result("2025-Q4", None, reason="enquête non réalisée")]
    figures = indicator_figures(make_indicator(), history, "N", empty_aggregates(), [], small_sample=30)
    assert figures.latest.period.code == "2025-Q3"
    assert figures.latest_missing.missing_reason == "enquête non réalisée"
    assert figures.change_previous == 3
    assert figures.change_year == 6
    assert figures.trend_previous == "better"
    assert figures.network_value == 70.0 and figures.position_network == "better"
    assert figures.national_value == 72.0 and figures.position_national == "better"
    assert figures.fragile


def test_lower_is_better_falling_value_is_an_improvement() -> None:
    indicator = make_indicator("delai", direction="lower", unit="days")
    history = [result("2025-Q2", 20), result("2025-Q3", 15)]
    figures = indicator_figures(indicator, history, "N", empty_aggregates(), [], small_sample=30)
    assert figures.change_previous == -5
    assert figures.trend_previous == "better"


def test_gap_means_no_change_rather_than_a_wrong_comparison() -> None:
    history = [result("2025-Q1", 60), result("2025-Q3", 75)]
    figures = indicator_figures(make_indicator(), history, "N", empty_aggregates(), [], small_sample=30)
    assert figures.change_previous is None


def test_exact_period_target_wins_over_yearly_target() -> None:
    targets = [Target("N", "x", Period.parse("2025"), 80.0), Target("N", "x", Period.parse("2025-Q3"), 85.0)]
    assert target_for(targets, "N", "x", Period.parse("2025-Q3")) == 85.0
    assert target_for(targets, "N", "x", Period.parse("2025-Q2")) == 80.0
    assert target_for(targets, "N", "x", Period.parse("2026-Q1")) is None


def test_reference_inside_the_confidence_interval_is_not_a_real_difference() -> None:
    within = Result("S1", "satisfaction", Period.parse("2025-Q3"), 69.3, 218, 62.8, 75.1, "final", "", None, "")
    figures = indicator_figures(make_indicator(), [within], "N", empty_aggregates(), [], small_sample=30)
    assert figures.network_value == 70.0
    assert figures.position_network == "stable"
    assert figures.position_national == "stable"
