"""Axis ticks in the build's language, never more precise than the indicator."""

from __future__ import annotations

import pytest
from chartcheck import ENGLISH, FRENCH
from results.charts.scales import tick_label, value_ticks

NBSP, NNBSP = "\u00a0", "\u202f"


def labels(values: list[float], unit: str, decimals: int, formats) -> list[str]:  # type: ignore[no-untyped-def]
    ticks = value_ticks(values, unit, decimals, 4)
    return [tick_label(tick, unit, ticks, formats) for tick in ticks]


def test_a_whole_number_score_has_whole_number_ticks() -> None:
    """Before: 25,0 / 27,5 / 30,0 / 32,5 / 35,0 on a net satisfaction score shown without decimals."""
    assert labels([26, 33], "points", 0, FRENCH) == ["25", "30", "35"]


@pytest.mark.parametrize(("values", "unit", "decimals", "french", "english"), [
    ([71.3, 76.8], "percent", 1, [f"70{NBSP}%", f"72{NBSP}%", f"74{NBSP}%", f"76{NBSP}%", f"78{NBSP}%"],
     ["70%", "72%", "74%", "76%", "78%"]),
    ([8.2, 9.1], "days", 1, [f"8,0{NBSP}j", f"8,5{NBSP}j", f"9,0{NBSP}j", f"9,5{NBSP}j"],
     [f"8.0{NBSP}d", f"8.5{NBSP}d", f"9.0{NBSP}d", f"9.5{NBSP}d"]),
    ([1200, 4800], "points", 0, ["0", f"2{NNBSP}000", f"4{NNBSP}000", f"4{NNBSP}800"],
     ["0", "2,000", "4,000", "4,800"]),
])
def test_tick_labels_follow_the_locale(values: list[float], unit: str, decimals: int, french: list[str],
                                       english: list[str]) -> None:
    assert labels(values, unit, decimals, FRENCH) == french
    assert labels(values, unit, decimals, ENGLISH) == english
