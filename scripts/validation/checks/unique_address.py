"""No two structures share an address: a slug, or a former slug, belongs to one structure only.

The slug is the structure's page (`services/{slug}/`) and a former slug is a redirect page to it;
two of them with one value would be written to the same file, and a QR code printed for one
structure would lead to the other. The message names both rows, since either may be the one to fix.
Networks follow the same rule with their id as current address (`reseaux/{id}/`); two equal ids are
the primary key's error, not reported twice here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.core.slugs import is_slug, slugify
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from .address_owner import STRUCTURE_OWNER, AddressOwner
from .base import DomainCheck, DomainError


class UniqueAddressError(DomainError):
    type = "address-taken"
    title = N_("Adresse déjà prise")
    description = "Le slug et les anciennes adresses d'une structure ne sont à aucune autre."


@attrs.define(frozen=True)
class Owner:
    """Who holds an address: the structure, where (the row), and as what (slug or former slug)."""

    structure: str
    row: int
    column: str


def addresses(slug: Any, former: Any) -> Iterator[tuple[str, str]]:
    """(column, address) of a row: its slug, then each former slug."""
    if slug:
        yield "slug", slug
    for item in former or ():
        yield "former_slugs", item


@attrs.define(kw_only=True, repr=False)
class unique_address(DomainCheck):
    """Remember every address seen so far; report a row that reuses one, naming the first owner."""

    type = "address-taken"
    title = N_("Adresses uniques")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [UniqueAddressError]

    id_field: str = "id"
    name_field: str = "name"
    slug_field: str = "slug"
    former_field: str = "former_slugs"
    owner: AddressOwner = STRUCTURE_OWNER
    slugs_keyed: bool = False  # the current address is the primary key: its duplicates are reported there
    owners: dict[str, Owner] = attrs.field(factory=dict)

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.owners = {}  # a check object keeps state: start afresh for each file

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        structure = row.get(self.id_field) or "?"
        for column, address in addresses(row.get(self.slug_field), row.get(self.former_field)):
            owner = self.owners.setdefault(address, Owner(structure, row.row_number, column))
            if owner.row == row.row_number:
                continue  # first seen here (the same row repeating it is former_slugs' own rule)
            if self.slugs_keyed and column == owner.column == "slug":
                continue
            free = self.suggestion(row, address)
            yield UniqueAddressError.for_cell(
                row, self.field(column), note=_note(structure, address, column, owner, self.owner),
                fix=_fix(address, column, owner, free, self.owner),
                expected=Message("une adresse qu'{no_other} n'a, ni n'a eue", no_other=self.owner.no_other),
            )
            return  # one error per row: the rest of the row is likely the same mistake

    def suggestion(self, row: Row, address: str) -> str:
        """A free slug for this row's structure: from its name, else the taken one and its commune."""
        for candidate in (slugify(row.get(self.name_field) or ""), f"{address}-{slugify(row.get('commune') or '')}"):
            if candidate != address and candidate not in self.owners and is_slug(candidate):
                return candidate
        return f"{address}-2"

    def field(self, column: str) -> str:
        return self.slug_field if column == "slug" else self.former_field

    def screen(self, frame: Frame) -> bool:
        """Row by row over the batch's typed values (a few thousand structures): any reuse is a doubt."""
        if not all(frame.has(name) for name in (self.id_field, self.slug_field, self.former_field)):
            return False
        ids, slugs, formers = (frame.column(name) for name in (self.id_field, self.slug_field, self.former_field))
        for position in range(frame.num_rows):
            structure = ids.values[ids.index[position]]
            slug, former = slugs.values[slugs.index[position]], formers.values[formers.index[position]]
            for column, address in addresses(slug, former):
                owner = self.owners.setdefault(address, Owner(structure, -1, column))
                if owner.structure != structure or owner.column != column:
                    return False
        return True


def _note(structure: str, address: str, column: str, owner: Owner,
          words: AddressOwner = STRUCTURE_OWNER) -> Message:
    theirs = Message("l'adresse actuelle (colonne {column})", column=words.slug_column) if owner.column == "slug" \
        else Message("une ancienne adresse (colonne former_slugs)")
    values = {"address": address, "structure": structure, "theirs": theirs, "of_the_record": words.of_the_record,
              "owner": owner.structure, "row": owner.row}
    if column == "slug":
        return Message("Le {column} « {address} » de {structure} est déjà {theirs} {of_the_record} {owner}, "
                       "ligne {row} : les deux pages auraient la même adresse.", column=words.slug_column, **values)
    return Message("L'ancienne adresse « {address} » de {structure} est déjà {theirs} {of_the_record} {owner}, "
                   "ligne {row} : les deux pages auraient la même adresse.", **values)


def _fix(address: str, column: str, owner: Owner, free: str, words: AddressOwner = STRUCTURE_OWNER) -> Message:
    if column == "former_slugs" and owner.column == "slug":
        return Message("Retirez « {address} » de former_slugs : c'est l'adresse de la page de {owner}, "
                       "elle ne peut pas rediriger ailleurs.", address=address, owner=owner.structure)
    if column == "former_slugs":
        return Message("Une ancienne adresse ne redirige que vers {a_record} : retirez « {address} » de l'une des "
                       "deux lignes.", a_record=words.a_record, address=address)
    if words is not STRUCTURE_OWNER:  # a network's id, already another's former address
        return Message("Retirez « {address} » des former_slugs de {owner} (ligne {row}) : cette adresse "
                       "est désormais celle de la page {of_the_record} de cette ligne-ci.",
                       address=address, owner=owner.structure, row=owner.row, of_the_record=words.of_the_record)
    if owner.column == "former_slugs":
        return Message("« {address} » redirige vers {owner} (QR codes déjà imprimés) : choisissez un autre "
                       "slug pour cette structure, par exemple « {free} ».",
                       address=address, owner=owner.structure, free=free)
    return Message("Choisissez un autre slug pour l'une des deux structures, par exemple « {free} » pour celle-ci ; "
                   "gardez celui de {owner} si son adresse est déjà publiée.", free=free, owner=owner.structure)
