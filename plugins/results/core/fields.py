"""The package's tables and their columns, read from the descriptor (`datapackage.json`).

The descriptor is the contract: it alone says which columns a table has and in which order (its
resources are the programme's, `core/resources.json`, read by `core/schema.py`). The validator reads
it through Frictionless; the plugin and the demo generator read the field lists through here and
match columns to record fields *by name*, never by position, so a column added, removed or moved
either just works or fails at once with the column named.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from .parts import table_of

Record = TypeVar("Record")


class FieldMismatchError(ValueError):
    """Records and the descriptor disagree on a table's columns."""


def resource_fields(descriptor: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Field names of every table, in declared order; the files of a split table (one per network,
    core/parts.py) share one schema and are listed once, under the table's name (`results`)."""
    fields: dict[str, tuple[str, ...]] = {}
    for resource in descriptor["resources"]:
        fields.setdefault(table_of(resource["name"]), tuple(field["name"] for field in resource["schema"]["fields"]))
    return fields


def check_model_fields(table: str, model: type, fields: Sequence[str], derived: Iterable[str] = ()) -> None:
    """Every field of the dataclass `model`, except those the plugin derives (a slug), is a column."""
    missing = [f.name for f in dataclasses.fields(model) if f.name not in fields and f.name not in set(derived)]
    if missing:
        raise FieldMismatchError(
            f"{table} : colonne(s) {', '.join(missing)} absente(s) du descripteur, que {model.__name__} attend."
        )


def from_row(model: type[Record], row: Mapping[str, Any], **typed: Any) -> Record:
    """A `model` dataclass from a CSV row, field by field by name; `typed` gives converted or derived values."""
    return model(**{f.name: typed[f.name] if f.name in typed else row[f.name] for f in dataclasses.fields(model)})


def ordered(table: str, fields: Sequence[str], record: Mapping[str, Any] | object) -> list[Any]:
    """A record's values in the descriptor's column order: a mapping by key, an object by attribute."""
    if isinstance(record, Mapping):
        extra = set(record) - set(fields)
        if extra:
            raise FieldMismatchError(f"{table} : colonne(s) {', '.join(sorted(extra))} absente(s) du descripteur.")
        try:
            return [record[name] for name in fields]
        except KeyError as error:
            raise FieldMismatchError(f"{table} : aucune valeur pour la colonne {error.args[0]}.") from None
    try:
        return [getattr(record, name) for name in fields]
    except AttributeError as error:
        raise FieldMismatchError(f"{table} : aucune valeur pour la colonne {error.name}.") from None
