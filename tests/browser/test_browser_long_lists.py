"""The browser gates on the pages of long lists (#15), in French and English, desktop and phone.

The demo package has no network big enough to be split: the small good fixture is built with
RESULTS_LIST_MAX_ROWS lowered to 2, so every page kind of long_lists.py exists: an indicator summarised
by network and by département, a network counted by département, a network's département page, and a
région counted by département. Each gets axe-core's WCAG 2.1 AA rules, a clean console and CSP, nothing
fetched elsewhere, and no sideways scroll at 320 px.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsercheck import AXE_SCRIPT, DESKTOP, MOBILE, describe, visit
from support.paths import GOOD_FIXTURE
from support.server import serve
from support.site import build_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGES = {
    "indicateur-par-reseau": "indicateurs/satisfaction/",
    "indicateur-par-departement": "indicateurs/ft-delai-rdv/",
    "reseau-par-departement": "reseaux/france-travail/",
    "reseau-departement": "reseaux/france-travail/75-paris/",
    "region-par-departement": "territoires/regions/ile-de-france/",
}


@pytest.fixture(scope="module")
def long_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    output = build_site(GOOD_FIXTURE, tmp_path_factory.mktemp("long-lists-browser") / "output",
                        RESULTS_LIST_MAX_ROWS=2, LANGUAGES=["fr_FR", "en_GB"])
    for path in PAGES.values():
        assert (output / path / "index.html").exists(), path
    with serve(output) as url:
        yield url + "/"


@pytest.mark.parametrize("language", ["", "en/"])
@pytest.mark.parametrize("kind", PAGES)
def test_long_list_pages_pass_the_gates(chromium: Any, long_site_url: str, kind: str, language: str) -> None:
    path = language + PAGES[kind]
    desktop = visit(chromium, long_site_url, path, DESKTOP, AXE_SCRIPT.read_text(encoding="utf-8"))
    assert not desktop.axe["violations"], f"{path}\n{describe(desktop.axe['violations'])}"
    phone = visit(chromium, long_site_url, path, MOBILE, None)
    for report in (desktop, phone):
        assert report.console == [] and report.external_requests == [] and not report.csp_violations, report
    assert phone.scroll_width <= MOBILE["width"] and phone.table_problems == [], phone
