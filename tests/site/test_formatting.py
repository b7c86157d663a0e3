"""French formatting: numbers, units, changes and dates as a French reader expects them."""

import datetime as dt

from results.formatting import format_change, format_date, format_number, format_share, format_value

NNBSP = "\u202f"
NBSP = "\u00a0"


def test_numbers_use_comma_and_narrow_spaces() -> None:
    assert format_number(1234.5, 1) == f"1{NNBSP}234,5"
    assert format_number(0.125, 2) == "0,13"  # half away from zero, not banker's rounding
    assert format_number(-2.5, 0) == "−3"
    assert format_number(None) == "–"


def test_values_carry_their_unit() -> None:
    assert format_value(72.4, "percent") == f"72{NNBSP}%"
    assert format_value(12.5, "days", 1) == f"12,5{NBSP}jours"
    assert format_value(1, "days", 0) == f"1{NBSP}jour"
    assert format_value(7.84, "score_10", 1) == "7,8/10"
    assert format_value(24, "points") == "+24"
    assert format_value(-3, "points") == "−3"


def test_changes_are_signed_and_worded() -> None:
    assert format_change(3, "percent") == f"+3{NBSP}points"
    assert format_change(1, "percent") == f"+1{NBSP}point"
    assert format_change(-2.5, "days", 1) == f"−2,5{NBSP}jours"
    assert format_change(0.04, "percent", 0) == "stable"


def test_dates_are_spelled_in_french() -> None:
    assert format_date(dt.date(2025, 3, 12)) == "12 mars 2025"
    assert format_date(dt.date(2025, 8, 1)) == "1er août 2025"


def test_share_rounds_and_handles_empty() -> None:
    assert format_share(2, 3) == f"67{NNBSP}%"
    assert format_share(0, 0) == "–"
