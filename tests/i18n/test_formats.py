"""Figures worded per locale from CLDR: French (the source) and English, side by side."""

from __future__ import annotations

import datetime as dt

import pytest
from results.core.periods import Period
from results.i18n.formats import Formats

FR, EN = Formats("fr_FR"), Formats("en_GB")
NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(("value", "decimals", "french", "english"), [
    (1234.5, 1, f"1{NNBSP}234,5", "1,234.5"),
    (1234567, 0, f"1{NNBSP}234{NNBSP}567", "1,234,567"),
    (2.25, 1, "2,3", "2.3"),  # half away from zero, as written (not the float 2.2499…)
    (-2.25, 1, "−2,3", "−2.3"),  # true minus sign in both languages
    (-0.04, 1, "0,0", "0.0"),  # rounds to zero: no minus sign
    (None, 0, "–", "–"),
])
def test_numbers(value: float | None, decimals: int, french: str, english: str) -> None:
    assert FR.number(value, decimals) == french
    assert EN.number(value, decimals) == english


@pytest.mark.parametrize(("value", "unit", "decimals", "french", "english"), [
    (72, "percent", 0, f"72{NBSP}%", "72%"),
    (72.46, "percent", 1, f"72,5{NBSP}%", "72.5%"),
    (1.5, "days", 1, f"1,5{NBSP}jour", f"1.5{NBSP}days"),  # French singular below 2, English plural
    (1, "days", 0, f"1{NBSP}jour", f"1{NBSP}day"),
    (12.5, "days", 1, f"12,5{NBSP}jours", f"12.5{NBSP}days"),
    (7.84, "score_10", 1, "7,8/10", "7.8/10"),
    (24, "points", 0, "+24", "+24"),  # net satisfaction is a signed score
    (3, "minutes", 0, f"3{NBSP}min", f"3{NBSP}min"),
])
def test_values_with_their_unit(value: float, unit: str, decimals: int, french: str, english: str) -> None:
    assert FR.value(value, unit, decimals) == french
    assert EN.value(value, unit, decimals) == english


@pytest.mark.parametrize(("delta", "unit", "decimals", "french", "english"), [
    (2, "percent", 0, f"+2{NBSP}points", f"+2{NBSP}points"),  # plural from 2 upwards in French
    (1.9, "percent", 1, f"+1,9{NBSP}point", f"+1.9{NBSP}points"),
    (1, "percent", 0, f"+1{NBSP}point", f"+1{NBSP}point"),
    (-2.0, "days", 1, f"−2,0{NBSP}jours", f"−2.0{NBSP}days"),
    (-1, "minutes", 0, f"−1{NBSP}minute", f"−1{NBSP}minute"),
    (0.04, "percent", 1, "stable", "stable"),
])
def test_signed_changes_take_the_plural_their_language_needs(
    delta: float, unit: str, decimals: int, french: str, english: str
) -> None:
    assert FR.change(delta, unit, decimals) == french
    assert EN.change(delta, unit, decimals) == english


@pytest.mark.parametrize(("code", "french", "english"), [
    ("2025-Q1", "1er trimestre 2025", "Q1 2025"),
    ("2025-Q3", "3e trimestre 2025", "Q3 2025"),
    ("2025-07", "juillet 2025", "July 2025"),
    ("2023-2024", "exercice 2023-2024", "fiscal year 2023–24"),
    ("1999-2000", "exercice 1999-2000", "fiscal year 1999–00"),
    ("2025", "2025", "2025"),
])
def test_periods(code: str, french: str, english: str) -> None:
    period = Period.parse(code)
    assert FR.period(period) == french == period.label  # the same words as the plugin's own labels
    assert EN.period(period) == english


@pytest.mark.parametrize(("day", "french", "english"), [
    (dt.date(2025, 3, 12), "12 mars 2025", "12 March 2025"),
    (dt.date(2025, 3, 1), "1er mars 2025", "1 March 2025"),
])
def test_dates(day: dt.date, french: str, english: str) -> None:
    assert FR.date(day) == french
    assert EN.date(day) == english
