"""A row of a network's results file belongs to that network (and to the file's year, if it has one).

Results are published one file per network (plugins/results/core/parts.py): CODEOWNERS lets each
network's reviewers approve their own file, and the rows of the whole table are unique because each
row can only sit in one file. A CAF structure in the tax offices' file would escape the CAF's
reviewers and could duplicate a CAF row: the error names the file the row belongs in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.core.parts import Part
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from .base import DomainCheck, DomainError


class PartNetworkError(DomainError):
    type = "wrong-network-file"
    title = N_("Ligne dans le fichier d'un autre réseau")
    description = "Chaque réseau publie ses résultats dans son propre fichier."


@attrs.define(kw_only=True, repr=False)
class part_network(DomainCheck):
    """The structure's network is the file's network; the period's year is the file's year."""

    type = "wrong-network-file"
    title = N_("Ligne dans le fichier de son réseau")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [PartNetworkError]

    part: Part
    structure_networks: Mapping[str, str]

    def misplaced(self, structure: object, period: object) -> bool:
        """The rule: an unknown structure is a foreign key error, not this one."""
        network = self.structure_networks.get(str(structure)) if structure is not None else None
        if network is None or period is None:
            return False
        return not self.part.holds(network, str(period))

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        structure, period = row.get("structure_id"), row.get("period")
        if not self.misplaced(structure, period):
            return
        network = self.structure_networks[str(structure)]
        if network != self.part.network:
            right = Part(self.part.table, network)
            yield PartNetworkError.for_cell(
                row,
                "structure_id",
                note=Message("La structure « {structure} » relève du réseau « {network} » : sa ligne n'a pas sa "
                             "place dans ce fichier, celui du réseau « {here} ».",
                             structure=structure, network=network, here=self.part.network),
                expected=Message("une structure du réseau « {network} »", network=self.part.network),
                fix=Message("Déplacez cette ligne dans le fichier du réseau « {network} » ({path}, ou "
                            "{table}/{network}/<année>.csv s'il est découpé par année), ou corrigez structure_id.",
                            network=network, path=right.path, table=right.table),
            )
            return
        right = Part(self.part.table, network, int(str(period)[:4]))
        yield PartNetworkError.for_cell(
            row,
            "period",
            note=Message("La période « {period} » n'est pas de l'année {year} : sa ligne n'a pas sa place "
                         "dans ce fichier, celui de l'année {year}.", period=period, year=self.part.year),
            expected=Message("une période de l'année {year}", year=self.part.year),
            fix=Message("Déplacez cette ligne dans {path} (déclaré dans datapackage.json), ou corrigez period.",
                        path=right.path),
        )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct (structure, period) pair of the frame."""
        if not (frame.has("structure_id") and frame.has("period")):
            return False
        return not any(self.misplaced(s, p) for s, p in frame.combinations("structure_id", "period"))
