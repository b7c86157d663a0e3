"""The importer's shared engine, through the Baromètre v1 source: columns by header name, detected
encodings and delimiters, the declared mapping and a maintainer's override, the import report,
located French errors for bad files, and the same bytes for the same input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from importcheck import csv_rows, package_bytes, run_importer, table_rows, write_csv

HEADER = ["mesure", "indicateur", "id_indicateur", "code_departement", "libelle_departement", "date", "valeur", "unite"]
SATISFACTION = "Taux de satisfaction des usagers"
ROWS = [
    ["Améliorer le service", SATISFACTION, "tx-satisfaction", "01", "Ain", "2021-12-31", "70.0", "%"],
    ["Améliorer le service", SATISFACTION, "tx-satisfaction", "01", "Ain", "2022-12-31", "74.5", "%"],
    ["Améliorer le service", SATISFACTION, "tx-satisfaction", "2A", "Corse-du-Sud", "2022-12-31", "81.0", "%"],
    ["France services", "Nombre de labellisations", "nb-labellisations", "01", "Ain", "2022-12-31", "12.0",
     "labellisations"],
]


def source(folder: Path, name: str = "detail.csv", **options: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_csv(folder / name, HEADER, ROWS, **options)


def test_columns_are_found_by_name_whatever_their_order_delimiter_and_encoding(tmp_path: Path) -> None:
    plain = source(tmp_path / "a")
    order = [7, 3, 0, 6, 2, 5, 1, 4]  # another column order, as in an older copy of the file
    reordered = write_csv(tmp_path / "b" / "detail.csv", [HEADER[i] for i in order],
                          [[row[i] for i in order] for row in ROWS], delimiter=";", encoding="cp1252")
    first = run_importer("barometre-v1", plain, "--output", tmp_path / "one")
    second = run_importer("barometre-v1", reordered, "--output", tmp_path / "two")
    assert first.code == 0, first.out + first.err
    assert second.code == 0, second.out + second.err
    assert package_bytes(tmp_path / "one") == package_bytes(tmp_path / "two")
    assert "UTF-8, séparateur virgule" in first.out
    assert "Windows-1252 (converti en UTF-8), séparateur point-virgule" in second.out


def test_a_bom_is_detected_and_reported(tmp_path: Path) -> None:
    with_bom = source(tmp_path / "src", prefix="\ufeff")
    run = run_importer("barometre-v1", with_bom, "--output", tmp_path / "package")
    assert run.code == 0, run.out + run.err
    assert "UTF-8 avec BOM" in run.out


def test_same_input_gives_the_same_bytes_and_a_valid_package(tmp_path: Path) -> None:
    detail = source(tmp_path / "src")
    runs = [run_importer("barometre-v1", detail, "--output", tmp_path / name) for name in ("one", "two")]
    assert [r.code for r in runs] == [0, 0], runs[0].out
    assert package_bytes(tmp_path / "one") == package_bytes(tmp_path / "two")
    assert "Paquet écrit et validé" in runs[0].out
    results = table_rows(tmp_path / "one", "results")
    assert [(r["structure_id"], r["period"], r["value"]) for r in results] == [
        ("D01", "2021", "70"), ("D01", "2022", "74.5"), ("D2A", "2022", "81")
    ]


def test_the_report_counts_rows_and_names_skipped_ones_by_file_and_line(tmp_path: Path) -> None:
    rows = [*ROWS,
            ["Améliorer le service", SATISFACTION, "tx-satisfaction", "99", "Nulle part", "2022-12-31", "50", "%"],
            ["Améliorer le service", SATISFACTION, "tx-satisfaction", "01", "Ain", "", "", "%"]]
    detail = write_csv(tmp_path / "detail.csv", HEADER, rows)
    run = run_importer("barometre-v1", detail, "--output", tmp_path / "package")
    assert run.code == 0, run.out + run.err
    assert "detail.csv (UTF-8, séparateur virgule) : 6 lignes lues" in run.out
    assert "results/<réseau>.csv : 3 lignes" in run.out
    assert "unité sans équivalent" in run.out
    assert "detail.csv, ligne 5 : nb-labellisations : « labellisations »" in run.out
    assert "département inconnu du Code officiel géographique : 1 ligne" in run.out
    assert "detail.csv, ligne 6 : 99" in run.out
    assert "ligne sans date ou sans valeur (espace réservé) : 1 ligne" in run.out
    assert "detail.csv, ligne 7" in run.out


def test_a_maintainer_overrides_a_choice_in_a_small_mapping_file(tmp_path: Path) -> None:
    detail = source(tmp_path / "src")
    choices = tmp_path / "choix.json"
    choices.write_text(json.dumps({"indicators": {"tx-satisfaction": {"direction": "lower", "frequency": "quarterly"}},
                                   "units": {"labellisations": None}}), encoding="utf-8")
    run = run_importer("barometre-v1", detail, "--output", tmp_path / "package", "--mapping", choices)
    assert run.code == 0, run.out + run.err
    (indicator,) = csv_rows(tmp_path / "package" / "indicators.csv")
    assert (indicator["direction"], indicator["frequency"]) == ("lower", "quarterly")
    assert {r["period"] for r in table_rows(tmp_path / "package", "results")} == {"2021-Q4", "2022-Q4"}


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({"indicators": {"tx-satisfaction": {"direction": "up"}}},
         "« indicators.tx-satisfaction.direction » vaut « up », valeur que le schéma du programme n'accepte pas. "
         "Valeurs possibles : higher, lower."),
        ({"indicator": {}}, "clé « indicator » inconnue"),
        ({"indicators": {"tx-satisfaction": {"sens": "lower"}}},
         "« indicators.tx-satisfaction.sens » n'est pas un choix"),
    ],
)
def test_a_wrong_override_is_refused_in_french(tmp_path: Path, override: dict, expected: str) -> None:
    choices = tmp_path / "choix.json"
    choices.write_text(json.dumps(override), encoding="utf-8")
    run = run_importer("barometre-v1", source(tmp_path / "src"), "--output", tmp_path / "package", "--mapping", choices)
    assert run.code == 2
    assert expected in run.err
    assert not (tmp_path / "package").exists()


def test_text_in_a_value_column_names_file_line_and_column(tmp_path: Path) -> None:
    rows = [*ROWS[:2], ["Améliorer le service", SATISFACTION, "tx-satisfaction", "01", "Ain", "2020-12-31", "n/a", "%"]]
    run = run_importer("barometre-v1", write_csv(tmp_path / "detail.csv", HEADER, rows), "--output", tmp_path / "p")
    assert run.code == 1
    assert "detail.csv, ligne 4, colonne « valeur » : « n/a » n'est pas un nombre" in run.err
    assert not (tmp_path / "p").exists()


def test_a_missing_required_column_is_named(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "id_indicateur"]
    rows = [[c for h, c in zip(HEADER, row, strict=True) if h != "id_indicateur"] for row in ROWS]
    run = run_importer("barometre-v1", write_csv(tmp_path / "detail.csv", header, rows), "--output", tmp_path / "p")
    assert run.code == 1
    assert "detail.csv, ligne 1, colonne « id_indicateur » : colonne obligatoire absente" in run.err


def test_a_line_with_another_delimiter_is_located(tmp_path: Path) -> None:
    detail = write_csv(tmp_path / "detail.csv", HEADER, ROWS[:2], delimiter=";")
    with detail.open("a", encoding="utf-8") as handle:
        handle.write(",".join(ROWS[2]) + "\n")
    run = run_importer("barometre-v1", detail, "--output", tmp_path / "p")
    assert run.code == 1
    assert "detail.csv, ligne 4, colonne « indicateur » : 1 cellule(s) au lieu des 8 de l'en-tête" in run.err
    assert "séparée par « , » au lieu de « ; »" in run.err
