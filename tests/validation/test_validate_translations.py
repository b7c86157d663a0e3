"""The optional translations.csv (issue #17): accepted when right, located errors when a row names no
real text, warnings listing the texts a started language still lacks, and its descriptor is fixed."""

from __future__ import annotations

import json
from pathlib import Path

from results.core.translations import TRANSLATIONS_RESOURCE
from support.paths import GOOD_FIXTURE
from support.site import copy_package
from validation import format_report, validate_package


def with_translations(folder: Path, rows: list[str], resource: dict | None = None) -> Path:
    package = copy_package(GOOD_FIXTURE, folder / "package")
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    descriptor["resources"].append(resource or TRANSLATIONS_RESOURCE)
    package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    (package.parent / "translations.csv").write_text("table,id,field,lang,text\n" + "".join(f"{r}\n" for r in rows),
                                                     encoding="utf-8")
    return package


def test_a_package_without_translations_is_still_valid() -> None:
    assert validate_package(GOOD_FIXTURE).valid


def test_rows_naming_no_real_text_are_errors_at_their_cell(tmp_path: Path) -> None:
    package = with_translations(tmp_path, [
        "networks,caf,name,en,Family allowance funds",
        "networks,cafe,name,en,Typo in the id",
        "indicators,satisfaction,unit,en,percent",
    ])
    report = validate_package(package)
    assert not report.valid
    found = {(issue.line, issue.column.index if issue.column else None) for issue in report.errors
             if issue.code == "translation-unknown"}
    assert found == {(3, 2), (4, 3)}
    text = format_report(report)
    assert "Identifiant « cafe » absent de networks.csv." in text
    assert "Les colonnes traduisibles de indicators sont : label, methods." in text


def test_a_started_language_lists_its_missing_texts_as_warnings(tmp_path: Path) -> None:
    package = with_translations(tmp_path, ["networks,caf,name,en,Family allowance funds"])
    report = validate_package(package)
    assert report.valid  # missing translations never block a publication
    warnings = [issue for issue in report.warnings if issue.code == "translation-missing"]
    assert len(warnings) == 1 and "sans traduction « en »" in warnings[0].message
    assert "networks caf short_name" in warnings[0].message and "networks caf name" not in warnings[0].message


def test_its_descriptor_cannot_be_changed(tmp_path: Path) -> None:
    changed = json.loads(json.dumps(TRANSLATIONS_RESOURCE))
    changed["schema"]["fields"][4]["name"] = "texte"
    report = validate_package(with_translations(tmp_path, [], changed))
    assert any(issue.code == "schema-changed" for issue in report.errors)
