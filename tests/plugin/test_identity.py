"""The programme's identity is configuration: another programme's name, logo, label levels, feedback
service and commitments title reach the pages a visitor reads, and bad values stop the build in French."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from results.settings import SettingsError, parse_settings
from support.pages import visible_text
from support.paths import GOOD_FIXTURE, ROOT
from support.site import build_site

OTHER_PROGRAMME = {
    "RESULTS_PROGRAMME_NAME": "Normes de service Canada",
    "RESULTS_LOGO": "images/programme.svg",
    "RESULTS_LABEL_NAME": "Excellence du service",
    "RESULTS_LABEL_LEVELS": [["or", "Platine"], ["argent", "Argent"], ["bronze", "Essentiel"]],
    "RESULTS_FEEDBACK_NAME": "Dites-nous ce que vous en pensez",
    "RESULTS_FEEDBACK_URL": "https://avis.example.org/formulaire?service={structure_id}",
    "RESULTS_COMMITMENTS_TITLE": "Nos normes de service",
}
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n'


@pytest.fixture(scope="module")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The good fixture built as another programme's site, with its own theme copy holding the logo."""
    folder = tmp_path_factory.mktemp("other-programme")
    theme = folder / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "static" / "images").mkdir(parents=True, exist_ok=True)
    (theme / "static" / "images" / "programme.svg").write_text(LOGO, encoding="utf-8")
    return build_site(GOOD_FIXTURE, folder / "output", THEME=str(theme), **OTHER_PROGRAMME)


def page(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def test_the_header_shows_the_programme_logo_published_with_the_site(other_site: Path) -> None:
    home = page(other_site, "")
    assert '<img class="site-logo" src="./theme/images/programme.svg" alt="Normes de service Canada"' in home
    assert (other_site / "theme" / "images" / "programme.svg").read_text(encoding="utf-8") == LOGO


def test_label_name_and_levels_come_from_the_settings(other_site: Path) -> None:
    structure = visible_text(page(other_site, "services/caf-de-paris"))
    assert "Label Excellence du service" in structure and "Platine" in structure
    assert "Services Publics+" not in structure
    badge = (other_site / "labels" / "badges" / "CAF-75.svg").read_text(encoding="utf-8")
    assert "Label Excellence du service niveau platine" in badge and "Niveau Platine" in badge
    labels = visible_text(page(other_site, "labels"))
    assert "Platine" in labels and "Essentiel" in labels and "Bronze" not in labels
    assert (other_site / "labels" / "niveau-or" / "index.html").is_file()  # addresses keep the data's codes


def test_feedback_service_name_and_programme_address(other_site: Path) -> None:
    own_form = page(other_site, "services/caf-de-paris")  # the CAF network runs its own form
    assert 'href="https://example.org/avis/caf/CAF-75" rel="external">Dites-nous ce que vous en pensez</a>' in own_form
    assert "formulaire du réseau CAF" in visible_text(own_form)
    fallback = page(other_site, "services/service-des-impots-des-particuliers-d-ajaccio")  # DGFiP has none
    assert ('href="https://avis.example.org/formulaire?service=SIP-AJACCIO" rel="external">'
            "Dites-nous ce que vous en pensez</a>") in fallback
    assert "formulaire du réseau" not in visible_text(fallback)
    assert "Donner mon avis" not in own_form + fallback


def test_commitments_page_title(other_site: Path) -> None:
    commitments = page(other_site, "engagements")
    assert "<h1>Nos normes de service</h1>" in commitments
    assert "<title>Nos normes de service – " in commitments


def test_the_french_programme_is_the_default(good_site: Path) -> None:
    structure = page(good_site, "services/caf-de-paris")
    assert "Label Services Publics+" in visible_text(structure) and "site-logo" not in structure
    assert "<h1>Nos engagements</h1>" in page(good_site, "engagements")
    ajaccio = page(good_site, "services/service-des-impots-des-particuliers-d-ajaccio")
    assert "Donner mon avis" not in ajaccio  # no network form, no programme form: no link at all


@pytest.mark.parametrize(("setting", "value", "message"), [
    ("RESULTS_LABEL_LEVELS", (("or", "Or"), ("argent", "Argent")), "ne sont pas ceux que le schéma accepte"),
    ("RESULTS_LABEL_LEVELS", (("or", "Or"), ("argent", "Argent"), ("platine", "Platine")), "bronze"),
    ("RESULTS_LABEL_LEVELS", ("or", "argent", "bronze"), "chaque niveau s'écrit (code, nom affiché)"),
    ("RESULTS_FEEDBACK_URL", "javascript:alert(1)", "doit être une adresse https://"),
    ("RESULTS_LOGO", "../../etc/logo.svg", "doit être un chemin sous theme/static/"),
    ("RESULTS_LOGO", "https://cdn.example.org/logo.svg", "le site ne charge rien d'ailleurs"),
    ("RESULTS_LOGO", "images/absent.svg", "n'existe pas"),
])
def test_bad_identity_settings_stop_the_build_in_french(setting: str, value: object, message: str) -> None:
    with pytest.raises(SettingsError, match=r"RESULTS_") as raised:
        parse_settings({setting: value, "THEME": str(ROOT / "theme")})
    assert message in str(raised.value)


def test_a_programme_without_label_says_so_with_an_empty_tuple() -> None:
    assert parse_settings({"RESULTS_LABEL_LEVELS": ()}).label_scheme is None
    scheme = parse_settings({"RESULTS_LABEL_LEVELS": [["bronze", "B"], ["or", "O"], ["argent", "A"]]}).label_scheme
    assert scheme is not None and scheme.codes == ("bronze", "or", "argent") and scheme.rank("bronze") == 3
