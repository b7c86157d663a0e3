"""No text cell a spreadsheet would run as a formula (CSV injection).

Our open data is downloaded and opened in Excel or LibreOffice; a cell such as `=HYPERLINK(...)` or
`@SUM(...)` would run there. A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
refused unless it is a plain number (`-3.5`): the rule is `results.core.safety`, shared with the
site's downloads and the demo generator.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.core.safety import is_formula
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from .base import DomainCheck, DomainError


def _visible(char: str) -> str:
    return {"\t": "tabulation", "\r": "retour chariot"}.get(char, char)


class FormulaInjectionError(DomainError):
    type = "formula-injection"
    title = N_("Cellule interprétable comme une formule")
    description = "Un tableur exécuterait cette cellule comme une formule (injection CSV)."


@attrs.define(kw_only=True, repr=False)
class formula_injection(DomainCheck):
    """Check every string cell of the resource."""

    type = "formula-injection"
    title = N_("Pas de formule de tableur")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [FormulaInjectionError]

    def connect(self, resource):  # type: ignore[no-untyped-def]
        super().connect(resource)
        self._fields = [field.name for field in resource.schema.fields if field.type == "string"]

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        for name in self._fields:
            text = row.get(name)
            if text and is_formula(text):
                yield FormulaInjectionError.for_cell(
                    row,
                    name,
                    note=Message(
                        "La cellule commence par « {visible} » : un tableur l'exécuterait comme une "
                        'formule.',
                        visible=_visible(text[0]),
                    ),
                    expected=Message(
                        'un texte qui ne commence ni par =, +, -, @, ni par une tabulation ou un retour '
                        'chariot',
                    ),
                    fix=Message(
                        'Supprimez ce premier caractère, ou reformulez (« moins de 5 jours » plutôt que « '
                        '-5 jours ») ; une apostrophe initiale ne suffit pas dans un fichier CSV.',
                    ),
                )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct text of each string column."""
        return not any(
            text and is_formula(text) for name in self._fields if frame.has(name) for text in frame.values(name)
        )
