"""URL slugs derived from names, and the duplicate check that must run before any file is written."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


class DuplicateSlugError(ValueError):
    """Two records would be written to the same URL."""


def slugify(text: str) -> str:
    """`CAF de l'Ain` → `caf-de-l-ain`: ASCII, lowercase, dashes; stable across builds."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "sans-nom"


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
                f"adresse « {slug} ». Renommez l'un des deux dans data/ pour que leurs noms diffèrent."
            )
        seen[slug] = (record_id, name)
