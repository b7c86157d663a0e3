"""The built site, checked like a visitor and a journalist would: one page per record, right figures,
working links, escaped data, reproducible bytes."""

from __future__ import annotations

import filecmp
import json
import shutil
from pathlib import Path

import pytest
from expected import PackageFacts, french_number, french_value, period_in_words, previous_code, slug_of_departement
from sitecheck import broken_internal_links
from support.csvfiles import read_csv
from support.pages import visible_text
from support.paths import GOOD_FIXTURE
from support.recompute import slug
from support.site import build_site, copy_package

# site fixture → its package: the small fixture, the generated demo, and a copy of data/ after a
# correct publication (tests/conftest.py), so that a correct data change is held to the same checks.
PACKAGES = {"good_site": lambda request: GOOD_FIXTURE,
            "demo_site": lambda request: request.getfixturevalue("demo_package"),
            "published_site": lambda request: request.getfixturevalue("published_package")[0]}


@pytest.fixture(scope="module", params=sorted(PACKAGES))
def site_and_facts(request: pytest.FixtureRequest) -> tuple[Path, PackageFacts]:
    """Each package above, built once per session, with its facts read from its CSVs."""
    return request.getfixturevalue(request.param), PackageFacts(PACKAGES[request.param](request))


@pytest.fixture(scope="module")
def facts() -> PackageFacts:
    return PackageFacts(GOOD_FIXTURE)


def test_every_record_has_exactly_one_page(site_and_facts: tuple[Path, PackageFacts]) -> None:
    good_site, facts = site_and_facts
    for structure in facts.structures.values():
        assert len(list(good_site.glob(f"services/{structure['slug']}/index.html"))) == 1
    assert {p.parent.name for p in good_site.glob("services/*/index.html")} >= {
        s["slug"] for s in facts.structures.values()
    }
    for network in facts.networks.values():
        assert (good_site / "reseaux" / network["id"] / "index.html").exists()
    for indicator_id in facts.indicators:
        assert (good_site / "indicateurs" / slug(indicator_id) / "index.html").exists()
    for region in facts.regions:
        assert (good_site / "territoires" / "regions" / slug(region["name"]) / "index.html").exists()
    for departement in facts.departements:
        assert (good_site / "territoires" / "departements" / slug_of_departement(departement) / "index.html").exists()
    structure_pages = [p for p in good_site.glob("services/*/index.html") if not p.parent.name.startswith("lettre-")]
    assert len(structure_pages) == len(facts.structures)


def test_structure_pages_show_latest_value_period_change_and_network_value(
    site_and_facts: tuple[Path, PackageFacts],
) -> None:
    good_site, facts = site_and_facts
    checked = 0
    sample = list(facts.structures.values())[:: max(1, len(facts.structures) // 40)]
    for structure in sample:
        text = visible_text((good_site / "services" / structure["slug"] / "index.html").read_text("utf-8"))
        for indicator_id, indicator in facts.indicators.items():
            latest = facts.latest(structure["id"], indicator_id)
            if latest is None:
                continue
            unit, decimals = indicator["unit"], int(indicator["decimals"])
            value = float(latest["value"])
            assert f"{french_value(value, unit, decimals)} {period_in_words(latest['period'])}" in text
            previous = next((r for r in facts.series(structure["id"], indicator_id)
                             if r["period"] == previous_code(latest["period"]) and r["value"]), None)
            if previous is not None:
                delta = value - float(previous["value"])
                if round(abs(delta), decimals):
                    word = {"days": "jour", "minutes": "minute"}.get(unit, "point")
                    assert f"{french_number(delta, decimals, signed=True)} {word}" in text
            network_value = facts.network_value(structure["network_id"], indicator_id, latest["period"])
            network = facts.networks[structure["network_id"]]
            assert f"Valeur du réseau {network['short_name']} {french_value(network_value, unit, decimals)}" in text
            checked += 1
    assert checked >= 6


def test_missing_values_show_their_reason_never_zero(site_and_facts: tuple[Path, PackageFacts]) -> None:
    good_site, facts = site_and_facts
    missing = [r for r in facts.results if not r["value"]][:50]
    assert missing, "the good fixture should contain a missing value"
    for row in missing:
        structure = facts.structures[row["structure_id"]]
        text = visible_text((good_site / "services" / structure["slug"] / "index.html").read_text("utf-8"))
        assert row["missing_reason"] in text


def test_every_internal_link_and_asset_resolves(site_and_facts: tuple[Path, PackageFacts]) -> None:
    assert broken_internal_links(site_and_facts[0]) == []


def test_site_files_for_machines(good_site: Path, facts: PackageFacts) -> None:
    sitemap = (good_site / "sitemap.xml").read_text("utf-8")
    assert sitemap.count("<loc>") >= len(facts.structures) + len(facts.networks)
    assert "Sitemap:" in (good_site / "robots.txt").read_text("utf-8")
    feed = (good_site / "flux" / "donnees.atom.xml").read_text("utf-8")
    releases = json.loads(GOOD_FIXTURE.read_text("utf-8")).get("releases", [])
    assert feed.count("<entry>") == len(releases)
    assert "Page introuvable" in (good_site / "404.html").read_text("utf-8")


def test_demo_banner_follows_the_package_flag(good_site: Path) -> None:
    demo = json.loads(GOOD_FIXTURE.read_text("utf-8")).get("demo", False)
    assert ("Données de démonstration" in (good_site / "index.html").read_text("utf-8")) == demo


def test_data_strings_are_escaped(tmp_path: Path) -> None:
    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    structures = (package.parent / "structures.csv").read_text("utf-8")
    structures = structures.replace("CAF de Paris", '"<script>alert(1)</script>"', 1)
    (package.parent / "structures.csv").write_text(structures, "utf-8")
    output = build_site(package, tmp_path / "output")
    page = (output / "services" / "caf-de-paris" / "index.html").read_text("utf-8")  # the stored slug
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build_site(GOOD_FIXTURE, tmp_path / "one" / "output")
    second = build_site(GOOD_FIXTURE, tmp_path / "two" / "output")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, [str(f) for f in files], shallow=False)
    assert mismatch == [] and errors == []


def test_structure_pages_stay_small(site_and_facts: tuple[Path, PackageFacts]) -> None:
    sizes = {p: p.stat().st_size for p in site_and_facts[0].glob("services/*/index.html")}
    assert max(sizes.values()) < 100_000


def test_duplicate_slug_stops_the_build_naming_both_records(tmp_path: Path) -> None:
    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    rows = read_csv(package.parent / "structures.csv")
    text = (package.parent / "structures.csv").read_text("utf-8")
    taken = text.replace(f"{rows[1]['id']},{rows[1]['slug']},", f"{rows[1]['id']},{rows[0]['slug']},", 1)
    (package.parent / "structures.csv").write_text(taken, "utf-8")
    with pytest.raises(Exception, match=rf"{rows[0]['id']}.*{rows[1]['id']}.*autre slug dans structures.csv"):
        build_site(package, tmp_path / "output")
    shutil.rmtree(tmp_path / "package")
