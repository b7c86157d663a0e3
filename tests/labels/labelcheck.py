"""Helpers for the labels tests: the fixture package, read independently of the plugin."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from support.csvfiles import read_table
from support.paths import ROOT

LABELS_FIXTURE = ROOT / "tests" / "fixtures" / "labels" / "datapackage.json"
PUBLIC_URL = "https://example.org/resultats"  # RESULTS_PUBLIC_URL's default


def as_of(package: Path) -> dt.date:
    return dt.date.fromisoformat(json.loads(package.read_text(encoding="utf-8"))["as_of"])


def current_labels(package: Path) -> dict[str, dict[str, str]]:
    """structure id → its current label row, the way a reader of the CSV would decide it."""
    day = as_of(package).isoformat()
    current: dict[str, dict[str, str]] = {}
    for row in read_table(package, "labels"):
        if row["awarded_on"] <= day <= row["valid_until"]:
            best = current.get(row["structure_id"])
            if best is None or row["awarded_on"] > best["awarded_on"]:
                current[row["structure_id"]] = row
    return current


def table_rows(page: str, table_id: str) -> list[str]:
    """The `<tr>` elements of a table's body, as HTML strings."""
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', page, re.S)
    assert table, f"no table #{table_id}"
    body = re.search(r"<tbody>(.*?)</tbody>", table.group(0), re.S)
    return re.findall(r"<tr\b.*?</tr>", body.group(1), re.S) if body else []


def count_table(page: str, table_id: str) -> dict[str, int]:
    """`data-key` → first numeric cell of a count table."""
    counts = {}
    for row in table_rows(page, table_id):
        key = re.search(r'data-key="([^"]*)"', row).group(1)
        number = re.search(r'<td class="num">([^<]*)</td>', row).group(1)
        counts[key] = int(number.replace("\u202f", ""))
    return counts
