"""Imported structures get addresses the validator accepts: kept on re-import, never one the site keeps.

Issue #19: the programme's schema stores each structure's address (`slug`); an import must give a new
structure a slug that is neither taken nor one of the site's own pages (the A–Z index's
`services/lettre-a/`…), and an existing structure keeps its slug whatever its new name.
"""

from __future__ import annotations

from importing.addresses import settle_addresses
from importing.report import ImportReport
from results.core.schema import field_names


def test_new_structures_avoid_taken_and_reserved_slugs_and_old_ones_keep_theirs() -> None:
    fields = field_names()["structures"]
    existing = {"CAF-75": {"id": "CAF-75", "slug": "caf-de-paris", "former_slugs": "caf-paris"}}
    rows = [{"id": "CAF-75", "name": "Caisse d'allocations familiales de Paris"},
            {"id": "X-1", "name": "Lettre A"}, {"id": "X-2", "name": "CAF Paris"}]
    report = ImportReport("test")
    settle_addresses(rows, existing, fields, report)
    slugs = {row["id"]: row["slug"] for row in rows}
    assert slugs == {"CAF-75": "caf-de-paris", "X-1": "lettre-a-2", "X-2": "caf-paris-2"}
    assert rows[0]["former_slugs"] == "caf-paris"
    assert "lettre-a-2" in report.text() and "caf-paris-2" in report.text()
