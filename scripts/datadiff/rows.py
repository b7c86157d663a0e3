"""Row-level comparison of one resource between two versions, matched by its primary key.

Only hashes are kept for the bulk of the rows, so a national-scale table fits in memory: the base is
indexed as {hash of key: hash of row}, the head is streamed against it, and the base is read a second
time only when some rows were changed or removed, to name them. A `RowWatcher` can follow the rows as
they go by (the results analysis does, to group its findings per network and per file).
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .tables import cells, has_file, is_blank, primary_key, read_header, table_parts

STATUS_FIELD = "status"
MAX_EXAMPLES = 5


class RowWatcher(Protocol):
    """Follows the rows of a resource during its comparison."""

    def begin(self, side: str, file: str, header: list[str]) -> None:
        """A CSV part starts: `side` is "base", "head" or "base-again"."""

    def base_row(self, row: list[str]) -> None:
        """Every base row, in the first pass."""

    def head_row(self, row: list[str], change: str, key_hash: int) -> None:
        """Every head row: change is "added", "changed" or "same" (duplicate keys are skipped)."""

    def base_again(self, row: list[str], change: str, key_hash: int) -> None:
        """Second base pass, only for rows whose key was "changed" or "removed"."""


@dataclass
class ResourceDiff:
    """What changed in one resource between the two versions."""

    name: str
    title: str
    file: str = ""  # the resource's path, as the maintainer sees it
    per_network: bool = False  # results: detailed per network and file, not in the generic examples
    key_fields: list[str] = field(default_factory=list)
    presence: str = "both"  # "both", "added" (only in head) or "removed" (only in base)
    added: int = 0
    changed: int = 0
    removed: int = 0
    added_columns: list[str] = field(default_factory=list)
    removed_columns: list[str] = field(default_factory=list)
    duplicate_keys: int = 0
    changed_by_status: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    # The first changed rows with what changed in them: (key, [(column, old, new)]).
    changed_cells: list[tuple[str, list[tuple[str, str, str]]]] = field(default_factory=list)
    problem: str | None = None
    sample: dict[int, tuple[str, dict[str, str]]] = field(default_factory=dict, repr=False)  # key hash -> head

    @property
    def has_changes(self) -> bool:
        """True when anything about this resource differs between the two versions."""
        return bool(
            self.presence != "both"
            or self.added
            or self.changed
            or self.removed
            or self.added_columns
            or self.removed_columns
            or self.duplicate_keys
            or self.problem
        )


def diff_resource(
    name: str,
    base: tuple[Path, dict | None],
    head: tuple[Path, dict | None],
    watcher: RowWatcher | None = None,
) -> ResourceDiff:
    """Compare one resource given (package folder, resource descriptor or None) for each side.

    A resource present on one side only is compared with an empty table, so all its rows count as
    added (or removed). Rows are compared on the columns both versions share, so adding a column
    does not make every row look changed.
    """
    base_dir, base_resource = base
    head_dir, head_resource = head
    if base_resource is not None and not has_file(base_dir, base_resource):
        base_resource = None  # the file is new: compare with an empty table
    descriptor = head_resource or base_resource or {}
    result = ResourceDiff(
        name=name,
        title=str(descriptor.get("title") or name),
        file=str(descriptor.get("path") or ""),
        per_network=watcher is not None,
        key_fields=primary_key(descriptor),
    )
    if base_resource is None:
        result.presence = "added"
    elif head_resource is None:
        result.presence = "removed"
    try:
        base_header = read_header(base_dir, base_resource) if base_resource is not None else None
        head_header = read_header(head_dir, head_resource) if head_resource is not None else None
        base_header = base_header if base_header is not None else head_header or []
        head_header = head_header if head_header is not None else base_header
        _check_key(result.key_fields, base_header, "version de base")
        _check_key(result.key_fields, head_header, "version proposée")
        if result.presence == "both":
            result.added_columns = [c for c in head_header if c not in base_header]
            result.removed_columns = [c for c in base_header if c not in head_header]
        common = [c for c in head_header if c in base_header]
        base_rows: dict[int, int] = {}
        if base_resource is not None:
            base_rows = _index_base(base_dir, base_resource, result.key_fields, common, watcher)
        changed_keys: set[int] = set()
        if head_resource is not None:
            changed_keys = _compare_head(head_dir, head_resource, result, common, base_rows, watcher)
        if result.key_fields:
            result.removed = len(base_rows)
            wanted = (watcher is not None and (base_rows or changed_keys)) or result.sample
            if base_resource is not None and ((base_rows and result.presence == "both") or wanted):
                _read_base_again(base_dir, base_resource, result, base_rows, changed_keys, watcher)
        else:
            result.removed = sum(base_rows.values())
    except (ValueError, OSError, csv.Error, UnicodeDecodeError) as error:
        result.problem = str(error)
    return result


def _check_key(key_fields: list[str], header: list[str], side: str) -> None:
    missing = [column for column in key_fields if column not in header]
    if missing:
        raise ValueError(f"colonne(s) de clé absente(s) de la {side} : {', '.join(missing)}")


def _index_base(
    base_dir: Path, resource: dict, key_fields: list[str], columns: list[str], watcher: RowWatcher | None
) -> dict[int, int]:
    """Read the base table into {hash of key: hash of row}.

    Without a primary key, rows are a multiset: {hash of row: how many times it occurs}.
    """
    index: dict[int, int] = {}
    with table_parts(base_dir, resource) as parts:
        for part in parts:
            header = part.header
            compare_at = [header.index(c) for c in columns]
            key_at = [header.index(c) for c in key_fields]
            if watcher is not None:
                watcher.begin("base", part.file, header)
            for raw in part.rows:
                if is_blank(raw):
                    continue
                row = cells(raw, len(header))
                if watcher is not None:
                    watcher.base_row(row)
                row_hash = hash(tuple(row[i] for i in compare_at))
                if key_fields:
                    index[hash(tuple(row[i] for i in key_at))] = row_hash
                else:
                    index[row_hash] = index.get(row_hash, 0) + 1
    return index


def _compare_head(
    head_dir: Path,
    resource: dict,
    result: ResourceDiff,
    columns: list[str],
    base_rows: dict[int, int],
    watcher: RowWatcher | None,
) -> set[int]:
    """Stream the head table against the base index, filling `result`; return the changed keys' hashes.

    Matched keys are removed from `base_rows`, so what is left there afterwards was removed.
    """
    key_fields = result.key_fields
    changed_keys: set[int] = set()
    with table_parts(head_dir, resource) as parts:
        for part in parts:
            header = part.header
            compare_at = [header.index(c) for c in columns]
            key_at = [header.index(c) for c in key_fields]
            status_at = header.index(STATUS_FIELD) if STATUS_FIELD in header else None
            if watcher is not None:
                watcher.begin("head", part.file, header)
            seen: set[int] = set()
            for raw in part.rows:
                if is_blank(raw):
                    continue
                row = cells(raw, len(header))
                values = tuple(row[i] for i in compare_at)
                row_hash = hash(values)
                if not key_fields:  # rows without a key: a multiset, nothing can be "changed"
                    if base_rows.get(row_hash, 0) > 0:
                        base_rows[row_hash] -= 1
                    else:
                        _record(result, "added", values)
                    continue
                key = tuple(row[i] for i in key_at)
                key_hash = hash(key)
                if key_hash in seen:
                    result.duplicate_keys += 1
                    continue
                seen.add(key_hash)
                previous = base_rows.pop(key_hash, None)
                if previous is None:
                    change = "added"
                    _record(result, change, key)
                elif previous != row_hash:
                    change = "changed"
                    changed_keys.add(key_hash)
                    _record(result, change, key)
                    if len(result.sample) < MAX_EXAMPLES:
                        result.sample[key_hash] = (" · ".join(key), dict(zip(columns, values, strict=True)))
                    if status_at is not None:
                        result.changed_by_status[row[status_at]] += 1
                else:
                    change = "same"
                if watcher is not None:
                    watcher.head_row(row, change, key_hash)
    return changed_keys


def _record(result: ResourceDiff, kind: str, key: tuple[str, ...]) -> None:
    """Count one added/changed row and keep it as an example while there are few."""
    setattr(result, kind, getattr(result, kind) + 1)
    examples = result.examples.setdefault(kind, [])
    if len(examples) < MAX_EXAMPLES:
        examples.append(" · ".join(key))


def _read_base_again(
    base_dir: Path,
    resource: dict,
    result: ResourceDiff,
    removed: dict[int, int],
    changed: set[int],
    watcher: RowWatcher | None,
) -> None:
    """Read the base table again to name removed rows (only their hashes were kept) and hand the
    old version of changed and removed rows to the watcher."""
    examples: list[str] = []
    with table_parts(base_dir, resource) as parts:
        for part in parts:
            header = part.header
            key_at = [header.index(c) for c in result.key_fields]
            if watcher is not None:
                watcher.begin("base-again", part.file, header)
            for raw in part.rows:
                if is_blank(raw):
                    continue
                row = cells(raw, len(header))
                key = tuple(row[i] for i in key_at)
                key_hash = hash(key)
                if key_hash in removed:
                    if len(examples) < MAX_EXAMPLES:
                        examples.append(" · ".join(key))
                    if watcher is not None:
                        watcher.base_again(row, "removed", key_hash)
                elif key_hash in changed:
                    if key_hash in result.sample:
                        _describe_change(result, result.sample.pop(key_hash), dict(zip(header, row, strict=False)))
                    if watcher is not None:
                        watcher.base_again(row, "changed", key_hash)
    if examples and result.presence == "both":
        result.examples["removed"] = examples


def _describe_change(result: ResourceDiff, head: tuple[str, dict[str, str]], old: dict[str, str]) -> None:
    """Keep which cells of a sampled changed row went from what to what."""
    key, new = head
    cells_changed = [(column, old.get(column, ""), value) for column, value in new.items() if old.get(column) != value]
    result.changed_cells.append((key, cells_changed))
