"""The reporting calendar of the demo: 12 quarters, 36 months and 3 years up to 2026-Q3.

Every period carries the index of the quarter it ends in, so that "stopped publishing after
2026-Q1" cuts monthly and quarterly series at the same point in time. Codes and end dates come from
the shared period grammar (`results.core.periods`), the one the validator and the site read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from results.core.periods import Period

AS_OF = dt.date(2026, 11, 15)
FIRST_QUARTER = Period(2023, 4, "quarter")
QUARTER_COUNT = 12  # 2023-Q4 … 2026-Q3
LATEST_QUARTER = QUARTER_COUNT - 1


@dataclass(frozen=True)
class CalendarPeriod:
    """A period of the demo calendar, with what the simulation needs to place it in time."""

    period: Period
    quarter_index: int  # 0 = 2023-Q4 … 11 = 2026-Q3; a year counts at its last quarter
    time: float  # position in quarters since the middle of 2023-Q4, for trends
    month: int  # calendar month of the period end (1-12), for seasonality

    @property
    def code(self) -> str:
        return self.period.code

    @property
    def end(self) -> dt.date:
        return self.period.end


def _quarters() -> tuple[CalendarPeriod, ...]:
    quarters = (FIRST_QUARTER.shifted(index) for index in range(QUARTER_COUNT))
    return tuple(CalendarPeriod(q, index, float(index), q.end.month) for index, q in enumerate(quarters))


def _months() -> tuple[CalendarPeriod, ...]:
    periods = []
    for quarter in QUARTERS:
        for offset in (2, 1, 0):
            month = Period(quarter.period.year, quarter.month - offset, "month")
            periods.append(CalendarPeriod(month, quarter.quarter_index, quarter.time - offset / 3, month.index))
    return tuple(periods)


def _years() -> tuple[CalendarPeriod, ...]:
    by_end = {q.end: q for q in QUARTERS}
    periods = []
    for year in (2023, 2024, 2025):
        last = by_end[dt.date(year, 12, 31)]
        periods.append(CalendarPeriod(Period(year, 0, "year"), last.quarter_index, last.time - 1.5, 12))
    return tuple(periods)


QUARTERS = _quarters()
MONTHS = _months()
YEARS = _years()
BY_FREQUENCY = {"quarterly": QUARTERS, "monthly": MONTHS, "yearly": YEARS}
