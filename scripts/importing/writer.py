"""The one place that reads and writes an imported package's files, from the programme's declarations.

Which tables exist, their columns and order, and the descriptor's resources all come from
plugins/results/core/resources.json (core/schema.py); cells are written by the demo generator's
writer (scripts/demo_data/writer.py: UTF-8, comma, RFC 4180 quoting, LF, formulas refused), so an
imported package and the demo package are laid out the same way: the results one file per network,
results/<network>.csv, split by year past core.parts.SPLIT_BYTES (plugins/results/core/parts.py).

Deterministic: rows are sorted by their primary key (periods in time order) and the descriptor is
dumped with a fixed indent, so the same input gives the same bytes; a file whose bytes did not
change is not rewritten.
"""

from __future__ import annotations

import csv
import filecmp
import json
import os
import shutil
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from demo_data.writer import cell
from results.core.atomic import write_atomic
from results.core.parts import SPLIT_BYTES, Part, expand_resources, table_of
from results.core.periods import period_order
from results.core.schema import canonical_resources, field_names
from results.core.translations import COLUMNS as TRANSLATION_COLUMNS
from results.core.translations import TRANSLATIONS_RESOURCE

Row = Mapping[str, Any] | Sequence[Any]


# Resources a package may declare beyond the programme's tables, kept as they are by a re-import (the
# file is left untouched, the descriptor keeps declaring it).
OPTIONAL_RESOURCES = {"translations": TRANSLATIONS_RESOURCE}


class WriterError(ValueError):
    """Rows that do not fit the programme's schema (a column it does not declare…): a bug of a source."""


def table_fields() -> dict[str, tuple[str, ...]]:
    """Every table's columns, in the order the programme declares them."""
    return field_names()


def as_tuple(table: str, fields: Sequence[str], row: Row) -> tuple[Any, ...]:
    """A row in column order: a mapping by name (missing optional columns left empty), a sequence as is."""
    if isinstance(row, Mapping):
        extra = set(row) - set(fields)
        if extra:
            raise WriterError(f"{table} : colonne(s) {', '.join(sorted(extra))} absente(s) du schéma du programme.")
        return tuple(row.get(name) for name in fields)
    if len(row) != len(fields):
        raise WriterError(f"{table} : {len(row)} valeurs pour {len(fields)} colonnes.")
    return tuple(row)


def text_row(table: str, fields: Sequence[str], row: Row) -> tuple[str, ...]:
    """A row as the CSV cells it becomes (numbers without noise, ISO dates, formulas refused); a tuple
    of text built by a source for a big table (common.result_row_maker) is taken as it is."""
    if type(row) is tuple and len(row) == len(fields) and all(type(value) is str for value in row):
        return row
    return tuple(cell(value) for value in as_tuple(table, fields, row))


def primary_key(table: str) -> tuple[int, ...]:
    """Positions of `table`'s primary key columns."""
    resource = next(r for r in canonical_resources() if r["name"] == table)
    fields = table_fields()[table]
    return tuple(fields.index(name) for name in resource["schema"].get("primaryKey", []))


def sort_key(fields: Sequence[str], key: Sequence[int]) -> Any:
    """Sort by primary key, periods in the order they end (each period parsed once), the rest as text."""
    orders: dict[str, tuple[Any, ...]] = {}

    def period(text: str) -> tuple[Any, ...]:
        found = orders.get(text)
        if found is None:
            found = orders[text] = period_order(text)
        return found

    positions = [(i, fields[i] == "period") for i in key]
    return lambda row: tuple(period(row[i]) if is_period else row[i] for i, is_period in positions)


def write_csv(path: Path, fields: Sequence[str], rows: Iterable[Sequence[str]]) -> bool:
    """Stream the table into a temporary file next to `path`, then replace `path` only when the bytes
    differ (an unchanged file keeps its date); True when the file was (re)written. Streaming: a
    results table of 1.5 million rows is never held as one string."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(fields)
            writer.writerows(rows)
        if path.is_file() and filecmp.cmp(temporary, path, shallow=False):
            return False
        os.replace(temporary, path)
        return True
    finally:
        temporary.unlink(missing_ok=True)


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write atomically when the bytes differ; True when the file was (re)written."""
    if path.is_file() and path.read_bytes() == content:
        return False
    write_atomic(path, content)
    return True


def descriptor_text(metadata: Mapping[str, Any], parts: Iterable[Part] = ()) -> str:
    """datapackage.json: the package's metadata, then the programme's resources (the committed layout),
    the results entry repeated for each file in `parts`, then the optional resources the package declares."""
    descriptor = {key: value for key, value in metadata.items() if key not in ("resources", "optional_resources")}
    optional = [OPTIONAL_RESOURCES[name] for name in metadata.get("optional_resources", ())]
    descriptor["resources"] = expand_resources(canonical_resources(), parts) + optional
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def write_package(output: Path, metadata: Mapping[str, Any], tables: Mapping[str, list[tuple[str, ...]]],
                  translations: Sequence[tuple[str, ...]] | None = None) -> dict[str, int]:
    """Write every table of the programme's schema (empty when `tables` has none) and the descriptor.

    `tables` holds text rows (`text_row`) in column order. `translations` (rows of translations.csv, in
    its columns' order) is written when given, declared when the metadata's `optional_resources` say so;
    None leaves the file as it is. Returns the rows written per table.
    """
    output.mkdir(parents=True, exist_ok=True)
    fields = table_fields()
    counts: dict[str, int] = {}
    parts: list[Part] = []
    for resource in canonical_resources():
        name = resource["name"]
        if name == "results":
            parts = write_results(output, fields, tables)
            counts[name] = len(tables.get(name, ()))
            continue
        rows = sorted(tables.get(name, ()), key=sort_key(fields[name], primary_key(name)))
        write_csv(output / resource["path"], fields[name], rows)
        counts[name] = len(rows)
        del rows
    if translations is not None:
        write_csv(output / TRANSLATIONS_RESOURCE["path"], TRANSLATION_COLUMNS, translations)
        counts["translations"] = len(translations)
    write_if_changed(output / "datapackage.json", descriptor_text(metadata, parts).encode("utf-8"))
    return counts


def write_results(output: Path, fields: Mapping[str, tuple[str, ...]],
                  tables: Mapping[str, list[tuple[str, ...]]]) -> list[Part]:
    """One file per network, in networks.csv's order; a network past SPLIT_BYTES gets one file per year.
    Files of an earlier layout (results.csv, a network's whole file now split…) are removed."""
    columns = fields["results"]
    structure_at, period_at = columns.index("structure_id"), columns.index("period")
    network_of = {row[fields["structures"].index("id")]: row[fields["structures"].index("network_id")]
                  for row in tables.get("structures", ())}
    by_network: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for row in tables.get("results", ()):
        network = network_of.get(row[structure_at])
        if not network:
            raise WriterError(f"results : la structure « {row[structure_at]} » n'est dans aucun réseau de "
                              "structures.csv, sa ligne ne peut être rangée dans le fichier d'un réseau.")
        by_network[network].append(row)
    listed = [row[fields["networks"].index("id")] for row in tables.get("networks", ())]
    order = [n for n in listed if n in by_network] + sorted(n for n in by_network if n not in listed)
    key = sort_key(columns, primary_key("results"))
    parts: list[Part] = []
    for network in order:
        rows = sorted(by_network.pop(network), key=key)
        size = sum(len(",".join(row)) + 1 for row in rows)  # about the file's bytes (quotes aside)
        if size <= SPLIT_BYTES:
            files = {Part("results", network): rows}
        else:
            files = {}
            for row in rows:
                files.setdefault(Part("results", network, int(row[period_at][:4])), []).append(row)
        for part, part_rows in sorted(files.items()):
            write_csv(output / part.path, columns, part_rows)
            parts.append(part)
    _remove_stale(output, {part.path for part in parts})
    return parts


def _remove_stale(output: Path, kept: set[str]) -> None:
    """Results files the new layout does not declare: they would be published by nobody, read by no one."""
    (output / "results.csv").unlink(missing_ok=True)
    folder = output / "results"
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.csv"), reverse=True):
        if path.relative_to(output).as_posix() not in kept:
            path.unlink()
    for directory in sorted((d for d in folder.rglob("*") if d.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            shutil.rmtree(directory)


def read_package(descriptor_path: Path) -> tuple[dict[str, Any], dict[str, list[tuple[str, ...]]]]:
    """An existing package (one this module wrote, or any valid one): its metadata, and each table's
    rows as text in the programme's column order (columns matched by name; a column the package
    lacks reads empty)."""
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    folder = descriptor_path.parent
    fields = table_fields()
    tables: dict[str, list[tuple[str, ...]]] = {}
    for resource in descriptor.get("resources", []):
        name = table_of(str(resource.get("name")))  # results-caf… → results: one table, many files
        if name not in fields or not isinstance(resource.get("path"), str):
            continue
        path = (folder / resource["path"]).resolve()
        if not path.is_relative_to(folder.resolve()) or not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            where = [header.index(f) if f in header else None for f in fields[name]]
            tables.setdefault(name, []).extend(
                tuple(cells[i] if i is not None and i < len(cells) else "" for i in where) for cells in reader if cells
            )
    return descriptor, tables
