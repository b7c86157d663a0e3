"""The static JSON API: every document parses, indexes are complete, documents cross-link, tables are
written once as columns and rows (version 2, issue #15), and the withdrawn version 1 says where it went."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from dlcheck import by_id, latest_rows, same_value
from support.csvfiles import read_csv, read_table
from support.paths import GOOD_FIXTURE

API = Path("api/v2")


def _rows(table: dict) -> list[dict]:
    """A table of a document (`{"columns": [...], "data": [[...]]}`) as one dict per row."""
    assert set(table) == {"columns", "data"}
    return [dict(zip(table["columns"], row, strict=True)) for row in table["data"]]


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
        assert document["api_version"] == "v2"
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


def test_structure_documents_hold_latest_values_link_their_history_and_network(good_site: Path) -> None:
    results = read_table(GOOD_FIXTURE, "results")
    latest = latest_rows(results)
    index, here = _document(good_site, str(API / "structures.json"))
    for entry in index["structures"]:
        document, there = _document(good_site, entry["api_url"], here)
        expected = [row for (structure, _), row in latest.items() if structure == entry["id"]]
        assert len(document["latest_results"]["data"]) == len(expected)
        published = {(r["indicator_id"], r["period"]): r for r in _rows(document["latest_results"])}
        history = read_csv(_target(good_site, document["downloads"]["csv"], there))
        assert len(history) == sum(1 for r in results if r["structure_id"] == entry["id"]), "full history"
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
        for row in _rows(document["latest_results"]):
            structure = _load(good_site, str(API / "structures" / f"{row['structure_id']}.json"))
            assert any(r["period"] == row["period"] and r["indicator_id"] == row["indicator_id"]
                       for r in _rows(structure["latest_results"]))
        assert all(a["value"] is not None for a in _rows(document["aggregates"]))
        for url in document["downloads"].values():
            assert _target(good_site, url, there).is_file()
        assert (_target(good_site, document["url"], there) / "index.html").is_file()


def test_api_index_points_to_every_entry_point(good_site: Path) -> None:
    index, here = _document(good_site, str(API / "index.json"))
    for key in ("structures", "networks", "indicators", "datapackage", "zip"):
        assert _target(good_site, index[key], here).is_file(), key
    assert (_target(good_site, index["documentation"], here) / "index.html").is_file()
    assert _target(good_site, index["structure"].format(id="CAF-75"), here).is_file()


def test_a_structure_document_names_its_columns_once(good_site: Path) -> None:
    """Version 1 repeated every column name in every row of the full history (430 MB nationally): a name
    now appears once, pandas reads the table as it is, and the history is the page's CSV."""
    import pandas as pd

    text = (good_site / API / "structures" / "CAF-75.json").read_text(encoding="utf-8")
    assert text.count('"period"') == 1 and text.count('"updated_on"') == 1
    document = json.loads(text)
    frame = pd.DataFrame(**document["latest_results"])
    assert len(frame) == len(document["latest_results"]["data"]) > 1
    assert {"indicator_id", "period", "value", "status"} <= set(frame.columns)
    assert set(frame["indicator_id"]) <= {i["id"] for i in document["indicators"]}
    assert frame["indicator_id"].is_unique, "one latest value per indicator"
    history = pd.read_csv(good_site / API / "structures" / document["downloads"]["csv"], dtype=str)
    assert history["period"].nunique() > frame["period"].nunique() or len(history) > len(frame)


@pytest.mark.parametrize("folder", ["api/", "api/v2/", "api/v1/"])
def test_api_folders_have_an_index_page(good_site: Path, folder: str) -> None:
    """`https://…/api/`, `…/api/v2/` and the withdrawn `…/api/v1/` answer with a page that leads to every
    entry point, not a 404."""
    page = (good_site / folder / "index.html").read_text(encoding="utf-8")
    reached = {str(_target(good_site, href, folder).relative_to(good_site))
               for href in re.findall(r'href="([^"#]+)', page) if not href.startswith(("http", "/"))}
    assert {"api/v2/index.json", "api/v2/structures.json", "api/v2/networks.json", "api/v2/indicators.json",
            "donnees"} <= reached


def test_the_withdrawn_version_says_where_its_documents_went(good_site: Path) -> None:
    from support.pages import visible_text

    text = visible_text((good_site / "api" / "v1" / "index.html").read_text(encoding="utf-8"))
    assert "version v1 retirée" in text and "v1 remplacé par v2" in text
    assert not list((good_site / "api" / "v1").glob("**/*.json")), "no v1 document is published any more"


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
    assert f"curl -s {SITEURL}/api/v2/structures.json" in data_page
