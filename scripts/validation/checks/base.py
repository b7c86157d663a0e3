"""What every domain check shares: a base class that declares its fast-path screen, an error class
that carries its own fix, and row helpers.

Domain errors are Frictionless cell errors, so they travel in the same report as Frictionless's own
and are located the same way; they add a `fix` (how to repair the cell), written in French by the
check that knows the rule.

Every check also says whether the fast path (fastpath.py) can screen it: `screens = True` with a
`screen(frame) -> bool` that answers "no row of this frame breaks the rule" exactly as
`validate_row` would, or `screens = False`, which sends every file the check applies to through
Frictionless row by row (and the runner logs why). A check that says neither fails when its module
is imported, so a new rule cannot silently make a 1.5-million-row file slow.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
from frictionless import Check, errors
from frictionless.table import Row
from results.i18n.formats import N_


@attrs.define(kw_only=True, repr=False)
class DomainCheck(Check):
    """Base of every domain check: a Frictionless check plus its declared fast-path capability."""

    screens: ClassVar[bool]  # required on every subclass: True with a `screen` method, or False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declared = cls.__dict__.get("screens")
        if not isinstance(declared, bool):
            raise TypeError(
                f"{cls.__module__}.{cls.__name__}: a domain check must declare `screens = True` (and define "
                "`screen(frame) -> bool`, the vectorised form of its rule) or `screens = False` (every file it "
                "applies to is then validated row by row by Frictionless)."
            )
        has_screen = callable(getattr(cls, "screen", None))
        if declared and not has_screen:
            raise TypeError(f"{cls.__module__}.{cls.__name__} declares `screens = True` but defines no `screen`.")
        if not declared and has_screen:
            raise TypeError(f"{cls.__module__}.{cls.__name__} defines `screen` but declares `screens = False`.")


@attrs.define(kw_only=True, repr=False)
class DomainError(errors.CellError):
    """A rule of the programme that a Frictionless schema cannot express."""

    type = "domain-error"
    title = N_("Règle métier")
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
