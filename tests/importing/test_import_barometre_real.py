"""The real Baromètre files (tests/fixtures/barometre-v1/, Licence Ouverte 2.0) imported, validated
and built into a site whose pages show the values the source publishes."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from importcheck import csv_rows, run_importer, table_rows
from support.paths import FIXTURES
from support.site import build_site

REAL = FIXTURES / "barometre-v1"
FILES = sorted(REAL.glob("*.csv"))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    package = tmp_path_factory.mktemp("barometre") / "package"
    run = run_importer("barometre-v1", *FILES, "--output", package)
    assert run.code == 0, run.out + run.err
    return package, run.out


def test_the_real_files_import_into_a_valid_package_and_the_quirks_are_reported(imported: tuple[Path, str]) -> None:
    package, report = imported
    assert "Paquet écrit et validé" in report
    assert "nb-logement-accompagnement : « logements »" in report  # a count: no unit of the programme's schema
    assert "Références sans correspondance : aucune." in report
    results = {(r["structure_id"], r["indicator_id"], r["period"]): r["value"]
               for r in table_rows(package, "results")}
    # Values as the source publishes them (detail-national.csv: 2017-12-31 72.0, 2022-12-31 71.0;
    # detail-regional.csv: Auvergne-Rhône-Alpes, fibre, 2022-09-30).
    assert results[("FRANCE", "tx-satisfaction-usagers-services-publics", "2017")] == "72"
    assert results[("FRANCE", "tx-satisfaction-usagers-services-publics", "2022")] == "71"
    source = next(r for r in csv_rows(REAL / "barometre-resultats-services-publics-et-territoires-detail-regional.csv")
                  if r["code_region"] == "84" and r["id_indicateur"] == "taux-deploiement-fibre"
                  and r["date"] == "2022-09-30")
    assert float(results[("R84", "taux-deploiement-fibre", "2022-Q3")]) == float(source["valeur"])
    targets = {(t["indicator_id"], t["period"]): t["target"] for t in csv_rows(package / "targets.csv")}
    assert targets[("tx-satisfaction-usagers-services-publics", "2022")] == "77"


@pytest.mark.slow
def test_the_imported_package_builds_into_pages_showing_the_source_values(
    imported: tuple[Path, str], tmp_path: Path
) -> None:
    package, _report = imported
    output = build_site(package / "datapackage.json", tmp_path / "site")
    page = (output / "services" / "france-entiere" / "index.html").read_text(encoding="utf-8")
    words = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    assert ("Taux de satisfaction des usagers à l’égard des services publics (national) : de 72 % à 71 % "
            "entre 2017 et 2022") in words
    assert "objectif de 77 % non atteint" in words
    assert (output / "services" / "region-auvergne-rhone-alpes" / "index.html").is_file()
