"""The data's labels in the site's language (issue #17): a translated network name is shown as is; a
text without translation stays French and is marked lang="fr" for screen readers and translators."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.paths import GOOD_FIXTURE
from support.site import build_site, with_translations


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("translated")
    package = with_translations(GOOD_FIXTURE, folder / "package",
                                "table,id,field,lang,text\nnetworks,caf,name,en,Family allowance funds\n")
    return build_site(package, folder / "output", LANGUAGES=["en_GB"])  # an English-only site


def test_a_translated_name_is_shown_in_the_site_language(english_site: Path) -> None:
    page = (english_site / "reseaux" / "caf" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Family allowance funds</h1>" in page


def test_an_untranslated_name_stays_french_and_is_marked(english_site: Path) -> None:
    page = (english_site / "reseaux" / "france-travail" / "index.html").read_text(encoding="utf-8")
    assert '<h1 lang="fr">France Travail</h1>' in page
    indicator = (english_site / "indicateurs" / "satisfaction" / "index.html").read_text(encoding="utf-8")
    assert '<h1 lang="fr">Usagers satisfaits</h1>' in indicator


def test_the_french_site_is_unchanged(good_site: Path) -> None:
    assert "<h1>Caisses d'allocations familiales</h1>" in (good_site / "reseaux" / "caf" / "index.html").read_text(
        encoding="utf-8").replace("&#39;", "'")
