"""Whose addresses an address check reads: structures (`slug` column) or networks (their `id`).

The same three rules keep both kinds of page addresses stable (issue #19 for structures, issue #20
for networks, whose URL became their id): a former address is a slug listed once, it belongs to one
record only, and it is not a page the site writes itself. Only the words of the messages differ.
"""

from __future__ import annotations

import attrs
from results.i18n.formats import N_


@attrs.define(frozen=True, kw_only=True)
class AddressOwner:
    """The French words for one kind of record that owns page addresses."""

    a_record: str  # "une structure" / "un réseau"
    no_other: str  # "aucune autre structure" / "aucun autre réseau"
    of_the_record: str  # "de la structure" / "du réseau"
    of_a_record: str  # "d'une structure" / "d'un réseau"
    slug_column: str  # the column holding its current address
    example: str  # a `former_slugs` cell as a maintainer writes it


# The words are catalog entries (N_): a message names them as values, translated with it (validation/language.py).
STRUCTURE_OWNER = AddressOwner(a_record=N_("une structure"), no_other=N_("aucune autre structure"),
                               of_the_record=N_("de la structure"), of_a_record=N_("d'une structure"),
                               slug_column="slug", example="caf-ain;caf-de-l-ain")
NETWORK_OWNER = AddressOwner(a_record=N_("un réseau"), no_other=N_("aucun autre réseau"),
                             of_the_record=N_("du réseau"), of_a_record=N_("d'un réseau"), slug_column="id",
                             example="ants")
