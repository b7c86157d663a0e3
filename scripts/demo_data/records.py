"""Record classes of the demo generator built from the programme's schema, not restated.

A class made by `record_class("structures", …)` has one field per column of the table in
plugins/results/core/resources.json, in its order (core/schema.py): adding a column to the schema
adds the field, and a generator that does not give it fails at once, naming it, unless the column is
optional (its value is then empty). Fields are keyword-only: a value is matched to its column by
name, never by position, as the writer (core/fields.ordered) and the loader do.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from results.core.schema import canonical_resources


def record_class(table: str, name: str, doc: str) -> type:
    """A frozen, keyword-only dataclass named `name` whose fields are `table`'s columns; a column the
    schema does not require defaults to None (an empty cell)."""
    resource = next(r for r in canonical_resources() if r["name"] == table)
    fields: list[tuple[str, Any, Any]] = []
    for column in resource["schema"]["fields"]:
        required = column.get("constraints", {}).get("required", False)
        fields.append((column["name"], Any, dataclasses.field() if required else dataclasses.field(default=None)))
    made = dataclasses.make_dataclass(name, fields, frozen=True, kw_only=True)
    made.__module__ = __name__
    made.__doc__ = doc
    return made
