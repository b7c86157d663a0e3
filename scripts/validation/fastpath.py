"""The fast path: prove a big file valid with vectorised checks, or hand it back to Frictionless.

Frictionless checks 10–20 k rows/s here; a national results file has millions. Most runs (CI on a
pull request that touches a few rows) find no error, so the fast path answers one question: "is
this file certainly valid?" It reads the file with pyarrow, checks header, shape, types and
constraints (with Frictionless's own cell readers, once per distinct value), primary and foreign
keys, then every domain check's `screen`. Any doubt returns the reason, and the caller validates
the file row by row with Frictionless, which then explains every error. The fast path never reports
an error itself, so it can only make a run faster, never change what it reports.

Whether a file may take the fast path at all is decided here and only here (`route`): the engine
asked for, the file's size, its dialect, the schema features the screen reproduces, and each domain
check's declared `screens`. Every refusal carries a reason in French that the runner logs.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from frictionless import Resource

from .checks import DomainCheck
from .frame import Frame, Memo, Reader
from .lookups import Lookups

BLOCK_SIZE = 4 << 20  # bytes of CSV per batch: about 60 000 result rows
# Smaller files go straight to Frictionless. The screen pays a fixed cost (the files its foreign keys
# point to are read), repaid from about a hundred rows: a demo network's results file (100 KB–800 KB,
# 1 500–11 000 rows) took 10–40 times longer row by row. Only the tiniest files stay row by row; the
# messages are the same either way (any doubt is handed to Frictionless).
FAST_PATH_MIN_BYTES = 4 << 10
ENGINES = ("auto", "frictionless", "fast")


@dataclass(frozen=True)
class Route:
    """How one file is validated: `fast` (try the screen first) or row by row, and why (French)."""

    fast: bool
    reason: str = ""
    level: int = logging.DEBUG  # how loudly the runner logs a row-by-row route


def route(
    resource: Resource,
    checks: Sequence[DomainCheck],
    *,
    engine: str,
    path: Path | None,
    size: int | None,
    custom_dialect: bool,
) -> Route:
    """The one decision on whether `resource` may take the fast path, before any row is read.

    The engine and a small file are ordinary reasons (logged at debug level); a file that is big, or
    for which the fast engine was asked, but cannot be screened is logged as a warning: it will be
    slow, and someone should know which rule or schema feature makes it so.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if engine == "frictionless":
        return Route(False, "moteur frictionless demandé")
    if path is None or size is None:
        return Route(False, "fichier distant ou autre que CSV")
    if engine == "auto" and size < FAST_PATH_MIN_BYTES:
        return Route(False, f"fichier de moins de {FAST_PATH_MIN_BYTES // (1 << 10)} Kio")
    declined = _cannot_screen(resource, checks, custom_dialect=custom_dialect)
    if declined:
        return Route(False, declined, logging.WARNING)
    return Route(True)


def _cannot_screen(resource: Resource, checks: Sequence[DomainCheck], *, custom_dialect: bool) -> str | None:
    """Why the screen cannot reproduce Frictionless's verdict on this file, or None when it can."""
    if custom_dialect:
        return "le descripteur fixe un dialecte CSV (seul le dialecte par défaut est lu en vectorisé)"
    unscreened = [check.type for check in checks if not check.screens]
    if unscreened:
        return f"contrôle(s) sans version vectorisée (screens = False) : {', '.join(unscreened)}"
    return _unsupported(resource)


@dataclass(frozen=True)
class Screening:
    """The screen's answer: the number of rows when the file is certainly valid, else why not."""

    rows: int | None
    reason: str = ""

    @property
    def valid(self) -> bool:
        return self.rows is not None


def fast_screen(
    resource: Resource,
    checks: Sequence[DomainCheck],
    path: Path,
    lookups: Lookups,
    paths: Mapping[str, Path],
    *,
    multiline: bool = True,
) -> Screening:
    """Prove `resource` valid with vectorised checks, or say why it must go to Frictionless.

    Call only on a file `route` sent here. The file is read in batches (memory stays bounded by the
    batch size plus the distinct values and the key codes). `checks` are fresh (they keep state).
    """
    for check in checks:
        check.connect(resource)
    names = resource.schema.field_names
    if _header(path) != names:
        return Screening(None, "en-tête différent du schéma")
    keys = _KeyTracker(resource.schema.primary_key)
    references = _References(resource, paths)
    if not references.ready:
        return Screening(None, "fichier référencé par une clé étrangère illisible en vectorisé")
    memos: dict[str, Memo] = {}
    readers: dict[str, Reader] = {}
    rows = 0
    try:
        for batch in _batches(path, names, multiline=multiline):
            frame = Frame(batch, resource.schema, memos, readers)
            rows += frame.num_rows
            if not _cells_valid(frame):
                return Screening(None, "cellule hors type ou hors contrainte")
            if _has_blank_row(frame):
                return Screening(None, "ligne vide")
            keys.add(frame)
            if not references.check(frame):
                return Screening(None, "référence inconnue (clé étrangère)")
            for check in checks:
                if not check.screen(frame):  # type: ignore[attr-defined]
                    return Screening(None, f"le contrôle {check.type} signale un doute")
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeDecodeError) as error:
        return Screening(None, f"lecture pyarrow impossible ({str(error).splitlines()[0][:120]})")
    if not keys.unique():
        return Screening(None, "clé primaire vide ou en double")
    if not references.self_references_found():
        return Screening(None, "référence interne au fichier introuvable")
    return Screening(rows)


def _unsupported(resource: Resource) -> str | None:
    """Schema features the screen does not reproduce exactly, named; None when it reproduces all."""
    schema = resource.schema
    if resource.hash or resource.bytes:
        return "le descripteur fixe une empreinte ou une taille (hash, bytes)"
    if list(schema.missing_values) != [""]:
        return "valeurs manquantes autres que la cellule vide (missingValues)"
    if schema.has_defined("fields_match"):
        return "fieldsMatch"
    for field in schema.fields:
        if field.constraints.get("unique"):
            return f"contrainte unique sur {field.name}"
        if field.has_defined("missing_values"):
            return f"valeurs manquantes propres à {field.name}"
    if any(len(key["fields"]) != 1 for key in schema.foreign_keys):
        return "clé étrangère sur plusieurs colonnes"
    return None


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return next(csv.reader([stream.readline()]), [])


def _batches(path: Path, names: list[str], *, multiline: bool) -> Iterator[pa.RecordBatch]:
    """Every column as text, batch after batch; raises ArrowInvalid on a ragged row."""
    reader = pa_csv.open_csv(
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
    for batch in reader:
        if batch.schema.names != names:
            raise pa.ArrowInvalid("header differs from the schema")
        yield batch


def _cells_valid(frame: Frame) -> bool:
    """Types and constraints: Frictionless's cell reader on each distinct value of each column."""
    return all(frame.column(name).clean for name in frame.schema.field_names)


def _has_blank_row(frame: Frame) -> bool:
    blank = np.ones(frame.num_rows, dtype=bool)
    for name in frame.schema.field_names:
        blank &= frame.missing(name)
    return bool(blank.any())


class _KeyTracker:
    """Primary key codes of every batch, to find duplicates across the whole file.

    A typed value gets one code for the whole file (so "1" and "1.0" collide as numbers, as in
    Frictionless); each row keeps only one int32 per key column.
    """

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.codes: dict[str, dict[Any, int]] = {name: {} for name in keys}
        self.chunks: dict[str, list[np.ndarray]] = {name: [] for name in keys}
        self.all_empty = False

    def add(self, frame: Frame) -> None:
        if not self.keys:
            return
        empty = np.ones(frame.num_rows, dtype=bool)
        for name in self.keys:
            table = self.codes[name]
            per_value = [table.setdefault(value, len(table)) for value in frame.values(name)]
            self.chunks[name].append(np.asarray(per_value, dtype=np.int32)[frame.column(name).index])
            empty &= frame.missing(name)
        self.all_empty = self.all_empty or bool(empty.any())

    def unique(self) -> bool:
        if not self.keys or not self.chunks[self.keys[0]]:
            return True
        if self.all_empty:
            return False
        sizes = [max(len(self.codes[name]), 1) for name in self.keys]
        if float(np.prod(sizes, dtype=np.float64)) < 2.0**62:
            combined = np.concatenate(self.chunks[self.keys[0]]).astype(np.int64)
            for name, size in zip(self.keys[1:], sizes[1:], strict=True):
                combined *= size
                combined += np.concatenate(self.chunks[name])
            combined.sort()
            return not bool(np.any(combined[1:] == combined[:-1]))
        codes = pa.table({name: pa.array(np.concatenate(self.chunks[name])) for name in self.keys})
        counts = codes.group_by(self.keys).aggregate([([], "count_all")]).column("count_all")
        return bool(pc.max(counts).as_py() <= 1)


class _References:
    """Foreign keys: the referenced values, read once; a self reference is settled at the end."""

    def __init__(self, resource: Resource, paths: Mapping[str, Path]) -> None:
        self.known: dict[str, set[Any]] = {}
        self.self_keys: list[tuple[str, str]] = []  # (column, referenced column of the same file)
        self.own_values: dict[str, set[Any]] = {}
        self.wanted: dict[str, set[Any]] = {}
        self.ready = True
        for key in resource.schema.foreign_keys:
            name = key["fields"][0]
            reference, target = key["reference"]["resource"], key["reference"]["fields"][0]
            if not reference or reference == resource.name:
                self.self_keys.append((name, target))
                self.own_values.setdefault(target, set())
                self.wanted.setdefault(name, set())
                continue
            known = _reference_values(resource, reference, target, paths)
            if known is None:
                self.ready = False
                return
            self.known[name] = self.known[name] & known if name in self.known else known

    def check(self, frame: Frame) -> bool:
        for name, known in self.known.items():
            if any(value is not None and value not in known for value in frame.values(name)):
                return False
        for name, target in self.self_keys:
            self.own_values[target].update(value for value in frame.values(target) if value is not None)
            self.wanted[name].update(value for value in frame.values(name) if value is not None)
        return True

    def self_references_found(self) -> bool:
        return all(self.wanted[name] <= self.own_values[target] for name, target in self.self_keys)


def _reference_values(resource: Resource, reference: str, target: str, paths: Mapping[str, Path]) -> set | None:
    """Typed values of the referenced column, as Frictionless builds its lookup (every row counts)."""
    package = resource.package
    if package is None or not package.has_resource(reference) or reference not in paths:
        return None
    referenced = package.get_resource(reference)
    if not referenced.schema.has_field(target):
        return None
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
