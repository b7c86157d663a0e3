"""Numbers, values, changes, dates and periods worded for one locale, from Babel's CLDR data.

`Formats("fr_FR")` and `Formats("en_GB")` say the same figure the way each reader expects
(`1 234,5` / `1,234.5`, `72 %` / `72%`, `3e trimestre 2025` / `Q3 2025`, `12 mars 2025` /
`12 March 2025`). Rounding is half away from zero, as a person rounds (Babel's default is half-even),
and a negative number takes the true minus sign `−` in every language: it never reads as a hyphen
nor starts a spreadsheet formula. Words that depend on a count go through gettext's `ngettext`,
with the count's CLDR plural category ("1,5 jour" but "1.5 days"), so translators see every form.
"""

from __future__ import annotations

import datetime as dt
import gettext
import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal

from ..core.periods import Period
from .catalogs import translations

MINUS = "\u2212"
DASH = "–"  # shown where there is no value


def _round(value: float, decimals: int) -> Decimal:
    """`2.25` → `2.3` at one decimal: from the shortest repr, so binary floats round as written."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Formats:
    """The formatting rules of one CLDR locale (`fr_FR`, `en_GB`…) and its gettext catalog."""

    locale_code: str
    catalog: gettext.NullTranslations = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.catalog is None:
            object.__setattr__(self, "catalog", translations(self.language))

    @property
    def language(self) -> str:
        return self.locale_code.split("_")[0]

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.locale_code)

    def _plural(self, singular: str, plural: str, amount: Decimal | int) -> str:
        """gettext's form for `amount`: CLDR says whether it is "one" (fr 1,5; en 1 only)."""
        count = 1 if self.locale.plural_form(abs(amount)) == "one" else 2
        return self.catalog.ngettext(singular, plural, count)

    def number(self, value: float | None, decimals: int = 0, signed: bool = False) -> str:
        """`1234.5` → `1 234,5` / `1,234.5`; `+3` when `signed`; `–` without a value."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return DASH
        rounded = _round(abs(value), decimals)
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        text = format_decimal(rounded, format=pattern, locale=self.locale)
        if rounded == 0:
            return text
        if value < 0:
            return MINUS + text
        return "+" + text if signed else text

    def _with_unit(self, number: str, amount: Decimal, unit: str) -> str:
        if unit == "percent":
            return number + self.locale.percent_formats[None].suffix[0]  # CLDR: `\u00a0%` in French, `%` in English
        if unit == "days":
            return self._plural("{number}\u00a0jour", "{number}\u00a0jours", amount).format(number=number)
        if unit == "minutes":
            return self.catalog.gettext("{number}\u00a0min").format(number=number)
        if unit == "score_10":
            return self.catalog.gettext("{number}/10").format(number=number)
        return number  # points: a signed score, no unit

    def value(self, value: float | None, unit: str, decimals: int = 0) -> str:
        """A value with its unit: `72 %`, `12,5 jours`, `7,8/10`, `+24` (net satisfaction)."""
        if value is None:
            return DASH
        number = self.number(value, decimals, signed=unit == "points")
        return self._with_unit(number, _round(value, decimals), unit)

    def change(self, delta: float | None, unit: str, decimals: int = 0) -> str:
        """A difference between two values: `+3 points`, `−2,5 jours`, `stable`."""
        if delta is None:
            return DASH
        amount = _round(delta, decimals)
        if amount == 0:
            return self.catalog.gettext("stable")
        number = self.number(delta, decimals, signed=True)
        if unit == "days":
            return self._plural("{number}\u00a0jour", "{number}\u00a0jours", amount).format(number=number)
        if unit == "minutes":
            return self._plural("{number}\u00a0minute", "{number}\u00a0minutes", amount).format(number=number)
        return self._plural("{number}\u00a0point", "{number}\u00a0points", amount).format(number=number)

    def count(self, count: int) -> str:
        return self.number(count, 0)

    def date(self, day: dt.date | None) -> str:
        """`12 mars 2025` / `12 March 2025`; French writes the first of the month `1er`."""
        if day is None:
            return DASH
        text = format_date(day, "d MMMM y", locale=self.locale)
        if self.language == "fr" and day.day == 1:
            return "1er" + text[1:]  # French typography; CLDR has no ordinal day pattern
        return text

    def period(self, period: Period) -> str:
        """`3e trimestre 2025` / `Q3 2025`, `juillet 2025` / `July 2025`, `2025`, `exercice 2023-2024` /
        `fiscal year 2023–24`."""
        if period.kind == "quarter":
            rank = "1er" if period.index == 1 else f"{period.index}e"
            return self.catalog.gettext("{rank} trimestre {year}").format(
                rank=rank, quarter=period.index, year=period.year
            )
        if period.kind == "month":
            month = get_month_names("wide", locale=self.locale)[period.index]
            return f"{month} {period.year}"
        if period.kind == "fiscal_year":
            return self.catalog.gettext("exercice {start}-{end}").format(
                start=period.year, end=period.year + 1, end_short=f"{(period.year + 1) % 100:02d}"
            )
        return str(period.year)
