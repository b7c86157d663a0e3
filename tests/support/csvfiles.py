"""CSV files read with the csv module, independently of the plugin (pandas, Frictionless)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from results.core.parts import parts_of


def read_csv(path: Path) -> list[dict[str, str]]:
    """Every row of a CSV file as a dict of strings (empty cells are "")."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_table(package: Path, name: str) -> list[dict[str, str]]:
    """The rows of one table of a package, by table name, from every file that holds them (`results`:
    one file per network, results/caf.csv…, in descriptor order)."""
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    return [row for resource in parts_of(descriptor["resources"], name)
            for row in read_csv(package.parent / resource["path"])]
