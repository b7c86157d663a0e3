"""Editorial pages about an optional part of the programme leave the site with that part.

An editorial page declares what it is about with a `Needs:` line in its metadata (`Needs: labels`,
`experiences` or `actions`, several separated by commas). When the package has no rows for it, or
the programme has no label (`RESULTS_LABEL_LEVELS = ()`), the page is not published: no page about a
label the site never shows, no link from it to pages that do not exist.
"""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Any

from .confine import package_file
from .identity import Features

logger = logging.getLogger(__name__)

PARTS = ("labels", "experiences", "actions")


def table_has_rows(descriptor_path: Path, name: str) -> bool:
    """Whether the package declares table `name` with at least one data row (the header alone: no)."""
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    resource = next((r for r in descriptor.get("resources", []) if r.get("name") == name), None)
    if resource is None:
        return False
    with package_file(descriptor_path.parent, resource["path"]).open(encoding="utf-8", newline="") as table:
        rows = csv.reader(table)
        next(rows, None)
        return any(any(cell.strip() for cell in row) for row in rows)


def package_features(descriptor_path: Path, config: Any) -> Features:
    """`Features` read from the files without loading the catalog (same rule: one row is enough)."""
    has = {name: table_has_rows(descriptor_path, name) for name in PARTS}
    return Features(labels=config.label_scheme is not None and has["labels"],
                    experiences=has["experiences"], actions=has["actions"])


def needs(page: Any) -> list[str]:
    """The parts a page is about, its translations' `Needs:` included (a translation may omit it)."""
    versions = [page, *(getattr(page, "translations", None) or [])]
    return [part.strip() for version in versions
            for part in str(version.metadata.get("needs", "")).split(",") if part.strip()]


def drop_pages_without_their_part(generator: Any) -> None:
    """`page_generator_finalized`: remove, in place, the editorial pages whose part the site lacks."""
    from .settings import SettingsError, data_path, parse_settings

    pages = [*generator.pages, *generator.hidden_pages]
    wanted = {part for page in pages for part in needs(page)}
    if not wanted:
        return
    unknown = wanted - set(PARTS)
    if unknown:
        raise SettingsError(
            f"Métadonnée « Needs » inconnue : {', '.join(sorted(unknown))}. Une page éditoriale peut dépendre "
            f"de {', '.join(PARTS)} (séparés par des virgules)."
        )
    config = parse_settings(generator.settings)
    features = package_features(data_path(generator.settings, config.data), config)
    missing = {part for part in PARTS if not getattr(features, part)}
    for listing in (generator.pages, generator.hidden_pages):
        kept = [page for page in listing if not set(needs(page)) & missing]
        for page in listing:
            if page not in kept:
                logger.info("results: page %s not published: the package has no %s", page.source_path,
                            ", ".join(sorted(set(needs(page)) & missing)))
        listing[:] = kept  # the context holds the same lists
