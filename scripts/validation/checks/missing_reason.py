"""An empty value needs a `missing_reason`: the site tells visitors why a result is missing
("enquête non réalisée", "panne"), and a blank without a reason reads as a forgotten cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs
import numpy as np
from frictionless import errors
from frictionless.table import Row
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from .base import DomainCheck, DomainError


class MissingReasonError(DomainError):
    type = "missing-reason"
    title = N_("Valeur manquante sans motif")
    description = "Quand value est vide, missing_reason doit dire pourquoi."


@attrs.define(kw_only=True, repr=False)
class missing_reason(DomainCheck):
    """Check that a row with an empty value explains why."""

    type = "missing-reason"
    title = N_("Motif des valeurs manquantes")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [MissingReasonError]

    value_field: str = "value"
    reason_field: str = "missing_reason"

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        # blank_cells holds empty cells only (not mistyped ones, nor columns missing from the header)
        if self.value_field not in row.blank_cells or self.reason_field not in row.blank_cells:
            return
        if len(row.blank_cells) == len(row.field_names):
            return  # a blank row: reported once by Frictionless
        yield MissingReasonError.for_cell(
            row,
            self.reason_field,
            note=Message(
                "{value_field} est vide et {reason_field} n'explique pas pourquoi.",
                value_field=self.value_field, reason_field=self.reason_field,
            ),
            expected=Message(
                'un motif dans {reason_field} quand {value_field} est vide',
                reason_field=self.reason_field, value_field=self.value_field,
            ),
            fix=Message(
                'Renseignez {value_field}, ou indiquez dans {reason_field} pourquoi il manque (ex. « '
                'Enquête non réalisée »).',
                value_field=self.value_field, reason_field=self.reason_field,
            ),
        )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: no row has both cells empty (blank rows are screened out before)."""
        if not (frame.has(self.value_field) and frame.has(self.reason_field)):
            return False
        return not np.any(frame.missing(self.value_field) & frame.missing(self.reason_field))
