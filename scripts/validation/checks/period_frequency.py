"""A period written at the indicator's frequency: 2026-03 for a monthly indicator, 2026-Q1 for a
quarterly one, 2026 for a yearly one, 2025-2026 for a fiscal-yearly one (April to March).

The schema accepts all four forms in any row; only indicators.csv says which one a row needs.
Targets may be yearly whatever the frequency (a yearly target applies to every period of the year).
The schema's pattern accepts any `AAAA-AAAA`; a fiscal year whose two years do not follow each other
(`2023-2025`) is reported here, whatever the indicator.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.core.periods import fiscal_year_problem, frequency_of, quarter_of_month
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from ..lookups import IndicatorInfo
from .base import DomainCheck, DomainError

# frequency → how the message names it: (format, example, French adjective); the grammar is core's.
FREQUENCIES: dict[str, tuple[str, str, str]] = {
    "monthly": (N_("AAAA-MM"), "2026-03", N_("mensuel")),
    "quarterly": (N_("AAAA-Qn"), N_("2026-Q4, avec un Q et non un T"), N_("trimestriel")),
    "yearly": (N_("AAAA"), "2026", N_("annuel")),
    "fiscal_yearly": (N_("AAAA-AAAA, deux années qui se suivent"), N_("2025-2026 pour avril 2025 à mars 2026"),
                      N_("suivi par exercice (d'avril à mars)")),
}
FISCAL = "fiscal"  # mismatch() for a fiscal year whose years do not follow each other


class PeriodFrequencyError(DomainError):
    type = "period-frequency"
    title = N_("Période incompatible avec la fréquence de l'indicateur")
    description = ("Un indicateur mensuel attend 2026-03, trimestriel 2026-Q1, annuel 2026, "
                   "par exercice 2025-2026.")


@attrs.define(kw_only=True, repr=False)
class period_frequency(DomainCheck):
    """Check that each period has the form the indicator's frequency calls for."""

    type = "period-frequency"
    title = N_("Période au rythme de l'indicateur")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [PeriodFrequencyError]

    indicators: Mapping[str, IndicatorInfo]
    period_field: str = "period"
    indicator_field: str = "indicator_id"
    allow_yearly: bool = False  # targets: a yearly target is fine for any frequency

    def mismatch(self, period: str | None, indicator: str | None) -> str | None:
        """The indicator's frequency when the period does not fit it, FISCAL for a fiscal year whose
        years do not follow each other (the rule, shared with `screen`)."""
        if period is not None and fiscal_year_problem(period):
            return FISCAL
        info = self.indicators.get(indicator or "")
        if period is None or info is None or info.frequency not in FREQUENCIES:
            return None
        written = frequency_of(period)
        if written is None:
            return None  # not a period at all: the schema pattern already reports it
        yearly_allowed = self.allow_yearly and info.frequency != "fiscal_yearly"  # a year holds no fiscal year
        if written == info.frequency or (yearly_allowed and written == "yearly"):
            return None
        return info.frequency

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        period, indicator = row.get(self.period_field), row.get(self.indicator_field)
        frequency = self.mismatch(period, indicator)
        if frequency is None:
            return
        if frequency == FISCAL:
            meant = fiscal_year_problem(period or "")
            yield PeriodFrequencyError.for_cell(
                row,
                self.period_field,
                note=Message(
                    "La période « {period} » n'est pas un exercice : un exercice va d'avril d'une année à "
                    "mars de l'année suivante, ses deux années se suivent.",
                    period=period,
                ),
                expected=Message('un exercice AAAA-AAAA dont la seconde année suit la première (ex. 2025-2026)'),
                fix=Message(
                    "Écrivez {meant} pour l'exercice qui commence en avril {meant2}, ou corrigez l'année "
                    "de fin si c'est elle qui est juste.",
                    meant=meant, meant2=meant[:4],
                ),
            )
            return
        form, example, adjective = FREQUENCIES[frequency]
        also = N_(" ou une année (AAAA)") if self.allow_yearly and frequency != "fiscal_yearly" else ""
        yield PeriodFrequencyError.for_cell(
            row,
            self.period_field,
            note=Message(
                "La période « {period} » ne convient pas à l'indicateur « {indicator} », qui est "
                '{adjective}.',
                period=period, indicator=indicator, adjective=adjective,
            ),
            expected=Message('une période {form} (ex. {example}){also}', form=form, example=example, also=also),
            fix=self._fix(period, frequency),
        )

    def _fix(self, period: str, frequency: str) -> Message:
        """The exact period when it can be derived (a month of a quarterly indicator), else the format."""
        form, example, _adjective = FREQUENCIES[frequency]
        quarter = quarter_of_month(period) if frequency == "quarterly" else None
        if quarter:
            return Message("Si la valeur porte sur le trimestre, écrivez {quarter} ; ou corrigez {field} si la "
                           "ligne concerne un autre indicateur.", quarter=quarter, field=self.indicator_field)
        return Message("Écrivez la période au format {form} (ex. {example}), ou corrigez {field} si la ligne "
                       "concerne un autre indicateur.", form=form, example=example, field=self.indicator_field)

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct (period, indicator) pair of the frame."""
        if not (frame.has(self.period_field) and frame.has(self.indicator_field)):
            return False
        pairs = frame.combinations(self.period_field, self.indicator_field)
        return not any(self.mismatch(period, indicator) for period, indicator in pairs)
