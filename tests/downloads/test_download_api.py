"""The static JSON API: every document parses, indexes are complete, documents cross-link."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from dlcheck import by_id, same_value
from support.csvfiles import read_table
from support.paths import GOOD_FIXTURE

API = Path("api/v1")


LOCAL = "http://127.0.0.1:8000/"  # where a local build is served (make serve)


def _target(output: Path, url: str, found_in: str) -> Path:
    """The file a client reaches by resolving `url` against the document it was found in (as
    `fetch`, `requests` or `urljoin` do): relative links must lead to the file, never to a 404."""
    assert not url.startswith(("http", "/")), url
    resolved = urljoin(LOCAL + found_in, url)
    assert resolved.startswith(LOCAL), resolved
    return output / resolved.removeprefix(LOCAL)


def _document(output: Path, url: str, found_in: str = "") -> tuple[dict, str]:
    """A document and its own site-relative URL (the base of the links inside it)."""
    path = _target(output, url, found_in)
    return json.loads(path.read_text(encoding="utf-8")), str(path.relative_to(output))


def _load(output: Path, url: str, found_in: str = "") -> dict:
    return _document(output, url, found_in)[0]


def test_every_api_document_parses(good_site: Path) -> None:
    documents = sorted((good_site / API).rglob("*.json"))
    assert len(documents) >= 4
    for path in documents:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["api_version"] == "v1"
        assert document["source"]["licence"].startswith("Licence Ouverte")


def test_structures_index_lists_every_structure_with_where_it_is(good_site: Path) -> None:
    index, here = _document(good_site, str(API / "structures.json"))
    source = by_id(read_table(GOOD_FIXTURE, "structures"))
    departements = by_id(read_table(GOOD_FIXTURE, "departements"), "code")
    regions = by_id(read_table(GOOD_FIXTURE, "regions"), "code")
    listed = {entry["id"]: entry for entry in index["structures"]}
    assert set(listed) == set(source)
    for structure_id, entry in listed.items():
        row = source[structure_id]
        assert entry["name"] == row["name"]
        assert entry["network_id"] == row["network_id"]
        assert entry["commune"] == (row["commune"] or None)
        assert entry["postcode"] == (row["postcode"] or None)
        dep = departements.get(row["departement_code"])
        assert entry["departement_name"] == (dep["name"] if dep else None)
        reg = regions.get(row["region_code"])
        assert entry["region_name"] == (reg["name"] if reg else None)
        assert (_target(good_site, entry["url"], here) / "index.html").exists()
        assert _load(good_site, entry["api_url"], here)["id"] == structure_id


def test_structure_documents_hold_results_and_link_to_their_network(good_site: Path) -> None:
    results = read_table(GOOD_FIXTURE, "results")
    index, here = _document(good_site, str(API / "structures.json"))
    for entry in index["structures"]:
        document, there = _document(good_site, entry["api_url"], here)
        expected = [r for r in results if r["structure_id"] == entry["id"]]
        assert len(document["results"]) == len(expected)
        published = {(r["indicator_id"], r["period"]): r for r in document["results"]}
        for row in expected:
            ours = published[(row["indicator_id"], row["period"])]
            for column in ("value", "sample_size", "ci_low", "ci_high"):
                assert same_value(ours[column], row[column])
            assert ours["status"] == row["status"]
            assert (ours["note"] or "") == row["note"]
        network = _load(good_site, document["network"]["api_url"], there)
        assert entry["id"] in {s["id"] for s in network["structures"]}, "le réseau renvoie à la structure"
        for indicator in document["indicators"]:
            assert _load(good_site, indicator["api_url"], there)["id"] == indicator["id"]
        for url in document["downloads"].values():
            assert _target(good_site, url, there).is_file()
        assert (_target(good_site, document["url"], there) / "index.html").is_file()
        if document["parent"]:
            parent = _load(good_site, document["parent"]["api_url"], there)
            assert entry["id"] in {child["id"] for child in parent["children"]}


@pytest.mark.parametrize("kind", ["networks", "indicators"])
def test_network_and_indicator_documents_cross_link(good_site: Path, kind: str) -> None:
    index, here = _document(good_site, str(API / f"{kind}.json"))
    assert index[kind]
    for entry in index[kind]:
        document, there = _document(good_site, entry["api_url"], here)
        assert document["id"] == entry["id"]
        for row in document["latest_results"]:
            structure = _load(good_site, str(API / "structures" / f"{row['structure_id']}.json"))
            assert any(r["period"] == row["period"] and r["indicator_id"] == row["indicator_id"]
                       for r in structure["results"])
        assert all(a["value"] is not None for a in document["aggregates"])
        for url in document["downloads"].values():
            assert _target(good_site, url, there).is_file()
        assert (_target(good_site, document["url"], there) / "index.html").is_file()


def test_api_index_points_to_every_entry_point(good_site: Path) -> None:
    index, here = _document(good_site, str(API / "index.json"))
    for key in ("structures", "networks", "indicators", "datapackage", "zip"):
        assert _target(good_site, index[key], here).is_file(), key
    assert (_target(good_site, index["documentation"], here) / "index.html").is_file()
    assert _target(good_site, index["structure"].format(id="CAF-75"), here).is_file()


@pytest.mark.parametrize("folder", ["api/", "api/v1/"])
def test_api_folders_have_an_index_page(good_site: Path, folder: str) -> None:
    """`https://…/api/` and `…/api/v1/` answer with a page that leads to every entry point, not a 404."""
    page = (good_site / folder / "index.html").read_text(encoding="utf-8")
    reached = {str(_target(good_site, href, folder).relative_to(good_site))
               for href in re.findall(r'href="([^"#]+)', page) if not href.startswith(("http", "/"))}
    assert {"api/v1/index.json", "api/v1/structures.json", "api/v1/networks.json", "api/v1/indicators.json",
            "donnees"} <= reached


SITEURL = "https://resultats.example.gouv.fr"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A production-like build (publishconf.py): absolute SITEURL, no relative URLs."""
    from support.site import build_site

    return build_site(GOOD_FIXTURE, tmp_path_factory.mktemp("published") / "output", SITEURL=SITEURL,
                      RELATIVE_URLS=False)


def test_published_site_uses_absolute_urls_everywhere(published_site: Path) -> None:
    index = json.loads((published_site / API / "structures.json").read_text(encoding="utf-8"))
    for entry in index["structures"]:
        for key in ("url", "api_url"):
            assert entry[key].startswith(f"{SITEURL}/"), entry[key]
        assert (published_site / entry["api_url"].removeprefix(f"{SITEURL}/")).is_file()
    page = (published_site / "services" / "caf-de-paris" / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITEURL}/services/caf-de-paris/resultats-caf-de-paris.csv"' in page
    data_page = (published_site / "donnees" / "index.html").read_text(encoding="utf-8")
    assert f"curl -s {SITEURL}/api/v1/structures.json" in data_page
