"""CSV output exactly as the package promises: UTF-8, comma, RFC 4180 quoting, LF, clean numbers.

Numbers are written without float noise ("73", "72.4", never "73.0" or "72.40000001"); missing values
are empty strings; a text cell that a spreadsheet would run as a formula is refused here, before the
validator has to.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

import numpy as np
from results.core.safety import is_formula


def open_csv(path: Path) -> IO[str]:
    return path.open("w", encoding="utf-8", newline="")


def csv_writer(handle: IO[str]) -> Any:
    return csv.writer(handle, lineterminator="\n")


def number(value: float, decimals: int = 6) -> str:
    """73.0 → "73", 46.20880 → "46.2088", -0.5 → "-0.5"."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def cell(value: Any) -> str:
    """One CSV cell: empty for None, ISO for dates, clean text for numbers, checked text otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("booléen inattendu dans une cellule")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if is_formula(text):
        raise ValueError(f"texte qui ressemble à une formule de tableur : {text[:40]!r}")
    return text


def write_table(path: Path, fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a header and `rows` (already in field order); return the number of rows."""
    count = 0
    with open_csv(path) as handle:
        writer = csv_writer(handle)
        writer.writerow(fields)
        for row in rows:
            writer.writerow([cell(value) for value in row])
            count += 1
    return count


def format_scaled(scaled: np.ndarray, decimals: int) -> np.ndarray:
    """Integers holding value × 10**decimals → clean decimal strings, vectorised through the few
    distinct values (a percentage with one decimal has at most 1 001 of them)."""
    distinct, inverse = np.unique(scaled, return_inverse=True)
    texts = np.array([_scaled_text(int(v), decimals) for v in distinct], dtype=object)
    return texts[inverse].reshape(scaled.shape)


def _scaled_text(scaled: int, decimals: int) -> str:
    if decimals == 0:
        return str(scaled)
    whole, fraction = divmod(abs(scaled), 10**decimals)
    sign = "-" if scaled < 0 else ""
    if fraction == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{fraction:0{decimals}d}".rstrip("0")
