"""Record classes of the demo generator built from the programme's schema, not restated.

A class made by `record_class("structures", …)` has one field per column of the table in
plugins/results/core/resources.json, in its order (core/schema.py): adding a column to the schema
adds the field, and a generator that does not give it fails at once, naming it, unless the column is
optional (its value is then empty). Fields are keyword-only: a value is matched to its column by
name, never by position, as the writer (core/fields.ordered) and the loader do.

A generator may add what the package does not hold (`extra`: how a network's structures behave in the
simulation, an indicator's random walk), give an optional column a default, or compute a column from
the others (`computed`: a subclass's property, e.g. an indicator's aggregation rule from its family).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from results.core.schema import canonical_resources


def record_class(table: str, name: str, doc: str, *, extra: Iterable[tuple[str, Any, Any]] = (),
                 defaults: Mapping[str, Any] | None = None, computed: Iterable[str] = ()) -> type:
    """A frozen, keyword-only dataclass named `name` whose fields are `table`'s columns; a column the
    schema does not require defaults to `defaults[column]`, else None (an empty cell). `extra` fields
    (name, type, dataclasses.field) are the generator's own, never written; `computed` columns are not
    fields: a subclass provides them (a property), and the writer reads them by name like the others."""
    resource = next(r for r in canonical_resources() if r["name"] == table)
    defaults, computed = dict(defaults or {}), set(computed)
    columns = {column["name"] for column in resource["schema"]["fields"]}
    unknown = (set(defaults) | computed) - columns
    if unknown:
        raise ValueError(f"{table} : colonne(s) {', '.join(sorted(unknown))} absente(s) du schéma.")
    fields: list[tuple[str, Any, Any]] = []
    for column in resource["schema"]["fields"]:
        if column["name"] in computed:
            continue
        required = column.get("constraints", {}).get("required", False) and column["name"] not in defaults
        default = dataclasses.field() if required else dataclasses.field(default=defaults.get(column["name"]))
        fields.append((column["name"], Any, default))
    made = dataclasses.make_dataclass(name, [*fields, *extra], frozen=True, kw_only=True)
    made.__module__ = __name__
    made.__doc__ = doc
    return made
