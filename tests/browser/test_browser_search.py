"""Site search on the demo site, in Chromium: what someone looking for *their* service finds first.

Every query runs through the real search page (theme/static/js/search.js) on the real Pagefind index
the build wrote (plugins/results/search.py). Expectations come from the generated demo package's CSV
files, read here with the csv module: a query names a commune, a postcode, a département or a
network, and the test checks that what comes first is located there or belongs to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browsercheck import AXE_TAGS, CSP_LISTENER, MOBILE, RUN_AXE, describe
from support.browser import record_problems
from support.csvfiles import read_table

pytestmark = [pytest.mark.browser, pytest.mark.slow]
pytest_plugins = ["browserfixtures"]  # chromium, site_url, axe_source

SEARCH_PAGE = "recherche/"
RESULTS_SHOWN = """
() => {
  const status = document.querySelector("[data-search-status]");
  return status && status.textContent.trim().length > 0;
}
"""
READ_RESULTS = """
() => Object.fromEntries(["service", "autre"].map((group) => [group,
  Array.from(document.querySelectorAll(`[data-search-group='${group}']:not([hidden]) li`)).map((item) => ({
    title: item.querySelector("a").textContent,
    href: item.querySelector("a").getAttribute("href"),
    meta: (item.querySelector(".meta") || {textContent: ""}).textContent,
  }))]))
"""


@pytest.fixture(scope="module")
def demo_tables(demo_package: Path) -> dict[str, list[dict[str, str]]]:
    return {name: read_table(demo_package, name) for name in ("structures", "networks", "departements", "indicators")}


@dataclass
class Tab:
    """A Chromium tab and what went wrong in it (console errors, failed requests)."""

    page: Any
    problems: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def tab(chromium: Any) -> Iterator[Tab]:
    """One Chromium tab reused by the query tests; it records console errors and CSP reports."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    context.add_init_script(CSP_LISTENER)
    opened = Tab(context.new_page())
    record_problems(opened.page, opened.problems)
    yield opened
    context.close()


def search(page: Any, site_url: str, query: str, **filters: str) -> dict[str, Any]:
    """Open the search page for `query` (as the header box would), wait for the count, read the lists."""
    address = f"{site_url}{SEARCH_PAGE}?q={quote(query)}" + "".join(f"&{k}={quote(v)}" for k, v in filters.items())
    page.goto(address)
    page.wait_for_function(RESULTS_SHOWN, timeout=20_000)
    results = page.evaluate(READ_RESULTS)
    results["status"] = page.locator("[data-search-status]").text_content()
    return results


def by_name(tables: dict[str, list[dict[str, str]]]) -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in tables["structures"]}


def test_a_commune_finds_the_structures_located_there(tab: Tab, site_url: str, demo_tables: dict) -> None:
    """Every structure of the commune is listed, and the first result is located in it."""
    structures = demo_tables["structures"]
    commune = "Chartres"
    located = {row["name"] for row in structures if row["commune"] == commune}
    assert len(located) > 1, "le paquet de démonstration a changé : choisir une autre commune"
    results = search(tab.page, site_url, commune.lower())
    titles = [result["title"] for result in results["service"]]
    assert by_name(demo_tables)[titles[0]]["commune"] == commune
    assert located <= set(titles), located - set(titles)
    assert tab.problems == []


def test_a_commune_absent_from_the_name_finds_its_only_structure(tab: Tab, site_url: str,
                                                                 demo_tables: dict) -> None:
    """A commune that appears in no structure's name: its one structure comes first all the same."""
    structures = demo_tables["structures"]
    counts: dict[str, int] = {}
    for row in structures:
        counts[row["commune"]] = counts.get(row["commune"], 0) + 1
    alone = [row for row in structures if counts[row["commune"]] == 1 and row["commune"] not in row["name"]]
    assert alone, "le paquet de démonstration a changé : plus de commune absente des noms"
    results = search(tab.page, site_url, alone[0]["commune"])
    assert results["service"][0]["title"] == alone[0]["name"]


def test_a_postcode_finds_its_structure_first(tab: Tab, site_url: str, demo_tables: dict) -> None:
    structures = demo_tables["structures"]
    counts: dict[str, int] = {}
    for row in structures:
        counts[row["postcode"]] = counts.get(row["postcode"], 0) + 1
    unique = sorted((row for row in structures if row["postcode"] and counts[row["postcode"]] == 1),
                    key=lambda row: row["postcode"])
    for row in (unique[0], unique[len(unique) // 2]):
        results = search(tab.page, site_url, row["postcode"])
        assert results["service"][0]["title"] == row["name"], row["postcode"]
        assert row["postcode"] in results["service"][0]["meta"]


def test_a_departement_number_finds_its_structures_then_its_page(tab: Tab, site_url: str,
                                                                 demo_tables: dict) -> None:
    """`28`: structures of Eure-et-Loir first, and the département's own page heads the other pages."""
    departement = next(row for row in demo_tables["departements"] if row["code"] == "28")
    results = search(tab.page, site_url, "28")
    structures = by_name(demo_tables)
    assert structures[results["service"][0]["title"]]["departement_code"] == "28"
    assert results["autre"][0]["title"] == f"{departement['name']} (28)"


def test_a_departement_name_without_hyphens_or_capitals(tab: Tab, site_url: str, demo_tables: dict) -> None:
    """`eure et loir` finds Eure-et-Loir (the département page and the structures located there)."""
    results = search(tab.page, site_url, "eure et loir")
    structures = by_name(demo_tables)
    assert structures[results["service"][0]["title"]]["departement_code"] == "28"
    assert results["autre"][0]["title"] == "Eure-et-Loir (28)"


def test_an_unaccented_name_finds_the_accented_structure(tab: Tab, site_url: str, demo_tables: dict) -> None:
    """Accents and case do not matter: `cpam de l'herault` finds « CPAM de l'Hérault »."""
    assert "CPAM de l'Hérault" in by_name(demo_tables)
    results = search(tab.page, site_url, "cpam de l'herault")
    assert results["service"][0]["title"] == "CPAM de l'Hérault"
    prefectures = search(tab.page, site_url, "PREFECTURE")
    expected = sum(1 for row in demo_tables["structures"] if row["name"].startswith("Préfecture"))
    assert prefectures["service"][0]["title"].startswith("Préfecture")
    assert f"{expected} services" in prefectures["status"]


def test_an_exact_name_comes_before_longer_names(tab: Tab, site_url: str) -> None:
    """« CAF de la Loire » before « CAF de la Loire-Atlantique » and « CAF de la Haute-Loire »."""
    results = search(tab.page, site_url, "caf de la loire")
    titles = [result["title"] for result in results["service"]]
    assert titles[0] == "CAF de la Loire"
    assert {"CAF de la Loire-Atlantique", "CAF de la Haute-Loire"} <= set(titles[1:])


def test_a_network_lists_its_structures_and_its_page(tab: Tab, site_url: str, demo_tables: dict) -> None:
    network = next(row for row in demo_tables["networks"] if row["id"] == "caf")
    results = search(tab.page, site_url, network["short_name"].lower())
    assert results["service"][0]["meta"].startswith(network["short_name"])
    assert network["name"] in [result["title"] for result in results["autre"]]
    members = sum(1 for row in demo_tables["structures"] if row["network_id"] == "caf")
    assert f"{members} services" in results["status"]
    assert len(results["service"]) == 20  # the first page of results; the rest behind « Afficher plus »


def test_an_indicator_finds_its_page(tab: Tab, site_url: str, demo_tables: dict) -> None:
    indicator = next(row for row in demo_tables["indicators"] if row["id"] == "pref-delai-titre-sejour")
    results = search(tab.page, site_url, "titre de sejour")
    assert results["autre"][0]["title"] == indicator["label"]
    assert results["autre"][0]["meta"] == "Indicateur"


def test_filters_by_network_and_region(tab: Tab, site_url: str, demo_tables: dict) -> None:
    """`caf` in Centre-Val de Loire (24): exactly that network's structures of that région."""
    expected = {row["name"] for row in demo_tables["structures"]
                if row["network_id"] == "caf" and row["region_code"] == "24"}
    results = search(tab.page, site_url, "caf", region="24")
    assert {result["title"] for result in results["service"]} == expected
    results = search(tab.page, site_url, "chartres", reseau="caf")
    assert [result["title"] for result in results["service"]] == ["CAF d'Eure-et-Loir"]
    assert tab.page.locator("#recherche-reseau").input_value() == "caf"


def test_a_result_leads_to_its_page(tab: Tab, site_url: str) -> None:
    results = search(tab.page, site_url, "cpam de l'herault")
    tab.page.click(f"text={results['service'][0]['title']}")
    tab.page.wait_for_load_state()
    assert tab.page.locator("h1").text_content() == "CPAM de l'Hérault"


def test_no_result_says_so_and_points_to_the_browse_pages(tab: Tab, site_url: str) -> None:
    results = search(tab.page, site_url, "zzzyxw")
    assert results["status"].startswith("Aucun résultat pour « zzzyxw »")
    assert results["service"] == [] and results["autre"] == []
    assert tab.page.locator(".search-browse a").count() > 4
    assert tab.page.evaluate("window.__cspViolations") == []
    assert tab.problems == []


def test_the_count_is_in_a_live_region(tab: Tab, site_url: str) -> None:
    search(tab.page, site_url, "caf")
    status = tab.page.locator("[data-search-status]")
    assert status.get_attribute("role") == "status"  # announced politely by screen readers
    assert status.is_visible()


def test_search_page_passes_axe_and_reflows_at_320_px(chromium: Any, site_url: str, axe_source: str) -> None:
    """With results on screen: no axe violation (WCAG 2.1 A/AA), no CSP report, no sideways scroll."""
    for viewport in ({"width": 1280, "height": 900}, MOBILE):
        context = chromium.new_context(viewport=viewport, locale="fr-FR")
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        page.goto(f"{site_url}{SEARCH_PAGE}?q=caf")
        page.wait_for_function(RESULTS_SHOWN, timeout=20_000)
        width = page.evaluate("document.documentElement.scrollWidth")
        page.evaluate(axe_source)
        axe = page.evaluate(RUN_AXE, AXE_TAGS)
        violations = page.evaluate("window.__cspViolations")
        context.close()
        assert axe["violations"] == [], describe(axe["violations"])
        assert violations == []
        assert width <= viewport["width"]


def test_keyboard_only_search_from_the_header(chromium: Any, site_url: str) -> None:
    """Tab to the header box, type, Enter; Tab reaches the first result; « Afficher plus » by keyboard
    moves the focus to the first new result."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.goto(site_url)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "entete-recherche":
            break
    assert page.evaluate("document.activeElement.id") == "entete-recherche"
    page.keyboard.type("caf de la loire")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/?q=caf+de+la+loire")
    page.wait_for_function(RESULTS_SHOWN, timeout=20_000)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.search-list') !== null"):
            break
    assert page.evaluate("document.activeElement.textContent") == "CAF de la Loire"
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").text_content() == "CAF de la Loire"

    page.goto(f"{site_url}{SEARCH_PAGE}?q=caf")
    page.wait_for_function(RESULTS_SHOWN, timeout=20_000)
    page.focus("[data-search-group='service'] [data-search-more]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll(\"[data-search-group='service'] li\").length === 40")
    focused = page.evaluate("document.activeElement.closest('li') && "
                            "Array.from(document.querySelectorAll(\"[data-search-group='service'] li\"))"
                            ".indexOf(document.activeElement.closest('li'))")
    context.close()
    assert focused == 20


def test_without_javascript_the_box_leads_to_the_browse_pages(chromium: Any, site_url: str) -> None:
    """The header form still submits; the search page says why it cannot search and links to the
    networks, territories and A–Z pages, which all exist."""
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site_url)
    page.fill("#entete-recherche", "caf")
    page.press("#entete-recherche", "Enter")
    page.wait_for_url("**/recherche/?q=caf")
    notice = page.locator(".search-browse").inner_text()
    assert "La recherche a besoin de JavaScript" in notice
    assert not page.locator("#recherche-reseau").is_visible()  # filters need JavaScript: hidden without it
    links = page.locator(".search-browse a")
    hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]
    statuses = []
    for href in hrefs:
        response = page.goto(f"{site_url}{SEARCH_PAGE}{href}")
        statuses.append((href, response.status))
        page.go_back()
    context.close()
    assert any(href.endswith("reseaux/") for href in hrefs)
    assert any(href.endswith("territoires/") for href in hrefs)
    assert any(href.endswith("services/") for href in hrefs)
    assert all(status == 200 for _, status in statuses), statuses
