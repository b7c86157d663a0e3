"""The static JSON API: every document parses, indexes are complete, documents cross-link."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dlcheck import by_id, same_value
from support.csvfiles import read_table
from support.paths import GOOD_FIXTURE

API = Path("api/v1")


def _load(output: Path, url: str) -> dict:
    """A document by the site-relative URL another document gave (local builds use relative URLs)."""
    assert not url.startswith(("http", "/")), url
    return json.loads((output / url).read_text(encoding="utf-8"))


def test_every_api_document_parses(good_site: Path) -> None:
    documents = sorted((good_site / API).rglob("*.json"))
    assert len(documents) >= 4
    for path in documents:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["api_version"] == "v1"
        assert document["source"]["licence"].startswith("Licence Ouverte")


def test_structures_index_lists_every_structure_with_where_it_is(good_site: Path) -> None:
    index = _load(good_site, str(API / "structures.json"))
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
        assert (good_site / entry["url"] / "index.html").exists()
        assert _load(good_site, entry["api_url"])["id"] == structure_id


def test_structure_documents_hold_results_and_link_to_their_network(good_site: Path) -> None:
    results = read_table(GOOD_FIXTURE, "results")
    index = _load(good_site, str(API / "structures.json"))
    for entry in index["structures"]:
        document = _load(good_site, entry["api_url"])
        expected = [r for r in results if r["structure_id"] == entry["id"]]
        assert len(document["results"]) == len(expected)
        published = {(r["indicator_id"], r["period"]): r for r in document["results"]}
        for row in expected:
            ours = published[(row["indicator_id"], row["period"])]
            for column in ("value", "sample_size", "ci_low", "ci_high"):
                assert same_value(ours[column], row[column])
            assert ours["status"] == row["status"]
            assert (ours["note"] or "") == row["note"]
        network = _load(good_site, document["network"]["api_url"])
        assert entry["id"] in {s["id"] for s in network["structures"]}, "le réseau renvoie à la structure"
        for indicator in document["indicators"]:
            assert _load(good_site, indicator["api_url"])["id"] == indicator["id"]
        for url in document["downloads"].values():
            assert (good_site / url).is_file()
        if document["parent"]:
            parent = _load(good_site, document["parent"]["api_url"])
            assert entry["id"] in {child["id"] for child in parent["children"]}


@pytest.mark.parametrize("kind", ["networks", "indicators"])
def test_network_and_indicator_documents_cross_link(good_site: Path, kind: str) -> None:
    index = _load(good_site, str(API / f"{kind}.json"))
    assert index[kind]
    for entry in index[kind]:
        document = _load(good_site, entry["api_url"])
        assert document["id"] == entry["id"]
        for row in document["latest_results"]:
            structure = _load(good_site, str(API / "structures" / f"{row['structure_id']}.json"))
            assert any(r["period"] == row["period"] and r["indicator_id"] == row["indicator_id"]
                       for r in structure["results"])
        assert all(a["value"] is not None for a in document["aggregates"])
        for url in document["downloads"].values():
            assert (good_site / url).is_file()


def test_api_index_points_to_every_entry_point(good_site: Path) -> None:
    index = _load(good_site, str(API / "index.json"))
    for key in ("structures", "networks", "indicators", "datapackage", "zip"):
        assert (good_site / index[key]).is_file(), key
    assert (good_site / index["documentation"] / "index.html").is_file()


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
