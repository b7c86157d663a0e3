"""A structure's slug, or former slug, is not an address the site keeps for one of its own pages.

The structure's page is `services/{slug}/`; the A–Z index's letter pages are `services/lettre-{x}/`
in the same folder. A structure whose slug is `lettre-a` would take that page's file. The reserved
slugs come from the page-kind declarations (validation/addresses.py), not from a hand list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.core.slugs import slugify
from results.i18n.formats import N_

from ..addresses import reserved_slugs
from ..frame import Frame
from ..language import Message
from .address_owner import STRUCTURE_OWNER, AddressOwner
from .base import DomainCheck, DomainError
from .unique_address import addresses


class ReservedAddressError(DomainError):
    type = "reserved-address"
    title = N_("Adresse réservée par le site")
    description = "Le slug d'une structure ne peut pas être l'adresse d'une page que le site crée lui-même."


@attrs.define(kw_only=True, repr=False)
class reserved_address(DomainCheck):
    """Compare each address of the row with the slugs the site's own pages take."""

    type = "reserved-address"
    title = N_("Adresses libres")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [ReservedAddressError]

    id_field: str = "id"
    slug_field: str = "slug"
    name_field: str = "name"
    former_field: str = "former_slugs"
    owner: AddressOwner = STRUCTURE_OWNER
    reserved: Mapping[str, tuple[str, Any]] = attrs.field(factory=reserved_slugs)

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        for column, address in addresses(row.get(self.slug_field), row.get(self.former_field)):
            if address not in self.reserved:
                continue
            url, what = self.reserved[address]
            field = self.slug_field if column == "slug" else self.former_field
            yield ReservedAddressError.for_cell(
                row, field,
                note=Message(
                    "« {address} » ({get}) donnerait l'adresse {url}, qui est celle de {what}.",
                    address=address, get=row.get(self.id_field), url=url, what=what,
                ),
                expected=Message("une adresse que le site n'utilise pas déjà pour ses propres pages"),
                fix=Message("Choisissez un autre slug, tiré du nom de la structure (ex. « {suggestion} »).",
                            suggestion=self.suggestion(row))
                if column == "slug" else Message("Retirez « {address} » de former_slugs : cette adresse n'a jamais "
                                                 "pu être celle {of_a_record}.",
                                                 address=address, of_a_record=self.owner.of_a_record),
            )
            return

    def suggestion(self, row: Row) -> str:
        """The name's slug when it is free of the site's pages, else with the commune."""
        name, commune = slugify(row.get(self.name_field) or ""), slugify(row.get("commune") or "")
        return name if name not in self.reserved else f"{name}-{commune}"

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct (slug, former_slugs) pair of the frame."""
        if not (frame.has(self.slug_field) and frame.has(self.former_field)):
            return False
        return not any(
            address in self.reserved
            for slug, former in frame.combinations(self.slug_field, self.former_field)
            for _, address in addresses(slug, former)
        )


