"""One import from start to end: read the source, update or create the package, validate it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .addresses import settle_addresses
from .errors import SourceError
from .mapping import load_mapping
from .merge import merge_tables, merged_metadata
from .report import ImportReport
from .sources import source_kinds
from .translations import merge_translations, read_translations, translation_tuples
from .writer import read_package, table_fields, text_row, write_package


@dataclass
class Outcome:
    report: ImportReport
    descriptor: Path


def run_import(kind: str, files: list[Path], output: Path, mapping_file: Path | None = None) -> Outcome:
    """Import `files` of `kind` into the package folder `output` (created, or updated in place).

    Raises SourceError (a located French message) when a file cannot be read as `kind` promises;
    nothing is written then.
    """
    source = source_kinds()[kind]
    mapping = load_mapping(kind, mapping_file)
    report = ImportReport(kind)
    fields = table_fields()
    descriptor = output / "datapackage.json"
    old_metadata, old_tables = read_package(descriptor) if descriptor.is_file() else (None, {})
    existing = {table: [dict(zip(fields[table], row, strict=True)) for row in old_tables[table]]
                for table in ("networks", "structures", "indicators") if table in old_tables}
    imported = source.read(files, mapping, report, existing)
    if imported.newest is None and old_metadata is None:
        shown = ", ".join(path.name for path in files)
        raise SourceError(shown, None, None, "aucun résultat importable dans ces fichiers (voir les lignes écartées).",
                          "Vérifiez le type de source choisi et le fichier de correspondance.")
    existing_structures = {row["id"]: row for row in existing.get("structures", [])}
    settle_addresses(imported.tables.get("structures", []), existing_structures, fields["structures"], report)
    new = {table: [text_row(table, fields[table], row) for row in rows] for table, rows in imported.tables.items()}
    tables = merge_tables(old_tables, new, imported.covered, report) if old_metadata else new
    declared = {"profile": "data-package", **imported.metadata}
    metadata = merged_metadata(old_metadata, declared, imported.newest)
    old_translations = read_translations(descriptor) if old_metadata else None
    translations = merge_translations(old_translations, imported.translations, tables, report)
    if translations is not None:  # a bilingual source's names: the package declares its translations
        metadata["optional_resources"] = sorted({*metadata.get("optional_resources", ()), "translations"})
    report.imported = write_package(output, metadata, tables,
                                    None if translations is None else translation_tuples(translations))
    return Outcome(report, descriptor)
