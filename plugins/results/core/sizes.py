"""File sizes as French readers expect them: `850 octets`, `1,2 ko`, `12 ko`, `3,4 Mo`.

One rule for every size the site shows (download links, chart downloads, the data page), so two
links on one page never disagree ("1 ko" next to "850 octets" for files of the same size). Decimal
units (1 ko = 1 000 octets, as file managers and the CNIL/DSFR wording use), a decimal comma, one
decimal below 10 units, a non-breaking space before the unit, and rounding half away from zero.
"""

from __future__ import annotations

import math

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"  # thousands separator (French typography)
_UNITS = (("ko", 1e3), ("Mo", 1e6), ("Go", 1e9))


def _decimal(amount: float, decimals: int) -> str:
    """`1.25` → `1,3`: half away from zero, as a person rounds (not Python's round-half-even)."""
    factor = 10**decimals
    rounded = math.floor(amount * factor + 0.5) / factor
    return f"{rounded:,.{decimals}f}".replace(",", NARROW_NBSP).replace(".", ",")


def file_size(size: int) -> str:
    """A size in bytes as text: `0 octet`, `850 octets`, `1,2 ko`, `12 ko`, `1,0 Mo`, `45 Mo`, `1,2 Go`."""
    if size < 1000:
        return f"{size}{NBSP}{'octet' if size < 2 else 'octets'}"
    for unit, scale in _UNITS:
        amount = size / scale
        if amount < 999.5 or unit == "Go":
            return f"{_decimal(amount, 1 if amount < 9.95 else 0)}{NBSP}{unit}"
    raise AssertionError("unreachable")
