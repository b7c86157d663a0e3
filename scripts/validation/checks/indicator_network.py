"""A row's indicator belongs to the row's network, or is common to every network.

A result of the CAF published under a France Travail indicator would appear on the wrong page and
skew the network's median; the schema's foreign keys cannot see it, since both ids exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from ..lookups import IndicatorInfo
from .base import DomainCheck, DomainError


class IndicatorNetworkError(DomainError):
    type = "indicator-network"
    title = N_("Indicateur d'un autre réseau")
    description = "L'indicateur doit être commun ou appartenir au réseau de la structure."


@attrs.define(kw_only=True, repr=False)
class indicator_network(DomainCheck):
    """Compare the indicator's network with the structure's network (or a `network_id` column)."""

    type = "indicator-network"
    title = N_("Indicateur du bon réseau")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [IndicatorNetworkError]

    indicators: Mapping[str, IndicatorInfo]
    structure_networks: Mapping[str, str] | None = None
    structure_field: str | None = "structure_id"  # results, actions
    network_field: str | None = None  # targets name their network directly
    indicator_field: str = "indicator_id"

    def mismatch(self, indicator: str | None, network: str | None) -> str | None:
        """The indicator's own network when it is neither common nor `network` (the rule)."""
        info = self.indicators.get(indicator or "")
        if info is None or not info.network_id or network is None or network == info.network_id:
            return None  # unknown (a foreign key error), common to every network, or the right one
        return info.network_id

    def owner_network(self, owner: str | None) -> str | None:
        """The network of the row's owner: the network itself, or the structure's network."""
        if self.network_field:
            return owner
        if self.structure_networks is None:
            return None
        return self.structure_networks.get(owner or "")

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        indicator = row.get(self.indicator_field)
        info = self.indicators.get(indicator or "")
        network, owner, column = self._network(row)
        if info is None or self.mismatch(indicator, network) is None:
            return
        yield IndicatorNetworkError.for_cell(
            row,
            self.indicator_field,
            note=Message(
                "L'indicateur « {indicator} » appartient au réseau « {network_id} » alors que {owner} "
                'relève du réseau « {network} ».',
                indicator=indicator, network_id=info.network_id, owner=owner, network=network,
            ),
            expected=Message('un indicateur du réseau « {network} » ou un indicateur commun', network=network),
            fix=Message(
                'Corrigez {indicator_field} (indicateur du réseau « {network} » ou commun), ou {column} '
                'si la ligne concerne un autre réseau.',
                indicator_field=self.indicator_field, network=network, column=column,
            ),
        )

    def _network(self, row: Row) -> tuple[str | None, Message | str, str]:
        """The row's network, how to name its owner in a sentence, and the column that sets it."""
        if self.network_field:
            network = row.get(self.network_field)
            return network, Message("la ligne (network_id = {network})", network=network), self.network_field
        if not self.structure_field or self.structure_networks is None:
            return None, "", ""
        structure = row.get(self.structure_field)
        owner = Message("la structure « {structure} »", structure=structure)
        return self.structure_networks.get(structure or ""), owner, self.structure_field

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct (owner, indicator) pair of the frame."""
        owner_field = self.network_field or self.structure_field
        if owner_field is None or not (frame.has(owner_field) and frame.has(self.indicator_field)):
            return False
        pairs = frame.combinations(owner_field, self.indicator_field)
        return not any(self.mismatch(indicator, self.owner_network(owner)) for owner, indicator in pairs)
