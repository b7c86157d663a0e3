"""The fast path: prove a big file valid with vectorised checks, or hand it back to Frictionless.

Frictionless checks 10–20 k rows/s here; a national results file has millions. Most runs (CI on a
pull request that touches a few rows) find no error, so the fast path answers one question: "is
this file certainly valid?" It reads the file with pyarrow, checks header, shape, types and
constraints (with Frictionless's own cell readers, once per distinct value), primary and foreign
keys, then every domain check's `screen`. Any doubt — an error, an unsupported schema feature, a
check without a screen — returns None and the caller validates the file row by row with
Frictionless, which then explains every error. The fast path never reports an error itself, so it
can only make a run faster, never change what it reports.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
from frictionless import Resource

from .checks import domain_checks
from .frame import Frame
from .lookups import Lookups

BLOCK_SIZE = 16 << 20


def fast_screen(
    resource: Resource, path: Path, lookups: Lookups, paths: Mapping[str, Path], *, multiline: bool = True
) -> int | None:
    """The number of rows when `resource` is certainly valid, else None (validate it with Frictionless).

    The file must use the default CSV dialect (the caller does not call this for a custom one).
    """
    checks = domain_checks(resource.name, lookups)
    if not _supported(resource) or not all(hasattr(check, "screen") for check in checks):
        return None
    frame = _read(path, resource, multiline=multiline)
    if frame is None:
        return None
    if not _cells_valid(frame) or _has_blank_row(frame):
        return None
    if not _primary_key_valid(frame) or not _foreign_keys_valid(frame, resource, paths):
        return None
    for check in checks:
        check.connect(resource)
        if not check.screen(frame):  # type: ignore[attr-defined]
            return None
    return frame.num_rows


def _supported(resource: Resource) -> bool:
    """Schema features the screen reproduces exactly; anything else goes to Frictionless."""
    schema = resource.schema
    if resource.hash or resource.bytes:
        return False
    if list(schema.missing_values) != [""] or schema.has_defined("fields_match"):
        return False
    for field in schema.fields:
        if field.constraints.get("unique") or field.has_defined("missing_values"):
            return False
    return all(len(key["fields"]) == 1 for key in schema.foreign_keys)


def _read(path: Path, resource: Resource, *, multiline: bool) -> Frame | None:
    """Read every column as text; None when the header or the shape of a row is wrong."""
    names = resource.schema.field_names
    with path.open(encoding="utf-8-sig", newline="") as stream:
        header = next(csv.reader([stream.readline()]), [])
    if header != names:
        return None
    try:
        table = pa_csv.read_csv(
            path,
            read_options=pa_csv.ReadOptions(block_size=BLOCK_SIZE),
            parse_options=pa_csv.ParseOptions(
                delimiter=",",
                quote_char='"',
                double_quote=True,
                escape_char=False,
                newlines_in_values=multiline,
                ignore_empty_lines=False,
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeDecodeError):
        return None  # a ragged row, a broken quote…: Frictionless will say where
    if table.column_names != names:
        return None
    return Frame(table, resource.schema)


def _cells_valid(frame: Frame) -> bool:
    """Types and constraints: Frictionless's cell reader on each distinct value of each column."""
    return all(frame.column(name).clean for name in frame.schema.field_names)


def _has_blank_row(frame: Frame) -> bool:
    blank = np.ones(frame.num_rows, dtype=bool)
    for name in frame.schema.field_names:
        blank &= frame.missing(name)
    return bool(blank.any())


def _codes(frame: Frame, name: str) -> np.ndarray:
    """Row codes equal exactly when the typed values are equal (so "1" and "1.0" collide as numbers)."""
    canonical: dict[object, int] = {}
    per_value = [canonical.setdefault(value, len(canonical)) for value in frame.values(name)]
    return np.asarray(per_value, dtype=np.int64)[frame.column(name).index]


def _primary_key_valid(frame: Frame) -> bool:
    keys = frame.schema.primary_key
    if not keys:
        return True
    if all(frame.missing(name).any() for name in keys):
        empty = np.ones(frame.num_rows, dtype=bool)
        for name in keys:
            empty &= frame.missing(name)
        if empty.any():
            return False
    codes = pa.table({name: pa.array(_codes(frame, name)) for name in keys})
    counts = codes.group_by(keys).aggregate([([], "count_all")]).column("count_all")
    return bool(len(counts) == 0 or pa.compute.max(counts).as_py() <= 1)


def _foreign_keys_valid(frame: Frame, resource: Resource, paths: Mapping[str, Path]) -> bool:
    for key in resource.schema.foreign_keys:
        name = key["fields"][0]
        reference, target = key["reference"]["resource"], key["reference"]["fields"][0]
        if not reference or reference == resource.name:
            known = {value for value in frame.values(target) if value is not None}
        else:
            known = _reference_values(resource, reference, target, paths)
            if known is None:
                return False
        if any(value is not None and value not in known for value in frame.values(name)):
            return False
    return True


def _reference_values(resource: Resource, reference: str, target: str, paths: Mapping[str, Path]) -> set | None:
    """Typed values of the referenced column, as Frictionless builds its lookup (every row counts)."""
    package = resource.package
    if package is None or not package.has_resource(reference) or reference not in paths:
        return None
    referenced = package.get_resource(reference)
    try:
        table = pa_csv.read_csv(
            paths[reference],
            parse_options=pa_csv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                include_columns=[target],
                column_types={target: pa.string()},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError, KeyError):
        return None
    column = Frame(table, referenced.schema).values(target)
    return {value for value in column if value is not None}
