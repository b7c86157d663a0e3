"""Charts in the page's language on the bilingual site (issue #17): the static SVG of every chart kind
(structure trend, network trend, indicator trend, distribution, map) on an /en/ page writes English
numbers and words, its interactive data says English periods, the French pages keep their French, and
each language has its own drawings (an English SVG is never the French page's).

Built with the real Pelican and plugin from a copy of the good fixture with English labels for two
indicators (translations.csv), in French and English.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from support.paths import GOOD_FIXTURE
from support.site import build_site, with_translations

NBSP = "\u00a0"
TRANSLATIONS = """table,id,field,lang,text
indicators,satisfaction,label,en,Satisfied users
indicators,ft-delai-rdv,label,en,Time to a first appointment
"""
# What only a French chart says: the French percent and day forms, the charts' French words, the two
# translated labels.
FRENCH_ONLY = (f"{NBSP}%", f"{NBSP}j", "trimestre", "Cette structure", "Valeur du réseau", "Objectif", "Médiane",
               "Intervalle de confiance", "Ensemble des structures", "pas de données", "Valeur par département",
               "Usagers satisfaits", "Délai pour un premier rendez-vous", "Réseau ")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("chart-languages")
    package = with_translations(GOOD_FIXTURE, folder / "package", TRANSLATIONS)
    return build_site(package, folder / "output", LANGUAGES=["fr_FR", "en_GB"])


def texts(svg: Path) -> list[str]:
    """The texts a reader sees in a static chart."""
    return [html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg.read_text("utf-8"))]


def chart_svgs(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.svg") if "theme" not in path.relative_to(folder).parts)


def test_every_english_chart_writes_english(site: Path) -> None:
    svgs = chart_svgs(site / "en")
    kinds = {path.stem for path in svgs}
    assert {"graphique-evolution", "graphique-reseau", "graphique-tendance", "graphique-distribution",
            "graphique-distribution-large", "carte-departements", "graphique-national"} <= kinds
    found = [f"{path.relative_to(site)} : « {text} »" for path in svgs for text in texts(path)
             if any(french in text for french in FRENCH_ONLY)]
    assert found == [], "\n".join(found[:20])


def test_english_structure_chart(site: Path) -> None:
    written = texts(site / "en/services/caf-de-paris/graphique-evolution.svg")
    assert "Satisfied users" in written and "This structure" in written and "Network value" in written
    assert any(re.fullmatch(r"\d+%", text) for text in written), written  # « 72% », no space
    page = (site / "en/services/caf-de-paris/index.html").read_text("utf-8")
    caption = re.search(r'<figcaption class="chart-caption">(.*?)</figcaption>', page, re.S).group(1)
    assert "Satisfied users" in caption and "Usagers satisfaits" not in caption


def test_english_indicator_charts(site: Path) -> None:
    folder = site / "en/indicateurs/ft-delai-rdv"
    distribution = texts(folder / "graphique-distribution.svg")
    assert any(text.startswith("Median: ") and text.endswith(f"{NBSP}days") for text in distribution), distribution
    assert any(re.fullmatch(rf"\d+{NBSP}d", text) for text in distribution), distribution  # ticks « 12 d »
    assert any(" to " in text for text in texts(site / "en/indicateurs/satisfaction/carte-departements.svg"))


def test_english_interactive_data_says_english_periods(site: Path) -> None:
    """The tooltips' words (the page's inline chart data): « Q3 2025 », never « 3e trimestre 2025 »."""
    path = site / "en/services/agence-paris-19e/index.html"
    page = path.read_text("utf-8")
    data = re.search(r'<script type="application/json" id="graphique-evolution-donnees">(.*?)</script>', page, re.S)
    assert "Q3 2025" in data.group(1) and "trimestre" not in data.group(1)
    template = re.search(r'data-chart-template="([^"]+)"', page).group(1)
    vega = json.loads((path.parent / template).resolve().read_text("utf-8"))
    assert vega["config"]["locale"]["number"]["decimal"] == "."


def test_french_charts_keep_their_french(site: Path) -> None:
    written = texts(site / "services/caf-de-paris/graphique-evolution.svg")
    assert "Usagers satisfaits" in written and "Cette structure" in written
    assert any(re.fullmatch(rf"\d+{NBSP}%", text) for text in written), written  # « 72 % »
    page = (site / "services/agence-paris-19e/index.html").read_text("utf-8")
    assert "3e trimestre 2025" in page
    distribution = texts(site / "indicateurs/ft-delai-rdv/graphique-distribution.svg")
    assert any(text.startswith("Médiane : ") for text in distribution), distribution


def test_each_language_has_its_own_drawing(site: Path) -> None:
    """The cache key differs by language: the English file is never the French page's drawing."""
    pairs = [(path, site / path.relative_to(site / "en")) for path in chart_svgs(site / "en")]
    assert pairs and all(french.is_file() for _english, french in pairs)
    same = [str(english.relative_to(site)) for english, french in pairs
            if english.read_bytes() == french.read_bytes() or english.stat().st_ino == french.stat().st_ino]
    assert same == []


def test_language_neutral_chart_data_is_written_once(site: Path) -> None:
    """A distribution's and a map's CSV (codes, numbers, proper names) are the same in every language:
    the English page links to the French page's file instead of a copy; a trend's CSV (series names,
    period wording) stays the language's own."""
    assert sorted(path.name for path in (site / "en").rglob("*.csv") if "graphique-distribution" in path.name
                  or "carte-departements" in path.name) == []
    page = site / "en/indicateurs/satisfaction/index.html"
    links = set(re.findall(r'href="([^"]+\.csv)"', page.read_text("utf-8")))
    targets = {(page.parent / link).resolve(): link for link in links}
    assert all(target.is_file() for target in targets), links
    french = {target.relative_to(site.resolve()).as_posix() for target in targets}
    assert {"indicateurs/satisfaction/graphique-distribution.csv", "indicateurs/satisfaction/carte-departements.csv",
            "en/indicateurs/satisfaction/graphique-tendance.csv"} <= french
    assert "(0 octet" not in page.read_text("utf-8") and 'csv" download' in page.read_text("utf-8")


def test_english_chart_downloads_say_english(site: Path) -> None:
    """« CSV data (251 bytes) », « PNG (38 kB) »: before, « données CSV (251 octets) », « PNG (38 ko) »."""
    for page in (site / "en/indicateurs/satisfaction/index.html", site / "en/services/caf-de-paris/index.html"):
        lists = re.findall(r'<p class="chart-downloads">(.*?)</p>', page.read_text("utf-8"), re.S)
        words = " ".join(re.sub(r"<[^>]+>", " ", item) for item in lists)
        assert lists and "CSV data" in words and re.search(rf"\d{NBSP}(bytes|kB)\)", words), words
        assert not re.search(r"données|octets?\b|\bko\b|\bMo\b", words), words
    french = (site / "indicateurs/satisfaction/index.html").read_text("utf-8")
    assert re.search(rf"données CSV \(\d+{NBSP}octets\)", french)


def test_the_chart_names_its_tables_in_the_page_language(site: Path) -> None:
    page = (site / "en/services/caf-de-paris/index.html").read_text("utf-8")
    links = re.search(r'<p class="chart-data">(.*?)</p>', page, re.S).group(1)
    assert ">Satisfied users</a>" in links
    assert '<a href="#historique-caf-decroche" lang="fr">Appels décrochés</a>' in links


def captions(page: Path) -> list[str]:
    return re.findall(r'<figcaption class="chart-caption">(.*?)</figcaption>', page.read_text("utf-8"), re.S)


def test_an_untranslated_label_is_marked_french_in_the_chart_captions(site: Path) -> None:
    """« Appels décrochés » has no English label: the English captions print it in French, inside
    `lang="fr"` (a screen reader reads it as French); a translated label is not marked, nor is the
    French page, nor a structure's proper name containing its network's untranslated short name."""
    found = captions(site / "en/indicateurs/caf-decroche/index.html")
    assert len(found) == 3  # trend, distribution, map
    for caption in found:
        assert '<span lang="fr">Appels décrochés</span>' in caption, caption
        assert "Appels décrochés" not in caption.replace('<span lang="fr">Appels décrochés</span>', "")
    for caption in captions(site / "en/indicateurs/satisfaction/index.html"):
        assert "Satisfied users" in caption and 'lang="fr"' not in caption, caption
    for caption in captions(site / "indicateurs/caf-decroche/index.html"):
        assert "Appels décrochés" in caption and 'lang="fr"' not in caption, caption
    structure = captions(site / "en/services/caf-de-paris/index.html")[0]
    assert "Results over time: CAF de Paris</p>" in structure
    assert '<span lang="fr">Appels décrochés</span>: from ' in structure
    network = captions(site / "en/reseaux/caf/index.html")[0]
    assert 'of the <span lang="fr">CAF</span> network' in network


def test_english_captions_use_english_punctuation(site: Path) -> None:
    """« highest, Paris (91%); lowest, Rhône (87%); national value 89% », « present in both periods:
    +2 points »: French spaces before « ; » and « : » are French typography, not English."""
    pages = [page for page in (site / "en").rglob("index.html") if captions(page)]
    assert len(pages) > 5
    found = [f"{page.relative_to(site)} : {text}" for page in pages for caption in captions(page)
             for text in [html.unescape(re.sub(r"<[^>]+>", "", caption))] if " ; " in text or " : " in text]
    assert found == [], "\n".join(found[:10])
