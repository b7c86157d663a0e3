"""The package's translations.csv after an import: a bilingual source's names in, the maintainer's rows kept.

A bilingual source (Canada's service standards) gives the other language's names of the networks,
structures and indicators it covers (`Imported.translations`). They update the package's
translations.csv like a covered table: a text the source gives replaces the package's, a new one is
added. Every other row (another language, a commitment translated by hand) is kept in its place, so a
maintainer's file keeps its order; a row whose record the import removed is dropped and reported (the
validator would refuse it: the id is no longer in its table). An import that brings no translation
and removes nothing leaves the file alone, byte for byte.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from results.core.translations import COLUMNS, TRANSLATABLE

from .report import ImportReport
from .writer import table_fields

FILE = "translations.csv"
EXAMPLES = 3

Translation = dict[str, str]
Key = tuple[str, str, str, str]


def read_translations(descriptor_path: Path) -> list[Translation] | None:
    """The package's translations rows, or None when it declares no translations resource (or its file is
    missing or outside the package: the validator says so, the import does not guess)."""
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    resource = next((r for r in descriptor.get("resources", [])
                     if isinstance(r, dict) and r.get("name") == "translations"), None)
    if resource is None or not isinstance(resource.get("path"), str):
        return None
    folder = descriptor_path.parent.resolve()
    path = (folder / resource["path"]).resolve()
    if not path.is_relative_to(folder) or not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return [{name: row.get(name) or "" for name in COLUMNS} for row in csv.DictReader(handle)]


def _key(row: Mapping[str, str]) -> Key:
    return (row["table"], row["id"], row["field"], row["lang"])


def merge_translations(old: list[Translation] | None, new: Sequence[Translation],
                       tables: Mapping[str, list[tuple[str, ...]]], report: ImportReport) -> list[Translation] | None:
    """translations.csv's rows after the import, or None when the file is to be left as it is (or not made)."""
    fields = table_fields()
    ids = {table: {row[fields[table].index("id")] for row in tables.get(table, ())} for table in TRANSLATABLE}
    given = {_key(row): row for row in new}
    rows: list[Translation] = []
    changed = 0
    dropped: list[Key] = []
    for row in old or []:
        key = _key(row)
        if row["table"] in ids and row["id"] not in ids[row["table"]]:
            dropped.append(key)
            continue
        update = given.pop(key, None)
        if update is not None and update["text"] != row["text"]:
            changed += 1
            row = dict(update)
        rows.append(row)
    added = list(given.values())
    rows += added
    if not new and not dropped:
        return None
    if old:
        note = (f"{FILE} : {len(added)} ajoutée(s), {changed} modifiée(s) par la source, "
                f"{len(dropped)} retirée(s) car leur ligne n'est plus dans son tableau")
        if dropped:
            more = "…" if len(dropped) > EXAMPLES else ""
            note += " (" + ", ".join(" / ".join(key[:3]) for key in dropped[:EXAMPLES]) + more + ")"
        report.note(note)
    return rows


def translation_tuples(rows: Sequence[Translation]) -> list[tuple[str, ...]]:
    """Rows as the CSV cells translations.csv holds, in its columns' order."""
    return [tuple(row[name] for name in COLUMNS) for row in rows]
