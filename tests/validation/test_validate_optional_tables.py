"""Optional tables (labels, experiences, actions, translations) may be left out of a package altogether,
file and resource; a resource declared without its file is refused with a fix that says both ways out;
a row pointing into a table the package left out is an error at its cell (issue #17)."""

from __future__ import annotations

import json
from pathlib import Path

from results.core.schema import OPTIONAL_TABLES
from results.core.translations import TRANSLATIONS_RESOURCE
from support.paths import GOOD_FIXTURE
from support.site import copy_package
from validation import format_report, validate_package
from validation.language import Language


def package_without(folder: Path, names: tuple[str, ...], *, keep_resources: bool = False) -> Path:
    """A copy of the good fixture without the files of `names` (and without their resources unless kept)."""
    package = copy_package(GOOD_FIXTURE, folder / "package")
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    if not keep_resources:
        descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] not in names]
    package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    for name in names:
        (package.parent / f"{name}.csv").unlink(missing_ok=True)
    return package


def test_a_package_without_its_optional_tables_is_valid(tmp_path: Path) -> None:
    package = package_without(tmp_path, OPTIONAL_TABLES)
    assert OPTIONAL_TABLES == ("labels", "experiences", "actions")
    report = validate_package(package)
    assert report.valid, format_report(report)
    assert report.errors == () and report.exit_code == 0


def test_a_required_table_left_out_is_still_refused(tmp_path: Path) -> None:
    report = validate_package(package_without(tmp_path, ("targets",)))
    assert not report.valid
    assert [issue.message for issue in report.errors] == ["La ressource « targets » a disparu de datapackage.json."]


def test_a_declared_optional_table_without_its_file_names_the_file_and_both_fixes(tmp_path: Path) -> None:
    report = validate_package(package_without(tmp_path, ("experiences",), keep_resources=True))
    assert report.exit_code == 2
    [issue] = report.errors
    assert (issue.code, issue.file.rsplit("/", 1)[-1]) == ("missing-file", "experiences.csv")
    assert issue.message == "Le fichier experiences.csv déclaré par la ressource « experiences » est introuvable."
    assert "Ajoutez le fichier (git add)" in issue.fix
    assert "retirez plutôt la ressource « experiences » de datapackage.json" in issue.fix


def test_a_declared_translations_resource_without_its_file_says_the_same(tmp_path: Path) -> None:
    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    descriptor["resources"].append(TRANSLATIONS_RESOURCE)
    package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    report = validate_package(package)
    [issue] = report.errors
    assert issue.code == "missing-file" and issue.file.endswith("translations.csv")
    assert "retirez plutôt la ressource « translations »" in issue.fix


def test_a_row_pointing_into_a_table_left_out_is_an_error_at_its_cell(tmp_path: Path) -> None:
    """actions.csv of the good fixture: line 2 names experience EXP-0002 (column 7, experience_id)."""
    package = package_without(tmp_path, ("experiences",))
    report = validate_package(package)
    assert report.exit_code == 1
    [issue] = report.errors
    assert (issue.code, issue.location.rsplit("/", 1)[-1], issue.value) == ("absent-table", "actions.csv:2:7",
                                                                            "EXP-0002")
    assert issue.message == ("« EXP-0002 » renvoie au tableau experiences, que le paquet ne contient pas (pas de "
                             "ressource « experiences » dans datapackage.json).")
    assert "Videz la cellule (colonne experience_id)" in issue.fix and "experiences.csv" in issue.fix
    english = json.loads(format_report(report, "json", language=Language("en")))["errors"][0]
    assert english["location"] == issue.location
    assert english["message"].startswith("“EXP-0002” points to the experiences table")
    assert "Reference to an absent table [absent-table]" in format_report(report, language=Language("en"))


def test_emptying_the_cell_makes_the_package_valid(tmp_path: Path) -> None:
    package = package_without(tmp_path, ("experiences",))
    actions = package.parent / "actions.csv"
    actions.write_text(actions.read_text(encoding="utf-8").replace(",EXP-0002,", ",,"), encoding="utf-8")
    report = validate_package(package)
    assert report.valid, format_report(report)


def test_many_such_cells_are_counted_after_the_first_ones(tmp_path: Path) -> None:
    package = package_without(tmp_path, ("experiences",))
    actions = package.parent / "actions.csv"
    header, first, *rest = actions.read_text(encoding="utf-8").splitlines()
    copies = [first.replace("ACT-0001", f"ACT-{9000 + n}") for n in range(24)]  # 25 cells name EXP-0002
    actions.write_text("\n".join([header, first, *rest, *copies]) + "\n", encoding="utf-8")
    errors = validate_package(package).errors
    assert len(errors) == 21 and all(issue.code == "absent-table" and issue.line for issue in errors)
    assert errors[-1].message == ("… et 5 autres cellules de la colonne experience_id renvoient au tableau absent "
                                  "experiences.")
    assert errors[-1].line == len(rest) + 2 + 20  # the first cell only counted: the 21st copy's line
