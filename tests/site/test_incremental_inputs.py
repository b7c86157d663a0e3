"""Incremental builds decided from a page's inputs (plugins/results/inputs.py, carryover.plan): a
structure page and its poster, a network's, an indicator's, a territory's and an A–Z letter's page
are carried over — nothing of them computed — when the data they read did not change, and rendered
when it did; the search index is copied when no page's search record changed. Whatever is carried,
the published site is byte for byte the site a forced build (every page rendered) publishes from the
same package.

The good fixture has three networks: CAF (CAF-75, CAF-69), France Travail (FT-IDF, FT-PARIS-19,
FT-MARSEILLE) and the SIP of Ajaccio; every structure measures the common `satisfaction` indicator
(yearly). FT-MARSEILLE has no 2025 value, so its page compares its 2024 value with the nation's.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import build as build_script
import pytest
from buildcache import page_manifest
from pelican.settings import read_settings
from results.carryover import read_manifest
from results.i18n.sites import language_manifest, site_languages
from support.paths import GOOD_FIXTURE, ROOT
from support.site import copy_package


def structure_pages(*ids: str, data: Path) -> set[str]:
    """The page and the poster of each structure, by its stored slug."""
    with (data.parent / "structures.csv").open(encoding="utf-8", newline="") as handle:
        slugs = {row["id"]: row["slug"] for row in csv.DictReader(handle)}
    folders = [f"services/{slugs[structure_id]}" for structure_id in ids]
    return {page for folder in folders for page in (f"{folder}/index.html", f"{folder}/affiche/index.html")}


ALL_STRUCTURES = ("CAF-75", "CAF-69", "FT-IDF", "FT-PARIS-19", "FT-MARSEILLE", "SIP-AJACCIO")
NETWORKS = ("caf", "france-travail", "finances-publiques")
INDICATORS = ("satisfaction", "caf-decroche", "ft-delai-rdv", "sip-note")
REGIONS = ("ile-de-france", "auvergne-rhone-alpes", "provence-alpes-cote-d-azur", "corse")
DEPARTEMENTS = ("75-paris", "69-rhone", "13-bouches-du-rhone", "2a-corse-du-sud")
SEARCH_INDEX = "SearchSection"


def other_pages(networks: tuple[str, ...] = (), indicators: tuple[str, ...] = (), regions: tuple[str, ...] = (),
                departements: tuple[str, ...] = ()) -> set[str]:
    """Network, indicator and territory pages by their slugs (the fixture's: ids, and names)."""
    return {
        *(f"reseaux/{slug}/index.html" for slug in networks),
        *(f"indicateurs/{slug}/index.html" for slug in indicators),
        *(f"territoires/regions/{slug}/index.html" for slug in regions),
        *(f"territoires/departements/{slug}/index.html" for slug in departements),
    }


EVERY_OTHER_PAGE = other_pages(NETWORKS, INDICATORS, REGIONS, DEPARTEMENTS)


def search_manifest(output: Path) -> dict:
    """The search index is built by the last language's run (plugins/results/i18n/sites.py), so that
    run's manifest says whether the index was copied; the project's settings are bilingual."""
    last = site_languages(read_settings(str(ROOT / "pelicanconf.py")))[-1]
    path = page_manifest(output)
    return read_manifest(Path(language_manifest(str(path), last.code)) if last.prefix else path)


def letters_rendered(manifest: dict) -> set[str]:
    return {page for page in manifest["rendered_pages"] if page.startswith("services/lettre-")}


def tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


class Builds:
    """One package built incrementally into `output`, and from scratch into `forced` to compare."""

    def __init__(self, root: Path) -> None:
        self.data = copy_package(GOOD_FIXTURE, root / "package")
        self.output, self.forced, self.cache = root / "output", root / "forced", root / "chart-cache"

    def build(self, output: Path, *extra: str) -> dict:
        args = ["--settings", str(ROOT / "pelicanconf.py"), "--data", str(self.data), "--output", str(output),
                "--chart-cache", str(self.cache), "--quiet", *extra]
        assert build_script.main(args) == 0
        return read_manifest(page_manifest(output))

    def change(self, file: str, old: str, new: str) -> None:
        path = self.data.parent / file
        text = path.read_text("utf-8")
        assert text.count(old) == 1, f"{old!r} dans {path}"
        path.write_text(text.replace(old, new), "utf-8")

    def rebuild_and_compare(self) -> set[str]:
        """Build incrementally, then from scratch; the two sites must be identical. Returns the
        structure pages and posters the incremental build rendered (its manifest: `self.manifest`)."""
        manifest = self.manifest = self.build(self.output)
        self.search_carried = search_manifest(self.output)["files_carried"]
        self.build(self.forced, "--force")
        incremental, forced = tree(self.output), tree(self.forced)
        assert sorted(incremental) == sorted(forced)
        differing = [name for name in forced if incremental[name] != forced[name]]
        assert not differing, f"fichiers différents d'une construction complète : {differing[:10]}"
        every = structure_pages(*ALL_STRUCTURES, data=self.data)
        return {page for page in manifest["rendered_pages"] if page in every}

    @property
    def others_rendered(self) -> set[str]:
        """The network, indicator and territory pages the last incremental build rendered."""
        return {page for page in self.manifest["rendered_pages"] if page in EVERY_OTHER_PAGE}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    builds = Builds(tmp_path_factory.mktemp("inputs"))
    first = builds.build(builds.output)
    assert first["carried"] == 0
    return builds


def test_a_network_indicator_corrected_renders_that_network_s_structures_only(builds: Builds) -> None:
    # caf-decroche is CAF's own indicator: CAF's series changes, no national value does.
    builds.change("results/caf.csv", "CAF-75,caf-decroche,2026-06,91.3,", "CAF-75,caf-decroche,2026-06,92.8,")
    rendered = builds.rebuild_and_compare()
    assert rendered == structure_pages("CAF-75", "CAF-69", data=builds.data)
    assert "92,8" in (builds.output / "services/caf-de-paris/index.html").read_text("utf-8")
    # CAF-75's network, its indicator, its département and its région show it; nothing else does.
    assert builds.others_rendered == other_pages(("caf",), ("caf-decroche",), ("ile-de-france",), ("75-paris",))
    assert not letters_rendered(builds.manifest)  # names only
    assert SEARCH_INDEX in builds.search_carried  # no search record changed: index copied


def test_a_national_value_corrected_renders_the_pages_compared_with_it(builds: Builds) -> None:
    # The SIP's 2024 satisfaction moves the nation's 2024 value (median 76.5 → 73.5): FT-MARSEILLE,
    # whose latest satisfaction is 2024, is compared with it; the others' latest is 2025.
    builds.change("results/finances-publiques.csv", "SIP-AJACCIO,satisfaction,2024,88,190,83.4,92.6,",
                  "SIP-AJACCIO,satisfaction,2024,70,190,65.4,74.6,")
    rendered = builds.rebuild_and_compare()
    assert rendered == structure_pages("SIP-AJACCIO", "FT-MARSEILLE", data=builds.data)
    # Every territory page compares its structures with the nation's 2025 satisfaction and its change
    # since 2024, which moved; the SIP's network and the indicator show the value itself.
    assert builds.others_rendered == other_pages(("finances-publiques",), ("satisfaction",), REGIONS, DEPARTEMENTS)
    assert SEARCH_INDEX in builds.search_carried


def test_a_record_changed_renders_every_structure_page(builds: Builds) -> None:
    # Reference tables (names, labels, experiences, as_of…) are read by every structure page.
    builds.change("structures.csv", ",Agence Paris 19e,", ",Agence Paris 19e arrondissement,")
    rendered = builds.rebuild_and_compare()
    assert rendered == structure_pages(*ALL_STRUCTURES, data=builds.data)
    assert builds.others_rendered == EVERY_OTHER_PAGE
    assert letters_rendered(builds.manifest) == {"services/lettre-a/index.html"}  # « Agence Paris 19e… »
    assert SEARCH_INDEX not in builds.search_carried  # the structure's record changed


def test_the_publisher_named_in_the_descriptor_reaches_every_structure_document(builds: Builds) -> None:
    # Not a table of the catalog: the downloads section declares it (every JSON document's citation).
    builds.change("datapackage.json", '"title": "Équipe du programme"', '"title": "Direction du programme"')
    rendered = builds.rebuild_and_compare()
    pages = {page for page in structure_pages(*ALL_STRUCTURES, data=builds.data) if "/affiche/" not in page}
    assert rendered == pages  # posters cite nobody: carried over
    assert builds.others_rendered == EVERY_OTHER_PAGE  # every page's files cite the publisher
    assert not letters_rendered(builds.manifest)
    document = next((builds.output / "api").rglob("CAF-75.json")).read_text("utf-8")
    assert "Direction du programme" in document


FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre")


def network_updated_on(data: Path, network: str) -> str:
    """The latest `updated_on` of a network's results file (ISO)."""
    with (data.parent / "results" / f"{network}.csv").open(encoding="utf-8", newline="") as handle:
        return max(row["updated_on"] for row in csv.DictReader(handle))


def test_a_new_release_leaves_the_structures_whose_data_did_not_change(builds: Builds) -> None:
    # A correction release moves the version and as_of by a day: no value changes, nobody becomes late,
    # no label expires. Structure pages, posters and their files say their network's update date,
    # not the package's: all carried over. The other pages say the new version in their footer.
    builds.change("datapackage.json", '  "version": "2026.3.0",\n  "as_of": "2026-11-15",',
                  '  "version": "2026.3.1",\n  "as_of": "2026-11-16",')
    builds.change("datapackage.json", '      "version": "2026.3.0",\n      "date": "2026-11-15",',
                  '      "version": "2026.3.1",\n      "date": "2026-11-16",')
    rendered = builds.rebuild_and_compare()
    assert rendered == set()
    assert builds.others_rendered == EVERY_OTHER_PAGE  # their footer says the package's version
    updated = network_updated_on(builds.data, "caf")
    year, month, day = (int(part) for part in updated.split("-"))
    footer = (builds.output / "services/caf-de-paris/index.html").read_text("utf-8").split('class="site-footer"')[1]
    day_words = "1er" if day == 1 else str(day)
    assert f"Résultats du réseau CAF mis à jour le {day_words} {FRENCH_MONTHS[month - 1]} {year}" in footer
    assert "version 2026.3.1" not in footer
    assert "version 2026.3.1" in (builds.output / "indicateurs/satisfaction/index.html").read_text("utf-8")
    document = json.loads(next((builds.output / "api").rglob("CAF-75.json")).read_text("utf-8"))
    assert document["source"]["network_updated_on"] == updated and "version" not in document["source"]
    assert SEARCH_INDEX in builds.search_carried
