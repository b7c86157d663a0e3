"""Keep validation linear on rows with thousands of extra cells.

Frictionless reports every extra cell of a row as its own error, each holding a copy of the whole
row: a row with n extra cells costs n² time and memory (10 000 commas: a minute and 1.7 GB; 100 000:
memory exhausted). One extra cell is all a maintainer needs to read ("cellule en trop en position
5"), so a file whose rows are wider than its header is handed to Frictionless as a copy in which
each such row keeps its first extra cell only. The copy has the same lines (quoted line breaks are
kept), so every line number in the report still points at the maintainer's file.

The raw scan counts delimiters; only a file with more of them than `lines × (fields − 1)` (a wide
row, or commas inside quoted text) is parsed here, once, with the same `csv` module Frictionless uses.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .precheck import FileFacts


def may_have_wide_rows(facts: FileFacts, field_count: int) -> bool:
    return facts.usable and facts.delimiters > max(facts.lines, 1) * max(field_count - 1, 0)


def trimmed_copy(path: Path, field_count: int, folder: Path, delimiter: str = ",") -> Path | None:
    """A copy of `path` with every row cut after its first extra cell, or None when no row is that wide."""
    keep = field_count + 1
    with path.open(encoding="utf-8-sig", newline="") as source:
        if not any(len(record) > keep for record in csv.reader(source, delimiter=delimiter, strict=False)):
            return None
    copy = folder / path.name
    with path.open(encoding="utf-8-sig", newline="") as source, copy.open("w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target, delimiter=delimiter, lineterminator="\n")
        for record in csv.reader(source, delimiter=delimiter, strict=False):
            writer.writerow(record[:keep])
    return copy
