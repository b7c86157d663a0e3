"""What every domain check shares: an error class that carries its own fix, and row helpers.

Domain errors are Frictionless cell errors, so they travel in the same report as Frictionless's own
and are located the same way; they add a `fix` (how to repair the cell), written in French by the
check that knows the rule.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row


@attrs.define(kw_only=True, repr=False)
class DomainError(errors.CellError):
    """A rule of the programme that a Frictionless schema cannot express."""

    type = "domain-error"
    title = "Règle métier"
    description = "La ligne ne respecte pas une règle du programme."
    template = "{note}"
    tags: ClassVar[list[str]] = ["#table", "#row", "#cell", "#domain"]

    expected: str = ""
    fix: str = ""

    metadata_profile_patch: ClassVar[dict[str, Any]] = {
        "properties": {"expected": {"type": "string"}, "fix": {"type": "string"}},
    }

    @classmethod
    def for_cell(cls, row: Row, field_name: str, *, note: str, expected: str, fix: str) -> DomainError:
        """Locate the error on `field_name` of `row`, keeping the cell as it is written in the file."""
        number = row.field_names.index(field_name) + 1
        cells = row.cells
        raw = cells[number - 1] if number <= len(cells) else None
        return cls(
            note=note,
            cells=[("" if cell is None else str(cell)) for cell in cells],
            row_number=row.row_number,
            cell="" if raw is None else str(raw),
            field_name=field_name,
            field_number=number,
            expected=expected,
            fix=fix,
        )


def number_text(number: Any) -> str:
    """A number as a maintainer would write it (no exponent, no trailing zeros)."""
    text = format(number, "f") if hasattr(number, "is_finite") and number.is_finite() else str(number)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
