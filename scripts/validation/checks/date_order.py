"""One date of a row must come after another: a label is valid until a date after its award, a
service answers an experience on or after its publication.

Swapped dates pass every type and format check, and make a label look expired the day it is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from .base import DomainCheck, DomainError


class DateOrderError(DomainError):
    type = "date-order"
    title = N_("Dates dans le désordre")
    description = "Une date de fin doit suivre la date de début de la même ligne."


@attrs.define(kw_only=True, repr=False)
class date_order(DomainCheck):
    """Check `start < end` (or `start ≤ end` when `strict` is false) on each row."""

    type = "date-order"
    title = N_("Dates dans l'ordre")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [DateOrderError]

    start_field: str
    end_field: str
    strict: bool = True

    def disordered(self, start: object, end: object) -> bool:
        """The rule, shared by the row check and the vectorised screen."""
        if start is None or end is None:
            return False
        return not (end > start or (not self.strict and end == start))  # type: ignore[operator]

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        start, end = row.get(self.start_field), row.get(self.end_field)
        if not self.disordered(start, end):
            return
        relation = N_("postérieure") if self.strict else N_("postérieure ou égale")
        yield DateOrderError.for_cell(
            row,
            self.end_field,
            note=Message(
                "{end_field} ({isoformat}) n'est pas après {start_field} ({isoformat2}).",
                end_field=self.end_field, isoformat=end.isoformat(), start_field=self.start_field,
                isoformat2=start.isoformat(),
            ),
            expected=Message('une date {relation} à {start_field}', relation=relation, start_field=self.start_field),
            fix=Message(
                'Vérifiez les deux dates : {start_field} et {end_field} sont peut-être inversées.',
                start_field=self.start_field, end_field=self.end_field,
            ),
        )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct pair of dates of the frame."""
        if not (frame.has(self.start_field) and frame.has(self.end_field)):
            return False
        pairs = frame.combinations(self.start_field, self.end_field)
        return not any(self.disordered(start, end) for start, end in pairs)
