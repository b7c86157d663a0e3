"""File sizes as readers expect them: `850 octets`, `1,2 ko`, `12 ko`, `3,4 Mo` / `850 bytes`, `1.2 kB`.

One rule for every size the site shows (download links, chart downloads, the data page), so two
links on one page never disagree ("1 ko" next to "850 octets" for files of the same size). Decimal
units (1 ko = 1 000 octets, as file managers and the CNIL/DSFR wording use), a decimal comma, one
decimal below 10 units, a non-breaking space before the unit, and rounding half away from zero.
English (`language="en"`): the same rule with a decimal point and the SI symbols (kB, MB, GB).
"""

from __future__ import annotations

import math

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"  # thousands separator (French typography)
_UNITS = (("ko", 1e3), ("Mo", 1e6), ("Go", 1e9))
_ENGLISH_UNITS = {"ko": "kB", "Mo": "MB", "Go": "GB"}


def _decimal(amount: float, decimals: int, english: bool = False) -> str:
    """`1.25` → `1,3` (`1.3` in English): half away from zero, as a person rounds (not Python's
    round-half-even)."""
    factor = 10**decimals
    rounded = math.floor(amount * factor + 0.5) / factor
    text = f"{rounded:,.{decimals}f}"
    return text if english else text.replace(",", NARROW_NBSP).replace(".", ",")


def file_size(size: int, language: str = "fr") -> str:
    """A size in bytes as text: `0 octet`, `850 octets`, `1,2 ko`, `12 ko`, `1,0 Mo`, `45 Mo`, `1,2 Go`;
    in English (`language="en"`) `1 byte`, `850 bytes`, `1.2 kB`, `12 kB`, `45 MB`."""
    english = language == "en"
    if size < 1000:
        if english:
            return f"{size}{NBSP}{'byte' if size == 1 else 'bytes'}"
        return f"{size}{NBSP}{'octet' if size < 2 else 'octets'}"
    for unit, scale in _UNITS:
        amount = size / scale
        if amount < 999.5 or unit == "Go":
            symbol = _ENGLISH_UNITS[unit] if english else unit
            return f"{_decimal(amount, 1 if amount < 9.95 else 0, english)}{NBSP}{symbol}"
    raise AssertionError("unreachable")
