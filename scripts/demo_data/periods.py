"""The reporting calendar of the demo: 12 quarters, 36 months and 3 years up to 2026-Q3.

Every period carries the index of the quarter it ends in, so that "stopped publishing after
2026-Q1" cuts monthly and quarterly series at the same point in time.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

AS_OF = dt.date(2026, 11, 15)
FIRST_QUARTER = (2023, 4)
QUARTER_COUNT = 12  # 2023-Q4 … 2026-Q3
LATEST_QUARTER = QUARTER_COUNT - 1


@dataclass(frozen=True)
class Period:
    code: str
    end: dt.date
    quarter_index: int  # 0 = 2023-Q4 … 11 = 2026-Q3; a year counts at its last quarter
    time: float  # position in quarters since the middle of 2023-Q4, for trends
    month: int  # calendar month of the period end (1-12), for seasonality


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarters() -> tuple[Period, ...]:
    year, quarter = FIRST_QUARTER
    periods = []
    for index in range(QUARTER_COUNT):
        periods.append(Period(f"{year}-Q{quarter}", _month_end(year, 3 * quarter), index, float(index), 3 * quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return tuple(periods)


def _months() -> tuple[Period, ...]:
    periods = []
    for quarter in QUARTERS:
        year = int(quarter.code[:4])
        for offset in (2, 1, 0):
            month = quarter.month - offset
            time = quarter.time - offset / 3
            periods.append(Period(f"{year}-{month:02d}", _month_end(year, month), quarter.quarter_index, time, month))
    return tuple(periods)


def _years() -> tuple[Period, ...]:
    by_end = {q.end: q for q in QUARTERS}
    periods = []
    for year in (2023, 2024, 2025):
        last = by_end[dt.date(year, 12, 31)]
        periods.append(Period(str(year), last.end, last.quarter_index, last.time - 1.5, 12))
    return tuple(periods)


QUARTERS = _quarters()
MONTHS = _months()
YEARS = _years()
BY_FREQUENCY = {"quarterly": QUARTERS, "monthly": MONTHS, "yearly": YEARS}
