"""Issue #19, stable addresses: a structure keeps its page address for ever, old addresses redirect.

A structure's address is printed as a QR code on the posters in its reception area. The site is built
here from a copy of the good fixture in which the CAF de Paris was renamed (its `slug` kept) and two
addresses it had before are listed in `former_slugs`; what a visitor, a search engine and a printed
QR code get is read from the built files and, for the redirect, from Chromium.

Issue #20: network pages moved from their short name (`reseaux/ants/`) to their id
(`reseaux/titres-securises/`); the demo's networks.csv lists the old ones in `former_slugs`, and the
built demo site must answer them with the same redirect pages.
"""

from __future__ import annotations

import csv
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from results.core.slugs import InvalidSlugError
from results.pages import DuplicatePageError
from support.browser import record_problems
from support.pages import visible_text
from support.paths import GOOD_FIXTURE, ROOT
from support.server import serve
from support.site import build_site, copy_package

PUBLIC_URL = "https://example.org/resultats"  # RESULTS_PUBLIC_URL of pelicanconf.py
NEW_NAME = "Caisse d'allocations familiales de Paris"
FORMER = ("caf-paris", "caf-75-paris")
HTML_VALIDATE = ROOT / "node_modules" / ".bin" / "html-validate"


def edit_structures(package: Path, old: str, new: str) -> None:
    path = package.parent / "structures.csv"
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The good fixture after a renaming: CAF-75 keeps `caf-de-paris`, its former addresses redirect."""
    folder = tmp_path_factory.mktemp("stable-addresses")
    package = copy_package(GOOD_FIXTURE, folder / "package")
    edit_structures(package, "CAF-75,caf-de-paris,,caf,,CAF de Paris,",
                    f"CAF-75,caf-de-paris,{';'.join(FORMER)},caf,,{NEW_NAME},")
    return build_site(package, folder / "output")


class Head(HTMLParser):
    """The <meta>, <link> and <a> elements of a page, as attribute dictionaries."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.anchors: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        {"meta": self.meta, "link": self.links, "a": self.anchors}.get(tag, []).append(values)


def parsed(page: Path) -> Head:
    head = Head()
    head.feed(page.read_text("utf-8"))
    return head


def test_a_renamed_structure_keeps_its_address(site: Path) -> None:
    page = (site / "services" / "caf-de-paris" / "index.html").read_text("utf-8")
    assert f"<h1>{NEW_NAME}</h1>".replace("'", "&#39;") in page
    assert not (site / "services" / "caisse-d-allocations-familiales-de-paris").exists()
    poster = (site / "services" / "caf-de-paris" / "affiche" / "index.html").read_text("utf-8")
    assert f"{PUBLIC_URL}/services/caf-de-paris/" in poster  # the QR code printed on it: unchanged
    letter = (site / "services" / "lettre-c" / "index.html").read_text("utf-8")  # listed by its new name
    assert 'href="../../services/caf-de-paris/"' in letter and NEW_NAME.replace("'", "&#39;") in letter


@pytest.mark.parametrize("former", FORMER)
def test_a_former_address_serves_a_redirect_page(site: Path, former: str) -> None:
    path = site / "services" / former / "index.html"
    head = parsed(path)
    target_page = site / "services" / "caf-de-paris" / "index.html"
    [refresh] = [m for m in head.meta if m.get("http-equiv", "").lower() == "refresh"]
    delay, _, url = refresh["content"].partition("; url=")
    assert delay == "0"
    assert (path.parent / url / "index.html").resolve() == target_page.resolve()
    assert {"name": "robots", "content": "noindex"} in head.meta
    assert {"rel": "canonical", "href": f"{PUBLIC_URL}/services/caf-de-paris/"} in head.links
    [policy] = [m["content"] for m in head.meta if m.get("http-equiv", "").lower() == "content-security-policy"]
    home = parsed(site / "index.html")
    assert policy == next(m["content"] for m in home.meta if m.get("http-equiv") == "Content-Security-Policy")
    text = visible_text(path.read_text("utf-8"))
    assert "Cette page a changé d'adresse" in text and f"Aller à la nouvelle page : {NEW_NAME}" in text
    [link] = [a for a in head.anchors if a.get("href", "").endswith("services/caf-de-paris/")]
    assert (path.parent / link["href"] / "index.html").resolve() == target_page.resolve()
    # no inline script (a <script type="application/json"> block of the page's words is data, never run)
    assert not re.search(r'<script(?![^>]*\bsrc=)(?![^>]*\btype="application/json")[^>]*>|\sstyle=|\son\w+=',
                         path.read_text("utf-8"))


def test_redirect_pages_stay_out_of_the_sitemap(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert f"{PUBLIC_URL}/services/caf-de-paris/" in sitemap
    assert not [former for former in FORMER if f"/services/{former}/" in sitemap]


def test_redirect_page_is_valid_accessible_html(site: Path) -> None:
    if not HTML_VALIDATE.exists():
        pytest.fail("html-validate absent : lancer `npm ci`")
    pages = [str(site / "services" / former / "index.html") for former in FORMER]
    checked = subprocess.run([str(HTML_VALIDATE), "--config", str(ROOT / "tests" / "browser" / "htmlvalidate.json"),
                              *pages], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.browser
def test_chromium_lands_on_the_new_address(site: Path, chromium: Any) -> None:
    """What a phone does with the QR code of a poster printed before the address changed."""
    with serve(site) as base:
        page = chromium.new_page(viewport={"width": 390, "height": 844})
        problems = record_problems(page, [], warnings=False, responses=False)
        page.goto(f"{base}/services/{FORMER[0]}/")
        page.wait_for_url(f"{base}/services/caf-de-paris/", timeout=10_000)
        assert page.locator("h1").inner_text() == NEW_NAME
        assert problems == []
        page.close()


def test_the_build_refuses_two_pages_with_one_file_in_french(tmp_path: Path) -> None:
    """Defence in depth, without the validator: a slug taking the A–Z index's letter C page."""
    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    edit_structures(package, "CAF-69,caf-du-rhone,", "CAF-69,lettre-c,")
    with pytest.raises(DuplicatePageError) as raised:
        build_site(package, tmp_path / "output")
    message = str(raised.value)
    assert "services/lettre-c/" in message and "« C »" in message and "« CAF du Rhône » (CAF-69)" in message
    assert "slug" in message and "structures.csv" in message
    assert not list((tmp_path / "output").rglob("*.html"))  # stopped before any page was written



@pytest.mark.parametrize("column", ["slug", "former_slugs"])
def test_the_build_alone_refuses_a_stored_slug_that_leaves_its_folder(tmp_path: Path, column: str) -> None:
    """Slugs are stored data now, and name folders: `../../tmp/x` never reaches a path, even unvalidated."""
    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    hostile = "../../../tmp/x"
    edit_structures(package, "CAF-69,caf-du-rhone,,",
                    f"CAF-69,{hostile},," if column == "slug" else f"CAF-69,caf-du-rhone,{hostile},")
    with pytest.raises(InvalidSlugError, match=rf"CAF-69, colonne {column} de structures.csv"):
        build_site(package, tmp_path / "a" / "b" / "output")
    assert not list(tmp_path.rglob("x"))


# Network pages published before their address became the network's id (short name → id).
NETWORK_MOVES = (("ants", "titres-securises"), ("dgfip", "finances-publiques"))


def network_names(demo_package: Path) -> dict[str, str]:
    with (demo_package.parent / "networks.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row["name"] for row in csv.DictReader(handle)}


@pytest.mark.parametrize(("former", "network"), NETWORK_MOVES)
def test_a_former_network_address_serves_a_redirect_page(demo_site: Path, demo_package: Path, former: str,
                                                         network: str) -> None:
    """A link or bookmark to `reseaux/ants/` (published before #20) leads to the network's page."""
    path = demo_site / "reseaux" / former / "index.html"
    head = parsed(path)
    [refresh] = [m for m in head.meta if m.get("http-equiv", "").lower() == "refresh"]
    delay, _, url = refresh["content"].partition("; url=")
    assert delay == "0"
    assert (path.parent / url / "index.html").resolve() == (demo_site / "reseaux" / network / "index.html").resolve()
    assert {"name": "robots", "content": "noindex"} in head.meta
    assert {"rel": "canonical", "href": f"{PUBLIC_URL}/reseaux/{network}/"} in head.links
    name = network_names(demo_package)[network]
    text = visible_text(path.read_text("utf-8"))
    assert "Cette page a changé d'adresse" in text and f"Aller à la nouvelle page : {name}" in text
    sitemap = (demo_site / "sitemap.xml").read_text("utf-8")
    assert f"{PUBLIC_URL}/reseaux/{network}/" in sitemap and f"/reseaux/{former}/" not in sitemap


def test_a_former_network_address_of_a_labels_view_redirects(demo_site: Path) -> None:
    """The labels list cut by network had the short name too (`labels/reseaux/dgfip/`)."""
    path = demo_site / "labels" / "reseaux" / "dgfip" / "index.html"
    head = parsed(path)
    [refresh] = [m for m in head.meta if m.get("http-equiv", "").lower() == "refresh"]
    url = refresh["content"].partition("; url=")[2]
    target = demo_site / "labels" / "reseaux" / "finances-publiques" / "index.html"
    assert target.is_file() and (path.parent / url / "index.html").resolve() == target.resolve()
    assert {"rel": "canonical", "href": f"{PUBLIC_URL}/labels/reseaux/finances-publiques/"} in head.links
    assert "/labels/reseaux/dgfip/" not in (demo_site / "sitemap.xml").read_text("utf-8")


def test_network_redirect_pages_are_valid_accessible_html(demo_site: Path) -> None:
    if not HTML_VALIDATE.exists():
        pytest.fail("html-validate absent : lancer `npm ci`")
    pages = [str(demo_site / "reseaux" / former / "index.html") for former, _ in NETWORK_MOVES]
    pages.append(str(demo_site / "labels" / "reseaux" / "dgfip" / "index.html"))
    checked = subprocess.run([str(HTML_VALIDATE), "--config", str(ROOT / "tests" / "browser" / "htmlvalidate.json"),
                              *pages], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.browser
def test_chromium_follows_a_former_network_address(demo_site: Path, demo_package: Path, chromium: Any) -> None:
    former, network = NETWORK_MOVES[0]
    with serve(demo_site) as base:
        page = chromium.new_page(viewport={"width": 390, "height": 844})
        problems = record_problems(page, [], warnings=False, responses=False)
        page.goto(f"{base}/reseaux/{former}/")
        page.wait_for_url(f"{base}/reseaux/{network}/", timeout=10_000)
        assert page.locator("h1").inner_text() == network_names(demo_package)[network]
        assert problems == []
        page.close()
