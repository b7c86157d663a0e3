"""Page inputs (plugins/results/inputs.py): the digests a structure page is decided from before
anything of it is computed, on the good fixture loaded as a build loads it (no Pelican run)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from results.carryover import CarryOver
from results.load import load_catalog
from results.sections import Section, Site
from results.settings import parse_settings
from support.paths import GOOD_FIXTURE, ROOT
from support.site import copy_package


def site_of(package: Path, tmp_path: Path, sections: tuple = ()) -> tuple[Site, list[Section], CarryOver]:
    settings: dict[str, Any] = {
        "OUTPUT_PATH": str(tmp_path / "output"), "THEME": str(ROOT / "theme"), "PATH": str(ROOT / "content"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")], "RESULTS_PAGE_MANIFEST": str(tmp_path / "pages.json"),
    }
    if sections:
        settings["RESULTS_SECTIONS"] = sections
    site = Site.of(load_catalog(package), settings)
    built = [section(site) for section in parse_settings(site.settings).section_classes()]
    return site, built, CarryOver(site.settings)


def fingerprint(site: Site, sections: list[Section], carry: CarryOver, kind: str, record: Any) -> str | None:
    return carry.input_fingerprint(site.urls.page(kind, record), site, sections, {"programme": site.facts.catalog.info})


class Silent(Section):
    """A site's own section that adds to structure pages without saying what it reads."""

    def extend(self, page, values):
        return {"extra": page.record.name} if page.is_a("STRUCTURE") else {}


def test_record_pages_declare_their_inputs_the_programme_wide_pages_do_not(tmp_path: Path) -> None:
    site, sections, carry = site_of(GOOD_FIXTURE, tmp_path)
    catalog = site.facts.catalog
    structure = catalog.structures["CAF-75"]
    assert fingerprint(site, sections, carry, "STRUCTURE", structure) is not None
    assert fingerprint(site, sections, carry, "POSTER", structure) is not None
    assert fingerprint(site, sections, carry, "NETWORK", catalog.networks["caf"]) is not None
    assert fingerprint(site, sections, carry, "INDICATOR", catalog.indicators["satisfaction"]) is not None
    assert fingerprint(site, sections, carry, "DEPARTEMENT", catalog.departements["75"]) is not None
    assert fingerprint(site, sections, carry, "REGION", catalog.regions["11"]) is not None
    assert fingerprint(site, sections, carry, "HOME", None) is None  # the whole programme: computed, then compared
    assert fingerprint(site, sections, carry, "PROGRAMME", None) is None


def test_a_section_that_declares_nothing_makes_the_structure_pages_computed(tmp_path: Path) -> None:
    from results.settings import BUILTIN_SECTIONS

    site, sections, carry = site_of(GOOD_FIXTURE, tmp_path, (*BUILTIN_SECTIONS, Silent))
    assert fingerprint(site, sections, carry, "STRUCTURE", site.facts.catalog.structures["CAF-75"]) is None


def test_a_corrected_value_changes_the_digests_that_read_it_only(tmp_path: Path) -> None:
    before, _sections, _carry = site_of(GOOD_FIXTURE, tmp_path / "before")
    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    results = package.parent / "results" / "finances-publiques.csv"  # one file per network
    text = results.read_text("utf-8")
    old, new = "SIP-AJACCIO,satisfaction,2024,88,190,83.4,92.6,", "SIP-AJACCIO,satisfaction,2024,70,190,65.4,74.6,"
    results.write_text(text.replace(old, new), "utf-8")
    after, _sections, _carry = site_of(package, tmp_path / "after")
    old_digests, new_digests = before.facts.digests, after.facts.digests
    structures = before.facts.catalog.structures

    assert old_digests.reference == new_digests.reference
    assert {s for s in structures if old_digests.rows(s) != new_digests.rows(s)} == {"SIP-AJACCIO"}
    networks = before.facts.catalog.networks
    assert {n for n in networks if old_digests.network_series(n) != new_digests.network_series(n)} == {
        "finances-publiques"}
    compared = {s for s, structure in structures.items()
                if old_digests.national_at_latest(structure) != new_digests.national_at_latest(structure)}
    assert compared == {"FT-MARSEILLE"}  # the only structure whose latest satisfaction is 2024's
    shutil.rmtree(tmp_path / "package")
