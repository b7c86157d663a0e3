"""Derived numbers: network and national aggregates, latest values, changes, positions, targets.

Pure functions over the model. Aggregates are computed once for the whole package with pandas so a
national-scale build does not recompute them page by page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from .changes import Change, result_change, verdict
from .core.periods import Period
from .i18n.formats import N_
from .model import Catalog, Indicator, Result, Target

AGGREGATION_WORDING = {
    "median": N_("médiane des structures"),
    "weighted_mean": N_("moyenne des structures pondérée par le nombre de réponses"),
}


def aggregate(results: pd.DataFrame, indicators: dict[str, Indicator], by: Iterable[str] = ()) -> pd.DataFrame:
    """One row per (`by`…, indicator, period): the aggregate value and how many structures it covers.

    The method follows each indicator's `aggregation`: the median of structures, or the mean weighted
    by sample size (falling back to the median when no sample size is given for that period).
    """
    keys = [*by, "indicator_id", "period"]
    frame = results.loc[results["value"].notna(), [*keys, "period_key", "value", "sample_size"]]
    frame = frame.assign(weighted=frame["value"] * frame["sample_size"])
    grouped = frame.groupby(keys, sort=True, observed=True).agg(
        median=("value", "median"),
        count=("value", "size"),
        weighted=("weighted", "sum"),
        weight=("sample_size", "sum"),
        period_key=("period_key", "first"),
    )
    method = grouped.index.get_level_values("indicator_id").map(
        {indicator.id: indicator.aggregation for indicator in indicators.values()}
    )
    use_weights = (method == "weighted_mean") & (grouped["weight"] > 0)
    weighted_mean = grouped["weighted"] / grouped["weight"].where(use_weights)
    grouped["value"] = grouped["median"].where(~use_weights, weighted_mean)
    grouped["method"] = ["weighted_mean" if flag else "median" for flag in use_weights]
    return grouped[["value", "count", "method", "period_key"]].reset_index()


@dataclass(frozen=True)
class Aggregates:
    """Network-wide and national values per indicator and period, looked up by key.

    Series are grouped once here: every structure's chart asks for its network's series.
    """

    by_network: dict[tuple[str, str, str], float]
    national: dict[tuple[str, str], float]
    network_frame: pd.DataFrame
    national_frame: pd.DataFrame
    series_by_network: dict[tuple[str, str], list[tuple[Period, float, int]]] = field(default_factory=dict)
    series_national: dict[str, list[tuple[Period, float, int]]] = field(default_factory=dict)

    @classmethod
    def compute(cls, catalog: Catalog) -> Aggregates:
        network_of = {s.id: s.network_id for s in catalog.structures.values()}
        with_network = catalog.results.assign(network_id=catalog.results["structure_id"].map(network_of))
        network_frame = aggregate(with_network, catalog.indicators, by=["network_id"])
        national_frame = aggregate(catalog.results, catalog.indicators)
        periods = {code: Period.parse(code) for code in catalog.results["period"].unique()}
        series_by_network: dict[tuple[str, str], list[tuple[Period, float, int]]] = defaultdict(list)
        for row in network_frame.itertuples(index=False):
            series_by_network[row.network_id, row.indicator_id].append((periods[row.period], row.value, row.count))
        series_national: dict[str, list[tuple[Period, float, int]]] = defaultdict(list)
        for row in national_frame.itertuples(index=False):
            series_national[row.indicator_id].append((periods[row.period], row.value, row.count))
        return cls(
            by_network={
                (row.network_id, row.indicator_id, row.period): row.value
                for row in network_frame.itertuples(index=False)
            },
            national={(row.indicator_id, row.period): row.value for row in national_frame.itertuples(index=False)},
            network_frame=network_frame,
            national_frame=national_frame,
            series_by_network={key: sorted(series) for key, series in series_by_network.items()},
            series_national={key: sorted(series) for key, series in series_national.items()},
        )

    def network_series(self, network_id: str, indicator_id: str) -> list[tuple[Period, float, int]]:
        return self.series_by_network.get((network_id, indicator_id), [])

    def national_series(self, indicator_id: str) -> list[tuple[Period, float, int]]:
        return self.series_national.get(indicator_id, [])


def departement_values(catalog: Catalog) -> dict[tuple[str, str], dict[str, tuple[float, int]]]:
    """`(indicator_id, period code)` → département code → (value, structures counted), aggregated
    within each département exactly as nationally (`aggregate`: median or weighted mean)."""
    departement_of = {s.id: s.departement_code for s in catalog.structures.values()}
    results = catalog.results.assign(departement_code=catalog.results["structure_id"].map(departement_of))
    frame = aggregate(results, catalog.indicators, by=["departement_code"])
    values: dict[tuple[str, str], dict[str, tuple[float, int]]] = defaultdict(dict)
    for row in frame.itertuples(index=False):
        values[row.indicator_id, row.period][row.departement_code] = (float(row.value), int(row.count))
    return dict(values)


def assess(delta: float | None, indicator: Indicator) -> str | None:
    """`better`, `worse` or `stable` for an exact difference (the rule of `changes.verdict`)."""
    return verdict(delta, indicator)


def target_for(targets: Iterable[Target], network_id: str, indicator_id: str, period: Period) -> float | None:
    """The target that applies to a period: an exact-period target wins over a yearly one."""
    best: Target | None = None
    for target in targets:
        applies = target.network_id == network_id and target.indicator_id == indicator_id
        if applies and target.period.contains(period) and (best is None or target.period == period):
            best = target
    return None if best is None else best.target


@dataclass(frozen=True)
class IndicatorFigures:
    """Everything the structure page says about one indicator."""

    indicator: Indicator
    history: tuple[Result, ...]  # oldest first, missing values included
    latest: Result | None  # latest period with a value
    latest_missing: Result | None  # a more recent period without a value, if any
    previous: Result | None
    year_ago: Result | None
    change_previous: float | None
    change_year: float | None
    network_value: float | None
    national_value: float | None
    target: float | None
    fragile: bool
    network_history: dict[str, float] = field(default_factory=dict, hash=False)  # period code → network value

    def network_at(self, period: Period) -> float | None:
        """The network's value at one of the history's periods: the history table's own column, so the
        structure page needs no second table for the chart's reference line."""
        return self.network_history.get(period.code)

    @property
    def previous_change(self) -> Change | None:
        """Since the previous period, judged with the uncertainty of survey results."""
        return result_change(self.indicator, self.previous, self.latest)

    @property
    def year_change(self) -> Change | None:
        """Since the same period a year earlier, judged with the uncertainty of survey results."""
        return result_change(self.indicator, self.year_ago, self.latest)

    @property
    def trend_previous(self) -> str | None:
        change = self.previous_change
        return None if change is None else change.verdict

    @property
    def trend_year(self) -> str | None:
        change = self.year_change
        return None if change is None else change.verdict

    @property
    def position_network(self) -> str | None:
        return self._position(self.network_value)

    @property
    def position_national(self) -> str | None:
        return self._position(self.national_value)

    @property
    def target_reached(self) -> bool | None:
        if self.target is None or self.latest is None or self.latest.value is None:
            return None
        if self.indicator.direction == "higher":
            return self.latest.value >= self.target
        return self.latest.value <= self.target

    def _position(self, reference: float | None) -> str | None:
        """Better, worse or equivalent to a reference; a survey result whose confidence interval
        contains the reference is not significantly different from it, so it is `stable`."""
        if reference is None or self.latest is None or self.latest.value is None:
            return None
        low, high = self.latest.ci_low, self.latest.ci_high
        if low is not None and high is not None and low <= reference <= high:
            return "stable"
        return assess(self.latest.value - reference, self.indicator)


def _value_at(history: Iterable[Result], period: Period) -> Result | None:
    for result in history:
        if result.period == period and result.value is not None:
            return result
    return None


def indicator_figures(
    indicator: Indicator,
    history: list[Result],
    network_id: str,
    aggregates: Aggregates,
    targets: list[Target],
    small_sample: int,
) -> IndicatorFigures:
    """Latest value, changes, comparisons and target for one structure × indicator."""
    history = sorted(history, key=lambda result: result.period)
    with_value = [result for result in history if result.value is not None]
    latest = with_value[-1] if with_value else None
    latest_missing = history[-1] if history and history[-1].value is None else None
    previous = year_ago = None
    change_previous = change_year = None
    network_value = national_value = target = None
    if latest is not None:
        previous = _value_at(history, latest.period.previous())
        year_ago = _value_at(history, latest.period.year_before())
        change_previous = None if previous is None else latest.value - previous.value
        change_year = None if year_ago is None else latest.value - year_ago.value
        network_value = aggregates.by_network.get((network_id, indicator.id, latest.period.code))
        national_value = aggregates.national.get((indicator.id, latest.period.code))
        target = target_for(targets, network_id, indicator.id, latest.period)
    fragile = bool(
        latest is not None and latest.sample_size is not None and latest.sample_size < small_sample
    )
    by_network = aggregates.by_network
    network_history = {result.period.code: value for result in history
                       if (value := by_network.get((network_id, indicator.id, result.period.code))) is not None}
    return IndicatorFigures(
        indicator, tuple(history), latest, latest_missing, previous, year_ago, change_previous, change_year,
        network_value, national_value, target, fragile, network_history,
    )


def latest_period(results: pd.DataFrame) -> Period | None:
    """The most recent period that has at least one value (ties: the finest period)."""
    with_value = results.loc[results["value"].notna(), "period"].unique()
    periods = [Period.parse(code) for code in with_value]
    return max(periods, key=lambda p: (p.end, p.kind not in ("year", "fiscal_year"))) if periods else None
