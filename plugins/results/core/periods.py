"""Reporting periods (`2025`, `2025-Q3`, `2025-07`, `2023-2024`): the grammar, parse, order, step back.

Periods are ISO-like strings in the data. The validator (which form fits an indicator's frequency),
the plugin (ordering, labels, lateness), the demo generator (its calendar) and the data diff (sort
order) all read them through this module, so a quarter, a month and a year mean the same everywhere.
The descriptor's schema pattern for `period` states the same grammar for Frictionless.

A fiscal year (`exercice`) runs from April to March, as in Canada's service standards (and the UK's,
Japan's, India's budgets): `2023-2024` is 1 April 2023 – 31 March 2024. It is written with both years
in full, exactly as those sources publish it, because `2023-24` would read as a month to a person and
to the grammar (`2023-12` is December), while four digits after the dash cannot be a month or a
quarter. The two years must follow each other; the schema's pattern cannot say so, the validator's
period check and `Period.parse` do.

Periods are worded per language by `results.i18n.formats.Formats` (`3e trimestre 2025` / `Q3 2025`,
`exercice 2023-2024` / `fiscal year 2023–24`), not here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# French month names, for reading dates a French spreadsheet wrote (the validator's suggestions).
MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
# The grammar: a year, a year and a quarter, a year and a month, or a fiscal year. PERIOD_PATTERN is the
# constraint as
# the schemas write it (core/resources.json; tests check they agree); _PERIOD is the same grammar with
# groups, matched with `match` and `$` the way Frictionless applies a pattern, so that what the
# validator accepts, the plugin parses.
PERIOD_PATTERN = r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2])|-\d{4})?$"
_PERIOD = re.compile(r"^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2])|-(\d{4}))?$")
FREQUENCY_OF_KIND = {"year": "yearly", "quarter": "quarterly", "month": "monthly", "fiscal_year": "fiscal_yearly"}
KIND_OF_FREQUENCY = {frequency: kind for kind, frequency in FREQUENCY_OF_KIND.items()}
# among periods ending the same day, the shortest first (a fiscal year ends with March and Q1)
_KIND_RANK = {"month": 0, "quarter": 1, "year": 2, "fiscal_year": 3}
FISCAL_YEAR_START_MONTH = 4  # April: `2023-2024` is 1 April 2023 – 31 March 2024
EXPECTED_FORMS = "2025, 2025-Q3, 2025-07 ou 2023-2024"


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period; ordering follows time (a year sorts after its last quarter/month)."""

    year: int
    index: int  # quarter 1-4, month 1-12, 0 for a whole year or a fiscal year
    kind: str  # "year", "quarter", "month" or "fiscal_year" (`year` is then the year it starts in)

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PERIOD.match(text)
        if not match:
            raise ValueError(f"période invalide : {text!r} (attendu {EXPECTED_FORMS})")
        year, quarter, month, fiscal_end = match.groups()
        if quarter:
            return cls(int(year), int(quarter), "quarter")
        if month:
            return cls(int(year), int(month), "month")
        if fiscal_end:
            if int(fiscal_end) != int(year) + 1:
                raise ValueError(f"exercice invalide : {text!r} (un exercice couvre deux années qui se suivent, "
                                 f"ex. {year}-{int(year) + 1})")
            return cls(int(year), 0, "fiscal_year")
        return cls(int(year), 0, "year")

    @property
    def code(self) -> str:
        if self.kind == "quarter":
            return f"{self.year}-Q{self.index}"
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        if self.kind == "fiscal_year":
            return f"{self.year}-{self.year + 1}"
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
        if self.kind == "fiscal_year":
            return dt.date(self.year, FISCAL_YEAR_START_MONTH, 1)
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        if self.kind == "fiscal_year":
            return Period(self.year + 1, 0, "fiscal_year").start - dt.timedelta(days=1)
        if self.kind == "quarter":
            month = 3 * self.index
        elif self.kind == "month":
            month = self.index
        else:
            month = 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def shifted(self, steps: int) -> Period:
        """The period `steps` periods later (negative: earlier), same kind."""
        if self.kind in ("year", "fiscal_year"):
            return Period(self.year + steps, 0, self.kind)
        per_year = 4 if self.kind == "quarter" else 12
        absolute = self.year * per_year + (self.index - 1) + steps
        return Period(absolute // per_year, absolute % per_year + 1, self.kind)

    def previous(self) -> Period:
        return self.shifted(-1)

    def year_before(self) -> Period:
        return Period(self.year - 1, self.index, self.kind)

    def contains(self, other: Period) -> bool:
        """A yearly period contains its quarters and months (used to apply yearly targets); a fiscal
        year the quarters and months between April and March."""
        if self.kind == "fiscal_year":
            return self == other or (other.kind in ("quarter", "month") and self.start <= other.start
                                     and other.end <= self.end)
        return self == other or (self.kind == "year" and other.kind in ("quarter", "month") and other.year == self.year)


def frequency_of(text: str) -> str | None:
    """`monthly`, `quarterly`, `yearly` or `fiscal_yearly` for a well-formed period, None for anything
    else (a fiscal year whose years do not follow each other included: see `fiscal_year_problem`)."""
    match = _PERIOD.match(text)
    if match is None:
        return None
    year, quarter, month, fiscal_end = match.groups()
    if fiscal_end:
        return "fiscal_yearly" if int(fiscal_end) == int(year) + 1 else None
    return "quarterly" if quarter else "monthly" if month else "yearly"


def fiscal_year_problem(text: str) -> str | None:
    """The fiscal year `text` was meant to be (`2023-2024` for `2023-2025`) when it has the form of a
    fiscal year but its two years do not follow each other; None otherwise. The schema's pattern
    accepts the form; this says why the period is still wrong."""
    match = _PERIOD.match(text)
    if match is None or not match.group(4) or frequency_of(text) is not None:
        return None
    year = int(match.group(1))
    return f"{year}-{year + 1}"


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
    period = period_containing(cutoff, frequency)
    return period if period.end <= cutoff else period.previous()


def period_containing(day: dt.date, frequency: str) -> Period:
    """The period of `frequency` that contains `day` (2024-05-14: 2024-Q2, 2024-05, 2024, 2024-2025)."""
    kind = KIND_OF_FREQUENCY[frequency]
    if kind == "fiscal_year":
        return Period(day.year if day.month >= FISCAL_YEAR_START_MONTH else day.year - 1, 0, kind)
    index = {"year": 0, "quarter": (day.month - 1) // 3 + 1, "month": day.month}[kind]
    return Period(day.year, index, kind)
