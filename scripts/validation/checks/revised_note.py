"""A `revised` value says why in `note`: the site shows "corrigé" beside it, and readers who saw the
old figure need to know what changed ("Valeur corrigée le 2027-01-10 : erreur de saisie").
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


class RevisedNoteError(DomainError):
    type = "revised-without-note"
    title = N_("Valeur corrigée sans explication")
    description = "Une ligne au statut revised explique la correction dans note."


@attrs.define(kw_only=True, repr=False)
class revised_note(DomainCheck):
    """Check that a row whose status is `revised` has a note."""

    type = "revised-without-note"
    title = N_("Correction expliquée")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [RevisedNoteError]

    status_field: str = "status"
    note_field: str = "note"
    revised: str = "revised"

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        if row.get(self.status_field) != self.revised or self.note_field not in row.blank_cells:
            return
        yield RevisedNoteError.for_cell(
            row,
            self.note_field,
            note=Message(
                "La valeur est marquée « {revised} » (corrigée) mais {note_field} n'explique pas la "
                'correction.',
                revised=self.revised, note_field=self.note_field,
            ),
            expected=Message(
                'une note quand {status_field} vaut {revised}',
                status_field=self.status_field, revised=self.revised,
            ),
            fix=Message(
                "Écrivez dans {note_field} ce qui a été corrigé et quand, entre guillemets s'il y a une "
                'virgule : "Valeur corrigée le 2027-01-10 : erreur de saisie (81,5 publié)."',
                note_field=self.note_field,
            ),
        )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: no row is revised with an empty note."""
        if not (frame.has(self.status_field) and frame.has(self.note_field)):
            return False
        status = frame.column(self.status_field)
        revised = np.array([value == self.revised for value in status.values], dtype=bool)[status.index]
        return not np.any(revised & frame.missing(self.note_field))
