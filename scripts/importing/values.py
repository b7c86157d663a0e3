"""Source cells → the package's values: numbers, dates, periods, clean text.

A value column holding text is the source's mistake, not a row to drop silently: `number` raises a
SourceError naming file, line and column. The period rule is one function, `period_of`, documented
in README.md ("Bring your own data"): the period is the one of the indicator's frequency that
*contains* the date, so a month dated on its first day (2022-03-01) or its last (2022-03-31) is the
same month, and a quarterly value updated on 2024-05-14 belongs to 2024-Q2.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from results.core.periods import KIND_OF_FREQUENCY, Period
from results.core.safety import neutralize
from validation.checks.plain_text import INVISIBLE, SHORT_LIMIT

from .errors import SourceError

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_FRENCH_DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")


def number(text: str, where: tuple[str, int, str], missing: frozenset[str] = frozenset()) -> Decimal | None:
    """`12.5`, `12,5`, `1 234` → Decimal; empty or a declared missing marker (`ND`) → None.

    Decimal rather than float: `0.1` stays `0.1` in the package (same bytes on every run).
    """
    cleaned = text.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if not cleaned or cleaned in missing:
        return None
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        file, line, column = where
        markers = f" ni un marqueur d'absence déclaré ({', '.join(sorted(missing))})" if missing else ""
        raise SourceError(file, line, column, f"« {text[:40]} » n'est pas un nombre{markers}.",
                          "Corrigez la cellule dans l'export (un nombre, point ou virgule décimale) ou videz-la.")
    return value


def date(text: str, where: tuple[str, int, str]) -> dt.date | None:
    """`2024-05-14`, `2024-05-14T09:30:00+02:00` or `14/05/2024` → a date; empty → None."""
    if not text:
        return None
    match = _DATE.match(text)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = _FRENCH_DATE.match(text)
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        pass
    file, line, column = where
    raise SourceError(file, line, column, f"« {text[:40]} » n'est pas une date.",
                      "Attendu : AAAA-MM-JJ (ex. 2024-05-14) ou JJ/MM/AAAA.")


def period_of(day: dt.date, frequency: str) -> Period:
    """The period of `frequency` (monthly, quarterly, yearly) that contains `day`."""
    kind = KIND_OF_FREQUENCY[frequency]
    index = {"year": 0, "quarter": (day.month - 1) // 3 + 1, "month": day.month}[kind]
    return Period(day.year, index, kind)


def period_ended_by(day: dt.date, frequency: str) -> Period:
    """The latest period of `frequency` that has ended on `day` or before: a result updated on
    2024-04-14 is the first quarter's (2024-Q1), March's (2024-03) or the previous year's (2023)."""
    current = period_of(day, frequency)
    return current if current.end <= day else current.previous()


def text(value: str, short: bool = False) -> str:
    """Clean text as the validator wants it: no invisible or control character (plain_text.py), a
    formula defused (a leading apostrophe, as the site's downloads do), a name cut to SHORT_LIMIT."""
    cleaned = INVISIBLE.sub("", unicodedata.normalize("NFC", value)).strip()
    limit = SHORT_LIMIT if short else 0
    if limit and len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return neutralize(cleaned)


def decimal_text(value: Decimal) -> str:
    """A Decimal as the package writes numbers: `73`, `72.4`, `0.9872` (no exponent, no trailing zero)."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
