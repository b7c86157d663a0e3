"""The one rule for wording a change (plugins/results/changes.py): like with like, and beyond the
uncertainty of survey results, or "stable"."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from results.changes import combined_margin, matched_change, result_change, verdict
from results.core.periods import Period
from results.i18n.formats import Formats
from results.model import Indicator, Result

Q1, Q2 = Period.parse("2026-Q1"), Period.parse("2026-Q2")
FRENCH = Formats("fr_FR")


def indicator(direction: str = "higher", aggregation: str = "median", decimals: int = 1) -> Indicator:
    return Indicator("satisfaction", "", "Usagers satisfaits", "", "perceived_quality", "percent", direction,
                     decimals, "quarterly", aggregation, "", "", "satisfaction")


def rows(*values: tuple[str, Period, float, float | None]) -> pd.DataFrame:
    """Result rows (structure, period, value, ± half-width of the interval, 100 answers each)."""
    return pd.DataFrame(
        [(structure, period.code, value, 100.0,
          None if ci is None else value - ci, None if ci is None else value + ci)
         for structure, period, value, ci in values],
        columns=["structure_id", "period", "value", "sample_size", "ci_low", "ci_high"],
    ).astype({"ci_low": "float64", "ci_high": "float64"})


def result(period: Period, value: float, ci: float | None = None) -> Result:
    low, high = (None, None) if ci is None else (value - ci, value + ci)
    return Result("S1", "satisfaction", period, value, 100, low, high, "final", "", dt.date(2026, 7, 1), "")


def test_a_structure_leaving_is_not_a_change() -> None:
    """Three structures at 74 %, a fourth at 64 % stops publishing: the aggregate rises, services do not."""
    data = rows(("A", Q1, 74, None), ("B", Q1, 74, None), ("C", Q1, 74, None), ("D", Q1, 64, None),
                ("A", Q2, 74, None), ("B", Q2, 74, None), ("C", Q2, 74, None))
    change = matched_change(indicator(aggregation="weighted_mean"), data, Q1, Q2)
    assert change is not None and change.count == 3
    assert change.delta == pytest.approx(0) and change.verdict == "stable"
    assert change.worded(FRENCH).words == (
        "stable depuis le 1er trimestre 2026 sur les 3 structures présentes aux deux périodes")


def test_a_structure_joining_is_not_a_change() -> None:
    data = rows(("A", Q1, 70, None), ("B", Q1, 72, None),
                ("A", Q2, 70, None), ("B", Q2, 72, None), ("NEW", Q2, 95, None))
    change = matched_change(indicator(), data, Q1, Q2)
    assert change is not None and change.count == 2 and change.verdict == "stable"


def test_a_real_change_of_the_same_structures_is_worded_with_its_span() -> None:
    data = rows(("A", Q1, 70, None), ("B", Q1, 72, None), ("A", Q2, 75, None), ("B", Q2, 77, None),
                ("GONE", Q1, 10, None))
    change = matched_change(indicator(), data, Q1, Q2)
    assert change is not None and change.delta == pytest.approx(5) and change.verdict == "better"
    assert change.worded(FRENCH).words == (
        "+5,0\u00a0points depuis le 1er trimestre 2026 sur les 2 structures présentes aux deux périodes, "
        "en amélioration")


def test_no_structure_at_both_periods_gives_no_change() -> None:
    assert matched_change(indicator(), rows(("A", Q1, 70, None), ("B", Q2, 72, None)), Q1, Q2) is None


def test_a_change_inside_the_uncertainty_is_stable() -> None:
    """−4,3 points when each quarter's survey is ±5 points: may be chance, so "stable", never "▼"."""
    change = result_change(indicator(), result(Q1, 72.0, ci=5), result(Q2, 67.7, ci=5))
    assert change is not None and change.verdict == "stable" and change.within_margin
    worded = change.worded(FRENCH)
    assert worded.words == ("−4,3\u00a0points depuis le 1er trimestre 2026, "
                            "stable (dans la marge d'incertitude de ±7,1\u00a0points)")
    assert worded.verdict_and_amount == "stable (−4,3\u00a0points, dans la marge d'incertitude de ±7,1\u00a0points)"


def test_a_change_beyond_the_uncertainty_is_judged_by_direction() -> None:
    assert result_change(indicator(), result(Q1, 60.0, ci=2), result(Q2, 70.0, ci=2)).verdict == "better"
    assert result_change(indicator("lower"), result(Q1, 60.0, ci=2), result(Q2, 70.0, ci=2)).verdict == "worse"


def test_exact_values_change_as_soon_as_it_shows() -> None:
    """Without an interval (counted, not surveyed) any change visible at display precision counts."""
    assert result_change(indicator(), result(Q1, 84.2), result(Q2, 84.3)).verdict == "better"
    assert verdict(0.04, indicator()) == "stable"  # rounds to 0,0


def test_an_aggregate_change_inside_the_structures_uncertainty_is_stable() -> None:
    """Two structures at ±10 points each: a 1-point rise of their median is within its uncertainty."""
    data = rows(("A", Q1, 70, 10), ("B", Q1, 72, 10), ("A", Q2, 71, 10), ("B", Q2, 73, 10))
    change = matched_change(indicator(), data, Q1, Q2)
    assert change is not None and change.margin is not None and change.margin > 1
    assert change.verdict == "stable"


def test_margin_of_a_difference_adds_in_quadrature() -> None:
    assert combined_margin(3.0, 4.0) == pytest.approx(5.0)
    assert combined_margin(None, 2.0) == pytest.approx(2.0)
    assert combined_margin(None, None) is None


def test_a_small_rise_of_many_structures_whose_changes_spread_widely_is_stable() -> None:
    """+0,1 point on average while each structure moves by ±3 points: noise, not an improvement."""
    moves = [3.1, -2.9] * 250
    data = rows(*(row for i, move in enumerate(moves)
                  for row in ((f"S{i}", Q1, 80.0, None), (f"S{i}", Q2, 80.0 + move, None))))
    change = matched_change(indicator(aggregation="weighted_mean"), data, Q1, Q2)
    assert change is not None and change.count == 500
    assert change.delta == pytest.approx(0.1) and change.verdict == "stable"
    steady = rows(*(row for i in range(500) for row in ((f"S{i}", Q1, 80.0, None), (f"S{i}", Q2, 80.1, None))))
    assert matched_change(indicator(aggregation="weighted_mean"), steady, Q1, Q2).verdict == "better"
