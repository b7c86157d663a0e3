"""The programme's own Opendatasoft exports, written by the tests with every quirk of the real files,
imported into a valid package whose values, repairs and reports match the source."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from importcheck import csv_rows, run_importer, table_rows
from odsexports import RESULT_HEADER, RESULTS, STRUCTURES, result, write_exports
from support.site import build_site


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("ods")
    run = run_importer("opendatasoft", *write_exports(folder / "exports"), "--output", folder / "package")
    assert run.code == 0, run.out + run.err
    return folder / "package", run.out


def test_structures_quirks_are_repaired_and_reported(imported: tuple[Path, str]) -> None:
    package, report = imported
    structures = {s["id"]: s for s in csv_rows(package / "structures.csv")}
    assert "SP-OLD" not in structures  # Actif = Non
    caf04 = structures["SP-CAF04"]
    assert (caf04["postcode"], caf04["commune_code"], caf04["departement_code"], caf04["region_code"]) == (
        "04000", "04070", "04", "93")
    assert caf04["parent_id"] == "SP-NAT" and caf04["name"] == "CAF des Alpes-de-Haute-Provence"
    assert structures["SP-CAF13"]["commune_code"] == "13055"  # from `arr13055-02`
    assert structures["SP-POL53"]["postcode"] == ""  # `530`: too short to repair
    abroad = structures["SP-FS-MA"]
    assert (abroad["postcode"], abroad["commune_code"], abroad["departement_code"]) == ("", "", "")
    assert {n["id"] for n in csv_rows(package / "networks.csv")} == {"cnaf", "police-nationale", "france-services"}
    assert "structures.csv (UTF-8, séparateur point-virgule, BOM dans le premier en-tête)" in report
    assert "structures.csv, ligne 3 : 4000 → 04000" in report
    assert "code postal incomplet, laissé vide : 1 ligne" in report and "structures.csv, ligne 5 : 530" in report
    assert "structures.csv, ligne 7 : SP-OLD" in report
    assert "1 structure(s) à l'étranger" in report


def test_results_get_their_period_from_frequency_and_update_date(imported: tuple[Path, str]) -> None:
    package, report = imported
    results = {(r["structure_id"], r["indicator_id"], r["period"]): r["value"]
               for r in table_rows(package, "results")}
    assert results == {
        ("SP-CAF04", "ind-decroche", "2024-Q1"): "86",  # updated 2024-05-02, after the 2024-04-14 value
        ("SP-CAF04", "ind-decroche", "2024-Q2"): "87.1",
        ("SP-CAF13", "ind-decroche", "2024-Q2"): "79",
        ("SP-POL53", "ind-delai", "2024-06"): "12",  # monthly, updated 2024-07-01
    }
    assert "resultats.csv, ligne 7 : SP-GHOST" in report  # unknown structure: reported, not fatal
    indicators = {i["id"]: i for i in csv_rows(package / "indicators.csv")}
    assert (indicators["ind-decroche"]["unit"], indicators["ind-decroche"]["direction"]) == ("percent", "higher")
    assert (indicators["ind-delai"]["unit"], indicators["ind-delai"]["direction"]) == ("days", "lower")
    assert indicators["ind-decroche"]["label"] == "Appels décrochés"


def test_experiences_are_matched_by_name_typology_and_departement(imported: tuple[Path, str]) -> None:
    package, report = imported
    (experience,) = csv_rows(package / "experiences.csv")
    assert (experience["id"], experience["structure_id"], experience["published_on"]) == (
        "EXP-1001", "SP-CAF04", "2024-05-03")
    assert "experiences.csv, ligne 3 : 1002 : « CAF inconnue »" in report
    assert "experiences.csv, ligne 4 : 1003 : Modérée" in report


def test_an_unknown_indicator_code_names_file_line_and_column(tmp_path: Path) -> None:
    rows = [*RESULTS[:2], result(9, "SP-CAF04", ("CNAF", "Indicateur jamais décrit", "IND-X"), "3", "2024-07-01")]
    files = write_exports(tmp_path / "exports", results=rows)
    run = run_importer("opendatasoft", *files, "--output", tmp_path / "package")
    assert run.code == 1
    assert "resultats.csv, ligne 4, colonne « code_sp_de_l_indicateur » : indicateur « IND-X » inconnu" in run.err
    assert not (tmp_path / "package").exists()


def test_a_results_export_without_its_required_column_is_refused(tmp_path: Path) -> None:
    files = write_exports(tmp_path / "exports")
    results = files[1]
    text = results.read_text(encoding="utf-8").replace("date_de_mise_a_jour", "date")
    results.write_text(text, encoding="utf-8")
    run = run_importer("opendatasoft", results, "--output", tmp_path / "package")
    assert run.code == 1
    assert "resultats.csv, ligne 1" in run.err and "colonne obligatoire absente" in run.err
    assert RESULT_HEADER[8] in run.err


def test_hostile_cells_are_defused_and_the_package_stays_valid(tmp_path: Path) -> None:
    structures = [list(row) for row in STRUCTURES]
    structures[1][4] = '=HYPERLINK("http://evil.example";"clic")'  # a formula as a public name
    structures[2][4] = "A" * 5000  # a name longer than an address can be
    structures[3][1] = "@SUM(1)"  # a network label that is a formula, so CNAF's indicator is published elsewhere
    run = run_importer("opendatasoft", *write_exports(tmp_path / "exports", structures=structures),
                       "--output", tmp_path / "package")
    assert run.code == 0, run.out + run.err
    names = {s["id"]: s["name"] for s in csv_rows(tmp_path / "package" / "structures.csv")}
    assert names["SP-CAF04"] == "'" + structures[1][4]
    assert len(names["SP-CAF13"]) == 200
    assert "« @SUM(1) »" not in run.out and "il devient commun à tous les réseaux" in run.out


@pytest.mark.slow
def test_the_imported_exports_build_into_pages_showing_the_source_values(
    imported: tuple[Path, str], tmp_path: Path
) -> None:
    package, _report = imported
    output = build_site(package / "datapackage.json", tmp_path / "site")
    page = (output / "services" / "caf-des-alpes-de-haute-provence" / "index.html").read_text(encoding="utf-8")
    words = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    assert "87,1 %" in words
    assert "Merci pour l'accueil" in words
