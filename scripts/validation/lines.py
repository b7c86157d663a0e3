"""Map Frictionless row numbers to the line numbers an editor shows.

Frictionless numbers CSV records (header = 1). A quoted cell holding a line break makes one record
span several lines, and every later error would point at the wrong line. The map is built only for
files where that happens, and only when an error must be located, by one pass of the csv module.
"""

from __future__ import annotations

import csv
from array import array
from pathlib import Path


class LineMap:
    """Record number (1-based, header included) → first physical line of that record."""

    def __init__(self, path: Path, *, multiline: bool, delimiter: str = ",") -> None:
        self._path = path
        self._multiline = multiline
        self._delimiter = delimiter
        self._starts: array | None = None

    def line(self, record: int) -> int:
        if not self._multiline:
            return record
        if self._starts is None:
            self._starts = self._scan()
        if 0 < record <= len(self._starts):
            return self._starts[record - 1]
        return record

    def _scan(self) -> array:
        starts = array("q", [1])
        with self._path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
            reader = csv.reader(stream, delimiter=self._delimiter, strict=False)
            for _record in reader:
                starts.append(reader.line_num + 1)
        return starts
