"""Vega's number and date formats for one language, from the same CLDR data as the site's own numbers.

Every text of our charts is written in Python (`Formats`), but Vega formats numbers and dates itself
wherever a spec asks it to (a `format` on a tooltip or a text, an axis): its locale is then the page's,
never d3's American default nor French on an English page. The locale travels inside each chart shape's
template (`config.locale`, read by Vega in vl-convert and in the browser alike), so the static SVG and
the interactive chart format alike, a template is per language, and a chart's cache key (which hashes
its template) differs whenever its language's formats do.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import get_day_names, get_month_names
from babel.numbers import get_currency_symbol, get_territory_currencies

from ..i18n.formats import MINUS, Formats

# CLDR date-pattern fields → d3-time-format directives (the ones CLDR's short, medium and full formats use).
_DIRECTIVES = {
    "EEEE": "%A", "EEE": "%a", "dd": "%d", "d": "%-d", "MMMM": "%B", "MMM": "%b", "MM": "%m", "M": "%-m",
    "yyyy": "%Y", "yy": "%y", "y": "%Y", "HH": "%H", "H": "%-H", "hh": "%I", "h": "%-I", "mm": "%M",
    "ss": "%S", "a": "%p",
}
_FIELD = re.compile(r"'([^']*)'|(EEEE|EEE|dd|d|MMMM|MMM|MM|M|yyyy|yy|y|HH|H|hh|h|mm|ss|a)")


def d3_pattern(pattern: str) -> str:
    """A CLDR date pattern as a d3 time format: `dd/MM/y` → `%d/%m/%Y`, `EEEE d MMMM y` → `%A %-d %B %Y`."""
    return _FIELD.sub(lambda match: match.group(1) if match.group(1) is not None else _DIRECTIVES[match.group(2)],
                      pattern.replace("%", "%%"))


def _currency(locale: Locale) -> list[str]:
    """[prefix, suffix] of an amount in the locale's territory's currency: `["", " €"]`, `["£", ""]`."""
    currencies = get_territory_currencies(locale.territory) if locale.territory else []
    symbol = get_currency_symbol(currencies[0], locale=locale) if currencies else "¤"
    pattern = locale.currency_formats["standard"]
    return [pattern.prefix[0].replace("¤", symbol), pattern.suffix[0].replace("¤", symbol)]


@lru_cache(maxsize=16)
def _vega_locale(formats: Formats) -> dict[str, Any]:
    locale = formats.locale
    sample = formats.number(1000.5, 1)  # `1 000,5` / `1,000.5`: the symbols the site writes
    decimal, thousands = sample[-2], sample[1:-5]
    days = get_day_names("wide", locale=locale)
    short_days = get_day_names("abbreviated", locale=locale)
    periods = locale.day_periods["format"]["abbreviated"]
    date, time = locale.date_formats["short"].pattern, locale.time_formats["medium"].pattern
    full = locale.datetime_formats["full"].replace("{1}", locale.date_formats["full"].pattern)
    return {
        "number": {
            "decimal": decimal, "thousands": thousands, "grouping": [3], "currency": _currency(locale),
            "percent": formats.percent_suffix(), "minus": MINUS,
        },
        "time": {
            "dateTime": d3_pattern(full).replace("{0}", "%X"), "date": d3_pattern(date), "time": d3_pattern(time),
            "periods": [periods.get("am", "AM"), periods.get("pm", "PM")],
            "days": [days[(index + 6) % 7] for index in range(7)],  # d3 starts on Sunday, CLDR on Monday
            "shortDays": [short_days[(index + 6) % 7] for index in range(7)],
            "months": [get_month_names("wide", locale=locale)[month] for month in range(1, 13)],
            "shortMonths": [get_month_names("abbreviated", locale=locale)[month] for month in range(1, 13)],
        },
    }


def vega_locale(formats: Formats) -> dict[str, Any]:
    """`{"number": d3-format locale, "time": d3-time-format locale}` of the build's language (a Vega
    `config.locale`), with the symbols `Formats` writes: `72 %` and `1 234,5` in French, `72%` and
    `1,234.5` in English. A fresh copy: callers put it into specs."""
    found = _vega_locale(formats)
    return {"number": dict(found["number"]), "time": dict(found["time"])}
