"""One module per source kind; each exposes `KIND` and `read(files, mapping, report, existing) -> Imported`
(`existing`: the package's tables as rows of text by column name, when the import updates one)."""

from __future__ import annotations

from types import ModuleType

from . import barometre_v1, barometre_v2, canada, opendatasoft


def source_kinds() -> dict[str, ModuleType]:
    """The source kinds the importer knows, by the name given on the command line."""
    return {module.KIND: module for module in (barometre_v1, barometre_v2, canada, opendatasoft)}
