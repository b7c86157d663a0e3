"""Small reference tables the cross-file domain checks need (indicator unit and frequency, the
network of each structure), read once before the big files are validated.

They are read leniently with the csv module: a broken reference file is reported on its own, and
its readable rows still let the checks of the other files run. An unreadable file gives `None`,
which turns the checks that need it off instead of flooding the report with consequences.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class IndicatorInfo:
    network_id: str  # "" for an indicator common to every network
    unit: str
    frequency: str


@dataclass(frozen=True, slots=True)
class Lookups:
    indicators: Mapping[str, IndicatorInfo] | None = None
    structure_networks: Mapping[str, str] | None = None


def _rows(path: Path | None) -> list[dict[str, str]] | None:
    if path is None:
        return None
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
        return list(csv.DictReader(stream))


def load_lookups(paths: Mapping[str, Path | None]) -> Lookups:
    """Build the lookups from the readable `indicators` and `structures` files (None if unreadable)."""
    indicator_rows = _rows(paths.get("indicators"))
    structure_rows = _rows(paths.get("structures"))
    indicators = None
    if indicator_rows is not None:
        indicators = {
            row.get("id") or "": IndicatorInfo(
                network_id=(row.get("network_id") or "").strip(),
                unit=(row.get("unit") or "").strip(),
                frequency=(row.get("frequency") or "").strip(),
            )
            for row in indicator_rows
            if row.get("id")
        }
    structure_networks = None
    if structure_rows is not None:
        structure_networks = {
            row.get("id") or "": (row.get("network_id") or "").strip()
            for row in structure_rows
            if row.get("id")
        }
    return Lookups(indicators=indicators, structure_networks=structure_networks)
