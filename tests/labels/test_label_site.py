"""The labels feature in a built site: structure pages, labels pages and counts, badge files, snippet."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from labelcheck import LABELS_FIXTURE, PUBLIC_URL, as_of, count_table, current_labels, table_rows
from support.csvfiles import read_table
from support.pages import visible_text
from support.recompute import slug
from support.site import build_site, copy_package

SITEURL = "https://resultats.example.gouv.fr"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(LABELS_FIXTURE, tmp_path_factory.mktemp("labels") / "output")


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A production-like build: absolute SITEURL, as publishconf.py sets it."""
    return build_site(LABELS_FIXTURE, tmp_path_factory.mktemp("published") / "output",
                      SITEURL=SITEURL, RELATIVE_URLS=False)


def structure_page(site: Path, name: str) -> str:
    return (site / "services" / slug(name) / "index.html").read_text(encoding="utf-8")


def label_block(page: str) -> str:
    match = re.search(r'<section class="label-block".*?</section>', page, re.S)
    assert match, "no label block on the structure page"
    return match.group(0)


STRUCTURES = {row["id"]: row["name"] for row in read_table(LABELS_FIXTURE, "structures")}


# -- structure pages ------------------------------------------------------------------------------
def test_current_label_shows_an_accessible_badge_with_level_validity_and_body(site: Path) -> None:
    block = label_block(structure_page(site, STRUCTURES["CAF-75"]))
    text = visible_text(block)
    assert 'role="img"' in block and "<title" in block
    assert "Label Services Publics+ niveau or, valable jusqu'au 12 mars 2027" in text  # the badge's name
    assert "Niveau Or" in text and "12 mars 2024" in text and "AFNOR Certification" in text
    assert 'href="../../label/"' in block  # links to what the label means
    assert "expiré" not in text.replace("« expiré »", "")


def test_renewed_label_replaces_the_old_one(site: Path) -> None:
    text = visible_text(label_block(structure_page(site, STRUCTURES["CAF-75"])))
    assert "Bronze" not in text and "2021" not in text


def test_expired_label_is_shown_as_expired_with_its_dates(site: Path) -> None:
    block = label_block(structure_page(site, STRUCTURES["FT-PARIS-19"]))
    text = visible_text(block)
    assert "il a expiré" in text and "1er juin 2023" in text and "1er juin 2026" in text
    assert "Niveau Argent : expiré" in text
    assert "Afficher ce label sur votre site" not in text  # no snippet for a lapsed promise
    assert "#eceff3" not in block  # not drawn in the current-label colours


def test_label_valid_until_the_as_of_day_is_still_current(site: Path) -> None:
    text = visible_text(label_block(structure_page(site, STRUCTURES["FT-NATIONAL"])))
    assert "Niveau Argent" in text and "15 novembre 2026" in text and "expiré" not in text.replace("« expiré »", "")


@pytest.mark.parametrize("structure_id", ["SIP-AJACCIO", "FT-MARSEILLE"])  # none, and one awarded after as_of
def test_structures_without_a_label_at_the_as_of_date_say_so(site: Path, structure_id: str) -> None:
    block = label_block(structure_page(site, STRUCTURES[structure_id]))
    assert "n'a pas de label Services Publics+ en cours de validité" in visible_text(block)
    assert "<svg" not in block


def test_every_structure_links_to_its_poster(site: Path) -> None:
    for name in STRUCTURES.values():
        page = structure_page(site, name)
        assert f'href="../../services/{slug(name)}/affiche/">Imprimer l\'affiche de nos résultats</a>' in page
        assert (site / "services" / slug(name) / "affiche" / "index.html").exists()


# -- labels pages ---------------------------------------------------------------------------------
def test_labels_page_counts_match_the_csv(site: Path) -> None:
    current = current_labels(LABELS_FIXTURE)
    structures = {row["id"]: row for row in read_table(LABELS_FIXTURE, "structures")}
    page = (site / "labels" / "index.html").read_text(encoding="utf-8")
    levels = Counter(row["level"] for row in current.values())
    networks = Counter(structures[sid]["network_id"] for sid in current)
    regions = Counter(structures[sid]["region_code"] for sid in current)
    assert count_table(page, "compte-niveaux") == {level: levels[level] for level in ("or", "argent", "bronze")}
    network_ids = {row["id"] for row in read_table(LABELS_FIXTURE, "networks")}
    assert count_table(page, "compte-reseaux") == {nid: networks[nid] for nid in network_ids}
    region_codes = {row["code"] for row in read_table(LABELS_FIXTURE, "regions")} | {""}
    assert count_table(page, "compte-regions") == {code: regions[code] for code in region_codes}
    assert len(table_rows(page, "structures-labellisees")) == len(current) == 4
    expired = table_rows(page, "labels-expires")
    assert len(expired) == 1 and "Agence Paris 19e" in expired[0]
    assert f"{len(current)} structures sur {len(structures)}" in visible_text(page)
    assert as_of(LABELS_FIXTURE).year == 2026


def test_views_by_level_network_and_region_work_without_javascript(site: Path) -> None:
    """Every count with labelled structures links to a static page listing exactly those structures."""
    page = (site / "labels" / "index.html").read_text(encoding="utf-8")
    links = 0
    for table in ("compte-niveaux", "compte-reseaux", "compte-regions"):
        for row in table_rows(page, table):
            count = int(re.search(r'<td class="num">([^<]*)</td>', row).group(1))
            link = re.search(r'<a href="([^"]+)"', row)
            assert bool(link) == (count > 0 and 'data-key=""' not in row)
            if link:
                links += 1
                view = (site / "labels" / link.group(1) / "index.html").resolve()
                assert len(table_rows(view.read_text(encoding="utf-8"), "structures-labellisees")) == count
    assert links == 3 + 2 + 2


def test_labels_pages_are_linked_from_the_menu_and_the_label_is_explained(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="./labels/">Labels</a>' in home or 'href="labels/">Labels</a>' in home
    explanation = (site / "label" / "index.html").read_text(encoding="utf-8")
    assert "Le label Services Publics+" in explanation and "trois ans" in explanation


def test_labels_pages_keep_the_csp(site: Path) -> None:
    """No inline script, no event handler attribute, no style attribute (the CSP forbids them). A
    `<script type="application/json">` data block (a chart's data) is never run: the CSP allows it."""
    pages = [site / "labels" / "index.html", *site.glob("labels/*/index.html"), *site.glob("labels/*/*/index.html"),
             *site.glob("services/*/affiche/index.html"), *site.glob("services/*/index.html")]
    assert len(pages) > 10
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert not re.search(r'<script(?![^>]*\bsrc=)(?![^>]*\btype="application/json")[^>]*>', page), path
        assert not re.search(r"\son[a-z]+\s*=", page), path
        assert not re.search(r"\sstyle\s*=", page), path
    assert '<script src="../theme/js/labels.js" defer></script>' in (site / "labels" / "index.html").read_text()


def test_names_are_escaped_on_labels_and_poster_pages(site: Path) -> None:
    poster = (site / "services" / "agence-marseille-canebiere-vieux-port" / "affiche" / "index.html").read_text()
    assert "Agence Marseille &#34;Canebière&#34; &amp; Vieux-Port" in poster


# -- badge files and the snippet ------------------------------------------------------------------
def test_badge_files_are_accessible_svg_for_every_structure_that_held_a_label(site: Path) -> None:
    held = {row["structure_id"] for row in read_table(LABELS_FIXTURE, "labels")
            if row["structure_id"] != "FT-MARSEILLE"}
    files = {path.stem for path in (site / "labels" / "badges").glob("*.svg")}
    assert files == held  # keyed by the structure's stable code: a renamed structure keeps its badge URL
    for path in (site / "labels" / "badges").glob("*.svg"):
        root = ET.parse(path).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("role") == "img"
        title = root.find("{http://www.w3.org/2000/svg}title")
        assert title is not None and title.text.startswith("Label Services Publics+ niveau ")
        texts = " ".join(t.text for t in root.iter("{http://www.w3.org/2000/svg}text"))
        assert "Niveau " in texts
    expired = ET.parse(site / "labels" / "badges" / "FT-PARIS-19.svg").getroot()
    assert "expiré" in expired.find("{http://www.w3.org/2000/svg}title").text


def snippet_urls(page: str) -> tuple[str, str, str]:
    code = re.search(r'<pre class="embed-code"[^>]*><code>(.*?)</code></pre>', page, re.S)
    assert code, "no snippet"
    snippet = html.unescape(code.group(1))
    assert snippet.startswith("<a href=") and "<script" not in snippet
    href = re.search(r'<a href="([^"]+)"', snippet).group(1)
    src = re.search(r'<img src="([^"]+)"', snippet).group(1)
    return snippet, href, src


@pytest.mark.parametrize(("build", "base"), [("site", PUBLIC_URL), ("published_site", SITEURL)])
def test_snippet_uses_absolute_urls_that_resolve_in_the_output(
    request: pytest.FixtureRequest, build: str, base: str
) -> None:
    output: Path = request.getfixturevalue(build)
    page = structure_page(output, STRUCTURES["CAF-69"])
    snippet, href, src = snippet_urls(page)
    assert href == f"{base}/services/caf-du-rhone/" and src == f"{base}/labels/badges/CAF-69.svg"
    assert (output / href.removeprefix(base + "/") / "index.html").exists()
    assert (output / src.removeprefix(base + "/")).exists()
    assert 'alt="Label Services Publics+ niveau argent, valable jusqu\'au 20 janvier 2028"' in snippet
    local_notice = "Version locale du site" in page
    assert local_notice == (build == "site")


def test_poster_qr_target_follows_siteurl_when_absolute(published_site: Path) -> None:
    poster = (published_site / "services" / "caf-de-paris" / "affiche" / "index.html").read_text()
    assert f"{SITEURL}/services/caf-de-paris/" in poster


def test_a_package_without_labels_has_no_labels_pages_badges_or_blocks(tmp_path: Path) -> None:
    """No empty shell (issue #17): no labels pages, no badges, no label block, no menu entry."""
    package = copy_package(LABELS_FIXTURE, tmp_path / "package")
    (package.parent / "labels.csv").write_text("structure_id,level,awarded_on,valid_until,certifying_body\n")
    output = build_site(package, tmp_path / "output")
    assert not (output / "labels").exists()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert ">Labels</a>" not in home
    structures = sorted((output / "services").glob("*/index.html"))
    assert structures and not any('id="label-titre"' in p.read_text(encoding="utf-8") for p in structures)
