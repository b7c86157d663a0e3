"""What the publication rules need to know about the results: their newest period and newest update.

The rules on `as_of`, `version` and `releases` (checks/publication_*.py) compare the descriptor with
the data. They must hold whichever engine checks the rows, so the facts come from one vectorised
read of two columns with pyarrow (a fraction of a second on a national file), with each rule applied
once per distinct value. A file pyarrow cannot read (ragged rows, a broken quote) gives no facts:
its own errors are reported elsewhere, and the rules wait until it can be read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from results.core.periods import Period

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def period_end(text: str) -> dt.date | None:
    """Last day of a period written as the schema wants it (the shared grammar), None for anything else."""
    try:
        return Period.parse(text).end
    except ValueError:
        return None


def iso_date(text: str) -> dt.date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Beyond:
    """Rows whose date is after a limit: how many, the first one's file and line, the latest value found."""

    count: int
    first_line: int
    latest: str
    file: str = ""  # the file of the first row, as shown to the maintainer
    files: int = 1  # how many files hold such rows (the results are one file per network)


@dataclass(frozen=True, slots=True)
class ResultFacts:
    """The newest period and update of the results, and the rows that are newer than `as_of`."""

    latest_period: str | None
    latest_period_end: dt.date | None
    latest_update: dt.date | None
    periods_after: Beyond | None  # periods that end after as_of
    updates_after: Beyond | None  # updated_on after as_of

    @property
    def newest(self) -> dt.date | None:
        """The most recent date the data speaks of (a period's end or an update)."""
        dates = [day for day in (self.latest_period_end, self.latest_update) if day is not None]
        return max(dates) if dates else None


def scan_results(
    path: Path,
    as_of: dt.date | None,
    *,
    line_of: Callable[[int], int] = lambda record: record,
    multiline: bool = True,
    period_field: str = "period",
    update_field: str = "updated_on",
    shown: str = "",
) -> ResultFacts | None:
    """Read the two columns and summarise them; None when the file cannot be read this way."""
    try:
        table = pa_csv.read_csv(
            path,
            parse_options=pa_csv.ParseOptions(newlines_in_values=multiline, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                include_columns=[period_field, update_field],
                column_types={period_field: pa.string(), update_field: pa.string()},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError, KeyError, OSError, UnicodeDecodeError):
        return None
    periods = _Distinct(table.column(period_field), period_end)
    updates = _Distinct(table.column(update_field), iso_date)
    latest_period = periods.latest()
    return ResultFacts(
        latest_period=latest_period,
        latest_period_end=period_end(latest_period) if latest_period else None,
        latest_update=iso_date(updates.latest() or ""),
        periods_after=periods.beyond(as_of, line_of, shown),
        updates_after=updates.beyond(as_of, line_of, shown),
    )


def merge_facts(found: list[ResultFacts]) -> ResultFacts | None:
    """The facts of a table split into files (one per network): newest of all, rows beyond summed."""
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    periods = [f for f in found if f.latest_period_end is not None]
    newest = max(periods, key=lambda f: f.latest_period_end) if periods else None  # type: ignore[arg-type, return-value]
    updates = [f.latest_update for f in found if f.latest_update is not None]
    return ResultFacts(
        latest_period=newest.latest_period if newest else None,
        latest_period_end=newest.latest_period_end if newest else None,
        latest_update=max(updates) if updates else None,
        periods_after=_merge_beyond([f.periods_after for f in found], period_end),
        updates_after=_merge_beyond([f.updates_after for f in found], iso_date),
    )


def _merge_beyond(found: list[Beyond | None], to_date: Callable[[str], dt.date | None]) -> Beyond | None:
    present = [beyond for beyond in found if beyond is not None]
    if not present:
        return None
    latest = max((beyond.latest for beyond in present), key=lambda value: to_date(value) or dt.date.min)
    first = present[0]
    return Beyond(sum(b.count for b in present), first.first_line, latest, first.file, sum(b.files for b in present))


class _Distinct:
    """A text column read once per distinct value through `to_date`."""

    def __init__(self, column: pa.ChunkedArray, to_date: Callable[[str], dt.date | None]) -> None:
        self.column = column
        self.values: list[str] = pc.unique(column).to_pylist()
        self.dates = [to_date(value) for value in self.values]

    def latest(self) -> str | None:
        dated = [(day, value) for day, value in zip(self.dates, self.values, strict=True) if day is not None]
        return max(dated)[1] if dated else None

    def beyond(self, limit: dt.date | None, line_of: Callable[[int], int], shown: str = "") -> Beyond | None:
        if limit is None:
            return None
        late = [value for value, day in zip(self.values, self.dates, strict=True) if day is not None and day > limit]
        if not late:
            return None
        rows = pc.is_in(self.column, value_set=pa.array(late, pa.string())).to_numpy(zero_copy_only=False)
        positions = np.flatnonzero(rows)
        latest = max(late, key=lambda value: self.dates[self.values.index(value)])  # few values: fine
        return Beyond(count=len(positions), first_line=line_of(int(positions[0]) + 2), latest=latest, file=shown)
