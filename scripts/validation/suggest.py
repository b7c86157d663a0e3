"""The exact correction of a value written almost right, when it can be derived without guessing.

A maintainer who writes `15/02/2027`, `2026-T4` or `CAF-755` meant `2027-02-15`, `2026-Q4` or
`CAF-75`: saying so turns an error into a one-second fix. Each function returns None when the intent
is not clear enough to propose a value (then the message explains the format instead).
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import re
from collections.abc import Iterable

from results.core.periods import MONTHS_FR, frequency_of

_MONTH_WORDS = {name: index for index, name in enumerate(MONTHS_FR, start=1)}
_MONTH_WORDS.update({"fevrier": 2, "aout": 8, "decembre": 12})


def _date(year: str, month: str | int, day: str | int) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def suggest_date(text: str) -> str | None:
    """`15/02/2027`, `15.02.2027`, `2027/02/15`, `2027-2-15`, `15 février 2027` → `2027-02-15`."""
    cell = text.strip()
    french = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", cell)
    if french:
        day, month, year = french.groups()
        return _date(year, month, day)
    iso_like = re.fullmatch(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})", cell)
    if iso_like:
        year, month, day = iso_like.groups()
        found = _date(year, month, day)
        return found if found != cell else None
    worded = re.fullmatch(r"(\d{1,2})(?:er)?\s+([a-zéû]+)\s+(\d{4})", cell.lower())
    if worded and worded.group(2) in _MONTH_WORDS:
        return _date(worded.group(3), _MONTH_WORDS[worded.group(2)], worded.group(1))
    return None


def suggest_period(text: str) -> str | None:
    """`2026-T4`, `T4 2026`, `2026Q4`, `4e trimestre 2026` → `2026-Q4`; `10/2026`, `octobre 2026` → months;
    `2025-26`, `2025/2026`, `exercice 2025-2026`, `FY2025-26` → the fiscal year `2025-2026`."""
    cell = re.sub(r"\s+", " ", text.strip()).upper()
    found: str | None = None
    quarter = re.fullmatch(r"(\d{4}) ?[-/ ]? ?[TQ]([1-4])", cell) or re.fullmatch(r"[TQ]([1-4]) ?[-/ ]? ?(\d{4})", cell)
    if quarter:
        year, index = quarter.groups() if len(quarter.group(1)) == 4 else quarter.groups()[::-1]
        found = f"{year}-Q{index}"
    ranked = re.fullmatch(r"([1-4]) ?(?:ER|E|ÈME|EME) TRIMESTRE (\d{4})", cell)
    if ranked:
        found = f"{ranked.group(2)}-Q{ranked.group(1)}"
    month = re.fullmatch(r"(\d{4}) ?[-/.] ?(\d{1,2})", cell) or re.fullmatch(r"(\d{4})(\d{2})", cell)
    ambiguous = month is not None and len(month.group(2)) == 1 and int(month.group(2)) <= 4  # 2026-4: Q4 or April?
    if month and 1 <= int(month.group(2)) <= 12 and not ambiguous:
        found = f"{month.group(1)}-{int(month.group(2)):02d}"
    reversed_month = re.fullmatch(r"(\d{1,2}) ?[-/.] ?(\d{4})", cell)
    if reversed_month and 1 <= int(reversed_month.group(1)) <= 12:
        found = f"{reversed_month.group(2)}-{int(reversed_month.group(1)):02d}"
    worded = re.fullmatch(r"([a-zéû]+) (\d{4})", cell.lower())
    if worded and worded.group(1) in _MONTH_WORDS:
        found = f"{worded.group(2)}-{_MONTH_WORDS[worded.group(1)]:02d}"
    fiscal = re.fullmatch(r"(EXERCICE |FY ?)?(\d{4}) ?[-/–] ?(\d{2}|\d{4})", cell)
    if fiscal:
        prefix, start, end = fiscal.groups()
        following = str(int(start) + 1)
        if end in (following, following[2:]) and (prefix or len(end) == 4 or int(end) > 12):
            found = f"{start}-{following}"
    if found and found != text and frequency_of(found) is not None:
        return found
    return None


class KeyIndex:
    """The existing ids of one column, to name the one a mistyped reference most likely meant.

    A case or space slip (`caf-75`) is found exactly; otherwise difflib compares the value with its
    neighbours in alphabetical order and in the order of reversed strings (ids sharing its start or
    its end), so a suggestion costs the same with 100 ids or 100 000.
    """

    WINDOW = 25

    def __init__(self, known: Iterable[str]) -> None:
        self.table = {item.strip().casefold(): item for item in known if item}
        self.forward = sorted(self.table)
        self.backward = sorted(key[::-1] for key in self.table)
        self.cache: dict[str, str | None] = {}

    def _neighbours(self, ordered: list[str], probe: str) -> list[str]:
        at = bisect.bisect_left(ordered, probe)
        return ordered[max(at - self.WINDOW, 0) : at + self.WINDOW]

    def suggest(self, value: str, *, cutoff: float = 0.8) -> str | None:
        if value not in self.cache:
            probe = value.strip().casefold()
            exact = self.table.get(probe)
            if exact is not None:
                found = exact if exact != value else None
            else:
                near = set(self._neighbours(self.forward, probe))
                near.update(key[::-1] for key in self._neighbours(self.backward, probe[::-1]))
                close = difflib.get_close_matches(probe, sorted(near), n=1, cutoff=cutoff)
                found = self.table[close[0]] if close else None
            self.cache[value] = found
        return self.cache[value]


def suggest_key(value: str, known: Iterable[str], *, cutoff: float = 0.8) -> str | None:
    """The existing id a mistyped reference most likely meant: a case or space slip, else a near match."""
    return KeyIndex(known).suggest(value, cutoff=cutoff)
