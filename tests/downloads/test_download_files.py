"""Per-page downloads: follow the CSV and XLSX links of real pages and compare with the source rows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from dlcheck import (
    NUMERIC_COLUMNS,
    by_id,
    download_block_links,
    download_links,
    latest_rows,
    page_links,
    resolve,
    same_value,
    size_from_label,
    xlsx_rows,
)
from results.downloads.columns import INDICATOR_FILE, NETWORK_FILE, STRUCTURE_FILE, TERRITORY_FILE, ExtractKind
from support.csvfiles import read_table
from support.paths import GOOD_FIXTURE

PACKAGE = GOOD_FIXTURE
TEXT_COLUMNS = ("period", "status", "missing_reason", "updated_on", "note")


@pytest.fixture(scope="module")
def source() -> dict[str, list[dict[str, str]]]:
    names = ("structures", "networks", "indicators", "results", "regions", "departements")
    return {name: read_table(PACKAGE, name) for name in names}


def _slug(output: Path, folder: str, name: str) -> Path:
    """The page of a record, found through the index page links rather than recomputed."""
    matches = [p for p in (output / folder).glob("*/index.html") if name in p.read_text(encoding="utf-8")]
    assert matches, f"aucune page de {folder} ne nomme « {name} »"
    return matches[0]


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _check_rows(frame: pd.DataFrame, expected: list[dict[str, str]], source: dict, kind: ExtractKind) -> None:
    """Every published row is the source row, ids with the names next to them (those the page kind's file
    has: a page's own record is named by its code only), numbers unrounded."""
    structures, networks, indicators = by_id(source["structures"]), by_id(source["networks"]), by_id(
        source["indicators"])
    assert list(frame.columns) == list(kind.names)
    assert len(frame) == len(expected)
    published = {(r["structure_id"], r["indicator_id"], r["period"]): r for r in frame.to_dict("records")}
    for row in expected:
        ours = published[(row["structure_id"], row["indicator_id"], row["period"])]
        structure = structures[row["structure_id"]]
        copied = {
            "structure_name": structure["name"], "network_id": structure["network_id"],
            "network_name": networks[structure["network_id"]]["name"],
            "departement_code": structure["departement_code"], "region_code": structure["region_code"],
            "indicator_label": indicators[row["indicator_id"]]["label"],
            "unit": indicators[row["indicator_id"]]["unit"],
        }
        for column, value in copied.items():
            if column in kind.names:
                assert ours[column] == value, column
        for column in NUMERIC_COLUMNS:
            assert same_value(ours[column], row[column]), (column, ours[column], row[column])
        for column in TEXT_COLUMNS:
            assert ours[column] == row[column], column


def _check_xlsx_matches_csv(xlsx: Path, frame: pd.DataFrame, package: dict) -> None:
    rows = xlsx_rows(xlsx, "Résultats")
    assert list(rows[0]) == list(frame.columns)
    assert len(rows) - 1 == len(frame)
    for cells, expected in zip(rows[1:], frame.to_dict("records"), strict=True):
        record = dict(zip(rows[0], cells, strict=True))
        for column, text in expected.items():
            if column in NUMERIC_COLUMNS:
                assert same_value(record[column], text)
                assert text == "" or isinstance(record[column], int | float), f"{column} non numérique"
            else:
                assert (record[column] or "") == text, column
    about = {row[0]: row[1] for row in xlsx_rows(xlsx, "À propos") if row and row[0]}
    assert about["Données à jour au"] == package["as_of"]
    assert package["licenses"][0]["title"] in about["Licence"]
    assert package["sources"][0]["title"] in about["Sources"]
    fields = {row[0] for row in xlsx_rows(xlsx, "À propos")}
    assert set(frame.columns) <= fields, "chaque colonne est expliquée dans « À propos »"


def _check_label(path: Path, text: str) -> None:
    _, announced = size_from_label(text)
    actual = path.stat().st_size
    assert abs(announced - actual) <= max(0.06 * actual, 1), (text, actual)


@pytest.mark.parametrize("structure_id", ["CAF-75", "FT-PARIS-19", "FT-MARSEILLE", "FT-IDF"])
def test_structure_downloads_hold_its_whole_history(good_site: Path, source: dict, structure_id: str) -> None:
    structure = by_id(source["structures"])[structure_id]
    page = _slug(good_site, "services", f"<h1>{structure['name']}</h1>")
    links = download_links(good_site, page)
    csv_path, csv_label = links[".csv"]
    assert csv_path.name.startswith("resultats-") and csv_path.parent == page.parent
    expected = [r for r in source["results"] if r["structure_id"] == structure_id]
    frame = _read_csv(csv_path)
    _check_rows(frame, expected, source, STRUCTURE_FILE)
    assert ".xlsx" not in links, "pas de classeur par structure (voir le README, « Fichiers publiés »)"
    _check_label(csv_path, csv_label)


def test_a_journalist_reads_a_structure_file_with_pandas_and_joins_its_name(good_site: Path, source: dict) -> None:
    """The data page's recipe: read the page's CSV (codes as text), then join the structures list for the
    name, network and territory the file does not repeat on each row."""
    structure = by_id(source["structures"])["FT-PARIS-19"]
    page = _slug(good_site, "services", f"<h1>{structure['name']}</h1>")
    csv_path, _ = download_links(good_site, page)[".csv"]
    assert csv_path.name == f"resultats-{page.parent.name}.csv"  # the stable address: its name is in it
    frame = pd.read_csv(csv_path, dtype={"structure_id": str, "period": str})
    assert frame.columns.tolist() == [
        "structure_id", "indicator_id", "indicator_label", "unit", "period", "value", "sample_size", "ci_low",
        "ci_high", "status", "missing_reason", "updated_on", "note",
    ]
    assert len(frame) == sum(1 for r in source["results"] if r["structure_id"] == "FT-PARIS-19")
    assert set(frame["structure_id"]) == {"FT-PARIS-19"}
    assert frame["value"].dtype == float
    structures = pd.DataFrame(source["structures"])
    joined = frame.merge(structures, left_on="structure_id", right_on="id", validate="many_to_one")
    assert len(joined) == len(frame)
    assert set(joined["name"]) == {structure["name"]}


def test_structure_without_results_still_offers_a_header_only_file(good_site: Path, source: dict) -> None:
    with_results = {r["structure_id"] for r in source["results"]}
    for structure in source["structures"]:
        if structure["id"] in with_results:
            continue
        page = _slug(good_site, "services", f"<h1>{structure['name']}</h1>")
        frame = _read_csv(download_links(good_site, page)[".csv"][0])
        assert frame.empty and "value" in frame.columns


def test_network_download_holds_latest_value_of_each_structure(good_site: Path, source: dict) -> None:
    network = by_id(source["networks"])["france-travail"]
    page = good_site / "reseaux" / "france-travail" / "index.html"
    assert f"<h1>{network['name']}</h1>" in page.read_text(encoding="utf-8")
    links = download_links(good_site, page)
    members = {s["id"] for s in source["structures"] if s["network_id"] == "france-travail"}
    expected = [row for key, row in sorted(latest_rows(source["results"]).items()) if key[0] in members]
    frame = _read_csv(links[".csv"][0])
    _check_rows(frame, expected, source, NETWORK_FILE)
    _check_xlsx_matches_csv(links[".xlsx"][0], frame, json.loads(PACKAGE.read_text(encoding="utf-8")))
    # a French-only site: one "about" sheet, in French (a bilingual site adds « About », tests/i18n)
    assert _sheet_names(links[".xlsx"][0]) == ["Résultats", "Valeurs agrégées", "À propos"]


def test_indicator_download_and_computed_values(good_site: Path, source: dict) -> None:
    page = good_site / "indicateurs" / "satisfaction" / "index.html"
    links = download_links(good_site, page)
    expected = [row for key, row in sorted(latest_rows(source["results"]).items()) if key[1] == "satisfaction"]
    _check_rows(_read_csv(links[".csv"][0]), expected, source, INDICATOR_FILE)
    aggregates = [resolve(good_site, page, href) for href, _, _ in page_links(page) if "valeurs-agregees" in href]
    frame = _read_csv(aggregates[0])
    national = frame[frame["scope"] == "national"]
    assert set(national["indicator_id"]) == {"satisfaction"}
    # 2024: six structures published, weighted by their answers (computed here from the CSV)
    rows_2024 = [r for r in source["results"] if r["indicator_id"] == "satisfaction" and r["period"] == "2024"]
    weighted = sum(float(r["value"]) * float(r["sample_size"]) for r in rows_2024) / sum(
        float(r["sample_size"]) for r in rows_2024)
    value_2024 = float(national.loc[national["period"] == "2024", "value"].iloc[0])
    assert value_2024 == pytest.approx(weighted, rel=1e-12)
    assert set(frame[frame["scope"] == "network"]["network_id"]) == {"caf", "france-travail", "finances-publiques"}


@pytest.mark.parametrize(("folder", "code_column", "code"), [("departements", "departement_code", "75"),
                                                            ("regions", "region_code", "11")])
def test_territory_download_lists_located_structures(good_site: Path, source: dict, folder: str, code_column: str,
                                                     code: str) -> None:
    pages = [p for p in (good_site / "territoires" / folder).glob("*/index.html")]
    names = {row["code"]: row["name"] for row in source[folder]}
    page = next(p for p in pages if f"{names[code]}" in p.read_text(encoding="utf-8").split("<h1>")[1][:80])
    frame = _read_csv(download_links(good_site, page)[".csv"][0])
    located = {s["id"] for s in source["structures"] if s[code_column] == code}
    expected = [row for key, row in sorted(latest_rows(source["results"]).items()) if key[0] in located]
    _check_rows(frame, expected, source, TERRITORY_FILE)


def test_links_say_format_and_size(good_site: Path) -> None:
    page = good_site / "reseaux" / "caf" / "index.html"
    labels = [text for href, text, _ in download_block_links(page) if href.endswith((".csv", ".xlsx", ".json"))]
    formats = {size_from_label(text)[0] for text in labels}
    assert formats == {"CSV", "Excel (XLSX)", "JSON (API)"}


def test_xlsx_is_dated_from_the_package(good_site: Path) -> None:
    package = json.loads(PACKAGE.read_text(encoding="utf-8"))
    import openpyxl

    workbook = openpyxl.load_workbook(next(good_site.glob("reseaux/*/*.xlsx")))
    assert workbook.properties.created == dt.datetime.fromisoformat(package["as_of"])
    assert workbook.properties.modified == dt.datetime.fromisoformat(package["as_of"])


def _sheet_names(path: Path) -> list[str]:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return workbook.sheetnames
    finally:
        workbook.close()
