"""Numbers must be finite: Frictionless accepts `NaN` and `Infinity` as numbers, but the site cannot
draw them and a spreadsheet shows them as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from .base import DomainCheck, DomainError


class NonFiniteNumberError(DomainError):
    type = "non-finite-number"
    title = N_("Nombre non fini (NaN, Infinity)")
    description = "NaN et Infinity ne sont pas des valeurs publiables."


@attrs.define(kw_only=True, repr=False)
class finite_number(DomainCheck):
    """Check every number cell of the resource."""

    type = "non-finite-number"
    title = N_("Nombres finis")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [NonFiniteNumberError]

    def connect(self, resource):  # type: ignore[no-untyped-def]
        super().connect(resource)
        self._fields = [field.name for field in resource.schema.fields if field.type == "number"]

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        for name in self._fields:
            number = row.get(name)
            if isinstance(number, Decimal) and not number.is_finite():
                yield NonFiniteNumberError.for_cell(
                    row,
                    name,
                    note=Message("« {number} » n'est pas un nombre publiable.", number=number),
                    expected=Message('un nombre fini (ex. 81.5), ou une cellule vide si la valeur manque'),
                    fix=Message(
                        'Remplacez la cellule par la valeur, ou videz-la (et, pour value, renseignez '
                        'missing_reason).',
                    ),
                )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct value of each number column."""
        return not any(
            isinstance(number, Decimal) and not number.is_finite()
            for name in self._fields
            if frame.has(name)
            for number in frame.values(name)
        )
