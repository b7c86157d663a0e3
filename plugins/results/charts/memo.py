"""Memoised formatting for charts: a national build formats the same values many times.

`functools.lru_cache` over pure functions: the cache holds no state a caller could observe (the same
arguments always give the same text; a `Formats` is keyed by its locale), so it is safe across
Pelican re-runs in one process, in any language.
"""

from __future__ import annotations

from functools import lru_cache

from ..i18n.formats import Formats


@lru_cache(maxsize=200_000)
def format_value(formats: Formats, value: float | None, unit: str, decimals: int = 0) -> str:
    """`Formats.value`, memoised."""
    return formats.value(value, unit, decimals)


@lru_cache(maxsize=200_000)
def csv_number(value: float | None) -> str:
    """A number for CSV: shortest exact form, dot decimal, integers without `.0`; empty when missing."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
