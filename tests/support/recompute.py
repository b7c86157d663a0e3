"""Deliberately independent re-computations of the site's rules, for tests to compare the site with.

These never import the plugin: a test that checks the plugin's slug or period arithmetic with the
plugin's own functions could not fail. Keep them short, obvious and written from the rule itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata


def slug(text: str) -> str:
    """The site's slug contract (ASCII, lowercase, dashes), re-implemented from the rule."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def period_end(code: str) -> dt.date:
    """The last day of a period code: `2025` → 31 Dec, `2025-Q2` → 30 Jun, `2025-07` → 31 Jul,
    `2023-2024` (a fiscal year, April to March) → 31 Mar 2024."""
    year = int(code[:4])
    if "-Q" in code:
        month = 3 * int(code[-1])
    elif len(code) == 9:
        year, month = int(code[5:]), 3
    elif "-" in code:
        month = int(code[5:])
    else:
        month = 12
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# OWASP's CSV-injection rule: a cell starting with one of these is a formula to a spreadsheet.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def is_formula(text: str) -> bool:
    """A cell a spreadsheet would run: starts with a trigger and is not a plain (signed) number."""
    return text.startswith(FORMULA_TRIGGERS) and not _NUMBER.fullmatch(text.strip())
