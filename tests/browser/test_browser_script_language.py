"""The scripts speak the page's language (issue #17): on the English site under /en/, the buttons and
messages the scripts add (chart button, table sort, label filter count) read in English, from the
catalog rendered into the page; the language switcher leads to the same page in French and back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.browser import phone_page
from support.paths import GOOD_FIXTURE
from support.site import build_site

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(GOOD_FIXTURE, tmp_path_factory.mktemp("scripts-bilingual") / "output",
                      LANGUAGES=["fr_FR", "en_GB"])


@pytest.fixture(scope="module")
def phone(chromium: Any, bilingual: Path) -> Iterator[Any]:
    with phone_page(chromium, bilingual) as page:
        yield page


def _structure(site: Path) -> str:
    for page in sorted(site.glob("services/*/index.html")):
        if "data-chart-spec" in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(site).as_posix() + "/"
    raise AssertionError("aucune page de structure avec graphique")


def test_english_page_scripts_write_english(phone: Any, bilingual: Path) -> None:
    path = _structure(bilingual)
    phone.goto(phone.base + "en/" + path)
    assert phone.locator("html").get_attribute("lang") == "en"
    phone.get_by_role("button", name="Interactive version").first.wait_for()
    assert "about 600 kB" in phone.locator(".chart-explore-status").first.inner_text()
    phone.goto(phone.base + "en/labels/")
    assert phone.locator("button.sort-button").first.get_attribute("aria-label").startswith("Sort by ")
    status = phone.locator(".filter-status").inner_text()
    assert " shown out of " in status and "affichée" not in status, status


def test_french_page_scripts_still_write_french(phone: Any, bilingual: Path) -> None:
    phone.goto(phone.base + _structure(bilingual))
    phone.get_by_role("button", name="Version interactive").first.wait_for()


def test_switcher_leads_to_the_same_page_in_the_other_language(phone: Any, bilingual: Path) -> None:
    path = _structure(bilingual)
    phone.goto(phone.base + "en/" + path)
    phone.locator("nav.language-switcher a[hreflang=fr]").click()
    assert phone.url.endswith("/" + path) and "/en/" not in phone.url
    assert phone.locator("html").get_attribute("lang") == "fr"
    phone.locator("nav.language-switcher a[hreflang=en]").click()
    assert phone.url.endswith("/en/" + path)
