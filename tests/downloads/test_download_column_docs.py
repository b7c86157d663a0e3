"""The downloads document their columns with the package's own Table Schema: a description edited in
a copy's datapackage.json is what the downloaded workbook's "À propos" sheet and the data page say."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from dlcheck import download_links, xlsx_rows
from results.core.fields import FieldMismatchError
from results.downloads.columns import RESULT_COLUMNS, described
from support.paths import GOOD_FIXTURE
from support.site import build_site, copy_package

VALUE = "Valeur du résultat, décrite dans la copie du schéma pour ce test."
NAME = "Nom de la structure, décrit dans la copie du schéma pour ce test."


def _edit_schema(descriptor_path: Path) -> None:
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            if resource["name"].startswith("results-") and field["name"] == "value":
                field["description"] = VALUE
            if resource["name"] == "structures" and field["name"] == "name":
                field["description"] = NAME
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("schema-docs")
    package = copy_package(GOOD_FIXTURE, root / "package")
    _edit_schema(package)
    return build_site(package, root / "output")


def _about(workbook: Path, sheet: str) -> dict[str, str]:
    """Column → description of `sheet`'s columns, from the "À propos" sheet's tables."""
    columns: dict[str, str] = {}
    current = ""
    for row in xlsx_rows(workbook, "À propos"):
        first = str(row[0] or "") if row else ""
        if first.startswith("Feuille « "):
            current = first.split("« ", 1)[1].split(" »", 1)[0]
        elif current == sheet and first and len(row) > 3 and row[3]:
            columns[first] = str(row[3])
    return columns


def test_a_description_edited_in_the_schema_is_the_workbooks_description(edited_site: Path) -> None:
    network_page = next((edited_site / "reseaux").glob("*/index.html"))
    workbook, _ = download_links(edited_site, network_page)[".xlsx"]
    about = _about(workbook, "Résultats")
    assert about["value"] == VALUE
    assert about["structure_name"] == NAME
    # a copied key says where it joins, from the schema's foreign keys
    assert about["structure_id"] == "Code de la structure (colonne id de structures.csv)."
    # what the site computes keeps its own description
    computed = _about(workbook, "Valeurs agrégées")
    assert computed["value"] == "Valeur calculée par le site à partir des résultats des structures, sans arrondi."


def _page_file_columns(site: Path) -> dict[str, tuple[str, str]]:
    """Column → (files, description) of the data page's table of the page files' columns."""
    page = html.unescape((site / "donnees" / "index.html").read_text(encoding="utf-8"))
    table = page.split("Colonnes des fichiers de résultats des pages</caption>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><th scope=\"row\"><code>(\w+)</code></th><td>[^<]*</td><td>[^<]*</td>"
                      r"<td>([^<]*)</td><td>([^<]*)</td></tr>", table)
    return {name: (files, description) for name, files, description in rows}


def test_the_data_page_dictionary_of_the_page_files_follows_the_schema(edited_site: Path) -> None:
    columns = _page_file_columns(edited_site)
    assert columns["value"][1] == VALUE
    assert columns["structure_name"][1] == NAME


def test_the_data_page_says_which_page_files_have_each_column(edited_site: Path) -> None:
    """A structure's file does not repeat its name, network and territory: the data page says so, column
    by column, and lists exactly the columns of a structure's downloaded file."""
    columns = _page_file_columns(edited_site)
    assert list(columns) == [column.name for column in RESULT_COLUMNS]
    in_structure_files = [name for name, (files, _) in columns.items()
                          if files == "tous" or "structure" in files.split(", ")]
    structure_csv = next(edited_site.glob("services/*/resultats-*.csv"))
    assert in_structure_files == pd.read_csv(structure_csv, nrows=0).columns.tolist()
    assert columns["structure_name"][0] == "réseau, indicateur, territoire"
    assert columns["structure_id"][0] == columns["indicator_id"][0] == columns["value"][0] == "tous"
    assert columns["network_name"][0] == "indicateur, territoire"
    assert columns["indicator_label"][0] == columns["unit"][0] == "structure, réseau, territoire"


def test_a_copied_field_missing_from_the_schema_is_named() -> None:
    descriptor = json.loads(GOOD_FIXTURE.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == "structures":
            resource["schema"]["fields"] = [f for f in resource["schema"]["fields"] if f["name"] != "name"]
    with pytest.raises(FieldMismatchError, match=r"structures : colonne name absente du descripteur.*structure_name"):
        described(RESULT_COLUMNS, descriptor)
