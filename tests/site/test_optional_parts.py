"""A package without labels, users' experiences or improvement actions builds a site with no such pages,
sections, columns or links — never an empty shell — and no broken link. A table may be empty (its header
only, as the Baromètre importer writes it) or absent altogether (no file, no resource in
datapackage.json): the bare site below has both, labels and experiences absent, actions empty."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from results.core.schema import OPTIONAL_TABLES
from results.identity import Features
from results.load import load_catalog
from results.settings import parse_settings
from sitecheck import broken_internal_links
from support.pages import visible_text
from support.paths import GOOD_FIXTURE
from support.site import build_site, copy_package
from validation import validate_package

OPTIONAL = OPTIONAL_TABLES  # labels, experiences, actions
ABSENT = ("labels", "experiences")  # no file, no resource
EMPTY = ("actions",)  # the header only


def without_tables(package: Path, names: tuple[str, ...]) -> Path:
    """Remove tables `names` from the package: their files and their resources."""
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] not in names]
    package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    for name in names:
        (package.parent / f"{name}.csv").unlink()
    return package


def without_optional_parts(folder: Path) -> Path:
    """A valid copy of the good fixture without labels and experiences, its actions table emptied."""
    package = copy_package(GOOD_FIXTURE, folder)
    for name in EMPTY:
        table = package.parent / f"{name}.csv"
        table.write_text(table.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    return without_tables(package, ABSENT)


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bare")
    package = without_optional_parts(folder / "package")
    report = validate_package(package)
    assert report.valid and not report.warnings, [issue.message for issue in report.errors + report.warnings]
    return build_site(package, folder / "output")


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_no_label_page_badge_menu_entry_or_sitemap_line(bare_site: Path) -> None:
    assert not (bare_site / "labels").exists()  # neither the pages nor the badge files
    assert not (bare_site / "label").exists()  # the editorial page says `Needs: labels`
    sitemap = (bare_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/labels/" not in sitemap and "<loc>" in sitemap
    for name, html in pages(bare_site).items():
        assert 'href="labels/' not in html.replace("../", "") and "/labels/" not in html, name
        assert ">Labels</a>" not in html, name  # the menu entry


def test_structure_pages_have_no_label_voice_or_actions_shell(bare_site: Path) -> None:
    html = (bare_site / "services" / "caf-de-paris" / "index.html").read_text(encoding="utf-8")
    for anchor in ("label-titre", "experiences", "actions"):
        assert f'id="{anchor}"' not in html
    text = visible_text(html)
    assert "Label Services Publics+" not in text and "Vos expériences" not in text
    assert "Vous nous avez dit" not in text and "Aucune expérience" not in text
    # the network's own feedback form is a real service: its link stays
    assert 'href="https://example.org/avis/caf/CAF-75"' in html


def test_network_territory_and_programme_pages_have_no_label_or_voice_figures(bare_site: Path) -> None:
    network = (bare_site / "reseaux" / "caf" / "index.html").read_text(encoding="utf-8")
    assert 'id="voix-usagers"' not in network and "Structures labellisées" not in visible_text(network)
    programme = visible_text((bare_site / "programme" / "index.html").read_text(encoding="utf-8"))
    assert "Transparence" in programme  # the page itself is there
    for words in ("Structures labellisées", "Label Or", "Expériences", "Avec réponse"):
        assert words not in programme, words
    region = next((bare_site / "territoires" / "regions").glob("*/index.html")).read_text(encoding="utf-8")
    assert "labellisées" not in visible_text(region) and "Expériences d'usagers" not in visible_text(region)


def test_posters_and_search_records_claim_no_label(bare_site: Path) -> None:
    poster = (bare_site / "services" / "caf-de-paris" / "affiche" / "index.html").read_text(encoding="utf-8")
    assert "Label " not in visible_text(poster)
    structure = (bare_site / "services" / "caf-de-paris" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'data-pagefind-meta="label', structure)


def test_every_link_resolves(bare_site: Path) -> None:
    assert broken_internal_links(bare_site) == []


def test_a_programme_without_label_has_no_label_feature_even_with_labels_in_the_data() -> None:
    catalog = load_catalog(GOOD_FIXTURE)
    assert catalog.labels and catalog.experiences and catalog.actions
    assert Features.of(catalog, parse_settings({})) == Features(True, True, True)
    assert not Features.of(catalog, parse_settings({"RESULTS_LABEL_LEVELS": ()})).labels


def test_an_absent_table_reads_like_an_empty_one(tmp_path: Path) -> None:
    """Absent (no file, no resource) or empty (header only): the same catalog, the same features."""
    absent = without_tables(copy_package(GOOD_FIXTURE, tmp_path / "absent"), OPTIONAL)
    empty = copy_package(GOOD_FIXTURE, tmp_path / "empty")
    for name in OPTIONAL:
        table = empty.parent / f"{name}.csv"
        table.write_text(table.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert Features.of(load_catalog(absent), parse_settings({})) == Features(False, False, False)
    assert Features.of(load_catalog(empty), parse_settings({})) == Features(False, False, False)
    assert validate_package(absent).valid and validate_package(empty).valid
