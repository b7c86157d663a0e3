"""French formatting of numbers, units, changes and dates (`1 234,5`, `72 %`, `+3 points`).

Used by the views and registered as Jinja filters, so templates never format a number themselves.
"""

from __future__ import annotations

import datetime as dt
import math

from .core.french import contract, name_sort_key, ngettext, unit_word
from .core.periods import MONTHS_FR

NARROW_NBSP = "\u202f"  # thousands separator and before % (French typography)
NBSP = "\u00a0"

UNIT_SUFFIX = {
    "percent": f"{NARROW_NBSP}%",
    "days": f"{NBSP}jours",
    "minutes": f"{NBSP}min",
    "score_10": "/10",
    "points": "",
}
# The unit of a *difference* between two values of a unit, singular and plural (French plural from 2 up).
CHANGE_UNIT = {
    "percent": ("point", "points"), "days": ("jour", "jours"), "minutes": ("minute", "minutes"),
    "score_10": ("point", "points"), "points": ("point", "points"),
}


def format_number(value: float | None, decimals: int = 0, signed: bool = False) -> str:
    """`1234.5` → `1 234,5`; rounding half away from zero like a person would."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    factor = 10**decimals
    rounded = math.floor(abs(value) * factor + 0.5) / factor
    if rounded == 0:
        value = 0.0
    text = f"{rounded:,.{decimals}f}".replace(",", NARROW_NBSP).replace(".", ",")
    if value < 0:
        return f"−{text}"  # true minus sign reads better and never looks like a formula
    return f"+{text}" if signed and rounded != 0 else text


def format_value(value: float | None, unit: str, decimals: int = 0) -> str:
    """A value with its unit: `72 %`, `12,5 jours`, `7,8/10`, `+24` (net satisfaction)."""
    if value is None:
        return "–"
    signed = unit == "points"
    number = format_number(value, decimals, signed=signed)
    if unit == "days":
        return f"{number}{NBSP}{unit_word(value, 'jour', 'jours', decimals)}"
    return f"{number}{UNIT_SUFFIX.get(unit, '')}"


def format_change(delta: float | None, unit: str, decimals: int = 0) -> str:
    """A difference between two values: `+3 points`, `−2,5 jours`, `stable`."""
    if delta is None:
        return "–"
    number = format_number(delta, decimals, signed=True)
    if number in ("0", "0,0", "0,00", "0,000"):
        return "stable"
    singular, plural = CHANGE_UNIT.get(unit, ("point", "points"))
    return f"{number}{NBSP}{unit_word(delta, singular, plural, decimals)}"


# How a value compares with a reference; the last word is a preposition that meets the reference's article.
POSITION_WORDING = {"better": "meilleur que", "worse": "moins bon que", "stable": "comparable à"}


def format_position(position: str | None, reference: str) -> str:
    """`("stable", "le réseau")` → `comparable au réseau`; `("better", "la valeur nationale")` →
    `meilleur que la valeur nationale`. Direction is already in `position` (lower-is-better included)."""
    if not position:
        return ""
    words = POSITION_WORDING[position]
    head, _, preposition = words.rpartition(" ")
    if preposition == "à":
        return f"{head} {contract('à', reference)}"
    return f"{words} {reference}"


def format_date(day: dt.date | None) -> str:
    """`2025-03-12` → `12 mars 2025` (`1er` for the first day of a month)."""
    if day is None:
        return "–"
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS_FR[day.month - 1]} {day.year}"


def format_share(part: int, whole: int) -> str:
    """`part` of `whole` as a rounded percentage (`67 %`), or `–` when there is nothing to count."""
    if not whole:
        return "–"
    return format_value(100 * part / whole, "percent", 0)


def format_count(count: int) -> str:
    return format_number(count, 0)


def plural_word(count: int, singular: str, plural: str) -> str:
    """The word that agrees with `count` (`structure` / `structures`), through gettext's ngettext rule."""
    return ngettext(singular, plural, abs(int(count)))


def format_counted(count: int, singular: str, plural: str) -> str:
    """`1 structure`, `2 structures`, `1 234 structures`: a count and its noun, agreed."""
    return f"{format_count(count)}{NBSP}{plural_word(count, singular, plural)}"


JINJA_FILTERS = {
    "number": format_number,
    "value": format_value,
    "change": format_change,
    "date_fr": format_date,
    "share": format_share,
    "count": format_count,
    "counted": format_counted,
    "plural": plural_word,
    "position": format_position,
    "sort_name": name_sort_key,  # a name column's key for the table sort: "CAF de l'Ain" before "CAF d'Eure"
}
