"""The page model and the section plug-in point, used the way a programme would extend its site:
a page kind and a section declared here, in the test, and found on the built site."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape
from results.pages import Page, PageKind
from results.sections import Section, SectionKeyError
from results.settings import BUILTIN_SECTIONS, SettingsError
from support.paths import GOOD_FIXTURE
from support.site import build_site

TOY_TEMPLATE = """{% extends "base.html" %}
{% block content %}<h1>Réseau jouet : {{ network.name }}</h1><p class="toy">{{ toy_note }}</p>{% endblock %}
"""

# One declaration: settings prefix TOY (TOY_URL / TOY_SAVE_AS), one page per network, template toy.html.
TOY = PageKind(
    "TOY", "toy", "jouets/{slug}/", "jouets/{slug}/index.html",
    records=lambda site: site.facts.catalog.networks.values(),
    context=lambda page, site: {"network": page.record},
)
TOY_INDEX = PageKind("TOY_INDEX", "toy_index", "jouets/", "jouets/index.html", menu_title="Jouets", menu_order=15)


class ToySection(Section):
    """Declares the toy index, and adds its own entry to every toy page."""

    kinds = (TOY_INDEX,)

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        if page.kind is TOY:
            return {"toy_note": f"Note de la section jouet pour {page.record.short_name}"}
        return {}


class GreedySection(Section):
    """Sets a key the charts section already sets on the home page."""

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"chart": "le mien"} if page.is_a("HOME") else {}


class RenamingSection(Section):
    """Gives the home page its own SITENAME: Pelican would let it replace the site's name there only."""

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"SITENAME": "Autre nom"} if page.is_a("HOME") else {}


# A page kind whose own context sets `links`, the site's link builder shared by every page.
SHADOWING = PageKind("SHADOWING", "toy_index", "ombre/", "ombre/index.html",
                     context=lambda page, site: {"links": "les miens"})


def templates(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "toy.html").write_text(TOY_TEMPLATE, encoding="utf-8")
    (folder / "toy_index.html").write_text('{% extends "base.html" %}{% block content %}<h1>Jouets</h1>'
                                           "{% endblock %}", encoding="utf-8")
    return folder


def menu(html: str) -> list[tuple[str, str]]:
    nav = html.split('aria-label="Menu principal"', 1)[1].split("</nav>", 1)[0]
    return [(title, href) for href, title in re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', nav)]


@pytest.fixture(scope="module")
def toy_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The good fixture with the toy kind, the toy section and a moved networks index."""
    root = tmp_path_factory.mktemp("toy")
    return build_site(
        GOOD_FIXTURE, root / "output",
        THEME_TEMPLATES_OVERRIDES=[str(templates(root / "templates"))],
        RESULTS_PAGE_KINDS=(TOY,),
        RESULTS_SECTIONS=(*BUILTIN_SECTIONS, ToySection),
        TOY_URL="jeux/{id}/", TOY_SAVE_AS="jeux/{id}/index.html",
        NETWORKS_INDEX_URL="tous-les-reseaux/", NETWORKS_INDEX_SAVE_AS="tous-les-reseaux/index.html",
    )


def test_a_page_kind_declared_in_a_site_gets_one_page_per_record_at_its_settings_urls(toy_site: Path) -> None:
    from results.load import load_catalog

    networks = load_catalog(GOOD_FIXTURE).networks.values()
    assert networks
    for network in networks:
        page = toy_site / "jeux" / network.id / "index.html"  # TOY_URL from the settings, not the default
        html = page.read_text("utf-8")
        assert f"Réseau jouet : {escape(network.name)}" in html
        # the toy section's own entry, registered through RESULTS_SECTIONS
        assert f'<p class="toy">Note de la section jouet pour {escape(network.short_name)}</p>' in html
    assert not (toy_site / "jouets" / next(iter(networks)).slug).exists()


def test_declared_pages_are_in_the_sitemap_and_the_menu_follows_the_declarations(toy_site: Path) -> None:
    from results.load import load_catalog

    sitemap = (toy_site / "sitemap.xml").read_text("utf-8")
    for network in load_catalog(GOOD_FIXTURE).networks.values():
        assert f"/jeux/{network.id}/</loc>" in sitemap
    assert "/jouets/</loc>" in sitemap and "/tous-les-reseaux/</loc>" in sitemap
    assert "affiche/</loc>" not in sitemap and "404" not in sitemap  # declared out of the sitemap
    items = menu((toy_site / "index.html").read_text("utf-8"))
    assert items[:3] == [("Réseaux", "./tous-les-reseaux/"), ("Jouets", "./jouets/"), ("Territoires", "./territoires/")]
    assert (toy_site / "tous-les-reseaux" / "index.html").exists()
    # editorial pages, written by Pelican's own generator, show the same menu
    assert menu((toy_site / "methodologie" / "index.html").read_text("utf-8"))[0] == \
        ("Réseaux", "../tous-les-reseaux/")


def test_two_sections_setting_the_same_key_stop_the_build(tmp_path: Path) -> None:
    with pytest.raises(SectionKeyError, match=r"« chart ».*ChartsSection"):
        build_site(GOOD_FIXTURE, tmp_path / "output", RESULTS_SECTIONS=(*BUILTIN_SECTIONS, GreedySection))


@pytest.mark.parametrize(("overrides", "message"), [
    ({"RESULTS_SECTIONS": (*BUILTIN_SECTIONS, RenamingSection)},
     r"La section RenamingSection veut définir « SITENAME » sur la page / \(HOME\), mais c'est une valeur commune"),
    ({"RESULTS_PAGE_KINDS": (SHADOWING,)},
     r"Le type de page SHADOWING veut définir « links » sur la page ombre/ \(SHADOWING\), mais c'est une valeur"),
])
def test_a_section_or_page_kind_replacing_a_value_every_page_shares_stops_the_build(
    tmp_path: Path, overrides: dict[str, Any], message: str
) -> None:
    with pytest.raises(SectionKeyError, match=message):
        build_site(GOOD_FIXTURE, tmp_path / "output", THEME_TEMPLATES_OVERRIDES=[str(templates(tmp_path / "t"))],
                   **overrides)


@pytest.mark.parametrize(("overrides", "message"), [
    ({"RESULTS_SMAL_SAMPLE": 10}, "Réglage inconnu : RESULTS_SMAL_SAMPLE. Vouliez-vous écrire RESULTS_SMALL_SAMPLE"),
    ({"STRUCTUR_URL": "s/{slug}/"}, "Réglage inconnu : STRUCTUR_URL. Vouliez-vous écrire STRUCTURE_URL ?"),
    ({"RESULTS_SMALL_SAMPLE": "30"}, "RESULTS_SMALL_SAMPLE doit être de type int"),
    ({"RESULTS_STRICT": "non"}, "RESULTS_STRICT doit être de type bool"),
    ({"RESULTS_TRANSPARENCY_THRESHOLD": "3/2"}, "entre 0 et 1"),
    ({"RESULTS_PUBLIC_URL": "example.org"}, "adresse absolue"),
    ({"RESULTS_SECTIONS": ("results.voice.VoixSection",)}, "impossible d'importer la section"),
])
def test_an_unknown_or_mistyped_setting_stops_the_build_with_the_fix(
    tmp_path: Path, overrides: dict[str, Any], message: str
) -> None:
    with pytest.raises(SettingsError, match=re.escape(message)):
        build_site(GOOD_FIXTURE, tmp_path / "output", **overrides)
    assert not (tmp_path / "output" / "index.html").exists()


def test_every_setting_is_documented_with_its_default() -> None:
    from results.settings import setting_table
    from support.paths import ROOT

    documented = (ROOT / "docs" / "settings.md").read_text("utf-8")
    for name, default, _ in setting_table():
        line = next((row for row in documented.splitlines() if row.startswith(f"| `{name}`")), None)
        assert line is not None, f"{name} manque dans docs/settings.md"
        if not isinstance(default, tuple):
            assert f"`{default!r}`" in line or f"`{default}`" in line, line
