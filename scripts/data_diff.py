"""Summarise, in Markdown, what a change to the data package does.

A reviewer of a data pull request wants to know at a glance whether it does what it says: "publish
the third quarter" should add rows to `results` and a new period, not remove anything. This script
compares two versions of the Frictionless Data Package (the base and the head of the pull request)
and prints, per resource, the rows added, changed and removed, matched by the resource's
`primaryKey` from its descriptor, then the periods that appear in (or disappear from) `results`.

The pull-request workflow appends the output to `$GITHUB_STEP_SUMMARY` (`make data-diff`);
a maintainer can run the same command locally before pushing. The text is in French because the
maintainers who read it are.

Usage:
    python scripts/data_diff.py --base OLD/datapackage.json --head data/datapackage.json
    python scripts/data_diff.py --base-ref origin/main --head data/datapackage.json

Rows are compared as the text of their CSV cells (no type conversion), on the columns both versions
have; only a hash of each row is kept in memory, so national-scale packages fit.
"""

from __future__ import annotations

import argparse
import csv
import json
import posixpath
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from results.core.periods import period_order

PERIOD_RESOURCE = "results"
PERIOD_FIELD = "period"
STATUS_FIELD = "status"
MAX_EXAMPLES = 5


class DiffError(Exception):
    """The inputs cannot be compared at all (missing head descriptor, unknown git ref…)."""


@dataclass
class ResourceDiff:
    """What changed in one resource between the two versions."""

    name: str
    title: str
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
    problem: str | None = None

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


@dataclass
class PackageDiff:
    """The whole comparison: one entry per resource, plus the periods of `results`."""

    resources: list[ResourceDiff]
    new_periods: dict[str, int]  # period -> rows in head
    dropped_periods: list[str]
    base_missing: bool = False
    version_change: tuple[str, str] | None = None


# --------------------------------------------------------------------------- reading


def load_descriptor(path: Path) -> dict | None:
    """The descriptor at `path`, or None when the file does not exist."""
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DiffError(f"{path} n'est pas un JSON valide : {error}") from error


def primary_key(resource: dict) -> list[str]:
    """The resource's primary key as a list of field names (empty when it has none)."""
    key = (resource.get("schema") or {}).get("primaryKey") or []
    return [key] if isinstance(key, str) else list(key)


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


@contextmanager
def open_table(package_dir: Path, resource: dict) -> Iterator[tuple[list[str], Iterator[list[str]]]]:
    """Yield (header, rows) of a resource's CSV file; rows are lists of cell strings."""
    path = resource_file(package_dir, resource)
    if not path.is_file():
        raise ValueError(f"fichier introuvable : {path.name}")
    encoding = resource.get("encoding") or "utf-8"
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8-sig"  # tolerate a byte-order mark left by a spreadsheet
    dialect = resource.get("dialect") or {}
    options = {"delimiter": dialect.get("delimiter", ","), "quotechar": dialect.get("quoteChar", '"')}
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, **options)
        header = next(reader, [])
        yield header, reader


# --------------------------------------------------------------------------- comparing


def read_header(package_dir: Path, resource: dict) -> list[str]:
    """The column names of a resource's CSV file."""
    with open_table(package_dir, resource) as (header, _rows):
        return header


def diff_resource(
    name: str,
    base_dir: Path,
    base_resource: dict | None,
    head_dir: Path,
    head_resource: dict | None,
) -> tuple[ResourceDiff, Counter[str], set[str]]:
    """Compare one resource; also return (head periods with their row counts, base periods).

    Periods are only collected for the `results` resource. A resource present on one side only is
    compared with an empty table, so all its rows count as added (or removed). Rows are compared on
    the columns both versions share, so adding a column does not make every row look changed.
    """
    if base_resource is not None and not _has_file(base_dir, base_resource):
        base_resource = None  # the file is new: compare with an empty table
    descriptor = head_resource or base_resource or {}
    result = ResourceDiff(name=name, title=descriptor.get("title") or name, key_fields=primary_key(descriptor))
    if base_resource is None:
        result.presence = "added"
    elif head_resource is None:
        result.presence = "removed"
    head_periods: Counter[str] = Counter()
    base_periods: set[str] = set()
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
            base_rows, base_periods = _index_base(base_dir, base_resource, result.key_fields, common)
        if head_resource is not None:
            head_periods = _compare_head(head_dir, head_resource, result, common, base_rows)
        if result.key_fields:
            result.removed = len(base_rows)
            if base_rows and result.presence == "both":
                result.examples["removed"] = _removed_examples(base_dir, base_resource, result.key_fields, base_rows)
        else:
            result.removed = sum(base_rows.values())
    except (ValueError, csv.Error, UnicodeDecodeError) as error:
        result.problem = str(error)
    return result, head_periods, base_periods


def _has_file(package_dir: Path, resource: dict) -> bool:
    try:
        return resource_file(package_dir, resource).is_file()
    except ValueError:
        return True  # let the comparison report why it cannot read it


def _check_key(key_fields: list[str], header: list[str], side: str) -> None:
    missing = [column for column in key_fields if column not in header]
    if missing:
        raise ValueError(f"colonne(s) de clé absente(s) de la {side} : {', '.join(missing)}")


def _cells(row: list[str], width: int) -> list[str]:
    """Pad a short row so that every column can be indexed."""
    return row + [""] * (width - len(row)) if len(row) < width else row


def _is_blank(row: list[str]) -> bool:
    return not any(cell.strip() for cell in row)


def _index_base(
    base_dir: Path, resource: dict, key_fields: list[str], columns: list[str]
) -> tuple[dict[int, int], set[str]]:
    """Read the base table into {hash of key: hash of row}, and the periods of `results`.

    Without a primary key, rows are a multiset: {hash of row: how many times it occurs}. Only
    hashes are kept so that a national-scale table fits in memory.
    """
    periods: set[str] = set()
    index: dict[int, int] = {}
    with open_table(base_dir, resource) as (header, rows):
        compare_at = [header.index(c) for c in columns]
        key_at = [header.index(c) for c in key_fields]
        period_at = header.index(PERIOD_FIELD) if PERIOD_FIELD in header else None
        collect_periods = resource.get("name") == PERIOD_RESOURCE and period_at is not None
        for raw in rows:
            if _is_blank(raw):
                continue
            row = _cells(raw, len(header))
            if collect_periods:
                periods.add(row[period_at])
            row_hash = hash(tuple(row[i] for i in compare_at))
            if key_fields:
                index[hash(tuple(row[i] for i in key_at))] = row_hash
            else:
                index[row_hash] = index.get(row_hash, 0) + 1
    return index, periods


def _compare_head(
    head_dir: Path, resource: dict, result: ResourceDiff, columns: list[str], base_rows: dict[int, int]
) -> Counter[str]:
    """Stream the head table against the base index, filling `result`; return head periods.

    Matched keys are removed from `base_rows`, so what is left there afterwards was removed.
    """
    periods: Counter[str] = Counter()
    key_fields = result.key_fields
    with open_table(head_dir, resource) as (header, rows):
        compare_at = [header.index(c) for c in columns]
        key_at = [header.index(c) for c in key_fields]
        status_at = header.index(STATUS_FIELD) if STATUS_FIELD in header else None
        period_at = header.index(PERIOD_FIELD) if PERIOD_FIELD in header else None
        collect_periods = result.name == PERIOD_RESOURCE and period_at is not None
        seen: set[int] = set()
        for raw in rows:
            if _is_blank(raw):
                continue
            row = _cells(raw, len(header))
            if collect_periods:
                periods[row[period_at]] += 1
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
                _record(result, "added", key)
            elif previous != row_hash:
                _record(result, "changed", key)
                if status_at is not None:
                    result.changed_by_status[row[status_at]] += 1
    return periods


def _record(result: ResourceDiff, kind: str, key: tuple[str, ...]) -> None:
    """Count one added/changed row and keep it as an example while there are few."""
    setattr(result, kind, getattr(result, kind) + 1)
    examples = result.examples.setdefault(kind, [])
    if len(examples) < MAX_EXAMPLES:
        examples.append(" · ".join(key))


def _removed_examples(base_dir: Path, resource: dict, key_fields: list[str], removed: dict[int, int]) -> list[str]:
    """Read the base table again to name a few removed rows (only their hashes were kept)."""
    examples: list[str] = []
    with open_table(base_dir, resource) as (header, rows):
        key_at = [header.index(c) for c in key_fields]
        for raw in rows:
            key = tuple(_cells(raw, len(header))[i] for i in key_at)
            if not _is_blank(raw) and hash(key) in removed:
                examples.append(" · ".join(key))
                if len(examples) == MAX_EXAMPLES:
                    break
    return examples


def diff_packages(base_descriptor: Path | None, head_descriptor: Path) -> PackageDiff:
    """Compare two data packages given the paths of their `datapackage.json`.

    `base_descriptor` may be None or a missing file: the base is then an empty package (a first
    publication), and every row counts as added.
    """
    head = load_descriptor(head_descriptor)
    if head is None:
        raise DiffError(f"descripteur introuvable : {head_descriptor}")
    base = load_descriptor(base_descriptor) if base_descriptor is not None else None
    base_dir = base_descriptor.parent if base_descriptor is not None else head_descriptor.parent
    head_dir = head_descriptor.parent
    base_resources = {r.get("name"): r for r in (base or {}).get("resources", [])}
    head_resources = {r.get("name"): r for r in head.get("resources", [])}
    names = list(head_resources) + [n for n in base_resources if n not in head_resources]

    resources: list[ResourceDiff] = []
    new_periods: dict[str, int] = {}
    dropped_periods: list[str] = []
    for name in names:
        diff, head_periods, base_periods = diff_resource(
            name, base_dir, base_resources.get(name), head_dir, head_resources.get(name)
        )
        resources.append(diff)
        if name == PERIOD_RESOURCE and diff.problem is None:
            new = sorted((p for p in head_periods if p not in base_periods), key=period_order)
            new_periods = {p: head_periods[p] for p in new}
            dropped_periods = sorted((p for p in base_periods if p not in head_periods), key=period_order)
    version_change = None
    if base is not None and base.get("version") != head.get("version"):
        version_change = (str(base.get("version", "")), str(head.get("version", "")))
    return PackageDiff(
        resources=resources,
        new_periods=new_periods,
        dropped_periods=dropped_periods,
        base_missing=base is None,
        version_change=version_change,
    )


# --------------------------------------------------------------------------- git


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)


def extract_base(ref: str, head_descriptor: Path, destination: Path) -> Path:
    """Write the package as it is at git `ref` into `destination`; return its descriptor path.

    The package is looked up at the same place in the repository as `head_descriptor`. When `ref`
    has no package there (a first publication), the returned path does not exist.
    """
    cwd = head_descriptor.resolve().parent
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise DiffError(f"pas un dépôt git ({top.stderr.decode(errors='replace').strip()})")
    root = Path(top.stdout.decode().strip())
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode != 0:
        raise DiffError(f"référence git inconnue : {ref} (faut-il un « git fetch » ?)")
    try:
        relative = head_descriptor.resolve().relative_to(root).as_posix()
    except ValueError as error:
        raise DiffError(f"{head_descriptor} n'est pas dans le dépôt {root}") from error
    package_dir = posixpath.dirname(relative)
    target = destination / "datapackage.json"
    shown = _git(["show", f"{ref}:{relative}"], root)
    if shown.returncode != 0:
        return target  # no package at that ref: an empty base
    target.write_bytes(shown.stdout)
    descriptor = json.loads(shown.stdout.decode("utf-8"))
    for resource in descriptor.get("resources", []):
        try:
            local = resource_file(destination, resource)
        except ValueError:
            continue
        inside = posixpath.join(package_dir, local.relative_to(destination).as_posix())
        content = _git(["show", f"{ref}:{inside}"], root)
        if content.returncode == 0:
            local.parent.mkdir(parents=True, exist_ok=True)
            local.write_bytes(content.stdout)
    return target


# --------------------------------------------------------------------------- Markdown


def number(value: int) -> str:
    """French thousands separator (narrow no-break space)."""
    return f"{value:,}".replace(",", "\u202f")


def rows(count: int) -> str:
    """ "1 ligne", "12 lignes"."""
    return f"{number(count)} ligne" + ("s" if count > 1 else "")


def text(value: str) -> str:
    """Plain text from the data, escaped so that it cannot break the Markdown around it."""
    flat = " ".join(str(value).split())
    return "".join("\\" + char if char in "\\`*_[]<>|#!~" else char for char in flat)


def code(value: str) -> str:
    """A value from the data as inline code (a backtick in it would end the span)."""
    flat = " ".join(str(value).split()).replace("`", "'")
    return f"`{flat}`" if flat else "`(vide)`"


def render(diff: PackageDiff) -> str:
    """The Markdown summary shown on the pull request."""
    lines = ["## Ce que change cette version des données", ""]
    if diff.base_missing:
        lines += [
            "Première publication : la version de base ne contient pas encore de paquet de données.",
            "",
        ]
    if diff.version_change:
        before, after = diff.version_change
        lines += [f"Version du paquet : {code(before or '—')} → {code(after or '—')}.", ""]
    changed = [r for r in diff.resources if r.has_changes]
    if not changed:
        lines += ["Aucune ligne de données ne change.", ""]
    else:
        lines += [
            "| Ressource | Lignes ajoutées | modifiées | supprimées |",
            "| --- | ---: | ---: | ---: |",
        ]
        for r in changed:
            name_cell = code(r.name).replace("|", "\\|")  # a pipe would split the table cell
            label = f"{text(r.title)} ({name_cell})"
            if r.presence == "added":
                label += " — nouvelle ressource"
            elif r.presence == "removed":
                label += " — ressource retirée"
            if r.problem:
                lines.append(f"| {label} | ⚠️ non comparée : {text(r.problem)} | | |")
            else:
                lines.append(f"| {label} | {number(r.added)} | {number(r.changed)} | {number(r.removed)} |")
        lines.append("")

    if diff.new_periods:
        periods = ", ".join(f"{code(p)} ({rows(n)})" for p, n in diff.new_periods.items())
        lines += [f"**Nouvelles périodes dans `{PERIOD_RESOURCE}`** : {periods}.", ""]
    if diff.dropped_periods:
        dropped = ", ".join(code(p) for p in diff.dropped_periods)
        lines += [f"**⚠️ Périodes qui disparaissent de `{PERIOD_RESOURCE}`** : {dropped}.", ""]
    for r in changed:
        if r.changed_by_status:
            parts = ", ".join(f"{code(status)} : {number(n)}" for status, n in sorted(r.changed_by_status.items()))
            lines += [f"Lignes modifiées de {code(r.name)} par statut — {parts}.", ""]
        if r.added_columns:
            lines += [
                f"Colonnes ajoutées à {code(r.name)} : {', '.join(code(c) for c in r.added_columns)}.",
                "",
            ]
        if r.removed_columns:
            lines += [
                f"⚠️ Colonnes retirées de {code(r.name)} : {', '.join(code(c) for c in r.removed_columns)}.",
                "",
            ]
        if r.duplicate_keys:
            lines += [f"⚠️ {code(r.name)} : {rows(r.duplicate_keys)} en double (même clé).", ""]

    examples = [r for r in changed if r.examples and r.presence == "both"]
    if examples:
        lines += ["<details><summary>Exemples de lignes concernées</summary>", ""]
        words = {"added": "ajoutées", "changed": "modifiées", "removed": "supprimées"}
        for r in examples:
            key = " · ".join(r.key_fields) or "ligne entière"
            for kind in ("added", "changed", "removed"):
                if r.examples.get(kind):
                    shown = ", ".join(code(e) for e in r.examples[kind])
                    lines.append(f"- {code(r.name)} ({text(key)}), {words[kind]} : {shown}")
        lines += ["", "</details>", ""]
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- CLI


def main(argv: list[str] | None = None) -> int:
    """Print the summary; exit 2 when the inputs cannot be read."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    base = parser.add_mutually_exclusive_group(required=True)
    base.add_argument("--base", type=Path, help="datapackage.json of the old version")
    base.add_argument("--base-ref", help="git commit or branch holding the old version (e.g. origin/main)")
    parser.add_argument(
        "--head", type=Path, default=Path("data/datapackage.json"), help="datapackage.json of the new version"
    )
    args = parser.parse_args(argv)
    try:
        if args.base_ref:
            with tempfile.TemporaryDirectory(prefix="data-diff-") as tmp:
                base_path = extract_base(args.base_ref, args.head, Path(tmp))
                summary = render(diff_packages(base_path, args.head))
        else:
            summary = render(diff_packages(args.base, args.head))
    except DiffError as error:
        print(f"data_diff: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
