"""Numbers written the plain way the site, pandas and a spreadsheet all read: `-12.5`, `1500`.

Frictionless reads `1_000`, `٣` (an Arabic-Indic digit), `５` (a full-width digit), ` 5`, `.5`,
`1e308` as numbers, the build then crashed on them (pandas refuses the first ones, the chart spec
refuses values of 1e20 and more). The raw cell must be ASCII digits with an optional minus sign and
decimal point, and its size below 10¹⁵ (well beyond any indicator, and exact as a float).
"""

from __future__ import annotations

import re
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

NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?", re.ASCII)
INTEGER = re.compile(r"-?[0-9]+", re.ASCII)
LIMIT = 10**15


class PlainNumberError(DomainError):
    type = "plain-number"
    title = N_("Nombre mal écrit")
    description = "Un nombre doit s'écrire en chiffres ASCII, avec un point décimal, sans exposant ni séparateur."


def _problem(text: str, integer: bool, value: object = None) -> str | None:
    """Why `text` is not a plain number (None when it is; NaN and Infinity are finite_number's)."""
    if isinstance(value, Decimal) and not value.is_finite():
        return None
    pattern = INTEGER if integer else NUMBER
    if not pattern.fullmatch(text):
        return "entier" if integer else "nombre"
    digits = text.lstrip("-").split(".")[0].lstrip("0")
    if len(digits) > 15:
        return "taille"
    return None


@attrs.define(kw_only=True, repr=False)
class plain_number(DomainCheck):
    """Check the raw text of every number and integer cell of the resource."""

    type = "plain-number"
    title = N_("Nombres écrits simplement")
    screens = True  # screen() below: the rule on each distinct raw text
    Errors: ClassVar[list[type[errors.Error]]] = [PlainNumberError]

    def connect(self, resource):  # type: ignore[no-untyped-def]
        super().connect(resource)
        self._fields = {field.name: field.type == "integer" for field in resource.schema.fields
                        if field.type in ("number", "integer")}
        self._positions = {field.name: index for index, field in enumerate(resource.schema.fields)}

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        cells = row.cells
        for name, integer in self._fields.items():
            position = self._positions[name]
            text = cells[position] if position < len(cells) else None
            value = row.get(name)
            if not isinstance(text, str) or not text or value is None:
                continue
            problem = _problem(text, integer, value)
            if problem:
                yield PlainNumberError.for_cell(
                    row,
                    name,
                    note=(Message("« {text} » n'est pas écrit comme un entier simple.", text=text[:40]) if integer
                          else Message("« {text} » n'est pas écrit comme un nombre simple.", text=text[:40]))
                    if problem != "taille" else Message("« {text} » est bien trop grand pour être une valeur réelle.",
                                                        text=text[:40]),
                    expected=Message(
                        'des chiffres 0-9, un signe - éventuel et un point décimal (ex. 1500 ou 83.5), '
                        'moins de 10¹⁵',
                    ),
                    fix=Message(
                        'Réécrivez la valeur en chiffres ordinaires, sans espace, séparateur de milliers, '
                        "exposant (1e3) ni chiffres d'une autre écriture (٣, ５).",
                    ),
                )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct raw text of each number column."""
        for name, integer in self._fields.items():
            if frame.has(name):
                column = frame.column(name)
                for text, value in zip(column.raw_values, column.values, strict=True):
                    if isinstance(text, str) and value is not None and _problem(text, integer, value):
                        return False
        return True
