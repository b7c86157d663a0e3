"""Catalogs: complete, in step with the code, read by the templates, refused when unknown."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from jinja2 import Environment
from results.i18n.catalogs import UnknownLanguageError, available_languages, translations
from results.i18n.formats import Formats
from results.i18n.jinja import install_translations
from results.settings import SettingsError, parse_settings
from support.paths import ROOT


def test_every_string_has_an_english_translation_and_the_catalogs_are_in_step_with_the_code() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_a_template_speaks_the_catalog_language() -> None:
    source = '{{ _("stable") }} · {{ ngettext("%(num)d\u00a0point", "%(num)d\u00a0points", 2) }}'
    french, english = Environment(autoescape=True), Environment(autoescape=True)
    install_translations(french, Formats("fr_FR"))
    install_translations(english, Formats("en_GB"))
    assert french.from_string('{{ _("1er trimestre") }}').render() == "1er trimestre"  # French is the source
    assert english.from_string('{{ _("stable") }}').render() == "stable"
    assert english.from_string('{{ _("{rank} trimestre {year}") }}').render() == "Q{quarter} {year}"
    assert french.from_string(source).render() == "stable · 2\u00a0points"


def test_french_needs_no_catalog_and_english_has_one() -> None:
    assert available_languages()[:2] == ("fr", "en")
    assert translations("fr").gettext("stable") == "stable"


def test_an_unknown_language_is_refused_in_french(tmp_path: Path) -> None:
    expected = r"langue « de » sans catalogue.*Langues disponibles : fr\. Pour en ajouter une"
    with pytest.raises(UnknownLanguageError, match=expected):
        translations("de", tmp_path)


@pytest.mark.parametrize(("locale", "message"), [
    ("xx_YY", "RESULTS_LOCALE : 'xx_YY' n'est pas une locale connue de CLDR"),
    ("de_DE", "RESULTS_LOCALE : langue « de » sans catalogue de traduction"),
])
def test_the_site_setting_names_the_problem(locale: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        parse_settings({"RESULTS_LOCALE": locale})
