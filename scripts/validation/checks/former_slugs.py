"""Each former address in `former_slugs` is a slug the site could have published, listed once.

`former_slugs` keeps the addresses a structure (or a network's page) had before (`;` between them):
each becomes a page that redirects to the current one, so a QR code printed years ago, or a link to
`reseaux/ants/`, still leads somewhere. An item that is not a slug was never an address; the current
slug repeated there would make a page redirect to itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.core.slugs import FORMER_SLUGS_DELIMITER, is_slug, slugify
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from .address_owner import STRUCTURE_OWNER, AddressOwner
from .base import DomainCheck, DomainError


class FormerSlugError(DomainError):
    type = "former-slug"
    title = N_("Ancienne adresse mal écrite")
    description = "Chaque ancienne adresse est un slug, écrit une fois, différent de l'adresse actuelle."


def problem(slug: Any, former: Any, owner: AddressOwner = STRUCTURE_OWNER) -> tuple[Message, Message] | None:
    """(what is wrong, how to fix it) for the first bad item of a `former_slugs` list, or None."""
    seen: set[str] = set()
    for item in former or ():
        if not is_slug(item):
            better = slugify(item) if item.strip() else ""
            if not item.strip():
                return (Message("Une ancienne adresse est vide (deux « ; » de suite, ou un « ; » au début ou à "
                                "la fin)."),
                        Message("Retirez le « {delimiter} » en trop.", delimiter=FORMER_SLUGS_DELIMITER))
            return (Message("« {item} » n'est pas une adresse (minuscules sans accent, mots reliés par un tiret).",
                            item=item),
                    Message("Écrivez l'ancienne adresse telle qu'elle était publiée, par exemple « {better} ».",
                            better=better))
        if item == slug:
            return (Message("« {item} » est l'adresse actuelle {of_the_record} (colonne {column}) : la page se "
                            "redirigerait vers elle-même.",
                            item=item, of_the_record=owner.of_the_record, column=owner.slug_column),
                    Message("Retirez « {item} » de former_slugs.", item=item))
        if item in seen:
            return (Message("« {item} » figure deux fois dans former_slugs.", item=item),
                    Message("Gardez une seule fois « {item} ».", item=item))
        seen.add(item)
    return None


@attrs.define(kw_only=True, repr=False)
class former_slugs(DomainCheck):
    """Check the items of `former_slugs` against the slug pattern and the row's own slug."""

    type = "former-slug"
    title = N_("Anciennes adresses bien écrites")
    screens = True  # screen() below: the vectorised rule the fast path runs
    Errors: ClassVar[list[type[errors.Error]]] = [FormerSlugError]

    slug_field: str = "slug"
    former_field: str = "former_slugs"
    owner: AddressOwner = STRUCTURE_OWNER

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        found = problem(row.get(self.slug_field), row.get(self.former_field), self.owner)
        if found is None:
            return
        note, fix = found
        yield FormerSlugError.for_cell(
            row, self.former_field, note=note, fix=fix,
            expected=Message("d'anciens slugs séparés par « {delimiter} » (ex. {example}), ou rien",
                             delimiter=FORMER_SLUGS_DELIMITER, example=self.owner.example),
        )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct (slug, former_slugs) pair of the frame."""
        if not (frame.has(self.slug_field) and frame.has(self.former_field)):
            return False
        return not any(problem(slug, former, self.owner)
                       for slug, former in frame.combinations(self.slug_field, self.former_field))
