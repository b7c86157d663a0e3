"""Result rows ready to write: every distinct value encoded once, rows grouped once per page kind.

A national package has ~1.5 million result rows and ~15 000 structures. Encoding each cell of each
file separately would dominate the build; here each column is factorized once (a few hundred
periods, a few thousand distinct values), each code is encoded once in CSV, XLSX and JSON, and a
file is assembled from look-ups. The row groups of every page (structure, network, indicator,
région, département) are computed in one pass each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..model import Catalog
from .columns import RESULT_COLUMNS, Column
from .encoding import EMPTY, Encoded, encode_number, encode_text

TEXT_COLUMNS = ("period", "status", "missing_reason", "updated_on", "note")
NUMBER_COLUMNS = ("value", "sample_size", "ci_low", "ci_high")
STRUCTURE_COLUMNS = ("structure_id", "structure_name", "network_id", "network_name", "departement_code", "region_code")
INDICATOR_COLUMNS = ("indicator_id", "indicator_label", "unit")
FORMATS = ("csv", "xml", "json")


def group_positions(keys: np.ndarray, positions: np.ndarray | None = None) -> dict[int, np.ndarray]:
    """Key → row positions (ascending), for every key present; one sort instead of one scan per key."""
    if positions is None:
        positions = np.arange(len(keys))
    selected = keys[positions]
    order = np.argsort(selected, kind="stable")
    unique, starts = np.unique(selected[order], return_index=True)
    return {int(key): positions[part] for key, part in zip(unique, np.split(order, starts[1:]), strict=True)}


def _factorize(series: pd.Series, encode: Any) -> tuple[np.ndarray, list[Encoded]]:
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes.astype(np.int32), [encode(value) for value in uniques.tolist()] + [EMPTY]  # -1 → EMPTY


class EncodedResults:
    """The results table as per-column codes plus the encoded form of each code."""

    def __init__(self, catalog: Catalog, latest: np.ndarray) -> None:
        """`latest`: positions of each structure's latest row per indicator (`Facts.latest_rows`)."""
        results = catalog.results
        self.count = len(results)
        self.structures = list(catalog.structures.values())
        self.indicators = list(catalog.indicators.values())
        structure_codes = pd.Categorical(results["structure_id"], categories=[s.id for s in self.structures]).codes
        indicator_codes = pd.Categorical(results["indicator_id"], categories=[i.id for i in self.indicators]).codes
        self.codes: dict[str, np.ndarray] = {
            "structure": structure_codes.astype(np.int32),
            "indicator": indicator_codes.astype(np.int32),
        }
        self.tables: dict[str, tuple[str, list[Encoded]]] = {}  # column → (codes key, encoded per code)
        structure_cells = [self._structure_cells(structure, catalog) for structure in self.structures]
        for index, name in enumerate(STRUCTURE_COLUMNS):
            self.tables[name] = ("structure", [*(cells[index] for cells in structure_cells), EMPTY])
        indicator_cells = [self._indicator_cells(indicator) for indicator in self.indicators]
        for index, name in enumerate(INDICATOR_COLUMNS):
            self.tables[name] = ("indicator", [*(cells[index] for cells in indicator_cells), EMPTY])
        for name in TEXT_COLUMNS:
            self.codes[name], encoded = _factorize(results[name], encode_text)
            self.tables[name] = (name, encoded)
        for name in NUMBER_COLUMNS:
            self.codes[name], encoded = _factorize(results[name], encode_number)
            self.tables[name] = (name, encoded)
        self._by_format = {
            name: {fmt: [getattr(cell, fmt) for cell in encoded] for fmt in FORMATS}
            for name, (_, encoded) in self.tables.items()
        }
        self.latest = latest

    @staticmethod
    def _structure_cells(structure: Any, catalog: Catalog) -> tuple[Encoded, ...]:
        network = catalog.networks.get(structure.network_id)
        return tuple(
            encode_text(text)
            for text in (
                structure.id, structure.name, structure.network_id, network.name if network else "",
                structure.departement_code, structure.region_code,
            )
        )

    @staticmethod
    def _indicator_cells(indicator: Any) -> tuple[Encoded, ...]:
        return tuple(encode_text(text) for text in (indicator.id, indicator.label, indicator.unit))

    # -- groups --------------------------------------------------------------------------------
    def by_structure(self) -> dict[str, np.ndarray]:
        """Every row of each structure (its page shows its whole history)."""
        groups = group_positions(self.codes["structure"])
        return {self.structures[code].id: rows for code, rows in groups.items() if code >= 0}

    def latest_by(self, attribute: str) -> dict[str, np.ndarray]:
        """Each structure's latest value per indicator, grouped by a structure attribute
        (`network_id`, `region_code`, `departement_code`): what network and territory pages show."""
        keys = sorted({getattr(s, attribute) for s in self.structures})
        index = {key: number for number, key in enumerate(keys)}
        per_structure = np.array([index[getattr(s, attribute)] for s in self.structures] + [-1], dtype=np.int32)
        groups = group_positions(per_structure[self.codes["structure"]], self.latest)
        return {keys[code]: rows for code, rows in groups.items() if code >= 0 and keys[code]}

    def history_by_indicator(self) -> dict[str, np.ndarray]:
        """Every row (all periods, all structures) of each indicator."""
        groups = group_positions(self.codes["indicator"])
        return {self.indicators[code].id: rows for code, rows in groups.items() if code >= 0}

    def latest_by_indicator(self) -> dict[str, np.ndarray]:
        groups = group_positions(self.codes["indicator"], self.latest)
        return {self.indicators[code].id: rows for code, rows in groups.items() if code >= 0}

    # -- encoded rows --------------------------------------------------------------------------
    def cells(self, positions: np.ndarray, names: Sequence[str], fmt: str) -> list[tuple[str, ...]]:
        """Rows at `positions`, as tuples of encoded cells of columns `names` in format `fmt`."""
        fetched: dict[str, list[int]] = {}
        columns = []
        for name in names:
            key = self.tables[name][0]
            if key not in fetched:
                fetched[key] = self.codes[key][positions].tolist()
            table = self._by_format[name][fmt]
            columns.append([table[code] for code in fetched[key]])
        return list(zip(*columns, strict=True)) if columns else []


def csv_text(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> bytes:
    """RFC 4180 CSV: UTF-8 without BOM, comma, CRLF line ends, one header row."""
    lines = [",".join(column.name for column in columns), *map(",".join, rows)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


RESULT_NAMES = tuple(column.name for column in RESULT_COLUMNS)
