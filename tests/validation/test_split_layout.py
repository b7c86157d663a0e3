"""The results, one file per network (per year for a big network), as the validator reads them.

Each file is its own resource with the programme's results schema (plugins/results/core/parts.py):
errors name the file and the line the maintainer opens in it, a row in another network's or another
year's file is an error that names the right file, and the descriptor may not declare the files any
other way (an old single results.csv, a network with both layouts, a loosened copy of the schema).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.parts import results_template, split_by_year
from support.paths import ROOT
from validation import format_report, validate_package

GOOD = ROOT / "tests" / "fixtures" / "good"


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "package"
    shutil.copytree(GOOD, copy)
    monkeypatch.chdir(copy)  # locations as the maintainer sees them from the package folder
    return copy


def descriptor(package: Path) -> dict:
    return json.loads((package / "datapackage.json").read_text(encoding="utf-8"))


def write_descriptor(package: Path, data: dict) -> None:
    (package / "datapackage.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


def test_a_network_split_by_year_is_valid_with_both_engines(package: Path) -> None:
    split_by_year(package / "datapackage.json", "caf")
    for engine in ("frictionless", "fast"):
        report = validate_package(package, engine=engine)
        assert report.valid, format_report(report)
    assert {"results-caf-2024", "results-caf-2025", "results-caf-2026"} <= {s.name for s in report.resources}


def test_a_row_in_another_networks_file_names_the_right_file(package: Path) -> None:
    """A France Travail agency's row pasted at the end of the CAF's file: file, line, column, fix."""
    caf = package / "results" / "caf.csv"
    lines = caf.read_text("utf-8").splitlines()
    caf.write_text("\n".join([*lines, "FT-IDF,satisfaction,2023,70,1200,67.4,72.6,final,,2024-02-12,"]) + "\n",
                   "utf-8")
    for engine in ("frictionless", "fast"):
        (issue,) = validate_package(package, engine=engine).errors
        assert (issue.code, issue.location) == ("wrong-network-file", f"results/caf.csv:{len(lines) + 1}:1")
        assert "« FT-IDF » relève du réseau « france-travail »" in issue.message
        assert "results/france-travail.csv" in issue.fix
        assert issue.title == "Ligne dans le fichier d'un autre réseau"


def test_a_row_in_another_years_file_names_the_right_year(package: Path) -> None:
    split_by_year(package / "datapackage.json", "caf")
    file = package / "results" / "caf" / "2026.csv"
    lines = file.read_text("utf-8").splitlines()
    file.write_text("\n".join([*lines, "CAF-75,satisfaction,2023,80,390,76,84,final,,2024-02-12,"]) + "\n", "utf-8")
    (issue,) = validate_package(package).errors
    assert (issue.code, issue.location) == ("wrong-network-file", f"results/caf/2026.csv:{len(lines) + 1}:3")
    assert "n'est pas de l'année 2026" in issue.message
    assert "results/caf/2023.csv" in issue.fix


def test_the_old_single_results_file_is_refused_with_the_new_layout_explained(package: Path) -> None:
    data = descriptor(package)
    parts = [r for r in data["resources"] if r["name"].startswith("results-")]
    at = data["resources"].index(parts[0])
    data["resources"] = [r for r in data["resources"] if r not in parts]
    data["resources"].insert(at, {**results_template(), "path": "results.csv"})
    write_descriptor(package, data)
    report = validate_package(package)
    assert report.exit_code == 2
    messages = [issue.message for issue in report.errors]
    assert any("remplacée par un fichier par réseau" in message for message in messages), messages
    assert any("Aucun fichier de la table « results »" in message for message in messages), messages
    assert all("results/<réseau>.csv" in issue.fix for issue in report.errors)


def test_a_network_with_both_layouts_is_refused(package: Path) -> None:
    split_by_year(package / "datapackage.json", "caf")
    data = descriptor(package)
    data["resources"].append({**results_template(), "name": "results-caf", "path": "results/caf.csv",
                              "title": "Résultats du réseau caf"})
    write_descriptor(package, data)
    (package / "results" / "caf.csv").write_text((package / "results" / "caf" / "2024.csv").read_text("utf-8"))
    report = validate_package(package)
    assert report.exit_code == 2
    assert any("à la fois un fichier unique" in issue.message for issue in report.errors)


def test_a_loosened_copy_of_the_schema_in_one_network_is_refused(package: Path) -> None:
    data = descriptor(package)
    fields = next(r for r in data["resources"] if r["name"] == "results-france-travail")["schema"]["fields"]
    next(f for f in fields if f["name"] == "value")["type"] = "any"
    write_descriptor(package, data)
    (issue,) = validate_package(package).errors
    assert issue.code == "schema-changed" and issue.resource == "results-france-travail"
    assert "fields[value].type" in issue.message


@pytest.mark.parametrize(("name", "path"), [("results-cnaf", "results/caf.csv"), ("results-caf", "resultats/caf.csv"),
                                            ("results-caf", "results/caf/24.csv")])
def test_a_results_file_must_be_named_after_its_path(package: Path, name: str, path: str) -> None:
    data = descriptor(package)
    resource = next(r for r in data["resources"] if r["name"] == "results-caf")
    resource.update(name=name, path=path)
    write_descriptor(package, data)
    report = validate_package(package)
    assert report.exit_code == 2 and report.errors[0].fatal
    assert all(issue.code in ("schema-changed", "missing-file") for issue in report.errors), format_report(report)


def test_a_network_file_past_10_mb_is_a_warning_to_split_it_by_year(package: Path, monkeypatch) -> None:
    """The threshold lowered to the fixture's size: the same warning a national file would get."""
    monkeypatch.setattr("validation.runner.SPLIT_BYTES", 1000)
    report = validate_package(package)
    assert report.valid, "un avertissement n'empêche pas la fusion"
    warned = {issue.file: issue for issue in report.warnings if issue.code == "file-too-big"}
    assert set(warned) == {"results/caf.csv", "results/france-travail.csv"}  # finances-publiques: 300 bytes
    assert "results/caf/<année>.csv" in warned["results/caf.csv"].fix
    split_by_year(package / "datapackage.json", "caf")
    assert "results/caf/2026.csv" not in {i.file for i in validate_package(package).warnings}
