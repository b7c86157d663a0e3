"""Every download link on every page resolves, and every page that shows data offers its files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from dlcheck import DOWNLOAD_SUFFIXES, NUMERIC_COLUMNS, download_links, page_links, resolve, same_value
from support.csvfiles import read_csv, read_table

PAGES_WITH_DOWNLOADS = ("services", "reseaux", "indicateurs", "territoires/regions", "territoires/departements")


def _broken_download_links(output: Path) -> list[str]:
    broken = []
    for page in sorted(output.rglob("*.html")):
        for href, _, _ in page_links(page):
            path = resolve(output, page, href)
            if path is not None and path.suffix in DOWNLOAD_SUFFIXES and not path.is_file():
                broken.append(f"{page.relative_to(output)} → {href}")
    return broken


def test_every_download_link_resolves(good_site: Path) -> None:
    assert not _broken_download_links(good_site)


@pytest.mark.parametrize("folder", PAGES_WITH_DOWNLOADS)
def test_every_data_page_offers_csv(good_site: Path, folder: str) -> None:
    pages = [p for p in (good_site / folder).glob("*/index.html") if not p.parent.name.startswith("lettre-")]
    assert pages
    for page in pages:
        links = download_links(good_site, page)
        assert ".csv" in set(links), page
        if folder.startswith(("services", "territoires")):  # CSV only: see the README, « Files published »
            assert ".xlsx" not in set(links) and not list(page.parent.glob("*.xlsx")), page
        else:
            assert ".xlsx" in set(links), page


def test_structure_pages_stay_small(good_site: Path) -> None:
    for page in (good_site / "services").glob("*/index.html"):
        assert page.stat().st_size < 100_000, page


@pytest.mark.slow
def test_demo_site_downloads(demo_site: Path, demo_package: Path) -> None:
    """The demo package (hundreds of structures): links resolve, hashes hold, pages stay small, and a
    sample of structure files holds exactly the source rows."""
    assert not _broken_download_links(demo_site)
    descriptor = json.loads((demo_site / "donnees" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        content = (demo_site / "donnees" / resource["path"]).read_bytes()
        assert resource["hash"] == f"sha256:{hashlib.sha256(content).hexdigest()}"
    pages = sorted((demo_site / "services").glob("*/index.html"))
    assert max(page.stat().st_size for page in pages) < 100_000
    results: dict[str, list[dict[str, str]]] = {}
    for row in read_table(demo_package, "results"):
        results.setdefault(row["structure_id"], []).append(row)
    for page in pages[:: max(len(pages) // 25, 1)]:
        published = read_csv(download_links(demo_site, page)[".csv"][0])
        structure_ids = {row["structure_id"] for row in published}
        assert len(structure_ids) <= 1
        expected = results.get(next(iter(structure_ids)), []) if structure_ids else []
        assert len(published) == len(expected), page
        by_key = {(row["indicator_id"], row["period"]): row for row in published}
        for theirs in expected:
            ours = by_key[(theirs["indicator_id"], theirs["period"])]
            assert all(same_value(ours[c], theirs[c]) for c in NUMERIC_COLUMNS)
            assert (ours["status"], ours["note"]) == (theirs["status"], theirs["note"])
