"""Structure addresses that stay put: a structure keeps its page address from one import to the next.

A structure's page address is derived from its name; two structures of an export often share a
name ("Accueil CAF" in several towns), and their pages would collide. When the programme's schema
stores addresses (a `slug` column in structures.csv), an existing structure keeps its slug on
re-import whatever its new name, and a new one gets the slug of its name, made unique with a
number. Without that column the address follows the name, so duplicated names are made unique
instead (the commune, then the code, in brackets) and reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from results.core.slugs import slugify
from validation.addresses import reserved_slugs

from .report import ImportReport


def settle_addresses(structures: list[dict[str, Any]], existing: Mapping[str, Mapping[str, str]],
                     fields: tuple[str, ...], report: ImportReport) -> None:
    """Give each structure row a unique address, in place (by code order: the same input, the same slugs)."""
    if "slug" in fields:
        _stored_slugs(structures, existing, report)
    else:
        _unique_names(structures, report)


def _stored_slugs(structures: list[dict[str, Any]], existing: Mapping[str, Mapping[str, str]],
                  report: ImportReport) -> None:
    taken: set[str] = set(reserved_slugs())  # the site's own pages (services/lettre-a/…): never a structure's
    for row in existing.values():
        taken.add(row.get("slug", ""))
        taken.update(s for s in (row.get("former_slugs") or "").split(";") if s)
    fresh = []
    for row in sorted(structures, key=lambda r: r["id"]):
        kept = existing.get(row["id"], {}).get("slug")
        if kept:
            row["slug"] = kept
            if "former_slugs" in existing[row["id"]]:
                row["former_slugs"] = existing[row["id"]]["former_slugs"] or None
        else:
            fresh.append(row)
    for row in fresh:
        base = slugify(row["name"] or row["id"])
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        if slug != base:
            report.correct("adresse de page déjà prise, numérotée", "structures", 0, f"{row['id']} : {slug}")
        row["slug"] = slug
        taken.add(slug)


def _unique_names(structures: list[dict[str, Any]], report: ImportReport) -> None:
    by_slug: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(structures, key=lambda r: r["id"]):
        by_slug.setdefault(slugify(row["name"] or row["id"]), []).append(row)
    taken = set(by_slug)
    for rows in by_slug.values():
        if len(rows) < 2:
            continue
        for row in rows[1:]:
            for suffix in (row.get("commune"), row["id"]):
                candidate = f"{row['name']} ({suffix})"
                if suffix and slugify(candidate) not in taken:
                    report.correct("nom porté par plusieurs structures, précisé pour que chaque page ait son adresse",
                                   "structures", 0, f"{row['id']} : « {candidate} »")
                    row["name"] = candidate
                    taken.add(slugify(candidate))
                    break
