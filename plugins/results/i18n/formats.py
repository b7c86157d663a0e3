"""Numbers, values, changes, dates and periods worded for one locale, from Babel's CLDR data.

`Formats("fr_FR")` and `Formats("en_GB")` say the same figure the way each reader expects
(`1 234,5` / `1,234.5`, `72 %` / `72%`, `3e trimestre 2025` / `Q3 2025`, `12 mars 2025` /
`12 March 2025`). Rounding is half away from zero, as a person rounds (Babel's default is half-even),
and a negative number takes the true minus sign `−` in every language: it never reads as a hyphen
nor starts a spreadsheet formula. Words that depend on a count go through gettext's `ngettext`,
with the count's CLDR plural category ("1,5 jour" but "1.5 days"), so translators see every form.

One `Formats` is made per build from `RESULTS_LOCALE` and handed to whatever writes text (views,
sections, charts, templates through `filters()`): nothing here is global, so two builds in one
process can speak two languages.
"""

from __future__ import annotations

import datetime as dt
import gettext
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel import Locale
from babel.dates import format_date, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol
from markupsafe import Markup, escape

from ..core.french import contract, name_sort_key
from ..core.periods import Period
from .catalogs import translations

MINUS = "\u2212"
DASH = "–"  # shown where there is no value
NBSP = "\u00a0"


def N_(message: str) -> str:
    """Marks a French string for extraction where it is defined; it is translated where it is shown."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a French singular/plural pair for extraction (`ngettext` is called where it is shown)."""
    return singular, plural


# Nouns the templates count with `|counted(singular, plural)`: marked here so the catalogs have them.
COUNTED_NOUNS = (
    N_plural("structure", "structures"),
    N_plural("réseau", "réseaux"),
    N_plural("service", "services"),
    N_plural("structure affichée", "structures affichées"),
    N_plural("action la plus récente", "actions les plus récentes"),
)
# References the templates compare with through `|position(reference)`.
REFERENCES = (N_("le réseau"), N_("la valeur nationale"))


def _round(value: float, decimals: int) -> Decimal:
    """`2.25` → `2.3` at one decimal, half away from zero. Float noise is dropped first (six digits
    beyond those shown): a median of 13.6 and 13.7 is 13.649999999999999 in binary, read 13.65, shown
    13.7, as a person computes it."""
    cleaned = Decimal(repr(round(float(value), decimals + 6)))
    return cleaned.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def as_shown(value: float, decimals: int) -> float:
    """`value` as the pages write it (`49.5` → `50.0` at no decimal): for rules that must agree with
    the text a reader sees, such as a map's classes."""
    rounded = float(_round(abs(value), decimals))
    return -rounded if value < 0 else rounded


@dataclass(frozen=True)
class Formats:
    """The formatting rules of one CLDR locale (`fr_FR`, `en_GB`…) and its gettext catalog."""

    locale_code: str
    catalog: gettext.NullTranslations = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.catalog is None:
            object.__setattr__(self, "catalog", translations(self.language))
        locale = Locale.parse(self.locale_code)
        object.__setattr__(self, "_locale", locale)
        # CLDR symbols, read once: formatting a number is then a str.format and two replacements.
        object.__setattr__(self, "_decimal", get_decimal_symbol(locale))
        object.__setattr__(self, "_group", get_group_symbol(locale))
        object.__setattr__(self, "_percent", locale.percent_formats[None].suffix[0])
        object.__setattr__(self, "_grouping", locale.decimal_formats[None].grouping)
        # CLDR plural category of each amount already worded: Babel evaluates its rule anew on every call,
        # and a build words the same few counts and day values hundreds of thousands of times.
        object.__setattr__(self, "_plural_forms", {})

    @property
    def language(self) -> str:
        return self.locale_code.split("_")[0]

    @property
    def locale(self) -> Locale:
        return self._locale  # type: ignore[attr-defined]

    # -- words -----------------------------------------------------------------------------------

    def gettext(self, message: str) -> str:
        """The catalog's translation of a French message (the message itself in French)."""
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, amount: float | Decimal | int) -> str:
        """gettext's form for `amount` as shown: CLDR says whether it is "one" (fr 0 to 1,9; en 1)."""
        number = abs(amount) if isinstance(amount, (int, Decimal)) else Decimal(repr(abs(float(amount))))
        forms: dict[str, str] = self._plural_forms  # type: ignore[attr-defined]
        key = str(number)  # not the number: Decimal("1.0") == 1, but English says "1.0 days", "1 day"
        form = forms.get(key)
        if form is None:
            form = forms[key] = self.locale.plural_form(number)
        count = 1 if form == "one" else 2
        return self.catalog.ngettext(singular, plural, count)

    _plural = ngettext  # the name scripts/translations.py also extracts

    def plural(self, count: int, singular: str, plural: str) -> str:
        """The word that agrees with `count` (`structure` / `structures`), translated."""
        return self.ngettext(singular, plural, abs(int(count)))

    def counted(self, count: int, singular: str, plural: str) -> str:
        """`1 structure`, `2 structures`, `1 234 structures`: a count and its noun, agreed."""
        return f"{self.count(count)}{NBSP}{self.plural(count, singular, plural)}"

    # -- numbers ---------------------------------------------------------------------------------

    def number(self, value: float | None, decimals: int = 0, signed: bool = False) -> str:
        """`1234.5` → `1 234,5` / `1,234.5`; `+3` when `signed`; `–` without a value."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return DASH
        rounded = _round(abs(value), decimals)
        if self._grouping == (3, 3):  # type: ignore[attr-defined]
            # float(rounded) prints the rounded digits exactly (values stay below 10¹⁵, the validator's
            # limit) and is ten times faster to format than a Decimal.
            text = f"{float(rounded):,.{decimals}f}".replace(",", "\x00").replace(".", self._decimal)  # type: ignore[attr-defined]
            text = text.replace("\x00", self._group)  # type: ignore[attr-defined]
        else:  # other groupings (en_IN: 12,34,567): Babel's own pattern engine
            from babel.numbers import format_decimal

            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            text = format_decimal(rounded, format=pattern, locale=self.locale)
        if rounded == 0:
            return text
        if value < 0:
            return MINUS + text
        return "+" + text if signed else text

    def percent_suffix(self) -> str:
        """What follows a percentage: `\u00a0%` in French (CLDR), `%` in English."""
        return self._percent  # type: ignore[attr-defined]

    def _with_unit(self, number: str, amount: Decimal, unit: str) -> str:
        if unit == "percent":
            return number + self.percent_suffix()
        if unit == "days":
            return self.ngettext("{number}\u00a0jour", "{number}\u00a0jours", amount).format(number=number)
        if unit == "minutes":
            return self.gettext("{number}\u00a0min").format(number=number)
        if unit == "score_10":
            return self.gettext("{number}/10").format(number=number)
        return number  # points: a signed score, no unit

    def value(self, value: float | None, unit: str, decimals: int = 0) -> str:
        """A value with its unit: `72 %`, `12,5 jours`, `7,8/10`, `+24` (net satisfaction)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return DASH
        number = self.number(value, decimals, signed=unit == "points")
        if unit == "percent":  # the common case, without a second rounding
            return number + self._percent  # type: ignore[attr-defined]
        return self._with_unit(number, _round(abs(value), decimals), unit)

    def change(self, delta: float | None, unit: str, decimals: int = 0) -> str:
        """A difference between two values: `+3 points`, `−2,5 jours`, `stable`."""
        if delta is None:
            return DASH
        amount = _round(abs(delta), decimals)
        if amount == 0:
            return self.gettext("stable")
        number = self.number(delta, decimals, signed=True)
        return self.change_unit(number, amount, unit)

    def change_unit(self, number: str, amount: Decimal | float, unit: str) -> str:
        """A written difference with its unit's word: `+3 points`, `±2,5 jours`."""
        if unit == "days":
            return self.ngettext("{number}\u00a0jour", "{number}\u00a0jours", amount).format(number=number)
        if unit == "minutes":
            return self.ngettext("{number}\u00a0minute", "{number}\u00a0minutes", amount).format(number=number)
        return self.ngettext("{number}\u00a0point", "{number}\u00a0points", amount).format(number=number)

    def count(self, count: int | None) -> str:
        return self.number(count, 0)

    def share(self, part: int, whole: int) -> str:
        """`part` of `whole` as a rounded percentage (`67 %`), or `–` when there is nothing to count."""
        if not whole:
            return DASH
        return self.value(100 * part / whole, "percent", 0)

    def position(self, position: str | None, reference: str) -> str:
        """`("stable", "le réseau")` → `comparable au réseau` / `comparable to the network`;
        direction is already in `position` (lower-is-better included)."""
        if not position:
            return ""
        # A template's reference is HTML (Markup), maybe with a data word marked lang="fr" (« le réseau
        # <span lang="fr">CAF</span> »): the wording then stays HTML, its own words escaped.
        html = isinstance(reference, Markup)
        found = self.gettext(reference)  # a French phrase from a template, or one already translated
        reference = escape(found) if html and found is not reference else found

        def worded(wording: str) -> str:
            return (escape(wording) if html else wording).format(reference=reference)

        if position == "better":
            return worded(self.gettext("meilleur que {reference}"))
        if position == "worse":
            return worded(self.gettext("moins bon que {reference}"))
        if self.language == "fr":
            contracted = f"comparable {contract('à', reference)}"  # French contraction: « au réseau »
            return Markup(contracted) if html else contracted  # only an article changed in escaped HTML
        return worded(self.gettext("comparable à {reference}"))

    # -- dates and periods -----------------------------------------------------------------------

    def date(self, day: dt.date | None) -> str:
        """`12 mars 2025` / `12 March 2025`; French writes the first of the month `1er`."""
        if day is None:
            return DASH
        text = format_date(day, "d MMMM y", locale=self.locale)
        if self.language == "fr" and day.day == 1:
            return "1er" + text[1:]  # French typography; CLDR has no ordinal day pattern
        return text

    def numeric_date(self, day: dt.date) -> str:
        """`12/03/2025` (CLDR's short date: the same in French and British English)."""
        return format_date(day, "dd/MM/y", locale=self.locale) if self.language == "fr" else format_date(
            day, "short", locale=self.locale)

    def period(self, period: Period) -> str:
        """`3e trimestre 2025` / `Q3 2025`, `juillet 2025` / `July 2025`, `2025`, `exercice 2023-2024` /
        `fiscal year 2023–24`."""
        if period.kind == "quarter":
            rank = "1er" if period.index == 1 else f"{period.index}e"
            return self.gettext("{rank} trimestre {year}").format(
                rank=rank, quarter=period.index, year=period.year
            )
        if period.kind == "month":
            month = get_month_names("wide", locale=self.locale)[period.index]
            return f"{month} {period.year}"
        if period.kind == "fiscal_year":
            return self.gettext("exercice {start}-{end}").format(
                start=period.year, end=period.year + 1, end_short=f"{(period.year + 1) % 100:02d}"
            )
        if period.kind == "year":
            return str(period.year)
        return period.code

    def in_period(self, period: Period) -> str:
        """`au 3e trimestre 2025` / `in Q3 2025`, `en juillet 2025` / `in July 2025`, `pour l'exercice
        2023-2024` / `for fiscal year 2023–24` (after a value)."""
        if period.kind == "quarter":
            return self.gettext("au {period}").format(period=self.period(period))
        if period.kind == "fiscal_year":
            return self.gettext("pour l'{period}").format(period=self.period(period))
        return self.gettext("en {period}").format(period=self.period(period))

    def the_period(self, period: Period) -> str:
        """`le 3e trimestre 2025` / `Q3 2025`, `juillet 2025`, `2025`, `l'exercice 2023-2024` / `fiscal
        year 2023–24` (after "depuis", "pour", "entre")."""
        if period.kind == "quarter":
            return self.gettext("le {period}").format(period=self.period(period))
        if period.kind == "fiscal_year":
            return self.gettext("l'{period}").format(period=self.period(period))
        return self.period(period)

    def short_period(self, period: Period) -> str:
        """Compact wording for table headers and chart axes: `T3 2025` / `Q3 2025`, `juil. 2025` / `Jul 2025`;
        a fiscal year is kept whole (`2023-2024` alone would read as two calendar years)."""
        if period.kind == "quarter":
            return self.gettext("T{quarter} {year}").format(quarter=period.index, year=period.year)
        if period.kind == "month":
            month = get_month_names("abbreviated", locale=self.locale)[period.index]
            return f"{month} {period.year}"
        return self.period(period)

    def between(self, first: Period, last: Period) -> str:
        """`entre le 1er trimestre 2023 et le 4e trimestre 2025` / `between Q1 2023 and Q4 2025`."""
        return self.gettext("entre {first} et {last}").format(
            first=self.the_period(first), last=self.the_period(last)
        )

    def since(self, period: Period) -> str:
        """`depuis le 2e trimestre 2026` / `since Q2 2026`."""
        return self.gettext("depuis {period}").format(period=self.the_period(period))

    # -- templates -------------------------------------------------------------------------------

    def filters(self) -> dict[str, Callable[..., Any]]:
        """Jinja filters speaking this locale: templates never format a number themselves."""
        return {
            "number": self.number,
            "value": self.value,
            "change": self.change,
            "date": self.date,
            "date_fr": self.date,  # former name, kept for templates not yet renamed
            "share": self.share,
            "count": self.count,
            "counted": self.counted,
            "plural": lambda count, singular, plural: self.plural(count, singular, plural),
            "position": self.position,
            "period": self.period,
            "in_period": self.in_period,
            "the_period": self.the_period,
            "short_period": self.short_period,
            "since": self.since,
            "sort_name": name_sort_key,  # a name column's key for the table sort: "CAF de l'Ain" before "CAF d'Eure"
        }
