"""When a change may be called "en amélioration" or "en dégradation": one rule for every page.

Pages, chart sentences, posters and reports all word changes through this module, so a structure's
card, its chart sentence and its poster never disagree. The rule (`verdict`):

- a change that rounds to zero at the indicator's display precision is `stable`;
- a survey result carries an uncertainty (its 95 % confidence interval): a change no larger than the
  uncertainty of the change is `stable` — it may be chance, not a real change;
- otherwise the change is `better` or `worse`, knowing whether higher or lower is better.

A network's or the nation's value is an aggregate of structures, and the structures counted change
from one period to the next (a network stops publishing, a structure opens). Comparing two such
aggregates would report who is counted, not how services changed: `matched_change` compares the two
periods on the structures present in both, says how many they are, and judges the change against
its own uncertainty (`aggregate_margin`): the spread of those structures' changes, or their surveys'.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd

from .core.periods import Period
from .i18n.formats import N_, Formats
from .model import Indicator

BETTER, WORSE, STABLE = "better", "worse", "stable"
VERDICT_WORDING = {BETTER: N_("en amélioration"), WORSE: N_("en dégradation"), STABLE: N_("stable")}
# A median's sampling error is about sqrt(pi / 2) times a mean's (asymptotic relative efficiency).
MEDIAN_ERROR_FACTOR = math.sqrt(math.pi / 2)


def verdict(delta: float | None, indicator: Indicator, margin: float | None = None) -> str | None:
    """`better`, `worse` or `stable` for a change of `delta`, None when there is no change to judge.

    `margin` is the half-width of the change's 95 % interval (None when the values are exact)."""
    if delta is None:
        return None
    if round(abs(delta), indicator.decimals) == 0:
        return STABLE
    if margin is not None and abs(delta) <= margin:
        return STABLE
    improving = delta > 0 if indicator.direction == "higher" else delta < 0
    return BETTER if improving else WORSE


def half_width(ci_low: float | None, ci_high: float | None) -> float | None:
    """Half the width of a confidence interval, None when it is not given."""
    if ci_low is None or ci_high is None:
        return None
    return (ci_high - ci_low) / 2


def combined_margin(*half_widths: float | None) -> float | None:
    """Half-width of the interval of a difference of independent estimates (root of the sum of
    squares); None when no estimate has an interval (exact values: no uncertainty)."""
    known = [width for width in half_widths if width is not None]
    if not known:
        return None
    return math.sqrt(sum(width * width for width in known))


@dataclass(frozen=True)
class Change:
    """A change between two named periods, judged by `verdict`; `count` is how many structures an
    aggregate's change compares (the same ones at both periods), None for one structure's change."""

    indicator: Indicator
    since: Period
    until: Period
    delta: float
    margin: float | None = None
    count: int | None = None

    @property
    def verdict(self) -> str:
        return verdict(self.delta, self.indicator, self.margin) or STABLE

    @property
    def within_margin(self) -> bool:
        """A visible change that is still `stable` because the uncertainty is larger."""
        return not self.rounds_to_zero and self.margin is not None and abs(self.delta) <= self.margin

    @property
    def rounds_to_zero(self) -> bool:
        """The change reads `stable` at the indicator's display precision."""
        return round(abs(self.delta), self.indicator.decimals) == 0

    def worded(self, formats: Formats) -> WordedChange:
        """This change in the words of one language."""
        return WordedChange(self, formats)


@dataclass(frozen=True)
class WordedChange:
    """A `Change` in words, in the build's language: what pages, chart sentences and posters say."""

    change: Change
    formats: Formats

    @property
    def verdict(self) -> str:
        return self.change.verdict

    @property
    def rounds_to_zero(self) -> bool:
        """The change as shown reads `stable` (the page then names no trend): decided on the displayed
        amount, so the words and the number never disagree."""
        indicator = self.change.indicator
        return self.formats.change(self.change.delta, indicator.unit, indicator.decimals) == self.formats.gettext(
            "stable")

    @property
    def basis_count(self) -> int | None:
        return self.change.count

    @property
    def amount(self) -> str:
        """`+3 points`, `−2,5 jours`, `stable` (display precision)."""
        indicator = self.change.indicator
        return self.formats.change(self.change.delta, indicator.unit, indicator.decimals)

    @property
    def span(self) -> str:
        """`depuis le 2e trimestre 2026` / `since Q2 2026`: the earlier period, named every time."""
        return self.formats.since(self.change.since)

    @property
    def margin_wording(self) -> str:
        """`dans la marge d'incertitude de ±7 points` when the uncertainty makes the change `stable`."""
        change = self.change
        if not change.within_margin or change.margin is None:
            return ""
        decimals = change.indicator.decimals
        margin = "±" + self.formats.number(change.margin, decimals)
        amount = abs(Decimal(repr(round(change.margin, decimals))))
        text = self.formats.change_unit(margin, amount, change.indicator.unit)
        return self.formats.gettext("dans la marge d'incertitude de {margin}").format(margin=text)

    @property
    def trend(self) -> str:
        """`en amélioration`, `en dégradation`, `stable`."""
        return self.formats.gettext(VERDICT_WORDING[self.verdict])

    @property
    def verdict_wording(self) -> str:
        """`en amélioration`, `stable`, or `stable (dans la marge d'incertitude de ±7 points)`."""
        return f"{self.trend} ({self.margin_wording})" if self.margin_wording else self.trend

    @property
    def verdict_and_amount(self) -> str:
        """`en amélioration (+5 points)`, `stable (−4,3 points, dans la marge d'incertitude de ±5 points)`."""
        details = ", ".join(part for part in (self.amount, self.margin_wording) if part)
        return f"{self.trend} ({details})"

    @property
    def basis(self) -> str:
        """`sur les 612 structures présentes aux deux périodes` for an aggregate, empty otherwise."""
        count = self.change.count
        if count is None:
            return ""
        return self.formats.ngettext(
            "sur la structure présente aux deux périodes",
            "sur les {count} structures présentes aux deux périodes", count,
        ).format(count=self.formats.count(count))

    @property
    def words(self) -> str:
        """The whole change in words: `−4,3 points depuis le 2e trimestre 2026, stable (…)`."""
        basis = f" {self.basis}" if self.basis else ""
        if self.rounds_to_zero:
            return f"{self.amount} {self.span}{basis}"
        return f"{self.amount} {self.span}{basis}, {self.verdict_wording}"


def result_change(indicator: Indicator, before: object | None, after: object | None) -> Change | None:
    """One structure's change between two results (`Result` or chart `Point`: period, value, interval)."""
    if before is None or after is None or before.value is None or after.value is None:
        return None
    margin = combined_margin(half_width(before.ci_low, before.ci_high), half_width(after.ci_low, after.ci_high))
    return Change(indicator, before.period, after.period, after.value - before.value, margin)


@dataclass(frozen=True)
class PeriodValues:
    """One period's values of a group's structures, as plain numpy arrays (sorted by structure id):
    comparing two periods then costs a few array operations, not pandas indexing."""

    ids: np.ndarray  # structure ids (str), sorted, unique
    value: np.ndarray
    sample_size: np.ndarray  # NaN when not given
    ci_low: np.ndarray
    ci_high: np.ndarray

    def take(self, positions: np.ndarray) -> PeriodValues:
        return PeriodValues(self.ids[positions], self.value[positions], self.sample_size[positions],
                            self.ci_low[positions], self.ci_high[positions])

    def subset(self, members: np.ndarray) -> PeriodValues:
        """Only the structures listed in `members` (an array of ids)."""
        return self.take(np.isin(self.ids, members))

    def __len__(self) -> int:
        return len(self.ids)


def _aggregate(values: PeriodValues, aggregation: str) -> float:
    """One period's aggregate of the structures compared (the same method as `figures.aggregate`)."""
    weights = np.nan_to_num(values.sample_size)
    if aggregation == "weighted_mean" and weights.sum() > 0:
        return float((values.value * weights).sum() / weights.sum())
    return float(np.median(values.value))


def aggregate_margin(before: PeriodValues, after: PeriodValues, aggregation: str) -> float | None:
    """Half-width of a 95 % interval for the change of an aggregate of the same structures.

    Two sources of chance, the larger one counts: how much the structures' own changes spread around
    their mean (a paired comparison: a 0,1-point rise of 500 structures whose changes spread by 3 points
    is noise), and the surveys' intervals of each structure at both periods. Weights follow the
    aggregation; a median is `MEDIAN_ERROR_FACTOR` times less precise than a mean.
    """
    answers = np.nan_to_num(after.sample_size)
    weighted = aggregation == "weighted_mean" and answers.sum() > 0
    weights = answers if weighted else np.ones(len(after))
    factor = 1.0 if weighted else MEDIAN_ERROR_FACTOR
    total, count = float(weights.sum()), len(after)
    margins = []
    deltas = after.value - before.value
    if count > 1:
        mean = float((deltas * weights).sum()) / total
        variance = float((weights**2 * (deltas - mean) ** 2).sum()) / total**2 * count / (count - 1)
        margins.append(1.96 * factor * math.sqrt(variance))
    half_widths = (np.nan_to_num(((after.ci_high - after.ci_low) / 2) ** 2)
                   + np.nan_to_num(((before.ci_high - before.ci_low) / 2) ** 2))
    if (half_widths > 0).any():
        margins.append(factor * math.sqrt(float((weights**2 * half_widths).sum())) / total)
    return max(margins) if margins else None


NUMBERS = ("value", "sample_size", "ci_low", "ci_high")


def group_by_period(ids: np.ndarray, periods: np.ndarray, numbers: dict[str, np.ndarray]) -> dict[str, PeriodValues]:
    """Values split by period: `ids` (structure codes, comparable), `periods` (period codes) and the
    float columns value, sample_size, ci_low, ci_high, aligned; rows without a value are left out and a
    structure listed twice for a period counts once."""
    valued = ~np.isnan(numbers["value"])
    ids, periods = ids[valued], periods[valued]
    numbers = {column: array[valued] for column, array in numbers.items()}
    period_codes, period_of_row = np.unique(periods, return_inverse=True)
    order = np.lexsort((ids, period_of_row))
    bounds = np.searchsorted(period_of_row[order], np.arange(len(period_codes) + 1))
    grouped: dict[str, PeriodValues] = {}
    for index, code in enumerate(period_codes):
        positions = order[bounds[index]:bounds[index + 1]]
        keep = np.ones(len(positions), dtype=bool)
        keep[1:] = ids[positions][1:] != ids[positions][:-1]
        chosen = positions[keep]
        grouped[str(code)] = PeriodValues(ids[chosen], *(numbers[column][chosen] for column in NUMBERS))
    return grouped


def float_columns(rows: pd.DataFrame) -> dict[str, np.ndarray]:
    return {column: pd.to_numeric(rows[column], errors="coerce").to_numpy(dtype="float64", na_value=math.nan)
            for column in NUMBERS}


def values_by_period(rows: pd.DataFrame) -> dict[str, PeriodValues]:
    """Result rows (structure_id, period, value, sample_size, ci_low, ci_high) split by period code."""
    return group_by_period(rows["structure_id"].to_numpy(dtype=str), rows["period"].to_numpy(dtype=str),
                           float_columns(rows))


def compare_periods(indicator: Indicator, before: PeriodValues | None, after: PeriodValues | None,
                    since: Period, until: Period) -> Change | None:
    """The aggregate's change between two periods' values over the structures present at both;
    None when there is none."""
    if before is None or after is None:
        return None
    _common, in_before, in_after = np.intersect1d(before.ids, after.ids, assume_unique=True, return_indices=True)
    if not len(in_before):
        return None
    before, after = before.take(in_before), after.take(in_after)
    delta = _aggregate(after, indicator.aggregation) - _aggregate(before, indicator.aggregation)
    return Change(indicator, since, until, delta, aggregate_margin(before, after, indicator.aggregation), len(after))


def matched_change(indicator: Indicator, rows: pd.DataFrame, since: Period, until: Period) -> Change | None:
    """The aggregate's change from `since` to `until` over the structures with a value at both.

    `rows`: one indicator's result rows of the group compared (structure_id, period, value,
    sample_size, ci_low, ci_high). None when no structure has a value at both periods.
    """
    periods = values_by_period(rows)
    return compare_periods(indicator, periods.get(since.code), periods.get(until.code), since, until)
