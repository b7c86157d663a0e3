"""ci_low ≤ value ≤ ci_high: a published value must lie inside its own confidence interval.

An interval that excludes its value, or whose bounds are swapped, comes from a shifted column or a
typing slip; the site would draw an error bar beside the point instead of around it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import ClassVar

import attrs
import numpy as np
from frictionless import errors
from frictionless.table import Row
from results.i18n.formats import N_

from ..frame import Frame, ordered
from ..language import Message
from .base import DomainCheck, DomainError, number_text


class ConfidenceIntervalError(DomainError):
    type = "confidence-interval"
    title = N_("Intervalle de confiance incohérent")
    description = "La valeur doit être comprise entre ci_low et ci_high, et ci_low ne pas dépasser ci_high."


@attrs.define(kw_only=True, repr=False)
class confidence_interval(DomainCheck):
    """Check the interval of each result row (both bounds or neither; low ≤ value ≤ high)."""

    type = "confidence-interval"
    title = N_("Intervalle de confiance cohérent")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [ConfidenceIntervalError]

    value_field: str = "value"
    low_field: str = "ci_low"
    high_field: str = "ci_high"

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        mistyped = row.error_cells  # a mistyped cell reads as None: leave the row to Frictionless
        if self.value_field in mistyped or self.low_field in mistyped or self.high_field in mistyped:
            return
        value, low, high = row.get(self.value_field), row.get(self.low_field), row.get(self.high_field)
        if any(isinstance(number, Decimal) and not number.is_finite() for number in (value, low, high)):
            return  # NaN and Infinity: reported by the non-finite-number check
        if low is None and high is None:
            return
        expected = f"{self.low_field} ≤ {self.value_field} ≤ {self.high_field}"
        if low is None or high is None:
            missing = self.low_field if low is None else self.high_field
            present = self.high_field if low is None else self.low_field
            yield ConfidenceIntervalError.for_cell(
                row,
                missing,
                note=Message(
                    'La borne {missing} est vide alors que {present} est renseignée.',
                    missing=missing, present=present,
                ),
                expected=Message("les deux bornes de l'intervalle, ou aucune"),
                fix=Message('Renseignez {missing} ou videz aussi {present}.', missing=missing, present=present),
            )
        elif low > high:
            yield ConfidenceIntervalError.for_cell(
                row,
                self.low_field,
                note=Message(
                    'Bornes inversées : {low_field} ({number_text}) dépasse {high_field} '
                    '({number_text2}).',
                    low_field=self.low_field, number_text=number_text(low), high_field=self.high_field,
                    number_text2=number_text(high),
                ),
                expected=Message('{low_field} ≤ {high_field}', low_field=self.low_field, high_field=self.high_field),
                fix=Message(
                    'Échangez les valeurs de {low_field} et {high_field}.',
                    low_field=self.low_field, high_field=self.high_field,
                ),
            )
        elif value is None:
            yield ConfidenceIntervalError.for_cell(
                row,
                self.low_field,
                note=Message(
                    'Un intervalle de confiance est donné mais {value_field} est vide.',
                    value_field=self.value_field,
                ),
                expected=Message("un intervalle seulement autour d'une valeur publiée ({expected})", expected=expected),
                fix=Message(
                    'Videz {low_field} et {high_field}, ou renseignez {value_field}.',
                    low_field=self.low_field, high_field=self.high_field, value_field=self.value_field,
                ),
            )
        elif not low <= value <= high:
            yield ConfidenceIntervalError.for_cell(
                row,
                self.value_field,
                note=Message(
                    'La valeur {number_text} est hors de son intervalle de confiance [{number_text2} ; '
                    '{number_text3}].',
                    number_text=number_text(value), number_text2=number_text(low), number_text3=number_text(high),
                ),
                expected=expected,
                fix=Message('Vérifiez la valeur et les bornes dans la source (colonnes décalées ? faute de frappe ?).'),
            )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: True when no row of the frame breaks the rule (fast path)."""
        names = (self.value_field, self.low_field, self.high_field)
        if not all(frame.has(name) for name in names):
            return False
        no_value, no_low, no_high = (frame.missing(name) for name in names)
        if np.any(no_low != no_high):
            return False
        bounded = ~no_low
        if np.any(bounded & no_value):
            return False
        return (
            ordered(frame, self.low_field, self.high_field, bounded)
            and ordered(frame, self.low_field, self.value_field, bounded)
            and ordered(frame, self.value_field, self.high_field, bounded)
        )
