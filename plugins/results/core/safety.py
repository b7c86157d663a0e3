"""CSV/formula safety: which text a spreadsheet would run as a formula (CSV injection, see OWASP).

Our open data is opened in Excel or LibreOffice; a cell such as `=HYPERLINK(...)` or `@SUM(...)`
would run there. One rule, used three ways: the validator refuses such a cell in the package, the
demo generator refuses to write one, and the site's downloads defuse any that reaches them (text
that never went through the validator: descriptor titles, our own wording).
"""

from __future__ import annotations

import re

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def is_formula(text: str) -> bool:
    """True for text a spreadsheet could evaluate: starts with a trigger and is not a plain number (`-3.5`)."""
    return text.startswith(FORMULA_TRIGGERS) and not _NUMBER.fullmatch(text.strip())


def neutralize(text: str) -> str:
    """Defuse a would-be formula with a leading apostrophe (OWASP); validated data never needs it."""
    return f"'{text}" if is_formula(text) else text
