"""Values within the scale of their indicator's unit: a percentage between 0 and 100, a score on 10
between 0 and 10, a delay never negative.

The unit lives in indicators.csv, so the check receives the indicator lookup in its constructor; a
rate typed as a share (0.87 for 87 %) stays in range and is not caught here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from ..lookups import IndicatorInfo
from .base import DomainCheck, DomainError, number_text

# unit → (lowest, highest, how it reads in French); None means unbounded.
UNIT_BOUNDS: dict[str, tuple[Decimal | None, Decimal | None, str]] = {
    "percent": (Decimal(0), Decimal(100), N_("un pourcentage entre 0 et 100")),
    "score_10": (Decimal(0), Decimal(10), N_("une note entre 0 et 10")),
    "points": (Decimal(-100), Decimal(100), N_("un score entre -100 et +100")),
    "days": (Decimal(0), None, N_("un nombre de jours positif ou nul")),
    "minutes": (Decimal(0), None, N_("un nombre de minutes positif ou nul")),
}


class UnitRangeError(DomainError):
    type = "unit-range"
    title = N_("Valeur hors de l'échelle de son unité")
    description = "Un pourcentage doit être compris entre 0 et 100, une note sur 10 entre 0 et 10…"


@attrs.define(kw_only=True, repr=False)
class unit_range(DomainCheck):
    """Check number cells against the bounds of the unit of the row's indicator."""

    type = "unit-range"
    title = N_("Valeurs dans l'échelle de l'unité")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [UnitRangeError]

    indicators: Mapping[str, IndicatorInfo]
    fields: tuple[str, ...] = ("value", "ci_low", "ci_high")
    indicator_field: str = "indicator_id"

    def out_of_range(self, indicator: str | None, number: Decimal | int | None) -> bool:
        """The rule itself, shared by the row check and the vectorised screen."""
        info = self.indicators.get(indicator or "")
        bounds = UNIT_BOUNDS.get(info.unit) if info else None
        if bounds is None or number is None:
            return False
        if isinstance(number, Decimal) and not number.is_finite():
            return False  # reported by the non-finite-number check
        low, high, _wording = bounds
        return (low is not None and number < low) or (high is not None and number > high)

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        indicator = row.get(self.indicator_field)
        info = self.indicators.get(indicator or "")
        if info is None or info.unit not in UNIT_BOUNDS:
            return
        wording = UNIT_BOUNDS[info.unit][2]
        for name in self.fields:
            number = row.get(name)  # None when empty or mistyped (Frictionless reports the latter)
            if not self.out_of_range(indicator, number):
                continue
            fix = Message("Corrigez la valeur, ou l'indicateur si la ligne le confond avec un autre.")
            if info.unit == "percent" and number > 100:
                fix = Message("Un pourcentage s'écrit entre 0 et 100 (87.5 pour 87,5 %) : point décimal oublié ?")
            yield UnitRangeError.for_cell(
                row,
                name,
                note=Message(
                    "{name} = {number_text} sort de l'échelle de l'indicateur « {indicator} » (unité "
                    '{unit}).',
                    name=name, number_text=number_text(number), indicator=indicator, unit=info.unit,
                ),
                expected=wording,
                fix=fix,
            )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct (indicator, value) pair of the frame."""
        if not frame.has(self.indicator_field):
            return False
        for name in self.fields:
            if not frame.has(name):
                return False
            pairs = frame.combinations(self.indicator_field, name)
            if any(self.out_of_range(indicator, number) for indicator, number in pairs):
                return False
        return True
