"""One module per source kind; each exposes `KIND` and `read(files, mapping, report) -> Imported`."""

from __future__ import annotations

from types import ModuleType

from . import barometre_v1


def source_kinds() -> dict[str, ModuleType]:
    """The source kinds the importer knows, by the name given on the command line."""
    return {module.KIND: module for module in (barometre_v1,)}
