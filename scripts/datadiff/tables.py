"""Reading a package for the comparison: descriptors, CSV parts, and which resources hold results.

This is the only module that knows where rows come from. Each resource is read as a list of
*parts* (one CSV file each). The results are one resource per network file (`results-caf`, path
`results/caf.csv`, or one per year for a big network: plugins/results/core/parts.py), all keyed like
`results`; `is_results` recognises them, and the comparison reports per network and per file.
"""

from __future__ import annotations

import csv
import json
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from results.core.parts import table_of

RESULTS_RESOURCE = "results"
RESULTS_KEY = ("structure_id", "indicator_id", "period")


class DiffError(Exception):
    """The inputs cannot be compared at all (missing head descriptor, unknown git ref…)."""


@dataclass(frozen=True)
class TablePart:
    """One CSV file of a resource: `file` is its path inside the package, as a maintainer sees it."""

    file: str
    header: list[str]
    rows: Iterator[list[str]]


def is_results(resource: dict) -> bool:
    """True for a resource holding result rows (structure × indicator × period): a network's file
    (`results-caf`), the single `results` of older packages, or any resource keyed like them."""
    name = str(resource.get("name", ""))
    return table_of(name) == RESULTS_RESOURCE or primary_key(resource) == list(RESULTS_KEY)


def load_descriptor(path: Path) -> dict | None:
    """The descriptor at `path`, or None when the file does not exist."""
    if not path.is_file():
        return None
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise DiffError(f"{path} n'est pas un JSON valide : {error}") from error
    if not isinstance(descriptor, dict):
        raise DiffError(f"{path} n'est pas un descripteur de paquet (objet JSON attendu)")
    return descriptor


def resources_by_name(descriptor: dict | None) -> dict[str, dict]:
    """The descriptor's resources by name (entries that are not objects are skipped)."""
    resources = (descriptor or {}).get("resources")
    if not isinstance(resources, list):
        return {}
    return {str(r.get("name")): r for r in resources if isinstance(r, dict)}


def primary_key(resource: dict) -> list[str]:
    """The resource's primary key as a list of field names (empty when it has none)."""
    schema = resource.get("schema")
    key = (schema.get("primaryKey") if isinstance(schema, dict) else None) or []
    return [key] if isinstance(key, str) else [str(k) for k in key]


def resource_file(package_dir: Path, resource: dict) -> Path:
    """The local CSV file of a resource; raises ValueError for anything else."""
    path = resource.get("path")
    if not isinstance(path, str):
        raise ValueError("ressource sans chemin unique (données en ligne ou en plusieurs fichiers)")
    if "://" in path:
        raise ValueError(f"ressource distante ({path})")
    normalised = posixpath.normpath(path)
    if normalised.startswith("..") or posixpath.isabs(normalised):
        raise ValueError(f"chemin hors du paquet ({path})")
    return package_dir / normalised


def has_file(package_dir: Path, resource: dict) -> bool:
    """False only when the resource's file is known to be absent (unreadable paths count as present
    so that the comparison reports why it cannot read them)."""
    try:
        return resource_file(package_dir, resource).is_file()
    except ValueError:
        return True


def local_file(package_dir: Path, resource: dict) -> Path:
    """The resource's file, checked to be a regular file inside the package (a symbolic link could
    make the summary print a file from elsewhere); raises ValueError otherwise."""
    path = resource_file(package_dir, resource)
    if path.is_symlink() or not path.resolve().is_relative_to(package_dir.resolve()):
        raise ValueError(f"lien symbolique refusé : {path.name}")
    if not path.is_file():
        raise ValueError(f"fichier introuvable : {path.name}")
    return path


@contextmanager
def table_parts(package_dir: Path, resource: dict) -> Iterator[list[TablePart]]:
    """The CSV parts of a resource, open for reading; rows are lists of cell strings."""
    path = local_file(package_dir, resource)
    encoding = resource.get("encoding") or "utf-8"
    if str(encoding).lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8-sig"  # tolerate a byte-order mark left by a spreadsheet
    dialect = resource.get("dialect") if isinstance(resource.get("dialect"), dict) else {}
    options = {"delimiter": str(dialect.get("delimiter", ",")), "quotechar": str(dialect.get("quoteChar", '"'))}
    try:
        handle = path.open(encoding=encoding, newline="")
    except LookupError as error:
        raise ValueError(f"encodage inconnu : {encoding}") from error
    with handle:
        try:
            reader = csv.reader(handle, **options)
        except TypeError as error:  # a delimiter or quote character that is not one character
            raise ValueError(f"dialecte CSV illisible ({error})") from error
        yield [TablePart(str(resource.get("path")), next(reader, []), reader)]


def read_header(package_dir: Path, resource: dict) -> list[str]:
    """The column names of a resource (of its first part)."""
    with table_parts(package_dir, resource) as parts:
        return parts[0].header if parts else []


def read_records(package_dir: Path, resource: dict | None) -> list[dict[str, str]]:
    """Every row of a small table (structures, networks) as {column: cell}; [] when unreadable."""
    if resource is None:
        return []
    try:
        with table_parts(package_dir, resource) as parts:
            return [
                dict(zip(part.header, row, strict=False)) for part in parts for row in part.rows if not is_blank(row)
            ]
    except (ValueError, OSError, csv.Error, UnicodeDecodeError):
        return []


def cells(row: list[str], width: int) -> list[str]:
    """Pad a short row so that every column can be indexed."""
    return row + [""] * (width - len(row)) if len(row) < width else row


def is_blank(row: list[str]) -> bool:
    """True for an empty line or one of empty cells (a row's first cell is almost never blank)."""
    if row and row[0] and not row[0].isspace():
        return False
    return not "".join(row).strip()
