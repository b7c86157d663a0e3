"""Reporting periods (`2025`, `2025-Q3`, `2025-07`): the grammar, parse, order, step back, say in French.

Periods are ISO-like strings in the data. The validator (which form fits an indicator's frequency),
the plugin (ordering, labels, lateness), the demo generator (its calendar) and the data diff (sort
order) all read them through this module, so a quarter, a month and a year mean the same everywhere.
The descriptor's schema pattern for `period` states the same grammar for Frictionless.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
MONTHS_FR_SHORT = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
)
# The grammar: a year, a year and a quarter, or a year and a month. PERIOD_PATTERN is the constraint as
# the schemas write it (core/resources.json; tests check they agree); _PERIOD is the same grammar with
# groups, matched with `match` and `$` the way Frictionless applies a pattern, so that what the
# validator accepts, the plugin parses.
PERIOD_PATTERN = r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$"
_PERIOD = re.compile(r"^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$")
FREQUENCY_OF_KIND = {"year": "yearly", "quarter": "quarterly", "month": "monthly"}
KIND_OF_FREQUENCY = {frequency: kind for kind, frequency in FREQUENCY_OF_KIND.items()}
_KIND_RANK = {"month": 0, "quarter": 1, "year": 2}  # among periods ending the same day, the shortest first


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period; ordering follows time (a year sorts after its last quarter/month)."""

    year: int
    index: int  # quarter 1-4, month 1-12, 0 for a whole year
    kind: str  # "year", "quarter" or "month"

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PERIOD.match(text)
        if not match:
            raise ValueError(f"période invalide : {text!r} (attendu 2025, 2025-Q3 ou 2025-07)")
        year, quarter, month = match.groups()
        if quarter:
            return cls(int(year), int(quarter), "quarter")
        if month:
            return cls(int(year), int(month), "month")
        return cls(int(year), 0, "year")

    @property
    def code(self) -> str:
        if self.kind == "quarter":
            return f"{self.year}-Q{self.index}"
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        return str(self.year)

    @property
    def frequency(self) -> str:
        return FREQUENCY_OF_KIND[self.kind]

    @property
    def start(self) -> dt.date:
        if self.kind == "quarter":
            return dt.date(self.year, 3 * self.index - 2, 1)
        if self.kind == "month":
            return dt.date(self.year, self.index, 1)
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        if self.kind == "quarter":
            month = 3 * self.index
        elif self.kind == "month":
            month = self.index
        else:
            month = 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def shifted(self, steps: int) -> Period:
        """The period `steps` periods later (negative: earlier), same kind."""
        if self.kind == "year":
            return Period(self.year + steps, 0, "year")
        per_year = 4 if self.kind == "quarter" else 12
        absolute = self.year * per_year + (self.index - 1) + steps
        return Period(absolute // per_year, absolute % per_year + 1, self.kind)

    def previous(self) -> Period:
        return self.shifted(-1)

    def year_before(self) -> Period:
        return Period(self.year - 1, self.index, self.kind)

    def contains(self, other: Period) -> bool:
        """A yearly period contains its quarters and months (used to apply yearly targets)."""
        return self == other or (self.kind == "year" and other.year == self.year)

    @property
    def label(self) -> str:
        """French wording: `3e trimestre 2025`, `juillet 2025`, `2025`."""
        if self.kind == "quarter":
            rank = "1er" if self.index == 1 else f"{self.index}e"
            return f"{rank} trimestre {self.year}"
        if self.kind == "month":
            return f"{MONTHS_FR[self.index - 1]} {self.year}"
        return str(self.year)

    @property
    def in_label(self) -> str:
        """`au 3e trimestre 2025`, `en juillet 2025`, `en 2025` (after a value: "72 % au …")."""
        return f"au {self.label}" if self.kind == "quarter" else f"en {self.label}"

    @property
    def the_label(self) -> str:
        """`le 3e trimestre 2025`, `juillet 2025`, `2025` (after "depuis", "pour")."""
        return f"le {self.label}" if self.kind == "quarter" else self.label

    @property
    def short_label(self) -> str:
        """Compact wording for table headers and chart axes: `T3 2025`, `juil. 2025`, `2025`."""
        if self.kind == "quarter":
            return f"T{self.index} {self.year}"
        if self.kind == "month":
            return f"{MONTHS_FR_SHORT[self.index - 1]} {self.year}"
        return str(self.year)


def frequency_of(text: str) -> str | None:
    """`monthly`, `quarterly` or `yearly` for a well-formed period, None for anything else."""
    match = _PERIOD.match(text)
    if match is None:
        return None
    _year, quarter, month = match.groups()
    return "quarterly" if quarter else "monthly" if month else "yearly"


def quarter_of_month(text: str) -> str | None:
    """`2026-10` → `2026-Q4`: the quarter holding a monthly period; None for anything else."""
    if frequency_of(text) != "monthly":
        return None
    month = Period.parse(text)
    return Period(month.year, (month.index - 1) // 3 + 1, "quarter").code


def period_order(text: str) -> tuple[int, int, int, str]:
    """Sort key putting periods in the order they end (2025-01 … 2025-03, 2025-Q1, … 2025-12,
    2025-Q4, 2025); text that is not a period sorts last, alphabetically."""
    try:
        period = Period.parse(text)
    except ValueError:
        return (1, 0, 0, text)
    return (0, period.end.toordinal(), _KIND_RANK[period.kind], text)


def expected_latest_period(frequency: str, as_of: dt.date, grace_days: int) -> Period:
    """The latest period a network should have published at `as_of`, allowing `grace_days` after
    a period ends for the results to be produced."""
    cutoff = as_of - dt.timedelta(days=grace_days)
    kind = KIND_OF_FREQUENCY[frequency]
    index = {"year": 0, "quarter": (cutoff.month - 1) // 3 + 1, "month": cutoff.month}[kind]
    period = Period(cutoff.year, index, kind)
    return period if period.end <= cutoff else period.previous()
