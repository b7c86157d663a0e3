"""The bilingual site (`LANGUAGES`): French at the root, English under /en/, same ids and slugs.

Built from the small good fixture with the real Pelican and plugin: every page's switcher and
`hreflang` alternates lead to a page that exists and says the right `<html lang>`, and back; the
English pages say none of the templates' French sentences; the downloads are the French pages' files;
the sitemap lists every page in both languages (an editorial page without translation in French only);
the editorial pages are their translations (content/pages/en/), or the French text marked lang="fr";
a one-language English site is one setting.
"""

from __future__ import annotations

import csv
import html
import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from results.i18n.catalogs import catalog_path
from results.i18n.sites import Language, LanguagesError, language_overrides, site_languages
from support.pages import normalise, visible_text
from support.paths import GOOD_FIXTURE, ROOT
from support.site import build_site

BILINGUAL = ["fr_FR", "en_GB"]


class LanguageLinks(HTMLParser):
    """`<html lang>`, the head's alternates, the switcher's links, every href and the text outside
    elements marked `lang="fr"` (data and editorial text without translation)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.alternates: dict[str, str] = {}
        self.switcher: dict[str, tuple[str, str]] = {}
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self._in_switcher = False
        self._french: list[str] = []  # stack of open tags under a lang="fr" element
        self._skip = 0  # inside <script> / <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        if tag == "link" and values.get("rel") == "alternate" and "hreflang" in values:
            self.alternates[values["hreflang"]] = values["href"]
        if tag == "nav" and "language-switcher" in values.get("class", ""):
            self._in_switcher = True
        if tag == "a" and self._in_switcher:
            self.switcher[values.get("hreflang", "")] = (values.get("href", ""), values.get("lang", ""))
        if tag == "a" and "href" in values:
            self.hrefs.append(values["href"])
        if tag in ("script", "style"):
            self._skip += 1
        opens_french = values.get("lang") == "fr" and tag != "html"
        if (self._french or opens_french) and tag not in VOID:
            self._french.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_switcher = False
        if tag in ("script", "style"):
            self._skip -= 1
        if self._french and self._french[-1] == tag:
            self._french.pop()

    def handle_data(self, data: str) -> None:
        if not self._french and not self._skip:
            self.text.append(data)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def parse(page: Path) -> LanguageLinks:
    parser = LanguageLinks()
    parser.feed(page.read_text("utf-8"))
    return parser


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a relative link of `page` leads to (a folder's index.html)."""
    href = href.split("#")[0].split("?")[0]
    folder = page.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(folder, href))
    return site / (target + "/index.html" if href.endswith("/") or href in ("", ".") else target)


def html_pages(site: Path) -> list[Path]:
    return sorted(page for page in site.rglob("*.html") if "pagefind" not in page.parts)


UNTRANSLATED = "mentions-legales/"  # its English version is left out of the fixture's content/


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The good fixture in both languages, with the repository's editorial pages but one translation."""
    folder = tmp_path_factory.mktemp("bilingual")
    content = shutil.copytree(ROOT / "content", folder / "content")
    (content / "pages" / "en" / f"{UNTRANSLATED.strip('/')}.md").unlink()
    return build_site(GOOD_FIXTURE, folder / "output", LANGUAGES=BILINGUAL, PATH=str(content))


def written_in(name: str) -> set[str]:
    """The languages a page of the fixture site exists in (`en/x/index.html` and `x/index.html` alike)."""
    return {"fr"} if name.removeprefix("en/").startswith(UNTRANSLATED) else {"fr", "en"}


def test_every_page_links_its_other_language_version_and_back(bilingual: Path) -> None:
    pages = html_pages(bilingual)
    english = [page for page in pages if page.relative_to(bilingual).parts[0] == "en"]
    assert len(english) * 2 == len(pages), "chaque page française a sa page anglaise, et l'inverse"
    problems = []
    for page in pages:
        name = page.relative_to(bilingual).as_posix()
        links = parse(page)
        language = "en" if name.startswith("en/") else "fr"
        if links.lang != language:
            problems.append(f"{name} : <html lang={links.lang!r}>, attendu {language}")
        if set(links.alternates) != written_in(name):
            problems.append(f"{name} : alternates {sorted(links.alternates)}")
        for code, href in links.alternates.items():
            target = resolve(bilingual, page, href)
            expected = name if code == language else (name[3:] if language == "en" else f"en/{name}")
            if target.relative_to(bilingual).as_posix() != expected or parse(target).lang != code:
                problems.append(f"{name} : hreflang={code} → {href}")
        other = "fr" if language == "en" else "en"
        if page.name == "index.html" and "affiche" in page.parts:
            continue  # the printable poster has no site chrome, hence no switcher (its head has the alternates)
        if set(links.switcher) != {other}:
            problems.append(f"{name} : sélecteur {links.switcher}")
            continue
        href, lang = links.switcher[other]
        target = resolve(bilingual, page, href)
        if lang != other or not target.is_file():
            problems.append(f"{name} : le sélecteur mène à {href} (lang={lang!r})")
        elif resolve(bilingual, target, parse(target).switcher[language][0]) != page:
            problems.append(f"{name} : la page {other} ne revient pas ici")
    assert problems == [], "\n".join(problems[:30])


def test_every_page_kind_exists_in_english(bilingual: Path) -> None:
    for path in ("index.html", "reseaux/index.html", "indicateurs/index.html", "territoires/index.html",
                 "services/index.html", "engagements/index.html", "labels/index.html", "programme/index.html",
                 "programme/rapport/index.html", "donnees/index.html", "recherche/index.html", "404.html",
                 "methodologie/index.html", "api/index.html"):
        assert (bilingual / "en" / path).is_file(), path
    for pattern in ("reseaux/*/index.html", "services/*/index.html", "services/*/affiche/index.html",
                    "indicateurs/*/index.html", "territoires/regions/*/index.html",
                    "territoires/departements/*/index.html", "services/lettre-*/index.html"):
        french = {p.relative_to(bilingual).as_posix() for p in bilingual.glob(pattern)}
        english = {p.relative_to(bilingual / "en").as_posix() for p in (bilingual / "en").glob(pattern)}
        assert french and french == english, pattern


def plugin_text() -> str:
    """The French the plugin writes itself (Python sentences, the schema's column titles): translated
    by the Python side of issue #17, not by the templates, so a piece found there is not checked here."""
    files = [*(ROOT / "plugins").rglob("*.py"), *(ROOT / "plugins").rglob("*.json")]
    return normalise(" ".join(path.read_text("utf-8") for path in files))


def template_sentences() -> dict[str, str]:
    """Every French text of the templates whose English translation differs: literal pieces between
    placeholders and tags, long enough not to be a common word of the data (« Réseau »), and not
    also written by the plugin's Python code or schema (see `plugin_text`)."""
    elsewhere = plugin_text()
    with catalog_path("en").open("rb") as stream:
        english = read_po(stream, locale="en")
    pieces: dict[str, str] = {}
    messages = extract_from_dir(ROOT / "theme" / "templates", [("**.html", "jinja2")],
                                {"**.html": {"extensions": "jinja2.ext.i18n"}}, {"_": None, "ngettext": (1, 2)})
    for _file, _line, message, _comments, _context in messages:
        ids = message if isinstance(message, tuple) else (message,)
        translated = english.get(ids[0])
        strings = translated.string if translated and isinstance(translated.string, tuple) else (
            (translated.string,) if translated else ())
        for text in ids:
            for piece in re.split(r"%\(\w+\)s|<[^>]+>", text.replace("%%", "%")):
                piece = normalise(piece)
                if len(piece) >= 14 and not any(piece in normalise(s) for s in strings) and piece not in elsewhere:
                    pieces[piece] = ids[0]
    return pieces


def test_the_english_pages_say_none_of_the_templates_french_sentences(bilingual: Path) -> None:
    pieces = template_sentences()
    assert len(pieces) > 200  # the check reads the templates' catalog, not an empty list
    found = []
    for page in html_pages(bilingual / "en"):
        text = normalise(" ".join(parse(page).text))
        found += [f"{page.relative_to(bilingual)} : « {piece} »" for piece in pieces if piece in text]
    assert found == [], "\n".join(found[:30])


def test_the_french_pages_keep_their_french(bilingual: Path) -> None:
    text = normalise(" ".join(parse(bilingual / "reseaux" / "index.html").text))
    assert "Les réseaux de services publics" in text
    english = normalise(" ".join(parse(bilingual / "en" / "reseaux" / "index.html").text))
    assert "Public service networks" in english


def test_the_site_name_and_tagline_are_the_languages_own(bilingual: Path) -> None:
    """pelicanconf.py's LANGUAGE_SETTINGS: the English pages name the site in English; the home page's
    package description (French data) is marked as French there."""
    french = (bilingual / "index.html").read_text(encoding="utf-8")
    english = (bilingual / "en" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Résultats des services publics</h1>" in french
    assert "<title>Résultats des services publics</title>" in french
    assert "<h1>Public service results</h1>" in english and "<title>Public service results</title>" in english
    assert "The quality of your public services, measured and published" in english
    assert "Résultats des services publics" not in english and "mesurée et publiée" not in english
    assert '<p class="lead" lang="fr">' in english and '<p class="lead">' in french


def test_the_programmes_own_words_and_action_statuses_are_the_languages_own(bilingual: Path) -> None:
    """pelicanconf.py's LANGUAGE_SETTINGS names the commitments page and the feedback link in English;
    an improvement action's status (ACT-0001 of the good fixture, done) is worded by the catalog."""
    english = (bilingual / "en" / "engagements" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Our commitments</h1>" in english and "Nos engagements" not in english
    structure = (bilingual / "en" / "services" / "agence-paris-19e" / "index.html")
    english = structure.read_text(encoding="utf-8")
    french = (bilingual / "services" / "agence-paris-19e" / "index.html").read_text(encoding="utf-8")
    assert '<span class="badge action-done">done</span>' in english
    assert '<span class="badge action-done">réalisée</span>' in french
    assert "Donner mon avis sur ce service" in french
    assert "Give feedback on this service" in english and "Donner mon avis" not in english
    # Label levels are the programme's French words, translated where they are shown (« level argent » was seen).
    assert "label, level silver, awarded on" in english and "level argent" not in english
    assert "de niveau argent attribué le" in french
    current = (bilingual / "en" / "services" / "caf-de-paris" / "index.html").read_text(encoding="utf-8")
    assert "<dt>Level</dt><dd>Gold</dd>" in current
    labels = (bilingual / "en" / "labels" / "index.html").read_text(encoding="utf-8")
    assert ">Gold</span></td>" in labels and ">Or</span></td>" not in labels


def test_english_pages_punctuate_in_english_and_mark_the_packages_french(bilingual: Path) -> None:
    """The late-network list and the download links' names are whole sentences of the catalog (French
    « » and « : » were glued around them); the descriptor's titles, French only, are marked lang="fr"."""
    def read(path: str) -> str:
        return (bilingual / path / "index.html").read_text(encoding="utf-8")
    late = "<li>“<span lang=\"fr\">Appels décrochés</span>”: latest period published: June 2026; expected: August 2026."
    assert late in read("en/programme")
    assert "<li>« Appels décrochés » : dernière période publiée : juin 2026 ; attendu : août 2026." in read("programme")
    assert 'aria-label="CSV, 1.0\u00a0kB: Results: ' in read("en/indicateurs/satisfaction")  # no-break space
    assert '<h3 id="ressource-regions"><span lang="fr">Régions</span> (' in read("en/donnees")
    assert '<h3 id="ressource-regions">Régions (' in read("donnees")


@pytest.mark.parametrize(("table", "message"), [
    ({"en": {"STRUCTURE_URL": "services/{slug}/"}}, "STRUCTURE_URL ne peut pas changer d'une langue"),
    ({"en": "Public service results"}, "LANGUAGE_SETTINGS doit associer à un code de langue"),
])
def test_a_bad_language_settings_table_is_refused_in_french(table: object, message: str) -> None:
    settings = {"LANGUAGES": BILINGUAL, "LANGUAGE_SETTINGS": table}
    with pytest.raises(LanguagesError, match=message):
        language_overrides(settings, Language("en_GB", "en/"))


def test_a_language_not_built_leaves_its_settings_unused() -> None:
    """`LANGUAGES = ["fr_FR"]` with pelicanconf.py's English entry: French only is still one setting."""
    settings = {"LANGUAGES": ["fr_FR"], "LANGUAGE_SETTINGS": {"en": {"SITENAME": "Public service results"}}}
    assert language_overrides(settings, site_languages(settings)[0]) == {}


FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                 "octobre", "novembre", "décembre")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


def test_a_structure_page_says_when_its_network_last_updated_in_each_language(bilingual: Path) -> None:
    # The date is the latest `updated_on` of the CAF's results file, recomputed here from the fixture.
    with (GOOD_FIXTURE.parent / "results" / "caf.csv").open(encoding="utf-8", newline="") as handle:
        latest = max(row["updated_on"] for row in csv.DictReader(handle))
    year, month, day = (int(part) for part in latest.split("-"))
    footers = {language: normalise(visible_text((bilingual / prefix / "services" / "caf-de-paris" / "index.html")
                                                .read_text("utf-8").split('class="site-footer"')[1]))
               for language, prefix in (("fr", "."), ("en", "en"))}
    french_day = "1er" if day == 1 else str(day)
    assert f"Résultats du réseau CAF mis à jour le {french_day} {FRENCH_MONTHS[month - 1]} {year}." in footers["fr"]
    assert f"Results of the CAF network updated on {day} {ENGLISH_MONTHS[month - 1]} {year}." in footers["en"]
    assert "2026.3.0" not in footers["fr"] + footers["en"]  # the package's version: on the other pages only
    assert "Current version of the complete data set" in footers["en"]


def test_editorial_pages_are_published_in_their_translation(bilingual: Path) -> None:
    """content/pages/en/methodologie.md (Lang: en, the French page's Slug) is the English page."""
    english = (bilingual / "en" / "methodologie" / "index.html").read_text("utf-8")
    french = (bilingual / "methodologie" / "index.html").read_text("utf-8")
    assert "<h1>Methodology</h1>" in english and "Where the figures come from" in english
    assert 'lang="fr"' not in english.split("<main", 1)[1].split("</main>")[0]
    assert "<h1>Méthodologie</h1>" in french and "Methodology" not in french
    assert not [path for path in bilingual.rglob("*.html") if "-en" in path.name or "pages" in path.parts]


def test_editorial_pages_without_translation_are_marked_french(bilingual: Path) -> None:
    """The French text is published under /en/ too (every link and switcher leads somewhere), marked
    lang="fr", its canonical address the French page's, and no hreflang claims an English version."""
    page = (bilingual / "en" / UNTRANSLATED / "index.html").read_text("utf-8")
    assert re.search(r'<div lang="fr">\s*<', page), "le texte français d'une page éditoriale est marqué lang=fr"
    assert re.search(r'<h1 lang="fr">Mentions légales</h1>', page)
    assert f'<link rel="canonical" href="../../{UNTRANSLATED}">' in page
    assert 'canonical' not in (bilingual / UNTRANSLATED / "index.html").read_text("utf-8")


def test_english_pages_download_the_same_files(bilingual: Path) -> None:
    """Data is language-neutral: English pages link to the files the French pages offer, written once."""
    written = [path.relative_to(bilingual).as_posix() for path in (bilingual / "en").rglob("*")
               if path.is_file() and path.suffix != ".html" and not path.name.startswith(("graphique", "carte"))]
    assert written == [], "en/ : pages, graphiques et cartes seulement ; les fichiers communs sont écrits une fois"
    assert (bilingual / "donnees" / "datapackage.json").is_file() and (bilingual / "sitemap.xml").is_file()
    checked = 0
    for english in (bilingual / "en" / "services").glob("*/index.html"):
        french = bilingual / english.relative_to(bilingual / "en")
        downloads = [href for href in parse(french).hrefs if href.endswith((".csv", ".json", ".xlsx", ".zip"))]
        english_downloads = [href for href in parse(english).hrefs if href.endswith((".csv", ".json", ".xlsx", ".zip"))]
        assert {resolve(bilingual, french, h) for h in downloads if "graphique" not in h} == {
            resolve(bilingual, english, h) for h in english_downloads if "graphique" not in h}
        for href in english_downloads:
            assert resolve(bilingual, english, href).is_file(), href
        checked += 1
    assert checked


def about_sheets(workbook_path: Path) -> tuple[list[str], dict[str, list[tuple[str, ...]]]]:
    """The workbook's sheet names, and the rows of its "about" sheets, as openpyxl reads them."""
    import openpyxl

    workbook = openpyxl.load_workbook(workbook_path, read_only=True)
    try:
        rows = {name: [tuple(cell or "" for cell in row) for row in workbook[name].iter_rows(values_only=True)]
                for name in workbook.sheetnames if name not in ("Résultats", "Valeurs agrégées")}
        return workbook.sheetnames, rows
    finally:
        workbook.close()


def test_a_workbook_has_an_about_sheet_in_each_language(bilingual: Path) -> None:
    """One language-neutral file for both pages: the same data sheets, then « À propos » in French and
    « About » in English, each worded in its language (facts, column titles and descriptions, page)."""
    names, about = about_sheets(bilingual / "reseaux" / "caf" / "resultats-caf.xlsx")
    assert names == ["Résultats", "Valeurs agrégées", "À propos", "About"]
    columns = {language: {row[0]: row for row in about[sheet] if row and row[0] in ("value", "method", "period")}
               for language, sheet in (("fr", "À propos"), ("en", "About"))}
    assert set(columns["fr"]) == set(columns["en"]) == {"value", "method", "period"}
    assert columns["fr"]["method"][3].startswith("median : médiane des structures")
    assert columns["en"]["method"][3].startswith("median: median of structures"), columns["en"]["method"]
    assert columns["en"]["value"][1:3] == ("Value", "number") and columns["fr"]["value"][1:3] == ("Valeur", "nombre")
    for row in columns["en"].values():
        assert row[3] and row[3] != columns["fr"][row[0]][3], row
    facts = {language: {row[0]: row[1] for row in about[sheet] if row}
             for language, sheet in (("fr", "À propos"), ("en", "About"))}
    assert facts["en"]["Site page"] == "https://example.org/resultats/en/reseaux/caf/"
    assert facts["fr"]["Page du site"] == "https://example.org/resultats/reseaux/caf/"
    assert facts["en"]["Data as of"] == facts["fr"]["Données à jour au"]
    assert "“Résultats de qualité des services publics”" in facts["en"]["Cite this data"]
    assert "Sheet “Valeurs agrégées”: column" in {row[0] for row in about["About"] if row}


@pytest.mark.parametrize("page", ["reseaux/caf/index.html", "indicateurs/satisfaction/index.html"])
def test_the_download_text_names_the_about_sheet_of_the_pages_language(bilingual: Path, page: str) -> None:
    english = html.unescape((bilingual / "en" / page).read_text("utf-8"))
    french = html.unescape((bilingual / page).read_text("utf-8"))
    assert "The Excel file’s “About” sheet gives the source" in english and "À propos" not in english
    assert "La feuille « À propos » du fichier Excel" in french and "“About”" not in french


def test_the_sitemap_lists_every_page_in_both_languages(bilingual: Path) -> None:
    sitemap = (bilingual / "sitemap.xml").read_text("utf-8")
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    locations = [re.search(r"<loc>(.*?)</loc>", entry).group(1) for entry in entries]
    base = "https://example.org/resultats/"
    assert all(location.startswith(base) for location in locations)
    french = {location[len(base):] for location in locations if not location[len(base):].startswith("en/")}
    english = {location[len(base) + 3:] for location in locations if location[len(base):].startswith("en/")}
    assert french and french == english | {UNTRANSLATED}, "une page sans traduction n'est listée qu'en français"
    for entry, location in zip(entries, locations, strict=True):
        alternates = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="(\w+)" href="([^"]+)"/>', entry))
        assert set(alternates) == written_in(location[len(base):]) and location in alternates.values(), entry
        for href in alternates.values():
            path = href[len(base):]
            assert (bilingual / (path + "index.html" if path.endswith("/") or not path else path)).is_file(), href


def test_an_english_only_site_is_one_setting(tmp_path: Path) -> None:
    site = build_site(GOOD_FIXTURE, tmp_path / "output", LANGUAGES=["en_GB"])
    home = parse(site / "index.html")
    assert home.lang == "en" and not home.switcher and not home.alternates
    assert not (site / "en").exists()
    assert "Public service networks" in (site / "reseaux" / "index.html").read_text("utf-8")


@pytest.mark.parametrize(("value", "message"), [
    (["fr_FR", "de_DE"], "LANGUAGES : langue « de » sans catalogue"),
    (["fr_FR", "xx_YY"], "LANGUAGES : 'xx_YY' n'est pas une locale connue"),
    (["fr_FR", "fr_CA"], "la langue « fr » est donnée deux fois"),
    ([], "LANGUAGES doit être une liste de locales"),
])
def test_a_bad_languages_setting_is_refused_in_french(value: list[str], message: str) -> None:
    with pytest.raises(LanguagesError, match=message):
        site_languages({"LANGUAGES": value} if value else {"LANGUAGES": 3})


SIZES = {"en": re.compile(r"\d+(\.\d)?\u00a0(bytes?|kB|MB|GB)"), "fr": re.compile(r"\d+(,\d)?\u00a0(octets?|ko|Mo|Go)")}


def download_links(page: Path) -> list[str]:
    """What the page's download links say (`CSV, 776 bytes`), as a reader sees them."""
    text = page.read_text("utf-8")
    return [html.unescape(link) for block in re.findall(r'<p class="download-links">(.*?)</p>', text, re.S)
            for link in re.findall(r">([^<]+)</a>", block)]


@pytest.mark.parametrize("page", ["reseaux/caf/index.html", "indicateurs/satisfaction/index.html",
                                  "services/caf-de-paris/index.html", "territoires/regions/ile-de-france/index.html"])
def test_download_links_say_their_size_in_the_pages_language(bilingual: Path, page: str) -> None:
    """The same files, but `CSV, 776 bytes` / `Excel (XLSX), 8.6 kB` on the English page where the
    French one says `CSV, 776 octets` / `Excel (XLSX), 8,6 ko` (and `Compressed CSV (zip)`)."""
    french, english = download_links(bilingual / page), download_links(bilingual / "en" / page)
    assert french and len(french) == len(english)
    for language, links in (("fr", french), ("en", english)):
        for link in links:
            name, size = link.rsplit(", ", 1)
            assert SIZES[language].fullmatch(size), f"{language} {page} : « {link} »"
            assert "compressé" not in name if language == "en" else "Compressed" not in name
    assert [link.rsplit(", ", 1)[0] for link in english] == [
        link.rsplit(", ", 1)[0].replace("CSV compressé", "Compressed CSV") for link in french]


def test_the_english_data_page_lists_the_package_files_in_english(bilingual: Path) -> None:
    """Sizes `47 kB`, the site's own files described in English, and each file's size (schema.org
    `contentSize`) the one of the file the French run wrote: the README and licence carry that run's
    dates, so the English run must not measure its own wording of them."""
    text = (bilingual / "en" / "donnees" / "index.html").read_text("utf-8")
    sizes = [html.unescape(size) for size in re.findall(r'<td class="num">([^<]*)</td>', text)]
    assert sizes and all(SIZES["en"].fullmatch(size) for size in sizes), sizes
    assert re.search(r"ZIP, \d+(\.\d)?\u00a0(bytes|kB|MB)\)", html.unescape(text))
    for words in ("Package descriptor", "Complete package (zip)", "Overview", "Primary key: ",
                  "“Résultats de qualité des services publics”, version "):  # the citation's quotes
        assert words in text, words
    for french in ("Descripteur du paquet", "Paquet complet", "octets</td>", "Clé primaire", "<td>obligatoire"):
        assert french not in text, french
    rows = re.findall(r'<th scope="row"><a href="[^"]*">([^<]+)</a></th>.*?<td class="num">([^<]+)</td>', text, re.S)
    assert {"README.md", "LICENCE.md", "datapackage.json"} <= {name for name, _size in rows}
    for name, shown in rows:
        number, unit = html.unescape(shown).split("\u00a0")
        scale = {"byte": 1, "bytes": 1, "kB": 1e3, "MB": 1e6}[unit]
        written = (bilingual / "donnees" / name).stat().st_size
        assert abs(float(number) * scale - written) <= scale / (20 if "." in number else 2), f"{name} : {shown}"


def schema_text() -> str:
    """The programme schema's own titles and descriptions (core/resources.json), which the data page's
    dictionary shows as the package's descriptor writes them (not translated yet: see the lead's notes)."""
    from results.core.schema import canonical_resources

    texts = []
    for resource in canonical_resources():
        texts += [resource.get("title", ""), resource.get("description", "")]
        for field in resource.get("schema", {}).get("fields", []):
            texts += [field.get("title", ""), field.get("description", "")]
    return normalise(" ".join(texts))


def plugin_sentences() -> dict[str, str]:
    """Every French text the plugin's Python code writes (chart sentences, download labels, the data
    page's words…) whose English translation differs: pieces between placeholders, long enough not to
    be a common word of the data, and not also the schema's own text (`schema_text`)."""
    schema = schema_text()
    with catalog_path("en").open("rb") as stream:
        english = read_po(stream, locale="en")
    pieces: dict[str, str] = {}
    keywords = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "_plural": (1, 2), "N_plural": (1, 2)}
    for _file, _line, message, _comments, _context in extract_from_dir(ROOT / "plugins", [("**.py", "python")],
                                                                      {}, keywords):
        ids = message if isinstance(message, tuple) else (message,)
        translated = english.get(ids[0])
        strings = translated.string if translated and isinstance(translated.string, tuple) else (
            (translated.string,) if translated else ())
        for text in ids:
            for piece in re.split(r"\{\w*\}|%\(\w+\)s|<[^>]+>", text):
                piece = normalise(piece)
                if len(piece) >= 14 and not any(piece in normalise(s) for s in strings) and piece not in schema:
                    pieces[piece] = ids[0]
    return pieces


def test_the_english_pages_say_none_of_the_plugins_french_sentences(bilingual: Path) -> None:
    """The Python side of the catalog: chart captions, download links and descriptions, the data page."""
    pieces = plugin_sentences()
    assert len(pieces) > 100  # the check reads the plugin's catalog, not an empty list
    found = []
    for page in html_pages(bilingual / "en"):
        text = normalise(" ".join(parse(page).text))
        found += [f"{page.relative_to(bilingual)} : « {piece} »" for piece in pieces if piece in text]
    assert found == [], "\n".join(found[:30])
