"""The search as built, read from the files: what each page gives the index, the index itself, the
search page and the header box. The browser side is tests/browser/test_browser_search.py.

Byte-for-byte reproducibility of the whole site, index included, is test_site_build.py's
`test_two_builds_are_byte_identical`.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from results.search import UNUSED_BUNDLE_FILES, SearchIndexError, build_index
from results.search_bundle import canonicalise, write
from support.csvfiles import read_table
from support.paths import GOOD_FIXTURE

RECORD = re.compile(r'<div class="search-record" hidden data-pagefind-body>(.*?)</div>', re.S)


def record_of(page: Path) -> dict[str, list[str]]:
    """The page's search record: weighted texts, metadata and filters, as Pagefind reads them."""
    found = RECORD.findall(page.read_text("utf-8"))
    assert len(found) == 1, f"{page} : {len(found)} blocs de recherche"
    block = found[0]
    return {
        "words": [unescape(text) for text in re.findall(r'<p data-pagefind-weight="\d+">([^<]*)</p>', block)],
        "meta": [unescape(text) for text in re.findall(r'data-pagefind-meta="([^"]*)"', block)],
        "filters": [unescape(text) for text in re.findall(r'data-pagefind-filter="([^"]*)"', block)],
    }


def test_every_structure_page_gives_its_name_place_network_and_filters(good_site: Path) -> None:
    networks = {row["id"]: row for row in read_table(GOOD_FIXTURE, "networks")}
    departements = {row["code"]: row for row in read_table(GOOD_FIXTURE, "departements")}
    for row in read_table(GOOD_FIXTURE, "structures"):
        pages = [page for page in good_site.glob("services/*/index.html")
                 if f">{row['name'].replace(chr(39), '&#39;')}</h1>" in page.read_text("utf-8")]
        assert len(pages) == 1, row["name"]
        record = record_of(pages[0])
        assert record["words"][0] == row["name"]  # first, with the highest weight
        assert f"{row['postcode']} {row['commune']}" in record["words"]
        text = " ".join(record["words"])
        assert networks[row["network_id"]]["name"] in text
        if row["departement_code"]:
            assert f"{departements[row['departement_code']]['name']} ({row['departement_code']})" in text
        assert f"title:{row['name']}" in record["meta"]
        assert f"reseau:{networks[row['network_id']]['short_name']}" in record["meta"]
        # no `type` filter: only the few other pages carry one, so its file stays small for browsers
        assert not any(text.startswith("type:") for text in record["filters"])
        assert f"reseau:{row['network_id']}" in record["filters"]
        assert (f"region:{row['region_code']}" in record["filters"]) == bool(row["region_code"])


def test_only_pages_worth_a_result_are_indexed(good_site: Path) -> None:
    """Lists (A–Z letters, indexes), posters, data pages and the search page itself stay out."""
    indexed = {page.relative_to(good_site).as_posix() for page in good_site.rglob("*.html")
               if "data-pagefind-body" in page.read_text("utf-8")}
    assert indexed
    kinds = {re.sub(r"/[^/]+/index\.html$", "/*", path) for path in indexed}
    assert kinds == {"services/*", "reseaux/*", "indicateurs/*", "territoires/regions/*",
                     "territoires/departements/*"}
    assert not any(path.endswith("/affiche/index.html") or "/lettre-" in path for path in indexed)


def test_the_bundle_is_served_by_the_site_without_unused_interfaces(good_site: Path) -> None:
    bundle = good_site / "pagefind"
    assert (bundle / "pagefind.js").stat().st_size > 0
    assert list(bundle.glob("wasm.*.pagefind")) and list(bundle.glob("index/*.pf_index"))
    fragments = len(list(bundle.glob("fragment/*.pf_fragment")))
    indexed = sum(1 for page in good_site.rglob("*.html") if "data-pagefind-body" in page.read_text("utf-8"))
    assert fragments == indexed  # one result per indexed page
    assert [name for name in UNUSED_BUNDLE_FILES if (bundle / name).exists()] == []


def test_the_search_page_alone_may_compile_webassembly(good_site: Path) -> None:
    def policy(page: Path) -> str:
        found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page.read_text("utf-8"))
        assert found, page
        return found.group(1)

    search = good_site / "recherche" / "index.html"
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy(search)
    assert "theme/js/search.js" in search.read_text("utf-8")
    others = [page for page in good_site.rglob("*.html") if page != search and "wasm" in policy(page)]
    assert others == []


def test_every_page_but_the_search_page_has_the_header_box(good_site: Path) -> None:
    """A labelled GET field leading to the search page, on data pages and editorial pages alike."""
    missing = []
    for page in sorted(good_site.rglob("*.html")):
        if page.parent.name in ("recherche", "affiche"):  # the poster is a printed A4 page, no header
            continue
        text = page.read_text("utf-8")
        if not re.search(r'<form class="header-search" role="search" action="[^"]*recherche/" method="get">', text) \
                or '<label for="entete-recherche">' not in text:
            missing.append(page.relative_to(good_site).as_posix())
    assert missing == []


def test_the_search_page_offers_the_browse_pages_and_the_filters(good_site: Path) -> None:
    text = (good_site / "recherche" / "index.html").read_text("utf-8")
    for target in ('reseaux/"', 'territoires/"', 'indicateurs/"', 'services/"', "services/lettre-"):
        assert target in text
    for row in read_table(GOOD_FIXTURE, "networks"):
        assert f'<option value="{row["id"]}">' in text
    for row in read_table(GOOD_FIXTURE, "regions"):
        assert f'<option value="{row["code"]}">' in text


def test_index_of_the_same_pages_is_byte_identical(good_site: Path, tmp_path: Path) -> None:
    """Indexing a copy of the built pages again gives the very same files."""
    copy = tmp_path / "site"
    shutil.copytree(good_site, copy, ignore=shutil.ignore_patterns("pagefind"))
    build_index(copy)
    first = sorted(p.relative_to(good_site / "pagefind") for p in (good_site / "pagefind").rglob("*") if p.is_file())
    second = sorted(p.relative_to(copy / "pagefind") for p in (copy / "pagefind").rglob("*") if p.is_file())
    assert first == second
    assert all((good_site / "pagefind" / f).read_bytes() == (copy / "pagefind" / f).read_bytes() for f in first)


def test_a_site_without_pages_to_index_stops_with_a_french_message(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    with pytest.raises(SearchIndexError, match="Index de recherche : Pagefind a échoué"):
        build_index(tmp_path / "vide")


def fragments(bundle: Path) -> list[dict]:
    """What a browser gets for each result: Pagefind's fragment files (gzip, signature, JSON)."""
    found = []
    for path in sorted(bundle.glob("fragment/*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data[len(b"pagefind_dcd"):]))
    return found


def test_records_are_found_after_a_long_head_and_only_first_in_main(tmp_path: Path) -> None:
    """The indexer reads the start of each page and goes on only when it cannot tell: a record after
    a head longer than that start is indexed at its page's address; a page without one is not."""
    site = tmp_path / "site"
    record = ('<div class="search-record" hidden data-pagefind-body><p data-pagefind-weight="10">Mairie de Lure</p>'
              '<span data-pagefind-meta="title:Mairie de Lure"></span></div>')
    pages = {
        "services/mairie-de-lure/index.html": f'<meta name="long" content="{"x" * 40_000}"></head><body>'
                                              f'<main id="contenu">\n    {record}<p>{"y" * 50_000}</p></main>',
        "services/lettre-m/index.html": f'</head><body><main id="contenu"><p>{"Mairie " * 10_000}</p></main>',
    }
    for path, body in pages.items():
        (site / path).parent.mkdir(parents=True)
        (site / path).write_text(f'<!DOCTYPE html>\n<html lang="fr"><head><title>T</title>{body}</body></html>',
                                 "utf-8")
    found = fragments(build_index(site))
    assert [(page["url"], page["meta"]) for page in found] == [
        ("/services/mairie-de-lure/", {"title": "Mairie de Lure"})]  # no image nor other page text
    assert found[0]["content"] == "Mairie de Lure."


def test_the_entry_lists_a_bilingual_index_s_languages_in_one_order(tmp_path: Path) -> None:
    """Pagefind writes `pagefind-entry.json`'s languages from a hash map (fr, en or en, fr): the same
    pages must give the same bytes, or an incremental build differs from a forced one."""
    written = []
    for order in (("fr", "en"), ("en", "fr")):
        bundle = tmp_path / "-".join(order)
        bundle.mkdir()
        languages = {}
        for code in order:  # a metadata file without filters, as a site without filter values has
            name = write(bundle, f"pagefind.{code}_", 10, ".pf_meta", ["1.5.2", [], [], []])
            languages[code] = {"hash": name.removeprefix("pagefind."), "wasm": code, "page_count": 1}
        (bundle / "pagefind-entry.json").write_text(json.dumps({"version": "1.5.2", "languages": languages}))
        canonicalise(bundle)
        written.append((bundle / "pagefind-entry.json").read_text("utf-8"))
    assert written[0] == written[1]
    assert list(json.loads(written[0])["languages"]) == ["en", "fr"]
