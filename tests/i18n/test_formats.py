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
    ((13.6 + 13.7) / 2, 1, "13,7", "13.7"),  # 13.649999999999999 in binary: a person reads 13.65
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


def test_one_formats_words_each_amount_as_written_whatever_came_before() -> None:
    """One Formats words a whole build: 1 day then 1.0 days, in either order (1.0 == 1 in Python)."""
    english = Formats("en_GB")
    assert [english.value(value, "days", decimals) for value, decimals in ((1, 0), (1, 1), (1, 0))] == [
        f"1{NBSP}day", f"1.0{NBSP}days", f"1{NBSP}day"]
    english = Formats("en_GB")
    assert [english.value(value, "days", decimals) for value, decimals in ((1, 1), (1, 0))] == [
        f"1.0{NBSP}days", f"1{NBSP}day"]


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
    assert FR.period(period) == french
    assert EN.period(period) == english


@pytest.mark.parametrize(("day", "french", "english"), [
    (dt.date(2025, 3, 12), "12 mars 2025", "12 March 2025"),
    (dt.date(2025, 3, 1), "1er mars 2025", "1 March 2025"),
])
def test_dates(day: dt.date, french: str, english: str) -> None:
    assert FR.date(day) == french
    assert EN.date(day) == english


@pytest.mark.parametrize(("value", "decimals", "french", "english"), [
    (0.125, 2, "0,13", "0.13"),  # half away from zero, not banker's rounding
    (-2.5, 0, "−3", "−3"),
])
def test_rounding_is_a_persons(value: float, decimals: int, french: str, english: str) -> None:
    assert FR.number(value, decimals) == french
    assert EN.number(value, decimals) == english


@pytest.mark.parametrize(("delta", "unit", "decimals", "french", "english"), [
    (1.96, "percent", 1, f"+2,0{NBSP}points", f"+2.0{NBSP}points"),  # the plural reads the number as shown
    (1.96, "percent", 0, f"+2{NBSP}points", f"+2{NBSP}points"),
    (1.5, "percent", 1, f"+1,5{NBSP}point", f"+1.5{NBSP}points"),  # French: below 2 is singular
    (-1.98, "days", 1, f"−2,0{NBSP}jours", f"−2.0{NBSP}days"),
    (2, "days", 0, f"+2{NBSP}jours", f"+2{NBSP}days"),
    (1, "points", 0, f"+1{NBSP}point", f"+1{NBSP}point"),
])
def test_change_units_agree_with_the_displayed_number(
    delta: float, unit: str, decimals: int, french: str, english: str
) -> None:
    assert FR.change(delta, unit, decimals) == french
    assert EN.change(delta, unit, decimals) == english


@pytest.mark.parametrize(("count", "french", "english"), [
    (0, f"0{NBSP}structure", f"0{NBSP}structures"),
    (1, f"1{NBSP}structure", f"1{NBSP}structure"),
    (2, f"2{NBSP}structures", f"2{NBSP}structures"),
    (1234, f"1{NNBSP}234{NBSP}structures", f"1,234{NBSP}structures"),
])
def test_counts_agree_with_their_noun(count: int, french: str, english: str) -> None:
    assert FR.counted(count, "structure", "structures") == french
    assert EN.counted(count, "structure", "structures") == english


def test_shares_round_and_handle_nothing_to_count() -> None:
    assert (FR.share(2, 3), EN.share(2, 3)) == (f"67{NBSP}%", "67%")
    assert FR.share(0, 0) == EN.share(0, 0) == "–"


@pytest.mark.parametrize(("position", "french", "english"), [
    ("stable", "comparable au réseau", "comparable to the network"),  # French contracts « à le »
    ("better", "meilleur que le réseau", "better than the network"),
    ("worse", "moins bon que le réseau", "worse than the network"),
    (None, "", ""),
])
def test_comparisons_say_better_or_worse(position: str | None, french: str, english: str) -> None:
    assert FR.position(position, "le réseau") == french
    assert EN.position(position, "le réseau") == english  # a template passes the French phrase


@pytest.mark.parametrize(("code", "french_in", "english_in", "french_short", "english_short"), [
    ("2025-Q3", "au 3e trimestre 2025", "in Q3 2025", "T3 2025", "Q3 2025"),
    ("2025-07", "en juillet 2025", "in July 2025", "juil. 2025", "Jul 2025"),
    ("2025-06", "en juin 2025", "in June 2025", "juin 2025", "Jun 2025"),
    ("2025", "en 2025", "in 2025", "2025", "2025"),
])
def test_periods_in_a_sentence_and_in_a_table(
    code: str, french_in: str, english_in: str, french_short: str, english_short: str
) -> None:
    period = Period.parse(code)
    assert (FR.in_period(period), EN.in_period(period)) == (french_in, english_in)
    assert (FR.short_period(period), EN.short_period(period)) == (french_short, english_short)


def test_spans_between_and_since_periods() -> None:
    first, last = Period.parse("2023-Q1"), Period.parse("2025-Q4")
    assert FR.between(first, last) == "entre le 1er trimestre 2023 et le 4e trimestre 2025"
    assert EN.between(first, last) == "between Q1 2023 and Q4 2025"
    assert FR.since(last) == "depuis le 4e trimestre 2025"
    assert EN.since(Period.parse("2025-07")) == "since July 2025"


def test_the_templates_filters_speak_the_locale() -> None:
    from jinja2 import Environment

    english = Environment(autoescape=True)
    english.filters.update(EN.filters())
    source = "{{ 1234.5|value('percent', 1) }} {{ p|in_period }} {{ 2|counted('structure', 'structures') }}"
    assert english.from_string(source).render(p=Period.parse("2025-Q3")) == f"1,234.5% in Q3 2025 2{NBSP}structures"
