"""Columns come from the descriptor and are matched to records by name, never by position."""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from results.core.fields import FieldMismatchError, check_model_fields, from_row, ordered, resource_fields
from results.load import load_catalog
from results.model import Structure
from support.paths import ROOT

GOOD = ROOT / "tests" / "fixtures" / "good"


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    slug: str


def test_resource_fields_follow_the_descriptor_order() -> None:
    descriptor = {"resources": [{"name": "places", "schema": {"fields": [{"name": "name"}, {"name": "code"}]}}]}
    assert resource_fields(descriptor) == {"places": ("name", "code")}


def test_records_are_built_and_written_by_name() -> None:
    place = from_row(Place, {"name": "Ain", "code": "01", "ignored": "x"}, slug="ain")
    assert place == Place("01", "Ain", "ain")
    assert ordered("places", ("name", "code"), place) == ["Ain", "01"]
    assert ordered("places", ("name", "code"), {"code": "01", "name": "Ain"}) == ["Ain", "01"]


def test_a_missing_or_extra_column_is_named() -> None:
    with pytest.raises(FieldMismatchError, match="name"):
        check_model_fields("places", Place, ("code",), derived=("slug",))
    with pytest.raises(FieldMismatchError, match="code"):
        ordered("places", ("name", "code"), {"name": "Ain"})
    with pytest.raises(FieldMismatchError, match="extra"):
        ordered("places", ("name",), {"name": "Ain", "extra": "x"})


def test_the_site_reads_columns_in_any_order(tmp_path: Path) -> None:
    """Reverse the columns of structures.csv (file and descriptor): the catalog does not change."""
    package = tmp_path / "package"
    shutil.copytree(GOOD, package)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "structures")
    resource["schema"]["fields"].reverse()
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    path = package / "structures.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row[::-1] for row in csv.reader(handle)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    assert load_catalog(package / "datapackage.json").structures == load_catalog(GOOD / "datapackage.json").structures


def test_a_model_field_missing_from_the_descriptor_stops_the_load(tmp_path: Path) -> None:
    package = tmp_path / "package"
    shutil.copytree(GOOD, package)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "structures")
    resource["schema"]["fields"] = [f for f in resource["schema"]["fields"] if f["name"] != "commune"]
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FieldMismatchError, match=f"commune.*{Structure.__name__}"):
        load_catalog(package / "datapackage.json")
