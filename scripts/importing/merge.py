"""Re-import: a newer export updates a package in place, and says what moved.

The tables a source *covers* (its structures, indicators, results…) take the new export's rows:
rows that changed are updated, new rows added, and rows that disappeared from the export are removed
and reported — unless a hand-maintained row still points at them (a label awarded to a structure
the export no longer lists), in which case they are kept and reported as kept. Tables the source
does not cover (labels, experiences, actions, commitments) are kept exactly as they were. A cell the
export leaves empty in a covered table other than results keeps the package's value: coordinates or
a website added by hand survive the next export.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from results.core.parts import files_of
from results.core.schema import canonical_resources

from .report import ImportReport
from .writer import OPTIONAL_RESOURCES, primary_key, table_fields

TextRows = list[tuple[str, ...]]
EXAMPLES = 3


def merge_tables(old: dict[str, TextRows], new: dict[str, TextRows], covered: Iterable[str],
                 report: ImportReport) -> dict[str, TextRows]:
    """The package after the import: covered tables updated from `new`, the others kept from `old`."""
    covered = set(covered)
    fields = table_fields()
    merged: dict[str, TextRows] = {}
    for table in fields:
        if table not in covered:
            merged[table] = old[table] if table in old else new.get(table, [])
            continue
        merged[table] = _merge_table(table, old.get(table, []), new.get(table, []), _referenced(table, old, covered),
                                     report)
    return merged


def _merge_table(table: str, old: TextRows, new: TextRows, referenced: set[tuple[str, ...]],
                 report: ImportReport) -> TextRows:
    key = primary_key(table)
    fill = table != "results"
    previous = {tuple(row[i] for i in key): row for row in old}
    rows: TextRows = []
    added = changed = 0
    for row in new:
        identity = tuple(row[i] for i in key)
        before = previous.pop(identity, None)
        if before is None:
            added += 1
        else:
            if fill:
                row = tuple(cell or kept for cell, kept in zip(row, before, strict=True))
            elif table == "results":
                row = _revised(row, before)
            changed += row != before
        rows.append(row)
    removed = [identity for identity in sorted(previous) if identity not in referenced]
    kept = [identity for identity in sorted(previous) if identity in referenced]
    rows += [previous[identity] for identity in kept]
    if old and (added or changed or removed or kept):
        parts = [f"{added} ajoutée(s)", f"{changed} modifiée(s)",
                 f"{len(removed)} retirée(s) car absente(s) de l'export"]
        note = f"{files_of(table)} : " + ", ".join(parts)
        if removed:
            more = "…" if len(removed) > EXAMPLES else ""
            note += " (" + ", ".join(" / ".join(i) for i in removed[:EXAMPLES]) + more + ")"
        report.note(note)
        if kept:
            report.note(
                f"{files_of(table)} : {len(kept)} ligne(s) absente(s) de l'export gardée(s) car une table tenue "
                f"à la main y renvoie ({', '.join(' / '.join(i) for i in kept[:EXAMPLES])}) : "
                "retirez d'abord ces renvois."
            )
    return rows


def _revised(row: tuple[str, ...], before: tuple[str, ...]) -> tuple[str, ...]:
    """A published value the export changed is a correction: status `revised` and a note saying what
    it was (CONTRIBUTING.md, section 5), as a maintainer correcting it by hand would write."""
    fields = table_fields()["results"]
    value, status, note = fields.index("value"), fields.index("status"), fields.index("note")
    if row[value] == before[value] or before[status] not in ("final", "revised"):
        return row
    corrected = list(row)
    corrected[status] = "revised"
    corrected[note] = row[note] or f"Valeur corrigée par l'export source (précédemment {before[value] or 'vide'})."
    return tuple(corrected)


def _referenced(table: str, old: dict[str, TextRows], covered: set[str]) -> set[tuple[str, ...]]:
    """Keys of `table` that rows of the hand-maintained tables (those the source does not cover) use."""
    fields = table_fields()
    found: set[tuple[str, ...]] = set()
    for resource in canonical_resources():
        name = resource["name"]
        if name in covered or name not in old:
            continue
        for foreign in resource["schema"].get("foreignKeys", []):
            if foreign["reference"]["resource"] != table:
                continue
            positions = [fields[name].index(f) for f in foreign["fields"]]
            found |= {tuple(row[i] for i in positions) for row in old[name] if all(row[i] for i in positions)}
    return found


def merged_metadata(old: dict[str, Any] | None, declared: dict[str, Any], newest: Any) -> dict[str, Any]:
    """The descriptor's metadata: the package's own on a re-import (its title, version, releases are
    the maintainer's), the source's declared metadata for a new package; `as_of` never goes back."""
    metadata = {k: v for k, v in (old or declared).items() if k != "resources"}
    kept = [r for r in (old or {}).get("resources", []) if isinstance(r, dict) and r.get("name") in OPTIONAL_RESOURCES]
    if kept:  # hand-maintained optional tables (translations.csv): the import never drops them
        metadata["optional_resources"] = [r["name"] for r in kept]
    candidates = [d for d in (metadata.get("as_of"), newest.isoformat() if newest else None) if isinstance(d, str)]
    if candidates:
        metadata["as_of"] = max(candidates)
    return metadata
