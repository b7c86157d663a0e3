"""Dates written `AAAA-MM-JJ` and plausible for a public-service results programme.

Frictionless reads `2024-3-12` as a date, then the build crashed on it (`date.fromisoformat`); it
also accepts `0001-01-01` and `9999-12-31`, which gave a median answer delay of 3 652 058 days. The
raw cell must be exactly ten characters `AAAA-MM-JJ`, between 2000-01-01 and 2099-12-31: every date
of the package (a result's update, a label's award or end of validity, a testimony, its answer, an
action) falls in that span, and a date outside it is a typing mistake.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from .base import DomainCheck, DomainError

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2099, 12, 31)


class IsoDateError(DomainError):
    type = "implausible-date"
    title = N_("Date mal écrite ou invraisemblable")
    description = "Une date s'écrit AAAA-MM-JJ et se situe entre 2000 et 2099."


def _problem(text: str, value: object) -> str | None:
    if not ISO_DATE.fullmatch(text):
        return "format"
    if isinstance(value, dt.date) and not EARLIEST <= value <= LATEST:
        return "plage"
    return None


@attrs.define(kw_only=True, repr=False)
class iso_date(DomainCheck):
    """Check the raw text and the value of every date cell of the resource."""

    type = "implausible-date"
    title = N_("Dates AAAA-MM-JJ plausibles")
    screens = True  # screen() below: the rule on each distinct raw text
    Errors: ClassVar[list[type[errors.Error]]] = [IsoDateError]

    def connect(self, resource):  # type: ignore[no-untyped-def]
        super().connect(resource)
        self._positions = {field.name: index for index, field in enumerate(resource.schema.fields)
                           if field.type == "date"}

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        cells = row.cells
        for name, position in self._positions.items():
            text = cells[position] if position < len(cells) else None
            value = row.get(name)
            if not isinstance(text, str) or value is None:
                continue
            problem = _problem(text, value)
            if problem == "format":
                note = Message("« {text} » n'est pas écrit AAAA-MM-JJ.", text=text[:40])
            elif problem == "plage":
                note = Message("La date {text} est invraisemblable ici (avant 2000 ou après 2099).", text=text)
            else:
                continue
            yield IsoDateError.for_cell(
                row,
                name,
                note=note,
                expected=Message('une date AAAA-MM-JJ entre 2000-01-01 et 2099-12-31 (ex. 2026-03-12)'),
                fix=Message(
                    "Écrivez la date avec l'année sur 4 chiffres, le mois et le jour sur 2 (2024-03-12), "
                    "et vérifiez l'année.",
                ),
            )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct raw text of each date column."""
        for name in self._positions:
            if not frame.has(name):
                continue
            column = frame.column(name)
            for text, value in zip(column.raw_values, column.values, strict=True):
                if isinstance(text, str) and value is not None and _problem(text, value):
                    return False
        return True
