"""URL slugs: derived from names for most records, stored in the data for structures.

A structure's page address is printed as a QR code on posters that hang in its reception area for
years, so it cannot follow the structure's name: `structures.csv` stores it (`slug`, chosen once)
and keeps the addresses it had before (`former_slugs`), which the site turns into redirect pages.
Networks take their id as slug and keep the addresses their page had before (`former_slugs` of
networks.csv) the same way; indicators and territories derive theirs from a name or an id.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# The `slug` column's pattern in resources.json: lowercase ASCII words joined by single dashes.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# How `former_slugs` separates its items (the field's `delimiter` in resources.json).
FORMER_SLUGS_DELIMITER = ";"


class DuplicateSlugError(ValueError):
    """Two records would be written to the same URL."""


class InvalidSlugError(ValueError):
    """A stored slug that is not one: it would name a folder outside its place (`../..`)."""


def slugify(text: str) -> str:
    """`CAF de l'Ain` → `caf-de-l-ain`: ASCII, lowercase, dashes; stable across builds."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "sans-nom"


def is_slug(text: str) -> bool:
    """True when `text` may be a stored slug (the `slug` column's pattern)."""
    return re.fullmatch(SLUG_PATTERN, text) is not None


def split_former_slugs(cell: str) -> tuple[str, ...]:
    """`caf-ain;caf-de-l-ain` → `("caf-ain", "caf-de-l-ain")`; an empty cell gives `()`."""
    return tuple(item.strip() for item in cell.split(FORMER_SLUGS_DELIMITER) if item.strip()) if cell else ()


_TABLE_TITLES = {"structures": "Structures", "networks": "Réseaux"}


def check_stored_slugs(records: Iterable[tuple[str, str, str]], table: str = "structures") -> None:
    """Raise when a stored `(slug, id, column)` of `table` is not a slug: it becomes a folder name under output/.

    The validator refuses such a value with its line and column; this keeps a build run without the
    validator from ever writing a file outside its own folder (`../../tmp/x`).
    """
    for slug, record_id, column in records:
        if not is_slug(slug):
            raise InvalidSlugError(
                f"{_TABLE_TITLES.get(table, table)} : « {slug} » ({record_id}, colonne {column} de {table}.csv) "
                "n'est pas une adresse (minuscules sans accent, mots reliés par un tiret). Corrigez-la puis "
                "lancez make validate."
            )


def check_unique_slugs(kind: str, records: Iterable[tuple[str, str, str]]) -> None:
    """Raise naming both records when two `(slug, id, name)` share a slug.

    Pelican would otherwise stop with a bare FileOverwriteFailedError, or one page would hide another.
    """
    seen: dict[str, tuple[str, str]] = {}
    for slug, record_id, name in records:
        if slug in seen:
            first_id, first_name = seen[slug]
            raise DuplicateSlugError(
                f"{kind} : « {first_name} » ({first_id}) et « {name} » ({record_id}) auraient la même "
                f"adresse « {slug} ». {_fix(kind)}"
            )
        seen[slug] = (record_id, name)


def _fix(kind: str) -> str:
    """Structures store their address; other records derive it from their name or id."""
    if kind == "Structures":
        return ("Donnez à l'une des deux un autre slug dans structures.csv (si cette adresse est déjà publiée, "
                "gardez-la et changez celle de la structure nouvelle), puis lancez make validate.")
    if kind == "Réseaux":
        return ("Une ancienne adresse (former_slugs de networks.csv) ne peut être ni l'identifiant d'un autre "
                "réseau ni l'ancienne adresse d'un autre : retirez-la de l'une des deux lignes, puis lancez "
                "make validate.")
    return "Renommez l'un des deux dans data/ pour que leurs noms diffèrent."
