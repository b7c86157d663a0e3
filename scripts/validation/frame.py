"""A column store for the fast path: one CSV file read by pyarrow, typed the way Frictionless types it.

The trick that keeps it exact: Frictionless's own cell reader (types, missing values, constraints)
runs once per *distinct* raw value of a column, not once per row, and rows refer to those values by
index. A million-row results file has a few thousand distinct periods, ids or values, so the rules
are Frictionless's and the cost is pyarrow's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from frictionless import Schema

Reader = Callable[[Any], tuple[Any, Any]]
Memo = dict[str, tuple[Any, bool]]  # raw cell → (typed value, passes types and constraints)


class Column:
    """The distinct raw values of one column, their typed values, and each row's index into them.

    `memo` is shared by the batches of one file, so a value is read by Frictionless once per file.
    """

    def __init__(self, raw: pa.Array | pa.ChunkedArray, reader: Reader, memo: Memo) -> None:
        distinct = pc.unique(raw)
        self.raw_values: list[str] = distinct.to_pylist()
        self.index = pc.index_in(raw, value_set=distinct).to_numpy(zero_copy_only=False).astype(np.int32)
        self.values: list[Any] = []
        self.clean = True
        for cell in self.raw_values:
            known = memo.get(cell)
            if known is None:
                typed, notes = reader(cell)
                known = memo[cell] = (typed, not notes)
            self.values.append(known[0])
            self.clean = self.clean and known[1]

    def per_row(self, convert: Callable[[Any], Any], dtype: Any) -> np.ndarray:
        """`convert(typed value)` for every row, computed once per distinct value."""
        return np.array([convert(value) for value in self.values], dtype=dtype)[self.index]


class Frame:
    """Typed, cached access to the columns of one table or one batch of rows of a file."""

    def __init__(
        self,
        table: pa.Table | pa.RecordBatch,
        schema: Schema,
        memos: dict[str, Memo] | None = None,
        readers: dict[str, Reader] | None = None,
    ) -> None:
        self.table = table
        self.schema = schema
        self.num_rows = table.num_rows
        self._memos = {} if memos is None else memos
        self._readers = {} if readers is None else readers
        self._columns: dict[str, Column] = {}
        self._cache: dict[tuple[str, str], np.ndarray] = {}

    def has(self, name: str) -> bool:
        return name in self.table.column_names and self.schema.has_field(name)

    def column(self, name: str) -> Column:
        if name not in self._columns:
            if name not in self._readers:
                self._readers[name] = self.schema.get_field(name).create_cell_reader()
            memo = self._memos.setdefault(name, {})
            self._columns[name] = Column(self.table.column(name), self._readers[name], memo)
        return self._columns[name]

    def values(self, name: str) -> list[Any]:
        """The distinct typed values of a column."""
        return self.column(name).values

    def missing(self, name: str) -> np.ndarray:
        return self._derived(name, "missing", lambda value: value is None, np.bool_)

    def floats(self, name: str) -> np.ndarray:
        """Numbers as float64, NaN where the cell is empty (compare with `ordered` for exactness)."""
        return self._derived(name, "float", lambda v: np.nan if v is None else float(v), np.float64)

    def typed(self, name: str, row: int) -> Any:
        column = self.column(name)
        return column.values[column.index[row]]

    def combinations(self, *names: str) -> list[tuple[Any, ...]]:
        """Every distinct combination of typed values that occurs on a row (for exact row rules)."""
        columns = [self.column(name) for name in names]
        if self.num_rows == 0:
            return []
        codes = pa.table({f"c{i}": pa.array(col.index) for i, col in enumerate(columns)})
        groups = codes.group_by([f"c{i}" for i in range(len(columns))]).aggregate([])
        rows = zip(*(groups.column(f"c{i}").to_pylist() for i in range(len(columns))), strict=True)
        return [tuple(col.values[code] for col, code in zip(columns, combo, strict=True)) for combo in rows]

    def _derived(self, name: str, kind: str, convert: Callable[[Any], Any], dtype: Any) -> np.ndarray:
        key = (name, kind)
        if key not in self._cache:
            self._cache[key] = self.column(name).per_row(convert, dtype)
        return self._cache[key]


Operand = str | Decimal


def ordered(frame: Frame, low: Operand, high: Operand, rows: np.ndarray) -> bool:
    """True when low ≤ high on every row of the boolean mask `rows` (operands: column names or constants).

    Floats decide every strict case (rounding is monotonic); only float ties are re-checked with the
    exact Decimal values, so the answer is the one Frictionless's Decimals would give. The caller
    leaves rows with an empty operand out of the mask.
    """
    positions = np.flatnonzero(rows)

    def floats(operand: Operand) -> np.ndarray:
        if isinstance(operand, str):
            return frame.floats(operand)[positions]
        return np.full(len(positions), float(operand))

    def exact(operand: Operand, row: int) -> Any:
        return frame.typed(operand, row) if isinstance(operand, str) else operand

    left, right = floats(low), floats(high)
    if np.any(left > right):
        return False
    return all(exact(low, int(row)) <= exact(high, int(row)) for row in positions[left == right])


def selected(mask: np.ndarray) -> np.ndarray:
    """A boolean row mask, as `ordered` expects."""
    return np.asarray(mask, dtype=bool)


__all__: Sequence[str] = ["Column", "Frame", "ordered", "selected"]
