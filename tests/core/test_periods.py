"""Periods: the shared grammar, parsing, ordering and stepping back (wording: tests/i18n/test_formats.py)."""

import datetime as dt
import re

import pytest
from results.core.periods import (
    PERIOD_PATTERN,
    Period,
    expected_latest_period,
    frequency_of,
    period_order,
    quarter_of_month,
)
from results.core.schema import canonical_resources
from results.i18n.formats import Formats


@pytest.mark.parametrize("code", ["2025-Q3", "2025-Q1", "2025-07", "2024"])
def test_codes_round_trip(code: str) -> None:
    assert Period.parse(code).code == code


def test_previous_and_year_before_cross_year_boundaries() -> None:
    assert Period.parse("2025-Q1").previous().code == "2024-Q4"
    assert Period.parse("2025-01").previous().code == "2024-12"
    assert Period.parse("2025").previous().code == "2024"
    assert Period.parse("2025-Q3").year_before().code == "2024-Q3"


def test_order_follows_time() -> None:
    codes = ["2025-Q2", "2024-Q4", "2025-Q1"]
    assert [p.code for p in sorted(map(Period.parse, codes))] == ["2024-Q4", "2025-Q1", "2025-Q2"]


def test_yearly_period_contains_its_quarters() -> None:
    assert Period.parse("2025").contains(Period.parse("2025-Q3"))
    assert not Period.parse("2025").contains(Period.parse("2026-Q1"))
    assert not Period.parse("2025-Q2").contains(Period.parse("2025-Q3"))


def test_invalid_period_is_refused_with_the_expected_forms() -> None:
    with pytest.raises(ValueError, match="2025-Q3"):
        Period.parse("2025-Q5")


def test_expected_latest_period_allows_a_grace_time() -> None:
    as_of = dt.date(2026, 11, 15)
    # Q3 ended on 30 September: 46 days before as_of, so it is due with 30 days of grace, not with 75.
    assert expected_latest_period("quarterly", as_of, 30).code == "2026-Q3"
    assert expected_latest_period("quarterly", as_of, 75).code == "2026-Q2"
    assert expected_latest_period("yearly", as_of, 75).code == "2025"
    assert expected_latest_period("monthly", as_of, 30).code == "2026-09"
    assert expected_latest_period("monthly", as_of, 10).code == "2026-10"


@pytest.mark.parametrize(
    ("text", "frequency"),
    [
        ("2025", "yearly"),
        ("2025-Q3", "quarterly"),
        ("2025-07", "monthly"),
        ("2025-Q5", None),
        ("2025-13", None),
        ("2025-7", None),
        ("25-Q1", None),
        ("2025-T3", None),
        ("", None),
    ],
)
def test_frequency_of_a_written_period(text: str, frequency: str | None) -> None:
    """The form the validator compares with an indicator's frequency; anything else is not a period."""
    assert frequency_of(text) == frequency


def test_period_order_follows_period_ends_and_puts_the_rest_last() -> None:
    codes = ["2025", "not a period", "2025-Q1", "2025-03", "2024-Q4", "2025-01", "2025-12", "2025-Q4"]
    assert sorted(codes, key=period_order) == [
        "2024-Q4", "2025-01", "2025-03", "2025-Q1", "2025-12", "2025-Q4", "2025", "not a period",
    ]


def test_every_parsed_period_writes_back_to_its_code() -> None:
    for text in ("2025", "2025-Q1", "2025-Q4", "2025-01", "2025-12", "2025-2026"):
        assert Period.parse(text).code == text
        assert frequency_of(text) == Period.parse(text).frequency


@pytest.mark.parametrize(
    ("text", "quarter"),
    [("2026-01", "2026-Q1"), ("2026-03", "2026-Q1"), ("2026-04", "2026-Q2"), ("2026-10", "2026-Q4"),
     ("2026-12", "2026-Q4"), ("2026-Q4", None), ("2026", None), ("2026-13", None)],
)
def test_quarter_of_month(text: str, quarter: str | None) -> None:
    assert quarter_of_month(text) == quarter


def test_the_schemas_state_the_same_grammar() -> None:
    """Every period column of the programme's schemas uses the pattern the core parses."""
    patterns = {
        (resource["name"], field["name"]): field["constraints"].get("pattern")
        for resource in canonical_resources()
        for field in resource["schema"]["fields"]
        if field["name"] == "period"
    }
    assert patterns and set(patterns.values()) == {PERIOD_PATTERN}, patterns
    samples = ["2025", "2025-Q1", "2025-Q4", "2025-01", "2025-12", "2025-Q0", "2025-Q5", "2025-00", "2025-13",
               "2025-1", "25", "2025-T1", "2025-q1", " 2025", "2025-Q1-01", "", "2025-2026", "2025-26",
               "2025/2026"]
    for text in samples:
        assert (re.match(PERIOD_PATTERN, text) is not None) is (frequency_of(text) is not None), text


# Fiscal years (issue #13: Canada's service standards), April to March.


def test_a_fiscal_year_runs_from_april_to_march_and_says_exercice() -> None:
    period = Period.parse("2023-2024")
    assert (period.kind, period.code, period.frequency) == ("fiscal_year", "2023-2024", "fiscal_yearly")
    assert (period.start, period.end) == (dt.date(2023, 4, 1), dt.date(2024, 3, 31))
    french, english = Formats("fr_FR"), Formats("en_GB")
    assert french.period(period) == "exercice 2023-2024"
    assert french.in_period(period) == "pour l'exercice 2023-2024"
    assert french.the_period(period) == "l'exercice 2023-2024"
    assert french.short_period(period) == "exercice 2023-2024"
    assert english.in_period(period) == "for fiscal year 2023–24"
    assert english.since(period) == "since fiscal year 2023–24"
    assert period.previous().code == "2022-2023"
    assert period.year_before().code == "2022-2023"
    assert period.shifted(2).code == "2025-2026"


def test_a_fiscal_year_must_span_two_following_years() -> None:
    with pytest.raises(ValueError, match="2023-2024"):
        Period.parse("2023-2025")
    assert frequency_of("2023-2025") is None
    assert frequency_of("2023-2024") == "fiscal_yearly"
    assert frequency_of("2023-24") is None  # read as a month by a person: refused, the suggestion says 2023-2024


def test_fiscal_years_order_by_their_end_and_contain_april_to_march() -> None:
    codes = ["2024-2025", "2022-2023", "2023-2024"]
    assert [p.code for p in sorted(map(Period.parse, codes))] == ["2022-2023", "2023-2024", "2024-2025"]
    assert sorted(["2024", "2023-2024", "2024-Q1", "2023-12"], key=period_order) == [
        "2023-12", "2024-Q1", "2023-2024", "2024",
    ]
    fiscal = Period.parse("2023-2024")
    assert fiscal.contains(Period.parse("2023-04")) and fiscal.contains(Period.parse("2024-Q1"))
    assert not fiscal.contains(Period.parse("2023-Q1")) and not fiscal.contains(Period.parse("2024-04"))
    assert not Period.parse("2024").contains(fiscal)  # a calendar year's target never applies to a fiscal year


def test_expected_latest_fiscal_year() -> None:
    assert expected_latest_period("fiscal_yearly", dt.date(2026, 5, 15), 30).code == "2025-2026"
    assert expected_latest_period("fiscal_yearly", dt.date(2026, 4, 15), 30).code == "2024-2025"
    assert expected_latest_period("fiscal_yearly", dt.date(2026, 1, 15), 0).code == "2024-2025"
