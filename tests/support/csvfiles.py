"""CSV files read with the csv module, independently of the plugin (pandas, Frictionless)."""

from __future__ import annotations

import csv
from pathlib import Path


def read_csv(path: Path) -> list[dict[str, str]]:
    """Every row of a CSV file as a dict of strings (empty cells are "")."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_table(package: Path, name: str) -> list[dict[str, str]]:
    """The rows of one table of a package, by resource name (`results` → results.csv next to it)."""
    return read_csv(package.parent / f"{name}.csv")
