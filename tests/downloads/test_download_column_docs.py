"""The downloads document their columns with the package's own Table Schema: a description edited in
a copy's datapackage.json is what the downloaded workbook's "À propos" sheet and the data page say."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

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


def test_the_data_page_dictionary_of_the_page_files_follows_the_schema(edited_site: Path) -> None:
    page = html.unescape((edited_site / "donnees" / "index.html").read_text(encoding="utf-8"))
    rows = re.findall(r"<tr><th scope=\"row\"><code>(\w+)</code></th><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td></tr>",
                      page)
    assert ("value", VALUE) in rows
    assert ("structure_name", NAME) in rows


def test_a_copied_field_missing_from_the_schema_is_named() -> None:
    descriptor = json.loads(GOOD_FIXTURE.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == "structures":
            resource["schema"]["fields"] = [f for f in resource["schema"]["fields"] if f["name"] != "name"]
    with pytest.raises(FieldMismatchError, match=r"structures : colonne name absente du descripteur.*structure_name"):
        described(RESULT_COLUMNS, descriptor)
