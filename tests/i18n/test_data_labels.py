"""The data's own words on the English pages (issue #17): network names, indicator labels and methods,
commitments come from the package's translations.csv; a text without translation is shown in French
inside an element marked lang="fr"; the French pages keep their French, unmarked.

Built with the real Pelican and plugin from a copy of the good fixture that translates some texts and
leaves others in French (France Travail, the CAF's short name, the tax offices' indicator…).
"""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support.pages import normalise
from support.paths import GOOD_FIXTURE
from support.site import build_site, with_translations

TRANSLATIONS = """table,id,field,lang,text
networks,caf,name,en,Family allowance funds
networks,caf,description,en,"Family benefits, the RSA and housing benefits."
networks,finances-publiques,name,en,Public finances
networks,finances-publiques,short_name,en,Public Finances
indicators,satisfaction,label,en,Satisfied users
indicators,satisfaction,methods,en,Share of users who say they are satisfied.
indicators,caf-decroche,label,en,Calls answered
commitments,accueil-courtois,title,en,A courteous and caring welcome
commitments,accueil-courtois,description,en,We welcome you courteously.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data-labels")
    package = with_translations(GOOD_FIXTURE, folder / "package", TRANSLATIONS)
    return build_site(package, folder / "output", LANGUAGES=["fr_FR", "en_GB"])


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_an_english_structure_page_names_its_indicators_and_network_in_english(site: Path) -> None:
    english = page(site, "en/services/caf-de-paris")
    assert '<h2 id="ind-satisfaction">Satisfied users</h2>' in english
    assert '<caption id="historique-satisfaction">History: Satisfied users</caption>' in english
    assert '<caption id="historique-caf-decroche">History: Calls answered</caption>' in english
    assert '<a href="#ind-satisfaction">Satisfied users</a>' in english  # the verdict's list
    assert ">Family allowance funds</a>" in english
    # the method is said on the indicator's page (#15), in English there: see test_an_english_indicator_page
    assert '<p><a href="../../../en/indicateurs/satisfaction/#methode">Sources and method</a>' in english
    assert "Usagers satisfaits" not in main(english).split('class="downloads"')[0]
    # Without translation: the French text, marked (the network's short name, the structure's type)
    assert '<span lang="fr">CAF</span> network value' in english
    assert '· <span lang="fr">caisse départementale</span>' in english


def test_an_untranslated_indicator_is_french_and_marked_on_the_english_structure_page(site: Path) -> None:
    english = page(site, "en/services/service-des-impots-des-particuliers-d-ajaccio")
    assert '<h2 id="ind-sip-note" lang="fr">Note de satisfaction</h2>' in english
    assert '<caption id="historique-sip-note">History: <span lang="fr">Note de satisfaction</span></caption>' in english
    assert '<a href="../../../en/reseaux/finances-publiques/">Public Finances</a>' in english  # the breadcrumb


def test_the_french_structure_page_is_unchanged(site: Path) -> None:
    french = page(site, "services/caf-de-paris")
    assert '<h2 id="ind-satisfaction">Usagers satisfaits</h2>' in french
    assert '<caption id="historique-satisfaction">Historique : Usagers satisfaits</caption>' in french
    assert ">Caisses d&#39;allocations familiales</a> · caisse départementale</p>" in french
    assert 'lang="fr"' not in main(french) and "Satisfied users" not in french


def test_an_english_network_page(site: Path) -> None:
    english = page(site, "en/reseaux/caf")
    assert "<h1>Family allowance funds</h1>" in english
    assert '<p class="lead">Family benefits, the RSA and housing benefits.</p>' in english
    assert re.search(r'<h3 id="ind-satisfaction"><a href="[^"]+">Satisfied users</a></h3>', english)
    assert '<th scope="col" class="num">Calls answered</th>' in english  # the structures' table
    assert 'Latest values of the <span lang="fr">CAF</span> network\'s services</caption>' in english
    assert 'aria-label="Latest values of the CAF network&#39;s services"' in english
    untranslated = page(site, "en/reseaux/france-travail")
    assert re.search(r'<h3 id="ind-ft-delai-rdv"><a href="[^"]+" lang="fr">Délai pour un premier rendez-vous</a></h3>',
                     untranslated)
    assert ('<p class="lead"><span lang="fr">Accompagnement des demandeurs d&#39;emploi et des entreprises.</span></p>'
            in untranslated)
    assert '<h1 lang="fr">France Travail</h1>' in untranslated


def test_an_english_indicator_page(site: Path) -> None:
    english = page(site, "en/indicateurs/satisfaction")
    assert "<h1>Satisfied users</h1>" in english and "<title>Satisfied users – " in english
    assert "<caption>Satisfied users: results by service" in english
    assert "<p>Share of users who say they are satisfied.</p>" in english
    assert '<h2 id="methode">Sources and method</h2>' in english  # where structure pages link to
    # a method without translation: the French text, marked
    assert ('<p><span lang="fr">Appels décrochés rapportés aux appels reçus sur le mois.</span></p>'
            in page(site, "en/indicateurs/caf-decroche"))
    assert ">A courteous and caring welcome</a></dd>" in english  # the commitment it measures
    assert ">Family allowance funds</a></th>" in english
    assert '><span lang="fr">France Travail</span></a></th>' in english
    assert "<dd><span lang=\"fr\">Taux de satisfaction globale</span></dd>" in english  # the original label
    other = page(site, "en/indicateurs/sip-note")
    assert '<caption><span lang="fr">Note de satisfaction</span>: results by service' in other
    assert '<td>Public Finances</td>' in other


def test_the_workbooks_about_sheets_name_the_record_in_their_language(site: Path) -> None:
    """One workbook for both pages: its « About » sheet and the English page's download title name the
    indicator and the network by their English texts (translations.csv), « À propos » by the French ones."""
    import openpyxl

    for path, french, english in (
        ("indicateurs/satisfaction/resultats-satisfaction.xlsx", "Résultats : Usagers satisfaits",
         "Results: Satisfied users"),
        ("reseaux/finances-publiques/resultats-finances-publiques.xlsx", "Résultats des structures du réseau DGFiP",
         "Results of the structures of the Public Finances network"),
    ):
        workbook = openpyxl.load_workbook(site / path, read_only=True)
        try:
            contents = {name: {row[0]: row[1] for row in workbook[name].iter_rows(values_only=True) if row[0]}
                        for name in ("À propos", "About")}
        finally:
            workbook.close()
        assert contents["À propos"]["Contenu"] == french and contents["About"]["Contents"] == english, contents
        assert f'<p class="download-title"><strong>{english}</strong></p>' in page(site, "en/" + path.rsplit("/", 1)[0])


def test_the_english_lists_of_networks_and_indicators(site: Path) -> None:
    indicators = page(site, "en/indicateurs")
    assert ">Satisfied users</a></li>" in indicators and "<h2>Family allowance funds</h2>" in indicators
    assert '<h2 lang="fr">France Travail</h2>' in indicators
    assert '><span lang="fr">Délai pour un premier rendez-vous</span></a></li>' in indicators
    networks = page(site, "en/reseaux")
    assert ">Family allowance funds</a></h2>" in networks and '" lang="fr">France Travail</a></h2>' in networks
    home = page(site, "en")
    assert ">Satisfied users</a></h3>" in home and ">Public finances</a> (" in home
    # Listed in the order of their English names (French: Caisses…, Finances publiques, France Travail)
    cards = re.findall(r'<h2><a href="[^"]+"(?: lang="fr")?>([^<]+)</a></h2>', networks)
    assert cards == ["Family allowance funds", "France Travail", "Public finances"]
    options = re.findall(r'<option value="[\w-]+"(?: lang="fr")?>([^<]+)</option>', page(site, "en/recherche"))
    assert options[:3] == cards


def test_the_english_commitments_page(site: Path) -> None:
    english = page(site, "en/engagements")
    assert "<h3>1. A courteous and caring welcome</h3>" in english
    assert "<p>We welcome you courteously.</p>" in english
    assert '<h3>2. <span lang="fr">Des réponses dans des délais annoncés</span></h3>' in english
    assert ">Satisfied users</a></li>" in english  # measured by
    assert "<h3>1. Un accueil courtois et bienveillant</h3>" in page(site, "engagements")


def test_the_english_labels_pages(site: Path) -> None:
    index = page(site, "en/labels")
    # The counts by network: the CAF's short name has no translation, the tax offices' has one
    assert re.search(r'<tr data-key="caf"><th scope="row" lang="fr">(<a [^>]+>)?CAF(</a>)?</th>', index)
    assert re.search(r'<tr data-key="finances-publiques"><th scope="row">Public Finances</th>', index)
    view = page(site, "en/labels/reseaux/caf")
    assert '<h1>Labelled services: <span lang="fr">CAF</span> network</h1>' in view
    assert "<title>" in view and '<span' not in view.split("<title>", 1)[1].split("</title>", 1)[0]
    french = page(site, "labels")
    assert re.search(r'<tr data-key="caf"><th scope="row">(<a [^>]+>)?CAF(</a>)?</th>', french)


def test_the_english_poster(site: Path) -> None:
    english = page(site, "en/services/caf-de-paris/affiche")
    assert '<p class="poster-network">Family allowance funds</p>' in english
    assert "Satisfied users" in english and "Usagers satisfaits" not in english


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    """A page's visible text outside elements marked lang="fr", without the hidden search record
    (it indexes the French names too), the charts and the downloads section (their sentences and labels
    are worded by their own code: plugins/results/charts_section.py, plugins/results/downloads/)."""

    SKIPPED = ("search-record", "chart", "downloads")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, opens a skipped part)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        values = {name: value or "" for name, value in attrs}
        skipped = (values.get("lang") == "fr" and tag != "html") or tag in ("script", "style", "title") or any(
            name in values.get("class", "").split() for name in self.SKIPPED)
        self._stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not any(skipped for _tag, skipped in self._stack):
            self.text.append(data)


def french_texts(folder: Path, translated: bool) -> dict[str, str]:
    """The fixture's French data texts that have (or lack) an English translation, by text."""
    given = {tuple(row[:3]) for row in csv.reader(TRANSLATIONS.splitlines()[1:])}
    texts = {}
    for table, fields in (("networks", ("name", "description")), ("indicators", ("label", "methods")),
                          ("commitments", ("title", "description"))):
        with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for field in fields:
                    if ((table, row["id"], field) in given) == translated:
                        texts[normalise(row[field])] = f"{table} {row['id']} {field}"
    return texts


def test_no_english_page_shows_a_french_data_text_unmarked(site: Path) -> None:
    """Every English page: a translated text never appears in French; an untranslated one appears only
    inside lang="fr". Short names are left out (« CAF » is also in « CAF de Paris », a proper name)."""
    translated = french_texts(GOOD_FIXTURE.parent, translated=True)
    untranslated = french_texts(GOOD_FIXTURE.parent, translated=False)
    assert translated and untranslated
    found = []
    for path in sorted((site / "en").rglob("*.html")):
        if "a-propos" in path.parts or "methodologie" in path.parts:
            continue  # editorial pages, written by hand
        parser = VisibleText()
        parser.feed(path.read_text("utf-8"))
        text = normalise(" ".join(parser.text))
        found += [f"{path.relative_to(site)} : {where} « {french} »"
                  for french, where in {**translated, **untranslated}.items() if french in text]
    assert found == [], "\n".join(found[:30])


@pytest.mark.parametrize(("locale", "no_region", "regional"), [
    ("fr_FR", "Sans région (niveau national)", "Niveau régional"),
    ("en_GB", "No région (national level)", "Regional level"),
])
def test_the_groups_without_a_territory_are_named_in_the_pages_language(locale: str, no_region: str,
                                                                         regional: str) -> None:
    """The labels page's count of structures without a région, and a région's long list's group of
    structures without a département, are worded by the catalog (they were French on English pages)."""
    from dataclasses import replace

    from results.label_pages import _overview
    from results.load import load_catalog
    from results.sections import Site
    from support.paths import LABELS_FIXTURE

    catalog = load_catalog(LABELS_FIXTURE)
    site = Site.of(catalog, {"SITEURL": "", "RESULTS_LOCALE": locale})
    assert _overview(site)["region_counts"][-1].title == no_region
    structure = next(iter(catalog.structures.values()))
    regional_level = [replace(structure, id=f"X-{n}", departement_code="") for n in range(31)]
    groups = site.views.rows_by_departement(regional_level, [])
    assert [group["name"] for group in groups] == [regional]
