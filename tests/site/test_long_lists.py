"""Lists too long for one page (#15): above RESULTS_LIST_MAX_ROWS structures, an indicator, network or
région page summarises them by group, and every structure's value stays reachable by plain links.

The small good fixture is built with the threshold lowered to 2 (so every list of 3 or more is long);
the expected figures are computed here from the package's CSVs with the csv module, not by the plugin.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from sitecheck import broken_internal_links
from support.csvfiles import read_table
from support.pages import normalise
from support.paths import GOOD_FIXTURE
from support.recompute import slug
from support.site import build_site

MAX_ROWS = 2


class Tables(HTMLParser):
    """Every table of a page: its caption, column headers and rows (row header's link, cells' data-sort)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._text: list[str] | None = None
        self._row: dict | None = None
        self._cell: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "table":
            self.tables.append({"caption": "", "headers": [], "rows": [], "classes": values.get("class") or ""})
        elif not self.tables:
            return
        elif tag in ("caption", "th", "td"):
            self._text = []
            if tag != "caption" and self._row is not None:
                self._cell = {"tag": tag, "sort": values.get("data-sort"), "href": None, "scope": values.get("scope")}
        elif tag == "tr":
            self._row = {"cells": []}
        elif tag == "a" and self._cell is not None and self._cell["href"] is None:
            self._cell["href"] = values.get("href")

    def handle_endtag(self, tag: str) -> None:
        if not self.tables or self._text is None:
            if tag == "tr" and self._row is not None:
                self._finish_row()
            return
        text = normalise("".join(self._text))
        if tag == "caption":
            self.tables[-1]["caption"], self._text = text, None
        elif tag in ("th", "td") and self._cell is not None:
            self._cell["text"] = text
            self._row["cells"].append(self._cell)
            self._cell, self._text = None, None
        elif tag == "tr":
            self._finish_row()

    def _finish_row(self) -> None:
        row, self._row = self._row, None
        if row and row["cells"] and all(cell.get("scope") == "col" for cell in row["cells"]):
            self.tables[-1]["headers"] = [cell["text"] for cell in row["cells"]]
        elif row and row["cells"]:
            self.tables[-1]["rows"].append(row["cells"])

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def tables_of(page: Path) -> list[dict]:
    parser = Tables()
    parser.feed(page.read_text("utf-8"))
    return parser.tables


def target(site: Path, page: Path, href: str) -> Path:
    """The file a relative link of `page` leads to (its anchor dropped)."""
    url = urlparse(urljoin("http://site/" + page.relative_to(site).as_posix(), href))
    path = site / url.path.lstrip("/")
    return path / "index.html" if url.path.endswith("/") else path


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(GOOD_FIXTURE, tmp_path_factory.mktemp("long-lists") / "output", RESULTS_LIST_MAX_ROWS=MAX_ROWS)


@pytest.fixture(scope="module")
def package() -> dict[str, list[dict[str, str]]]:
    return {name: read_table(GOOD_FIXTURE, name) for name in ("structures", "networks", "indicators", "results",
                                                               "departements")}


def latest_at_last_period(package: dict, indicator_id: str) -> dict[str, float]:
    """structure id → its value at the indicator's last period, for the structures whose latest value is
    of that period (what the indicator's list shows)."""
    latest: dict[str, tuple[str, float]] = {}
    for row in package["results"]:
        known = latest.get(row["structure_id"])
        if row["indicator_id"] == indicator_id and row["value"] != "" and (known is None or row["period"] > known[0]):
            latest[row["structure_id"]] = (row["period"], float(row["value"]))
    last = max(period for period, _ in latest.values())
    return {structure: value for structure, (period, value) in latest.items() if period == last}


def summary_table(page: Path) -> dict:
    found = [table for table in tables_of(page) if "group-summary" in table["classes"]]
    assert len(found) == 1, page
    return found[0]


def values_reachable(site: Path, start: Path, label: str, depth: int = 3) -> dict[str, float]:
    """structure page → value in the column `label`, on every page reachable from `start`'s summary by
    following the summaries' links (at most `depth` pages deep)."""
    found: dict[str, float] = {}
    frontier, seen = [start], {start}
    for _ in range(depth):
        following = []
        for page in frontier:
            for table in tables_of(page):
                if "group-summary" in table["classes"]:
                    for row in table["rows"]:
                        linked = target(site, page, row[0]["href"])
                        assert linked.exists(), f"{page} → {row[0]['href']}"
                        if linked not in seen:
                            seen.add(linked)
                            following.append(linked)
                elif label in table["headers"]:
                    column = table["headers"].index(label)
                    for row in table["rows"]:
                        cell = row[column]
                        linked = target(site, page, row[0]["href"]) if row[0]["href"] else None
                        if cell["sort"] is not None and linked is not None and linked.parent.parent.name == "services":
                            found[linked.parent.name] = float(cell["sort"])
        frontier = following
    return found


def test_a_long_indicator_list_is_a_table_by_network_with_the_figures_of_the_csvs(long_site, package) -> None:
    page = long_site / "indicateurs/satisfaction/index.html"
    expected = latest_at_last_period(package, "satisfaction")
    assert len(expected) > MAX_ROWS
    networks = {row["id"]: row["name"] for row in package["networks"]}
    network_of = {row["id"]: row["network_id"] for row in package["structures"]}
    by_network: dict[str, list[float]] = defaultdict(list)
    for structure, value in expected.items():
        by_network[networks[network_of[structure]]].append(value)
    table = summary_table(page)
    assert table["headers"] == ["Réseau", "Structures avec une valeur", "Médiane", "Plus basse", "Plus haute"]
    shown = {row[0]["text"].split(" : ")[0]: [float(cell["sort"]) for cell in row[1:]] for row in table["rows"]}
    assert shown == {name: [len(values), statistics.median(values), min(values), max(values)]
                     for name, values in by_network.items()}
    text = page.read_text("utf-8")
    structures_section = text[text.index('id="structures"'):text.index('id="telecharger"')]
    assert "/services/" not in structures_section.split("graphique-distribution")[-1]  # no row per structure


def test_every_value_of_a_long_indicator_is_reachable_by_links(long_site, package) -> None:
    slugs = {row["id"]: row["slug"] for row in package["structures"]}
    for indicator in package["indicators"]:
        expected = latest_at_last_period(package, indicator["id"])
        if len(expected) <= MAX_ROWS:
            continue
        start = long_site / "indicateurs" / slug(indicator["id"]) / "index.html"
        reachable = values_reachable(long_site, start, indicator["label"])
        assert {slugs[s]: v for s, v in expected.items()} == {slug: reachable[slug] for slug in
                                                               (slugs[s] for s in expected) if slug in reachable}
        assert {slugs[s] for s in expected} <= set(reachable), indicator["id"]


def test_a_big_network_lists_its_structures_on_one_page_per_departement(long_site, package) -> None:
    counts: dict[str, int] = defaultdict(int)
    for row in package["structures"]:
        counts[row["network_id"]] += 1
    big = [network for network, count in counts.items() if count > MAX_ROWS]
    assert big
    sitemap = (long_site / "sitemap.xml").read_text("utf-8")
    departements = {row["code"]: row for row in package["departements"]}
    for network in big:
        page = long_site / "reseaux" / network / "index.html"
        listed = {row[0]["text"].split(" : ")[0]: int(row[1]["sort"]) for row in summary_table(page)["rows"]}
        mine = [row for row in package["structures"] if row["network_id"] == network]
        expected: dict[str, int] = defaultdict(int)
        for row in mine:
            if row["departement_code"] in departements:
                expected[f"{departements[row['departement_code']]['name']} ({row['departement_code']})"] += 1
        assert listed == expected
        for row in summary_table(page)["rows"]:
            sub_page = target(long_site, page, row[0]["href"])
            assert sub_page.exists()
            assert sub_page.parent.relative_to(long_site).as_posix() + "/" in sitemap
        structure_links = {target(long_site, page, row[0]["href"]).parent.name
                           for sub in (long_site / "reseaux" / network).glob("*/index.html")
                           for table in tables_of(sub) for row in table["rows"]}
        structure_links |= {target(long_site, page, row[0]["href"]).parent.name for table in tables_of(page)
                            if "sans département" in table["caption"]
                            for row in table["rows"]}
        assert {row["slug"] for row in mine} <= structure_links, network


def test_a_big_region_leads_to_its_departements_and_loses_no_structure(long_site, package) -> None:
    in_region = [row for row in package["structures"] if row["region_code"] == "11"]
    assert len(in_region) > MAX_ROWS
    page = long_site / "territoires/regions/ile-de-france/index.html"
    table = summary_table(page)
    reachable = set()
    for row in table["rows"]:
        for sub_table in tables_of(target(long_site, page, row[0]["href"])):
            reachable |= {row[0]["href"].rstrip("/").rsplit("/", 1)[-1] for row in sub_table["rows"] if row[0]["href"]}
    for other in tables_of(page):
        if other is not table and "sans département" in other["caption"]:
            reachable |= {row[0]["href"].rstrip("/").rsplit("/", 1)[-1] for row in other["rows"]}
    assert {row["slug"] for row in in_region} <= reachable


def test_the_long_lists_have_no_dead_link(long_site) -> None:
    assert broken_internal_links(long_site) == []


def test_below_the_threshold_the_indicator_lists_every_structure(good_site, package) -> None:
    page = good_site / "indicateurs/satisfaction/index.html"
    expected = latest_at_last_period(package, "satisfaction")
    assert not [table for table in tables_of(page) if "group-summary" in table["classes"]]
    ranked = [table for table in tables_of(page) if table["headers"][:2] == ["Rang", "Structure"]]
    assert len(ranked) == 1 and len(ranked[0]["rows"]) == len(expected)
    slugs = {row["id"]: row["slug"] for row in package["structures"]}
    shown = {target(good_site, page, row[1]["href"]).parent.name: float(row[3]["sort"]) for row in ranked[0]["rows"]}
    assert shown == {slugs[s]: v for s, v in expected.items()}
    assert not list((good_site / "reseaux").glob("*/*/index.html"))
