"""Canada's service standards, written by the tests with the real exports' quirks (targets as fractions
in the recent file and as percentages in the older one, `ND` / `NA`, fiscal years written `2023-2024`
or `2021-22`), imported into a valid package whose pages show the source's values."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from canadaexports import HEADER, OLDER, RECENT, RETURNS_STANDARD, write_standards
from importcheck import csv_rows, run_importer, table_rows, write_csv
from results.core.translations import TRANSLATIONS_RESOURCE, Localized, label
from results.load import load_catalog
from support.paths import FIXTURES
from support.site import build_site
from validation import validate_package


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("canada")
    run = run_importer("canada", *write_standards(folder / "exports"), "--output", folder / "package")
    assert run.code == 0, run.out + run.err
    return folder / "package", run.out


def test_departments_services_and_standards_become_networks_structures_and_indicators(
    imported: tuple[Path, str],
) -> None:
    package, _report = imported
    networks = {n["id"]: n for n in csv_rows(package / "networks.csv")}
    assert {i: (n["name"], n["short_name"]) for i, n in networks.items()} == {
        "esdc-edsc": ("Emploi et Développement social Canada", "EDSC"),
        "cra-arc": ("Agence du revenu du Canada", "ARC"),
    }
    structures = {s["id"]: s for s in csv_rows(package / "structures.csv")}
    assert structures["SRV-1001"]["name"] == "Prestations de la Sécurité de la vieillesse"  # French first
    assert structures["SRV-1001"]["network_id"] == "esdc-edsc"
    indicators = {i["id"]: i for i in csv_rows(package / "indicators.csv")}
    assert indicators["norme-925"]["label"] == RECENT[0][6]
    assert (indicators["norme-925"]["unit"], indicators["norme-925"]["frequency"]) == ("percent", "fiscal_yearly")
    assert indicators["norme-925"]["network_id"] == "esdc-edsc"
    assert validate_package(package / "datapackage.json").exit_code == 0


def test_fractions_become_percentages_and_missing_markers_stay_missing(imported: tuple[Path, str]) -> None:
    package, report = imported
    results = {(r["structure_id"], r["indicator_id"], r["period"]): r for r in table_rows(package, "results")}
    assert {key: (r["value"], r["sample_size"]) for key, r in results.items()} == {
        ("SRV-1001", "norme-925", "2023-2024"): ("98.72", "359919"),  # performance 0.9872
        ("SRV-1001", "norme-925", "2022-2023"): ("87.56", "359919"),
        ("SRV-1001", "norme-925", "2021-2022"): ("90.625", "320000"),  # written 2021-22 in the older file
        ("SRV-2002", "norme-311", "2023-2024"): ("96.1", "1200000"),
        ("SRV-2002", "norme-311", "2021-2022"): ("", ""),  # ND / NA: no value, with its reason
    }
    assert results[("SRV-2002", "norme-311", "2021-2022")]["missing_reason"]
    assert results[("SRV-1001", "norme-925", "2023-2024")]["updated_on"] == "2024-03-31"  # the fiscal year's end
    targets = {(t["indicator_id"], t["period"]): t["target"] for t in csv_rows(package / "targets.csv")}
    assert targets == {
        ("norme-925", "2023-2024"): "90", ("norme-925", "2022-2023"): "90",  # 0.9 in the recent file
        ("norme-925", "2021-2022"): "90", ("norme-311", "2021-2022"): "80",  # 90 and 80 in the older one
        ("norme-311", "2023-2024"): "95",
    }
    assert "service_std_2018-2023.csv : cibles écrites en pourcentage" in report


@pytest.mark.slow
def test_the_built_pages_show_the_source_values_and_fiscal_years(imported: tuple[Path, str], tmp_path: Path) -> None:
    package, _report = imported
    output = build_site(package / "datapackage.json", tmp_path / "site")
    service = output / "services" / "prestations-de-la-securite-de-la-vieillesse" / "index.html"
    words = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", service.read_text(encoding="utf-8"))))
    assert "98,7 %" in words  # 0.9872, shown with the indicator's one decimal
    assert "exercice 2023-2024" in words
    assert "2023-Q" not in words and "T1 2023" not in words
    assert "Évolution depuis l'exercice précédent +11,2 points" in words  # 98.72 − 87.56
    assert "Évolution sur un an" not in words  # the previous period already is a year before
    assert "Services Publics+" not in words  # another country's programme: no French label section
    chart = (service.parent / "graphique-evolution.svg").read_text(encoding="utf-8")
    ticks = re.findall(r"<text[^>]*>([^<]*)</text>", chart)
    assert "2023-2024" in ticks and "2024" not in ticks  # fiscal years on the time axis, not calendar years
    published = [p for p in output.rglob("*.csv") if "2023-2024" in p.read_text(encoding="utf-8")]
    assert published, "the downloads carry the fiscal year's code"
    assert any("exercice 2023-2024" in p.read_text(encoding="utf-8") for p in published)


def test_a_file_without_a_required_column_is_refused_in_french(tmp_path: Path) -> None:
    header = [name for name in HEADER if name != "performance"]
    rows = [[cell for name, cell in zip(HEADER, row, strict=True) if name != "performance"] for row in RECENT]
    source = write_csv(tmp_path / "service_std.csv", header, rows)
    run = run_importer("canada", source, "--output", tmp_path / "package")
    assert run.code == 1
    assert "service_std.csv, ligne 1, colonne « performance » : colonne obligatoire absente" in run.err
    assert not (tmp_path / "package").exists()


def test_text_in_a_value_column_names_file_line_and_column(tmp_path: Path) -> None:
    older = [list(row) for row in OLDER]
    older[1][HEADER.index("total_volume")] = "beaucoup"
    run = run_importer("canada", *write_standards(tmp_path / "exports", older=older), "--output", tmp_path / "package")
    assert run.code == 1
    assert ("service_std_2018-2023.csv, ligne 3, colonne « total_volume » : « beaucoup » n'est pas un nombre"
            in run.err)
    assert "ND" in run.err  # the markers that do mean "missing" are named


def test_a_year_that_is_not_a_fiscal_year_names_file_line_and_column(tmp_path: Path) -> None:
    recent = [list(row) for row in RECENT]
    recent[2][0] = "2023-2025"
    files = write_standards(tmp_path / "exports", recent=recent)
    run = run_importer("canada", *files, "--output", tmp_path / "package")
    assert run.code == 1
    assert "service_std.csv, ligne 4, colonne « fiscal_yr » : « 2023-2025 » n'est pas un exercice" in run.err
    assert "2023-2024" in run.err


def test_hostile_cells_are_defused_or_set_aside_and_the_package_stays_valid(tmp_path: Path) -> None:
    recent = [list(row) for row in RECENT]
    recent[0][HEADER.index("service_name_fr")] = '=HYPERLINK("http://evil.example";"clic")'
    recent[1][HEADER.index("owner_org")] = "../../etc"  # not a department code: the row is set aside
    recent[2][HEADER.index("service_standard_id")] = "<>"  # nothing left of the id
    files = write_standards(tmp_path / "exports", recent=recent)
    run = run_importer("canada", *files, "--output", tmp_path / "package")
    assert run.code == 0, run.out + run.err
    names = {s["id"]: s["name"] for s in csv_rows(tmp_path / "package" / "structures.csv")}
    assert names["SRV-1001"] == "'" + recent[0][HEADER.index("service_name_fr")]
    assert "ligne sans ministère, service ou norme identifiable : 2 lignes" in run.out


def test_the_english_names_go_to_translations_and_french_stays_in_the_tables(imported: tuple[Path, str]) -> None:
    """The source is bilingual (issue #17): French is the tables' language, English is translations.csv's."""
    package, report = imported
    english = {(t["table"], t["id"], t["field"]): t["text"] for t in csv_rows(package / "translations.csv")
               if t["lang"] == "en"}
    assert english["networks", "esdc-edsc", "name"] == "Employment and Social Development Canada"
    assert english["networks", "esdc-edsc", "short_name"] == "ESDC"
    assert english["networks", "cra-arc", "name"] == "Canada Revenue Agency"
    assert english["structures", "SRV-1001", "name"] == "Old Age Security (OAS) Benefits"
    assert english["indicators", "norme-925", "label"] == RECENT[0][5]  # service_standard_en
    assert "channel: mail" in english["indicators", "norme-311", "methods"]
    assert "translations.csv : 12 lignes" in report
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["resources"][-1] == TRANSLATIONS_RESOURCE
    validation = validate_package(package / "datapackage.json")
    assert validation.exit_code == 0
    assert [w.message for w in validation.warnings if w.code.startswith("translation")] == []
    catalog = load_catalog(package / "datapackage.json")  # what an English page shows, and the French one
    network = catalog.networks["esdc-edsc"]
    assert label(network, "en", catalog.translations) == Localized("Employment and Social Development Canada", "en")
    assert label(network, "fr", catalog.translations).text == "Emploi et Développement social Canada"
    assert label(catalog.indicators["norme-311"], "en", catalog.translations).text == RETURNS_STANDARD[0]


def test_a_text_the_mapping_overrides_gets_no_english_from_the_source(tmp_path: Path) -> None:
    choices = tmp_path / "choices.json"
    choices.write_text(json.dumps({"indicators": {"norme-925": {"label": "Prestations de la SV à temps"}},
                                   "networks": {"cra-arc": {"name": "ARC"}}}), encoding="utf-8")
    files = write_standards(tmp_path / "exports")
    run = run_importer("canada", *files, "--output", tmp_path / "package", "--mapping", choices)
    assert run.code == 0, run.out + run.err
    keys = {(t["table"], t["id"], t["field"]) for t in csv_rows(tmp_path / "package" / "translations.csv")}
    assert ("indicators", "norme-925", "label") not in keys and ("networks", "cra-arc", "name") not in keys
    assert ("indicators", "norme-925", "methods") in keys and ("networks", "cra-arc", "short_name") in keys


def test_a_reimport_updates_the_english_and_keeps_the_maintainers_translations(tmp_path: Path) -> None:
    """translations.csv is also maintained by hand (another language, a row's place): a newer export
    updates its own English, keeps the rest where it is, and drops the rows of a service it removed."""
    files = write_standards(tmp_path / "exports")
    package = tmp_path / "package"
    assert run_importer("canada", *files, "--output", package).code == 0
    path = package / "translations.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    german = "networks,esdc-edsc,name,de,Ministerium für Beschäftigung und soziale Entwicklung Kanadas"
    path.write_text("\n".join([header, german, *rows]) + "\n", encoding="utf-8")
    recent = [list(row) for row in RECENT[:2]]  # the tax returns service is gone from the newer export
    recent[0][HEADER.index("service_standard_en")] = "OAS benefits are paid in the first month"
    run = run_importer("canada", *write_standards(tmp_path / "newer", recent=recent, older=OLDER[:1]),
                       "--output", package)
    assert run.code == 0, run.out + run.err
    after = path.read_text(encoding="utf-8").splitlines()
    assert after[1] == german  # kept, in its place
    assert "indicators,norme-925,label,en,OAS benefits are paid in the first month" in after
    assert not any(",norme-311," in line or ",SRV-2002," in line or ",cra-arc," in line for line in after)
    assert "translations.csv : 0 ajoutée(s), 1 modifiée(s) par la source, 6 retirée(s)" in run.out
    assert validate_package(package / "datapackage.json").exit_code == 0
    again = path.read_bytes()
    assert run_importer("canada", *write_standards(tmp_path / "newer", recent=recent, older=OLDER[:1]),
                        "--output", package).code == 0
    assert path.read_bytes() == again  # same export, same bytes


def test_a_source_without_translations_leaves_a_hand_made_file_alone(tmp_path: Path) -> None:
    """Re-importing a monolingual source (the Baromètre) keeps translations.csv byte for byte, even
    written differently (CRLF, quotes) from how the importer writes."""
    files = sorted((FIXTURES / "barometre-v1").glob("*.csv"))
    package = tmp_path / "package"
    assert run_importer("barometre-v1", *files, "--output", package).code == 0
    indicator = csv_rows(package / "indicators.csv")[0]["id"]
    hand_made = f'table,id,field,lang,text\r\nindicators,{indicator},label,en,"Satisfied, overall"\r\n'.encode()
    (package / "translations.csv").write_bytes(hand_made)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append(TRANSLATIONS_RESOURCE)
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n",
                                              encoding="utf-8")
    run = run_importer("barometre-v1", *files, "--output", package)
    assert run.code == 0, run.out + run.err
    assert (package / "translations.csv").read_bytes() == hand_made
    names = [r["name"] for r in json.loads((package / "datapackage.json").read_text(encoding="utf-8"))["resources"]]
    assert names.count("translations") == 1
