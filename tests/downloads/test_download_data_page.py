"""The data page: menu entry, home link, dictionary from the schemas, releases, citation, JSON-LD."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from dlcheck import page_links, resolve
from results.core.parts import table_of
from support.pages import visible_text
from support.paths import GOOD_FIXTURE
from support.site import build_site

PAGE = Path("donnees/index.html")


def test_data_page_is_in_the_menu_and_linked_from_home(good_site: Path) -> None:
    home = good_site / "index.html"
    menu = [text for href, text, _ in page_links(home) if resolve(good_site, home, href) == good_site / "donnees"]
    assert "Données ouvertes" in menu
    section = home.read_text(encoding="utf-8").split('id="donnees"')[1]
    assert 'donnees/"' in section.split("</section>")[0]


def test_dictionary_lists_every_resource_and_field(good_site: Path) -> None:
    page = (good_site / PAGE).read_text(encoding="utf-8")
    text = visible_text(page)
    descriptor = json.loads(GOOD_FIXTURE.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        table = table_of(resource["name"])  # the results files of every network: one table, described once
        assert f'id="ressource-{table}"' in page
        section = page.split(f'id="ressource-{table}"')[1].split("</section>")[0]
        for field in resource["schema"]["fields"]:
            assert f"<code>{field['name']}</code>" in section, (resource["name"], field["name"])
            assert html.escape(field["title"], quote=False) in section or field["title"] in html.unescape(section)
    assert "valeurs : final, provisional, revised" in text
    assert "Clé primaire : structure_id, indicator_id, period" in text
    assert text.count("Clé primaire : structure_id, indicator_id, period") == 1
    results = page.split('id="ressource-results"')[1].split("</section>")[0]
    assert 'donnees/results.csv.zip"' in results, "le dictionnaire renvoie au fichier complet des résultats"


def test_releases_licence_and_citation(good_site: Path) -> None:
    text = visible_text((good_site / PAGE).read_text(encoding="utf-8"))
    descriptor = json.loads(GOOD_FIXTURE.read_text(encoding="utf-8"))
    for release in descriptor["releases"]:
        assert release["title"] in text and release["version"] in text
    assert "Licence Ouverte / Open Licence 2.0" in text
    assert "données à jour au 15 novembre 2026" in text
    assert "curl -s https://" in text and "pd.read_csv(" in text


def test_dataset_json_ld(good_site: Path) -> None:
    page = (good_site / PAGE).read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    dataset = json.loads(blocks[0])
    assert dataset["@type"] == "Dataset"
    assert dataset["license"].startswith("https://www.etalab.gouv.fr/")
    assert dataset["dateModified"] == "2026-11-15"
    assert dataset["temporalCoverage"].startswith("2023-01-01/")
    urls = [d["contentUrl"] for d in dataset["distribution"]]
    assert all(url.startswith("https://") for url in urls)
    assert any(url.endswith(".zip") for url in urls) and any(url.endswith("results.csv.zip") for url in urls)


def test_data_page_links_resolve(good_site: Path) -> None:
    page = good_site / PAGE
    targets = [resolve(good_site, page, href) for href, _, _ in page_links(page)]
    files = [t for t in targets if t is not None and t.suffix in (".csv", ".json", ".zip", ".md")]
    assert len(files) >= 15
    assert all(t.is_file() for t in files), [str(t) for t in files if not t.is_file()]


def test_without_the_whole_table_the_examples_name_only_published_files(tmp_path: Path) -> None:
    """`OPEN_DATA_RESULTS_URL = ""` publishes no whole table: the pandas example must not read one
    (it used to fall back to `donnees/results.csv`, an address withdrawn when the table was zipped)."""
    site = build_site(GOOD_FIXTURE, tmp_path / "site", OPEN_DATA_RESULTS_URL="")
    page = (site / PAGE).read_text(encoding="utf-8")
    assert not (site / "donnees" / "results.csv").exists() and not (site / "donnees" / "results.csv.zip").exists()
    examples = "".join(re.findall(r"<pre[^>]*><code>(.*?)</code></pre>", page, re.S))
    assert "pd.read_csv(" in examples, "the structure's CSV example stays"
    assert "results.csv" not in examples
